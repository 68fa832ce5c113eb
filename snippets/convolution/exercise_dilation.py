import torch
from torch import nn


def footprint(dilations, n=33):
    """Input pixels that the centre output of stacked 3×3 convs (weights 1) depends on."""
    layers = [nn.Conv2d(1, 1, 3, padding=d, dilation=d, bias=False) for d in dilations]
    for conv in layers:
        nn.init.ones_(conv.weight)
    x = torch.zeros(1, 1, n, n, requires_grad=True)
    nn.Sequential(*layers)(x)[0, 0, n // 2, n // 2].backward()
    return x.grad[0, 0] != 0  # zh: 梯度非零 = 这个像素影响该输出 # en: non-zero gradient = the pixel affects that output


results = {}
for dilations in [(1, 1, 1), (2, 2, 2), (1, 2, 4)]:
    used = footprint(dilations)
    rows, cols = used.nonzero(as_tuple=True)
    side = int(rows.max() - rows.min() + 1)
    results[dilations] = (side, int(used.sum()))
    print(f"dilations {dilations}: receptive field {side}x{side} = {side * side:3d} pixels, "
          f"of which {int(used.sum()):3d} are used; 27 weights")

assert results == {(1, 1, 1): (7, 49), (2, 2, 2): (13, 49), (1, 2, 4): (15, 225)}
