import numpy as np
import torch
import torch.nn.functional as F

# zh: 一维：数学上的卷积（np.convolve）先把卷积核翻转，互相关（np.correlate）不翻转
# en: in 1-D: mathematical convolution (np.convolve) flips the kernel, cross-correlation (np.correlate) does not
x = np.array([1.0, 2.0, 4.0, 7.0, 11.0])
k = np.array([1.0, 0.0, -1.0])  # zh: 不对称的差分核 # en: an asymmetric difference kernel
conv = np.convolve(x, k, mode="valid")
corr = np.correlate(x, k, mode="valid")
ours = F.conv1d(torch.tensor(x).reshape(1, 1, -1), torch.tensor(k).reshape(1, 1, -1)).flatten().numpy()
print("np.convolve :", conv)
print("np.correlate:", corr)
print("F.conv1d    :", ours)
assert np.array_equal(ours, corr)  # zh: PyTorch 的“卷积”是互相关 # en: PyTorch's "convolution" is cross-correlation
assert np.array_equal(conv, np.correlate(x, k[::-1], mode="valid"))  # zh: 卷积 = 与翻转后的核做互相关 # en: convolution = correlation with the flipped kernel

# zh: 二维：对一个单位脉冲做互相关，得到的是旋转 180° 的卷积核；真正的卷积则原样复现卷积核
# en: in 2-D: cross-correlating a unit impulse gives the kernel rotated by 180°; true convolution reproduces it
impulse = torch.zeros(1, 1, 3, 3)
impulse[0, 0, 1, 1] = 1.0
kernel = torch.arange(1.0, 10.0).reshape(1, 1, 3, 3)
corr2 = F.conv2d(impulse, kernel, padding=1)[0, 0]
conv2 = F.conv2d(impulse, kernel.flip(-2, -1), padding=1)[0, 0]  # zh: 上下、左右都翻转 # en: flip both axes
for name, t in [("kernel", kernel[0, 0]), ("F.conv2d(impulse, kernel)", corr2),
                ("F.conv2d(impulse, flipped kernel)", conv2)]:
    print(f"{name}:", t.int().tolist())
assert torch.equal(corr2, kernel[0, 0].rot90(2)) and torch.equal(conv2, kernel[0, 0])
