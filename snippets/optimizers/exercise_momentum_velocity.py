import torch

w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.01, momentum=0.9)
sizes = []
for t in range(1, 101):
    before = w.item()
    optimizer.zero_grad()
    w.sum().backward()  # zh: 损失 = w，梯度恒为 1 # en: loss = w, so the gradient is always 1
    optimizer.step()
    sizes.append(before - w.item())

for t in (1, 2, 10, 50, 100):
    predicted = 0.01 * (1 - 0.9**t) / (1 - 0.9)  # zh: v_t = 1 + 0.9 + … + 0.9^(t-1) # en: v_t = 1 + 0.9 + … + 0.9^(t-1)
    print(f"step {t:3}: moved {sizes[t - 1]:.5f}   lr·(1 - 0.9^t)/(1 - 0.9) = {predicted:.5f}")
    assert abs(sizes[t - 1] - predicted) < 1e-9
assert abs(sizes[-1] - 0.1) < 1e-5  # zh: 终端步长 lr/(1 - μ) = 10 倍学习率 # en: terminal step lr/(1 - μ) = 10 times the learning rate
