import torch
from torch import nn
from torchvision import models


def total_multiply_adds(net):
    total = 0

    def count(module, inputs, output):
        nonlocal total
        if isinstance(module, nn.Conv2d):
            total += output.numel() * module.in_channels // module.groups * module.kernel_size[0] * module.kernel_size[1]
        else:
            total += module.in_features * module.out_features

    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            m.register_forward_hook(count)
    with torch.no_grad():
        net(torch.empty(1, 3, 224, 224, device="meta"))
    return total


with torch.device("meta"):
    v15 = models.resnet50(weights=None)  # zh: torchvision：步长在 3×3 卷积上（“v1.5”） # en: torchvision: stride on the 3x3 conv ("v1.5")
    v1 = models.resnet50(weights=None)
# zh: 论文原版：每个 stage 第一个瓶颈块的步长放在第一个 1×1 卷积上
# en: the paper's original: the first bottleneck of each stage puts its stride on the first 1x1 conv
for stage in [v1.layer2, v1.layer3, v1.layer4]:
    stage[0].conv1.stride, stage[0].conv2.stride = (2, 2), (1, 1)

macs_v1, macs_v15 = total_multiply_adds(v1), total_multiply_adds(v15)
print(f"ResNet-50 v1  (stride on the 1x1 conv): {macs_v1 / 1e9:.2f} G multiply-adds")
print(f"ResNet-50 v1.5 (stride on the 3x3 conv): {macs_v15 / 1e9:.2f} G multiply-adds")
assert round(macs_v1 / 1e9, 2) == 3.86 and round(macs_v15 / 1e9, 2) == 4.09
assert sum(p.numel() for p in v1.parameters()) == sum(p.numel() for p in v15.parameters())

# zh: 步长为 2 的 1×1 卷积只读取每 2×2 个位置中的 1 个：其余 3/4 的输入对它毫无影响
# en: a 1x1 conv with stride 2 reads 1 position out of every 2x2: the other 3/4 of its input have no effect
conv = nn.Conv2d(1, 1, kernel_size=1, stride=2, bias=False)
nn.init.ones_(conv.weight)
x = torch.zeros(1, 1, 4, 4, requires_grad=True)
conv(x).sum().backward()
print("input positions a stride-2 1x1 conv reads:", int((x.grad != 0).sum()), "of", x.numel())
assert int((x.grad != 0).sum()) == 4
