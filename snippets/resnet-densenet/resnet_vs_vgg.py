#| claims: [N53]
import torch
from torch import nn
from torchvision import models

# zh: 只需要结构和形状：在 meta 设备上建模型并前向，不分配内存、不做真正的计算
# en: only structure and shapes are needed: on the "meta" device the models are built and run
# en: without allocating memory or doing any real arithmetic
with torch.device("meta"):
    nets = {"VGG-16": models.vgg16(weights=None), "ResNet-50": models.resnet50(weights=None)}


def multiply_adds(net, input_size=(1, 3, 224, 224)):
    """Multiply-adds of the Conv2d and Linear layers for one image, counted with forward hooks."""
    total = 0

    def count(module, inputs, output):
        nonlocal total
        if isinstance(module, nn.Conv2d):
            k_h, k_w = module.kernel_size
            total += output.numel() * module.in_channels // module.groups * k_h * k_w
        else:
            total += module.in_features * module.out_features

    hooks = [m.register_forward_hook(count) for m in net.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    net(torch.empty(input_size, device="meta"))
    for hook in hooks:
        hook.remove()
    return total


counts, macs = {}, {}
for name, net in nets.items():
    n_params = sum(p.numel() for p in net.parameters())
    n_fc = sum(p.numel() for m in net.modules() if isinstance(m, nn.Linear) for p in m.parameters())
    counts[name], macs[name] = n_params, multiply_adds(net)
    print(f"{name:9s}: {n_params:11,} params, {n_fc:11,} of them in Linear layers, "
          f"{macs[name] / 1e9:.1f} G multiply-adds per 224x224 image")

print("ResNet-50 before its single Linear layer:", nets["ResNet-50"].avgpool)
assert counts["VGG-16"] == 138_357_544 and counts["ResNet-50"] == 25_557_032
assert round(macs["VGG-16"] / 1e9, 1) == 15.5 and round(macs["ResNet-50"] / 1e9, 1) == 4.1
