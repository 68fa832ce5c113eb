import torch
from torch import nn
from torchvision.models.resnet import BasicBlock, Bottleneck


def multiply_adds_per_position(block, channels, size=56):
    """Multiply-adds of a block's convolutions, divided by the number of spatial positions."""
    total = 0

    def count(module, inputs, output):
        nonlocal total
        total += output.numel() * module.in_channels // module.groups * module.kernel_size[0] * module.kernel_size[1]

    for m in block.modules():
        if isinstance(m, nn.Conv2d):
            m.register_forward_hook(count)
    with torch.no_grad():
        block(torch.empty(1, channels, size, size, device="meta"))
    return total // (size * size)


with torch.device("meta"):
    blocks = {
        "Bottleneck 256 -> 64 -> 64 -> 256": (Bottleneck(256, 64), 256),  # zh: ResNet-50 的 layer1 # en: ResNet-50's layer1
        "BasicBlock 256 -> 256 (two 3x3)": (BasicBlock(256, 256), 256),
        "BasicBlock 64 -> 64 (two 3x3)": (BasicBlock(64, 64), 64),  # zh: ResNet-34 的 layer1 # en: ResNet-34's layer1
    }
cost = {}
for name, (block, channels) in blocks.items():
    cost[name] = multiply_adds_per_position(block, channels)
    print(f"{name:36s} {cost[name]:>9,} multiply-adds per position")

# zh: 1×1: 256·64，3×3: 64·64·9，1×1: 64·256
# en: 1x1: 256*64, 3x3: 64*64*9, 1x1: 64*256
assert cost["Bottleneck 256 -> 64 -> 64 -> 256"] == 256 * 64 + 64 * 64 * 9 + 64 * 256 == 69_632
assert cost["BasicBlock 256 -> 256 (two 3x3)"] == 2 * 256 * 256 * 9 == 1_179_648
print(f"two 3x3 convs at 256 channels cost {cost['BasicBlock 256 -> 256 (two 3x3)'] / cost['Bottleneck 256 -> 64 -> 64 -> 256']:.1f}x the bottleneck")
