import torch
from torch import nn
from torchvision import models

torch.manual_seed(0)


class DenseLayer(nn.Module):
    """BN-ReLU-Conv3x3: reads every earlier feature map, adds k (growth rate) new channels."""

    def __init__(self, c_in, growth_rate):
        super().__init__()
        self.net = nn.Sequential(nn.BatchNorm2d(c_in), nn.ReLU(),
                                 nn.Conv2d(c_in, growth_rate, 3, padding=1, bias=False))

    def forward(self, x):
        return self.net(x)


class DenseBlock(nn.Module):
    def __init__(self, num_layers, c0, growth_rate):
        super().__init__()
        # zh: 第 i 层（从 0 数）的输入有 c0 + i·k 个通道
        # en: layer i (counting from 0) gets c0 + i*k input channels
        self.layers = nn.ModuleList(DenseLayer(c0 + i * growth_rate, growth_rate) for i in range(num_layers))

    def forward(self, x):
        features = [x]
        for layer in self.layers:
            features.append(layer(torch.cat(features, dim=1)))  # zh: 输入 = 之前所有特征图的拼接 # en: input = all earlier maps, concatenated
        return torch.cat(features, dim=1)


c0, k, num_layers = 64, 32, 6  # zh: 与 DenseNet-121 的第一个 dense block 相同 # en: as in DenseNet-121's first dense block
block = DenseBlock(num_layers, c0, k)
x = torch.randn(1, c0, 56, 56)

# zh: 手动走一遍，看通道数怎样增长
# en: step through by hand to watch the channels grow
features = [x]
for i, layer in enumerate(block.layers):
    inp = torch.cat(features, dim=1)
    new = layer(inp)
    features.append(new)
    print(f"layer {i + 1}: input {inp.shape[1]:3d} = {c0} + {i}*{k} channels -> {new.shape[1]} new")
    assert inp.shape[1] == c0 + i * k
out = block(x)
print(f"block output: {list(out.shape)}  ({c0} + {num_layers}*{k} = {c0 + num_layers * k})")
assert out.shape == (1, c0 + num_layers * k, 56, 56)

# zh: torchvision 的 DenseNet-121：每层输入通道数相同（它的层多了一个 1×1 瓶颈卷积）
# en: torchvision's DenseNet-121: the same input channels per layer (its layers add a 1x1 bottleneck conv)
densenet = models.densenet121(weights=None)
inputs = [layer.norm1.num_features for layer in densenet.features.denseblock1.values()]
print("densenet121 denseblock1 inputs:", inputs)
print("transition1:", densenet.features.transition1.conv)
assert inputs == [c0 + i * k for i in range(num_layers)]
