import torch
from torch import nn


def gradient_footprint(n_layers: int) -> torch.Tensor:
    """d(centre output) / d(input) through n stacked all-ones 3×3 convolutions: path counts."""
    size = 2 * n_layers + 1  # zh: 正好是感受野的大小 # en: exactly the receptive field
    net = nn.Sequential(*[nn.Conv2d(1, 1, 3, padding=1, bias=False, dtype=torch.float64) for _ in range(n_layers)])
    for conv in net:
        nn.init.ones_(conv.weight)
    x = torch.zeros(1, 1, size, size, dtype=torch.float64, requires_grad=True)
    net(x)[0, 0, n_layers, n_layers].backward()
    return x.grad[0, 0]


print("layers  RF side  std of the footprint  side of the central square with half the gradient")
for n_layers in [1, 2, 4, 8, 16, 32]:
    g = gradient_footprint(n_layers)
    p = g.sum(dim=0) / g.sum()  # zh: 沿一个方向的分布（另一个方向相同） # en: the distribution along one axis (the other is the same)
    offsets = torch.arange(len(p), dtype=torch.float64) - n_layers
    std = (p * offsets ** 2).sum().sqrt().item()
    # zh: 从中心向外扩大正方形，直到它包含一半的梯度
    # en: grow a square from the centre until it holds half of the gradient
    half = next(2 * k + 1 for k in range(n_layers + 1)
                if g[n_layers - k:n_layers + k + 1, n_layers - k:n_layers + k + 1].sum() >= g.sum() / 2)
    print(f"{n_layers:6d}  {len(p):7d}  {std:20.2f}  {half:8d}")
    # zh: 每层的方差是 2/3，n 层相加：标准差 sqrt(2n/3)，只按 sqrt(n) 增长
    # en: each layer adds a variance of 2/3, so n layers give a std of sqrt(2n/3): growth like sqrt(n)
    assert abs(std - (2 * n_layers / 3) ** 0.5) < 1e-9
