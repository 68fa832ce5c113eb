#| claims: [N53]
from collections import defaultdict

import torch
from torch import nn
from torchvision import models

# zh: 只需要结构和形状：在 meta 设备上建模型并前向，不分配内存、不做真正的计算
# en: only structure and shapes are needed: on the "meta" device the models are built and run
# en: without allocating memory or doing any real arithmetic
with torch.device("meta"):
    nets = {"VGG-16": models.vgg16(weights=None), "ResNet-50": models.resnet50(weights=None)}


def multiply_adds_by_size(net, input_size=(1, 3, 224, 224)):
    """Multiply-adds of every Conv2d and Linear layer for one image, grouped by the layer's output size."""
    macs = defaultdict(int)

    def count(module, inputs, output):
        if isinstance(module, nn.Conv2d):
            k_h, k_w = module.kernel_size
            # zh: 每个输出值需要 (输入通道数 / 分组数) × k_h × k_w 次乘加
            # en: each output value takes (input channels / groups) × k_h × k_w multiply-adds
            macs[f"{output.shape[-2]}x{output.shape[-1]}"] += (
                output.numel() * module.in_channels // module.groups * k_h * k_w)
        else:
            macs["Linear"] += module.in_features * module.out_features

    hooks = [m.register_forward_hook(count) for m in net.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        net(torch.empty(input_size, device="meta"))
    for hook in hooks:
        hook.remove()
    return macs


macs = {}
for name, net in nets.items():
    n_params = sum(p.numel() for p in net.parameters())
    n_fc = sum(p.numel() for m in net.modules() if isinstance(m, nn.Linear) for p in m.parameters())
    macs[name] = multiply_adds_by_size(net)
    print(f"{name:9s}: {n_params:11,} params, {n_fc:11,} of them in Linear layers")
    if name == "VGG-16":
        assert n_params == 138_357_544
    else:
        assert n_params == 25_557_032

print("\nG multiply-adds per 224x224 image, by the output size of each layer")
print(f"{'output size':12s} {'VGG-16':>8s} {'ResNet-50':>10s}")
rows = ["224x224", "112x112", "56x56", "28x28", "14x14", "7x7", "Linear"]
for row in rows:
    print(f"{row:12s} {macs['VGG-16'][row] / 1e9:8.2f} {macs['ResNet-50'][row] / 1e9:10.2f}")
total = {name: sum(m.values()) for name, m in macs.items()}
print(f"{'total':12s} {total['VGG-16'] / 1e9:8.2f} {total['ResNet-50'] / 1e9:10.2f}")

assert set(macs["VGG-16"]) | set(macs["ResNet-50"]) <= set(rows)
assert round(total["VGG-16"] / 1e9, 1) == 15.5 and round(total["ResNet-50"] / 1e9, 1) == 4.1
# zh: VGG-16 的全连接层只占约 0.12 G；它在 224×224 和 112×112 上的卷积就超过了整个 ResNet-50
# en: VGG-16's Linear layers cost only about 0.12 G; its convolutions at 224x224 and 112x112 alone exceed all of ResNet-50
assert round(macs["VGG-16"]["Linear"] / 1e9, 2) == 0.12
assert macs["VGG-16"]["224x224"] + macs["VGG-16"]["112x112"] > total["ResNet-50"]
