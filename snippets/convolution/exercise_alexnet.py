import torch
from torch import nn

from dlref.conv import conv2d_output_size

# zh: AlexNet 论文：224×224 输入，11×11 卷积核，步长 4，输出 55×55
# en: the AlexNet paper: a 224×224 input, 11×11 kernels, stride 4, a 55×55 output
for n, p in [(224, 0), (227, 0), (224, 2)]:
    h, w = conv2d_output_size(n, 11, stride=4, padding=p)
    exact = (n + 2 * p - 11) % 4 == 0  # zh: 窗口是否恰好铺满 # en: do the windows fit exactly?
    print(f"input {n}, padding {p}: ({n} + {2 * p} - 11) / 4 + 1 -> {h}x{w}, fits exactly: {exact}")

assert conv2d_output_size(224, 11, stride=4) == (54, 54)
assert conv2d_output_size(227, 11, stride=4) == (55, 55)
# zh: torchvision 的 AlexNet 用 padding=2，224 的输入也得到 55
# en: torchvision's AlexNet uses padding=2, and gets 55 from a 224 input
first = nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2)
assert first(torch.zeros(1, 3, 224, 224)).shape[-2:] == (55, 55)
