#| claims: [N32]
import math

import torch

w = torch.tensor([1.0], requires_grad=True)
optimizer = torch.optim.RMSprop([w], lr=0.01, alpha=0.9)  # zh: PyTorch 默认 alpha=0.99 # en: PyTorch's default is alpha=0.99
for step in (1, 2):
    loss = (0.5 * w**2).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f"step {step}: grad = {w.grad.item():.4f}, w = {w.item():.4f}")

# zh: 手算：s = α·s + (1-α)·g²，w ← w - lr·g / (√s + ε)
# en: by hand: s = α·s + (1-α)·g², w ← w - lr·g / (√s + ε)
s = 0.1 * 1.0**2
w1 = 1.0 - 0.01 * 1.0 / (math.sqrt(s) + 1e-8)
s = 0.9 * s + 0.1 * w1**2
w2 = w1 - 0.01 * w1 / (math.sqrt(s) + 1e-8)
print(f"by hand: w_1 = {w1:.4f}, w_2 = {w2:.4f}")
assert abs(w1 - 0.9684) < 1e-4 and abs(w.item() - w2) < 1e-6
assert abs(w.item() - 0.9458) < 1e-4
