import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(64, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Linear(128, 10))

# zh: 惯例：只衰减线性层/卷积层的权重矩阵（ndim ≥ 2），偏置和 BN 的 γ、β（一维）不衰减
# en: a common convention: decay only the weight matrices of linear/conv layers (ndim ≥ 2), not the biases or BN's γ and β (1-D)
decay = [p for p in model.parameters() if p.ndim >= 2]
no_decay = [p for p in model.parameters() if p.ndim < 2]
optimizer = torch.optim.AdamW([
    {"params": decay, "weight_decay": 0.01},
    {"params": no_decay, "weight_decay": 0.0},
], lr=1e-3)

for group in optimizer.param_groups:
    n = sum(p.numel() for p in group["params"])
    print(f"weight_decay {group['weight_decay']}: {len(group['params'])} tensors, {n} numbers")
assert sum(p.numel() for p in decay) == 64 * 128 + 128 * 10
