import torch
from torch import nn

from dlref.conv import conv2d_output_size

torch.manual_seed(0)
x = torch.zeros(1, 1, 32, 32)
# zh: (卷积核, 填充, 步长, 空洞率)：公式与真实的 nn.Conv2d 对照
# en: (kernel, padding, stride, dilation): the formula against a real nn.Conv2d
for k, p, s, d in [(3, 0, 1, 1), (3, 1, 1, 1), (5, 2, 1, 1), (3, 1, 2, 1), (4, 1, 2, 1),
                   (3, 0, 3, 1), (3, 2, 1, 2), (7, 3, 2, 1), (1, 0, 1, 1)]:
    formula = conv2d_output_size(32, k, stride=s, padding=p, dilation=d)
    real = tuple(nn.Conv2d(1, 1, k, stride=s, padding=p, dilation=d)(x).shape[-2:])
    print(f"k={k} p={p} s={s} d={d}: 32x32 -> {formula[0]}x{formula[1]}")
    assert formula == real
assert conv2d_output_size(32, 3, stride=3) == (10, 10)  # zh: ⌊29/3⌋ + 1，最后 2 列用不到 # en: ⌊29/3⌋ + 1: the last 2 columns are unused

# zh: 不填充时每个 3×3 卷积让边长减 2；填充 1 则保持不变
# en: without padding each 3×3 convolution takes 2 off the side; padding 1 keeps it
for p in (0, 1):
    net = nn.Sequential(*[nn.Conv2d(1, 1, 3, padding=p) for _ in range(10)])
    h, w = net(x).shape[-2:]
    print(f"ten 3x3 convs, padding={p}: 32x32 -> {h}x{w}")
assert nn.Sequential(*[nn.Conv2d(1, 1, 3) for _ in range(10)])(x).shape[-1] == 32 - 10 * 2 == 12
