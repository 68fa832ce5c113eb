import torch
from torch import nn


def conv_block(in_channels: int, out_channels: int) -> nn.Sequential:
    """Conv2d -> BatchNorm2d -> ReLU -> MaxPool2d"""
    return nn.Sequential(
        # zh: 3×3 卷积、padding=1：尺寸不变；后面紧跟 BN，所以卷积不需要偏置
        # en: 3×3 convolution with padding=1 keeps the size; BN follows, so the conv needs no bias
        nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1, bias=False),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(kernel_size=2, stride=2),  # zh: 高、宽减半 # en: halves height and width
    )


torch.manual_seed(0)
model = nn.Sequential(conv_block(3, 16), conv_block(16, 32))
x = torch.randn(8, 3, 32, 32)  # zh: 8 张 32×32 的 RGB 图 # en: 8 RGB images, 32×32

h = x
print(f"{'input':14s} {tuple(h.shape)}")
for b, block in enumerate(model):
    for layer in block:
        h = layer(h)
        stats = ""
        if isinstance(layer, nn.BatchNorm2d):  # zh: 每个通道：均值≈0、标准差≈1 # en: per channel: mean ≈ 0, std ≈ 1
            stats = f"channel means ≈ {h.mean(dim=(0, 2, 3)).abs().max():.3f}, stds ≈ {h.std(dim=(0, 2, 3)).mean():.3f}"
        if isinstance(layer, nn.ReLU):  # zh: 约一半的值被置 0 # en: about half of the values set to 0
            stats = f"zeros: {(h == 0).float().mean():.0%}"
        print(f"{b}.{type(layer).__name__:12s} {tuple(h.shape)!s:16s} {stats}".rstrip())
assert h.shape == (8, 32, 8, 8)
