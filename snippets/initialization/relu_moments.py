import math

import torch

torch.manual_seed(0)
# zh: y 是 ReLU 之前的加权和，零均值、对称，这里取 Var(y) = 4
# en: y is the weighted sum before the ReLU, zero-mean and symmetric; here Var(y) = 4
y = 2.0 * torch.randn(1_000_000)
r = torch.relu(y)

second_moment = (r**2).mean().item()  # E[ReLU(y)²]
print(f"Var(y)           = {y.var().item():.4f}")
print(f"E[ReLU(y)^2]     = {second_moment:.4f}   (1/2 · Var(y) = {0.5 * 4:.4f})")
print(f"Var(ReLU(y))     = {r.var().item():.4f}   ((1/2 - 1/(2π)) · Var(y) = {(0.5 - 1 / (2 * math.pi)) * 4:.4f})")
assert abs(second_moment - 2.0) < 0.02
assert abs(r.var().item() - (0.5 - 1 / (2 * math.pi)) * 4) < 0.02
