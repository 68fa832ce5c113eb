import torch
from torch import nn


def shift(t, n):
    """Shift right by n pixels (circularly)."""
    return torch.roll(t, shifts=n, dims=-1)


torch.manual_seed(0)
x = torch.randn(1, 1, 8, 8)
found = {}
# zh: 循环填充让边界也“无缝”，于是平移等变性严格成立
# en: circular padding makes the border seamless, so translation equivariance holds exactly
for stride in (1, 2):
    conv = nn.Conv2d(1, 1, 3, stride=stride, padding=1, padding_mode="circular", bias=False)
    y = conv(x)
    for n in (1, 2):
        y_n = conv(shift(x, n))
        # zh: 输出是否等于原输出平移 m 个像素？
        # en: is the output the original output shifted by m pixels?
        m = [m for m in range(y.shape[-1]) if torch.allclose(y_n, shift(y, m), atol=1e-5)]
        found[stride, n] = m
        print(f"stride {stride}, input shifted by {n} -> output shifted by {m[0] if m else 'no amount'}")

assert found == {(1, 1): [1], (1, 2): [2], (2, 1): [], (2, 2): [1]}
