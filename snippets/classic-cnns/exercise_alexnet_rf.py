import torch
from torch import nn
from torchvision import models

from dlref.receptive_field import receptive_field

with torch.device("meta"):
    alexnet = models.alexnet(weights=None)


def first(v):
    return v[0] if isinstance(v, tuple) else v


# zh: AlexNet 的 features：5 个卷积层和 3 个最大池化层，每层记下 (kernel, stride, dilation)
# en: AlexNet's features: 5 convolutions and 3 max-pooling layers, each as (kernel, stride, dilation)
layers, names = [], []
for layer in alexnet.features:
    if isinstance(layer, (nn.Conv2d, nn.MaxPool2d)):
        layers.append((first(layer.kernel_size), first(layer.stride), first(layer.dilation)))
        names.append(f"{type(layer).__name__}({layers[-1][0]}, stride {layers[-1][1]})")
        size, jump = receptive_field(layers)
        print(f"{names[-1]:24s} receptive field {size:3d}  jump {jump:2d}")

# zh: 手算的结果：11 → 19 → 51 → 67 → 99 → 131 → 163 → 195
# en: by hand: 11 -> 19 -> 51 -> 67 -> 99 -> 131 -> 163 -> 195
assert [receptive_field(layers[:i + 1])[0] for i in range(len(layers))] == [11, 19, 51, 67, 99, 131, 163, 195]

# zh: 用 autograd 核对 conv5 的感受野：同样几何形状的线性网络（权重全为 1，最大池化换成平均池化）
# en: check conv5's field with autograd: a linear net of the same geometry (all-ones weights,
# en: average pooling in place of max pooling)
linear = []
for layer in [m for m in alexnet.features if isinstance(m, (nn.Conv2d, nn.MaxPool2d))][:-1]:
    k, s = first(layer.kernel_size), first(layer.stride)
    if isinstance(layer, nn.MaxPool2d):
        linear.append(nn.AvgPool2d(k, s))
    else:
        conv = nn.Conv2d(1, 1, k, stride=s, bias=False)
        nn.init.ones_(conv.weight)
        linear.append(conv)
net = nn.Sequential(*linear)
x = torch.zeros(1, 1, 227, 227, requires_grad=True)
y = net(x)
y[0, 0, y.shape[-2] // 2, y.shape[-1] // 2].backward()
rows = x.grad[0, 0].abs().sum(dim=1).nonzero()
print("conv5 receptive field measured with autograd:", int(rows.max() - rows.min() + 1))
assert rows.max() - rows.min() + 1 == 163
