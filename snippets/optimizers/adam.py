#| claims: [N33]
import math

import torch

w = torch.tensor([1.0], requires_grad=True)
optimizer = torch.optim.Adam([w], lr=0.01)  # zh: betas=(0.9, 0.999), eps=1e-8 # en: betas=(0.9, 0.999), eps=1e-8
for step in (1, 2):
    loss = (0.5 * w**2).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f"step {step}: grad = {w.grad.item():.4f}, w = {w.item():.4f}")

assert abs(w.item() - 0.9800) < 1e-4  # zh: 1 → 0.9900 → 0.9800 # en: 1 → 0.9900 → 0.9800

# zh: 手算第一步：m、v 从 0 开始
# en: the first step by hand: m and v start at 0
beta1, beta2, lr, eps, g = 0.9, 0.999, 0.01, 1e-8, 1.0
m = (1 - beta1) * g  # zh: 0.1，被零初值拉低了 # en: 0.1, pulled down by the zero start
v = (1 - beta2) * g**2  # zh: 0.001 # en: 0.001
m_hat, v_hat = m / (1 - beta1**1), v / (1 - beta2**1)  # zh: 偏差修正：都还原为 1 # en: bias correction: both back to 1
with_correction = 1.0 - lr * m_hat / (math.sqrt(v_hat) + eps)
without_correction = 1.0 - lr * m / (math.sqrt(v) + eps)
print(f"step 1 with bias correction:    w = {with_correction:.4f}")
print(f"step 1 without bias correction: w = {without_correction:.4f}")
assert abs(with_correction - 0.9900) < 1e-6
assert abs(without_correction - 0.9684) < 1e-4  # zh: 0.1/√0.001 ≈ 3.16 倍的步长 # en: a step 0.1/√0.001 ≈ 3.16 times too large
