#| claims: [N40]
import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
# zh: 池化之后的下一层：64→64 通道的 3×3 卷积（padding=1，尺寸不变）
# en: the layer after the pooling: a 3×3 convolution, 64→64 channels (padding=1 keeps the size)
conv = nn.Conv2d(64, 64, kernel_size=3, padding=1)
pool = nn.MaxPool2d(kernel_size=2, stride=2)

x = torch.randn(1, 64, 32, 32)
flops = {}
for name, inp in [("without pooling", x), ("after 2x2 pooling", pool(x))]:
    with FlopCounterMode(display=False) as counter:  # zh: 统计真实执行的浮点运算 # en: counts the FLOPs actually executed
        conv(inp)
    flops[name] = counter.get_total_flops()
    positions = inp.shape[-2] * inp.shape[-1]
    print(f"{name:18s} input {tuple(inp.shape)}  positions {positions:5d}  FLOPs {flops[name]:,}")

ratio = flops["after 2x2 pooling"] / flops["without pooling"]
print(f"ratio {ratio:.2f}: {1 - ratio:.0%} less compute")
assert ratio == 0.25  # zh: 16×16 / 32×32 = 1/4 # en: 16×16 / 32×32 = 1/4
