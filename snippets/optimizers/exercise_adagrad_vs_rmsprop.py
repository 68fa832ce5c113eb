import math

import torch

checkpoints = (1, 10, 100, 1000)
steps = {}
for name, make in [
    ("Adagrad", lambda p: torch.optim.Adagrad(p, lr=0.01)),
    ("RMSprop", lambda p: torch.optim.RMSprop(p, lr=0.01)),  # zh: 默认 alpha=0.99 # en: default alpha=0.99
]:
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = make([w])
    sizes = []
    for t in range(1, 1001):
        before = w.item()
        optimizer.zero_grad()
        (3.0 * w).sum().backward()  # zh: 梯度恒为 g = 3 # en: the gradient is always g = 3
        optimizer.step()
        sizes.append(before - w.item())
    steps[name] = sizes
    print(f"{name}: step size at t = " + ", ".join(f"{t}: {sizes[t - 1]:.5f}" for t in checkpoints))

# zh: AdaGrad：s_t = t·g²，步长 = lr/√t；RMSProp：s_t = (1 - α^t)·g²，步长 = lr/√(1 - α^t) → lr
# en: AdaGrad: s_t = t·g², step = lr/√t; RMSProp: s_t = (1 - α^t)·g², step = lr/√(1 - α^t) → lr
for t in checkpoints:
    assert abs(steps["Adagrad"][t - 1] - 0.01 / math.sqrt(t)) < 1e-6
    assert abs(steps["RMSprop"][t - 1] - 0.01 / math.sqrt(1 - 0.99**t)) < 1e-5
