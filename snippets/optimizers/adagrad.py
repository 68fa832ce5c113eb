#| claims: [N31]
import math

import torch

w = torch.tensor([1.0], requires_grad=True)
optimizer = torch.optim.Adagrad([w], lr=0.01)
for step in (1, 2):
    loss = (0.5 * w**2).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f"step {step}: grad = {w.grad.item():.4f}, w = {w.item():.4f}")

# zh: 手算：s 累加梯度平方，w ← w - lr·g / (√s + ε)
# en: by hand: s accumulates squared gradients, w ← w - lr·g / (√s + ε)
s = 1.0**2
w1 = 1.0 - 0.01 * 1.0 / (math.sqrt(s) + 1e-10)
s += w1**2  # zh: g_2 = w_1 = 0.99 # en: g_2 = w_1 = 0.99
w2 = w1 - 0.01 * w1 / (math.sqrt(s) + 1e-10)
print(f"by hand: w_1 = {w1:.4f}, w_2 = {w2:.5f}")
effective = 0.01 / (math.sqrt(s) + 1e-10)  # zh: 第二步的有效学习率 # en: the effective learning rate of step 2
print(f"step 2: s = {s:.4f}, effective lr = {effective:.4f}, step = {w1 - w2:.4f}")
assert abs(effective - 0.0071) < 1e-4 and abs((w1 - w2) - 0.0070) < 1e-4
assert abs(w.item() - w2) < 1e-6
assert abs(w.item() - 0.9830) < 1e-4
