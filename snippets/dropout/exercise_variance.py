import torch
import torch.nn as nn

torch.manual_seed(0)
p = 0.75
x = torch.ones(1_000_000)  # zh: 每个单元的输入都是 1 # en: every unit's input is 1
dropout = nn.Dropout(p)

y = dropout(x)  # zh: 反向 Dropout：保留的值乘以 1/(1-p) = 4 # en: inverted dropout: kept values are multiplied by 1/(1-p) = 4
mask = (y != 0).float()  # zh: 同一个掩码，但不缩放 # en: the same mask, without the scaling
print(f"inverted dropout: mean {y.mean():.3f}, variance {y.var():.3f}  (predicted 1, p/(1-p) = {p / (1 - p):.0f})")
print(f"mask only:        mean {mask.mean():.3f}, variance {mask.var():.3f}  (predicted 1-p = 0.25, p(1-p) = {p * (1 - p):.4f})")
assert abs(y.mean() - 1) < 0.01 and abs(y.var() - 3) < 0.03
assert abs(mask.mean() - 0.25) < 0.002 and abs(mask.var() - 0.1875) < 0.002
