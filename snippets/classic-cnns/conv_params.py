#| claims: [N52]
from torch import nn

C = 64  # zh: 输入、输出通道数都为 C # en: C input and C output channels


def n_params(module):
    return sum(p.numel() for p in module.parameters())


def stack_3x3(n):
    """n stacked 3x3 convs (C -> C), each followed by a ReLU."""
    layers = []
    for _ in range(n):
        layers += [nn.Conv2d(C, C, kernel_size=3, padding=1, bias=False), nn.ReLU()]
    return nn.Sequential(*layers)


# zh: 感受野 5×5：一个 5×5 卷积 vs 两个 3×3 卷积
# en: a 5x5 receptive field: one 5x5 conv vs two 3x3 convs
p5 = n_params(nn.Conv2d(C, C, kernel_size=5, padding=2, bias=False))
p33 = n_params(stack_3x3(2))
print(f"one 5x5 conv    : {p5:7,} = 25*C^2")
print(f"two 3x3 convs   : {p33:7,} = 18*C^2   ratio {p33 / p5:.2f}")
assert p5 == 25 * C**2 == 102_400
assert p33 == 18 * C**2 == 73_728

# zh: 感受野 7×7：一个 7×7 卷积 vs 三个 3×3 卷积
# en: a 7x7 receptive field: one 7x7 conv vs three 3x3 convs
p7 = n_params(nn.Conv2d(C, C, kernel_size=7, padding=3, bias=False))
p333 = n_params(stack_3x3(3))
print(f"one 7x7 conv    : {p7:7,} = 49*C^2")
print(f"three 3x3 convs : {p333:7,} = 27*C^2   ratio {p333 / p7:.2f}")
assert p7 == 49 * C**2 and p333 == 27 * C**2
