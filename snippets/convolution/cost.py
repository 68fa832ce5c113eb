import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from dlref.conv import conv2d_cost

layers = {  # zh: 名字: (C_in, C_out, k, 输入边长, 步长, 填充, 偏置) # en: name: (C_in, C_out, k, input side, stride, padding, bias)
    "ResNet conv1 7x7/2": (3, 64, 7, 224, 2, 3, False),  # zh: 后接 BN，无偏置 # en: BN follows, no bias
    "VGG conv1_2 3x3": (64, 64, 3, 224, 1, 1, True),
    "3x3 at 56x56": (64, 64, 3, 56, 1, 1, True),
    "1x1 256->64": (256, 64, 1, 56, 1, 0, False),
}
for name, (c_in, c_out, k, n, s, p, bias) in layers.items():
    cost = conv2d_cost(c_in, c_out, k, n, stride=s, padding=p, bias=bias)
    conv = nn.Conv2d(c_in, c_out, k, stride=s, padding=p, bias=bias)
    # zh: 对照：参数直接数，运算量让 PyTorch 的 FLOP 计数器在一次前向中统计
    # en: cross-checks: count the parameters, and let PyTorch's FLOP counter measure one forward pass
    with FlopCounterMode(display=False) as counter, torch.no_grad():
        out = conv(torch.zeros(1, c_in, n, n))
    assert cost.params == sum(p.numel() for p in conv.parameters())
    assert cost.output_size == tuple(out.shape[-2:])
    assert counter.get_total_flops() == 2 * cost.macs  # zh: 1 次乘加 = 2 次浮点运算 # en: 1 MAC = 2 FLOPs
    shape = f"{c_out}x{cost.output_size[0]}x{cost.output_size[1]}"
    print(f"{name:18s} -> {shape:10s} params {cost.params:>6,}  MACs {cost.macs:>13,}")

# zh: 同一层，输入从 56×56 变成 224×224：参数不变，运算量 ×16
# en: the same layer on 224×224 instead of 56×56: the same parameters, 16 times the MACs
assert conv2d_cost(64, 64, 3, 224, padding=1).macs == 16 * conv2d_cost(64, 64, 3, 56, padding=1).macs
assert conv2d_cost(3, 64, 7, 224, stride=2, padding=3, bias=False) == (9_408, 118_013_952, (112, 112))
