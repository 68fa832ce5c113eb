import math

import torch

torch.manual_seed(0)
z = torch.randn(2_000_000, dtype=torch.float64)  # zh: z ~ N(0, 1) # en: z ~ N(0, 1)
r = torch.relu(z)

second_moment = (r**2).mean().item()
variance = r.var().item()
print(f"E[relu(z)^2]  = {second_moment:.3f}   theory 1/2           = {0.5:.3f}")
print(f"Var[relu(z)]  = {variance:.3f}   theory 1/2 - 1/(2*pi) = {0.5 - 1 / (2 * math.pi):.3f}")
assert abs(second_moment - 0.5) < 3e-3
assert abs(variance - (0.5 - 1 / (2 * math.pi))) < 3e-3
