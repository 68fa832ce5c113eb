import torch
import torch.nn.functional as F


def corr2d(x, k):
    """2-D cross-correlation of one channel: no padding, stride 1."""
    kh, kw = k.shape
    y = torch.zeros(x.shape[0] - kh + 1, x.shape[1] - kw + 1)
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            # zh: 窗口与卷积核逐元素相乘再求和
            # en: multiply the window by the kernel element-wise, then sum
            y[i, j] = (x[i:i + kh, j:j + kw] * k).sum()
    return y


x = torch.arange(9.0).reshape(3, 3)
k = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
y = corr2d(x, k)
print(y)

# zh: F.conv2d 要求输入形如 (N, C_in, H, W)、卷积核形如 (C_out, C_in, kh, kw)
# en: F.conv2d wants the input as (N, C_in, H, W) and the kernels as (C_out, C_in, kh, kw)
y_torch = F.conv2d(x.reshape(1, 1, 3, 3), k.reshape(1, 1, 2, 2))
print("F.conv2d gives the same:", torch.equal(y, y_torch[0, 0]))
assert y.tolist() == [[19.0, 25.0], [37.0, 43.0]] and torch.equal(y, y_torch[0, 0])
