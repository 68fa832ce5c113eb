import math

import torch

w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=100, eta_min=0.001)
lrs = []
for epoch in range(201):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()
    scheduler.step()


def cosine(e, lr0=0.1, lr_min=0.001, T=100):
    return lr_min + (lr0 - lr_min) * (1 + math.cos(math.pi * e / T)) / 2


for e in (0, 25, 50, 75, 100, 150, 200):
    print(f"epoch {e:3}: CosineAnnealingLR {lrs[e]:.5f}   formula {cosine(e):.5f}")
assert all(abs(lr - cosine(e)) < 1e-9 for e, lr in enumerate(lrs))
assert abs(lrs[50] - 0.0505) < 1e-9  # zh: 中点正好是 (lr0 + lr_min)/2 # en: the midpoint is exactly (lr0 + lr_min)/2
assert abs(lrs[200] - 0.1) < 1e-9  # zh: 过了 T_max 会沿余弦升回去 # en: past T_max it climbs back along the cosine
