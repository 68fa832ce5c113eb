#| claims: [N02]
import torch.nn as nn


def n_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


# zh: n 个神经元连到 m 个神经元：m×n 个连接（权重），再加 m 个偏置
# en: n neurons connected to m neurons: m×n connections (weights), plus m biases
n, m = 784, 128
layer = nn.Linear(n, m)
print("weight:", tuple(layer.weight.shape), "=", layer.weight.numel(), "connections")
print("bias:  ", tuple(layer.bias.shape))
assert layer.weight.numel() == m * n


# zh: 隐藏层逐个增加：每多一层（宽 128）就多 128*128 + 128 个参数，按层数线性增长
# en: add hidden layers one at a time: each extra layer (width 128) adds 128*128 + 128 parameters, linear in the depth
def mlp(depth: int, width: int) -> nn.Sequential:
    layers = [nn.Linear(784, width), nn.ReLU()]
    for _ in range(depth - 1):
        layers += [nn.Linear(width, width), nn.ReLU()]
    return nn.Sequential(*layers, nn.Linear(width, 10))


counts = [n_params(mlp(depth, 128)) for depth in range(1, 6)]
print("hidden layers 1..5:", counts)
print("added per layer:   ", [b - a for a, b in zip(counts, counts[1:])])
assert all(b - a == 128 * 128 + 128 for a, b in zip(counts, counts[1:]))

# zh: 宽度翻倍时，隐藏层之间的权重约变为 4 倍（随宽度平方增长）
# en: doubling the width roughly quadruples the hidden-to-hidden weights (quadratic in the width)
for width in (128, 256, 512):
    print(f"width {width}: {n_params(nn.Linear(width, width)):,} parameters per hidden-to-hidden layer")
