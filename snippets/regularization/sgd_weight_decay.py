import copy

import torch
import torch.nn as nn
from sklearn.datasets import load_digits

from dlref.regularization import l2_penalty

torch.manual_seed(0)
X, y = load_digits(return_X_y=True)
X, y = torch.tensor(X[:256] / 16, dtype=torch.float32), torch.tensor(y[:256])
loss_fn = nn.CrossEntropyLoss()
lam, lr = 0.01, 0.1

model_a = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
model_b = copy.deepcopy(model_a)  # zh: 同样的初始权重 # en: the same initial weights

# zh: A：让优化器做权重衰减；B：把 L2 惩罚 λ/2·‖w‖² 加进损失，优化器不做衰减
# en: A: the optimizer decays the weights; B: the L2 penalty λ/2·‖w‖² is added to the loss, no decay in the optimizer
opt_a = torch.optim.SGD(model_a.parameters(), lr=lr, weight_decay=lam)
opt_b = torch.optim.SGD(model_b.parameters(), lr=lr)
for step in range(20):
    opt_a.zero_grad()
    loss_fn(model_a(X), y).backward()
    opt_a.step()

    opt_b.zero_grad()
    (loss_fn(model_b(X), y) + l2_penalty(model_b.parameters(), lam)).backward()
    opt_b.step()

diff = max((a - b).abs().max().item() for a, b in zip(model_a.parameters(), model_b.parameters()))
print("after 20 steps, max |w_A - w_B| < 1e-6:", diff < 1e-6)  # zh: 只差浮点舍入 # en: only floating-point rounding apart
assert diff < 1e-6

# zh: 一步的分解：w ← w − η(g + λw) = (1 − ηλ)·w − η·g，权重先乘以 1 − ηλ，这就是“权重衰减”
# en: one step, taken apart: w ← w − η(g + λw) = (1 − ηλ)·w − η·g: the weights are first multiplied by 1 − ηλ, hence "weight decay"
w = model_a[0].weight
g = torch.autograd.grad(loss_fn(model_a(X), y), w)[0]
expected = (1 - lr * lam) * w.detach() - lr * g
opt_a.zero_grad()
loss_fn(model_a(X), y).backward()
opt_a.step()
print(f"decay factor 1 - lr*lam = {1 - lr * lam}")
print("one SGD(weight_decay) step == (1 - lr*lam)*w - lr*g:", torch.allclose(w.detach(), expected, atol=1e-7))
assert torch.allclose(w.detach(), expected, atol=1e-7)
