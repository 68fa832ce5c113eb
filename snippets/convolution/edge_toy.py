import torch
import torch.nn.functional as F

# zh: 6×8 的图：左半边暗（0），右半边亮（1），中间是一条竖直的边缘
# en: a 6×8 image, dark (0) on the left and bright (1) on the right: one vertical edge
x = torch.zeros(1, 1, 6, 8)
x[..., 4:] = 1.0
# zh: 1×2 的卷积核 [-1, 1] 计算“右边像素减左边像素”
# en: the 1×2 kernel [-1, 1] computes "right pixel minus left pixel"
k = torch.tensor([[[[-1.0, 1.0]]]])

y = F.conv2d(x, k)
print("output", tuple(y.shape))
print(y[0, 0].int().numpy())
# zh: 同一个核放到转置后的图（水平边缘）上：处处为 0，它看不见水平边缘
# en: the same kernel on the transposed image (a horizontal edge): zero everywhere, it cannot see it
y_t = F.conv2d(x.transpose(-2, -1), k)
print("transposed image -> max |output| =", y_t.abs().max().item())
assert y[0, 0, :, 3].eq(1).all() and y.abs().sum() == 6 and y_t.abs().max() == 0
