import torch
import torch.nn as nn

torch.manual_seed(0)
with_bias = nn.Linear(8, 4, bias=True)
without_bias = nn.Linear(8, 4, bias=False)
with torch.no_grad():
    without_bias.weight.copy_(with_bias.weight)  # zh: 同样的权重，只差一个偏置 # en: same weights, differing only by the bias
bn = nn.BatchNorm1d(4)  # zh: 训练模式 # en: training mode

x = torch.randn(16, 8)
y1, y2 = bn(with_bias(x)), bn(without_bias(x))
print("bias:", with_bias.bias.detach())
print("BN(xW^T + b) == BN(xW^T):", torch.allclose(y1, y2, atol=1e-5))
assert torch.allclose(y1, y2, atol=1e-5)
