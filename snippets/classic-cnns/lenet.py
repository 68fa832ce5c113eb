from collections import OrderedDict

import torch
from torch import nn

torch.manual_seed(0)

# zh: LeNet-5 的 7 层（不算输入）：C 是卷积层，S 是下采样（池化）层，F 是全连接层。
# zh: 这里用现代写法：平均池化 + tanh，C3 与 S2 全连接，输出层用普通线性层代替原文的 RBF 单元。
# en: The 7 layers of LeNet-5 (not counting the input): C = convolution, S = subsampling (pooling),
# en: F = fully connected. Modern simplifications: average pooling + tanh, C3 connected to all S2 maps,
# en: and a plain linear output layer instead of the original RBF units.
lenet5 = nn.Sequential(OrderedDict(
    C1=nn.Sequential(nn.Conv2d(1, 6, kernel_size=5), nn.Tanh()),
    S2=nn.AvgPool2d(kernel_size=2, stride=2),
    C3=nn.Sequential(nn.Conv2d(6, 16, kernel_size=5), nn.Tanh()),
    S4=nn.AvgPool2d(kernel_size=2, stride=2),
    C5=nn.Sequential(nn.Conv2d(16, 120, kernel_size=5), nn.Tanh()),
    F6=nn.Sequential(nn.Flatten(), nn.Linear(120, 84), nn.Tanh()),
    OUTPUT=nn.Linear(84, 10),
))
assert len(lenet5) == 7  # zh: "5" 是版本号，不是层数 # en: the "5" is a version number, not a layer count

x = torch.randn(1, 1, 32, 32)  # zh: 一张 32×32 的灰度图 # en: one 32×32 greyscale image
print(f"{'input':7s} {list(x.shape)}")
for name, layer in lenet5.named_children():
    x = layer(x)
    n_params = sum(p.numel() for p in layer.parameters())
    print(f"{name:7s} {str(list(x.shape)):18s} params={n_params:,}")

total = sum(p.numel() for p in lenet5.parameters())
print(f"total params: {total:,}")
assert x.shape == (1, 10) and total == 61_706
