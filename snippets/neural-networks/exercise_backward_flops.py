import torch
import torch.nn as nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
L, width, batch = 10, 512, 64
model = nn.Sequential(*[nn.Linear(width, width, bias=False) for _ in range(L)])
x = torch.randn(batch, width)

# zh: 只数前向
# en: count the forward pass alone
with FlopCounterMode(display=False) as counter:
    model(x)
forward = counter.get_total_flops()

# zh: 再数前向 + 反向
# en: then forward + backward
with FlopCounterMode(display=False) as counter:
    model(x).sum().backward()
backward = counter.get_total_flops() - forward

print(f"forward:  {forward:,} FLOPs (2 x batch x width^2 x L = {2 * batch * width**2 * L:,})")
print(f"backward: {backward:,} FLOPs")
print(f"backward / forward = {backward / forward:.2f}")
assert forward == 2 * batch * width**2 * L
assert backward / forward == (2 * L - 1) / L
