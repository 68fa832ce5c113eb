import torch
import torch.nn.functional as F

from dlref.conv import conv2d_cost

torch.manual_seed(0)
x = torch.randn(1, 256, 14, 14)
w = torch.randn(64, 256, 1, 1) / 16  # zh: 1×1 卷积：256 → 64 个通道 # en: a 1×1 convolution: 256 -> 64 channels
y = F.conv2d(x, w)
# zh: 等价于在每个像素上，用同一个 64×256 矩阵乘该像素的 256 维通道向量
# en: the same as multiplying each pixel's 256-channel vector by one 64×256 matrix
y_matmul = torch.einsum("oc,nchw->nohw", w[:, :, 0, 0], x)
err = (y - y_matmul).abs().max().item()
print(tuple(x.shape), "->", tuple(y.shape), f"| per-pixel matmul agrees: {err < 1e-4}")
assert y.shape == (1, 64, 14, 14) and err < 1e-4

# zh: 瓶颈结构：先用 1×1 把 256 通道压到 64，做 3×3 卷积，再用 1×1 恢复到 256（56×56 特征图，不计偏置）
# en: a bottleneck: 1×1 down to 64 channels, a 3×3 convolution, 1×1 back up to 256 (56×56 maps, no biases)
direct = conv2d_cost(256, 256, 3, 56, padding=1, bias=False)
parts = [conv2d_cost(256, 64, 1, 56, bias=False),
         conv2d_cost(64, 64, 3, 56, padding=1, bias=False),
         conv2d_cost(64, 256, 1, 56, bias=False)]
params, macs = sum(c.params for c in parts), sum(c.macs for c in parts)
print(f"3x3, 256 -> 256          : {direct.params:>9,} params {direct.macs:>15,} MACs")
print(f"1x1 -> 3x3 -> 1x1 (64)   : {params:>9,} params {macs:>15,} MACs")
print(f"ratio {params / direct.params:.3f}")
assert direct.params == 589_824 and params == 69_632
assert direct.macs == 589_824 * 56 * 56 and macs == 69_632 * 56 * 56
