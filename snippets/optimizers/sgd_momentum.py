#| claims: [N30]
import torch

# zh: 损失 ½w²，梯度就是 w 本身；从 w = 1 出发各走两步
# en: loss ½w², whose gradient is w itself; two steps from w = 1
results = {}
for momentum in (0.0, 0.9):
    w = torch.tensor([1.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.01, momentum=momentum)
    print(f"--- SGD(lr=0.01, momentum={momentum})")
    for step in (1, 2):
        loss = (0.5 * w**2).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(f"step {step}: grad = {w.grad.item():.4f}, w = {w.item():.4f}")
    results[momentum] = w.item()

assert abs(results[0.0] - 0.9801) < 1e-6  # zh: 1 → 0.99 → 0.9801 # en: 1 → 0.99 → 0.9801
assert abs(results[0.9] - 0.9711) < 1e-6  # zh: 1 → 0.99 → 0.9711 # en: 1 → 0.99 → 0.9711

# zh: 手算 PyTorch 的公式 v_t = μ·v_{t-1} + g_t，w_t = w_{t-1} - lr·v_t
# en: PyTorch's rule by hand: v_t = μ·v_{t-1} + g_t, w_t = w_{t-1} - lr·v_t
v1 = 1.0  # zh: g_1 = 1 # en: g_1 = 1
w1 = 1.0 - 0.01 * v1
v2 = 0.9 * v1 + w1  # zh: g_2 = w_1 = 0.99 # en: g_2 = w_1 = 0.99
w2 = w1 - 0.01 * v2
print(f"by hand, v = μv + g:        w_2 = {w2:.4f}")
assert abs(w2 - results[0.9]) < 1e-6

# zh: 若把速度写成梯度的 EMA（v = β·v + (1-β)·g，v_0 = 0），结果就不同了
# en: writing the velocity as an EMA of the gradient (v = β·v + (1-β)·g, v_0 = 0) gives something else
v1 = 0.1 * 1.0
w1 = 1.0 - 0.01 * v1
v2 = 0.9 * v1 + 0.1 * w1
w2 = w1 - 0.01 * v2
print(f"by hand, v = βv + (1-β)g:   w_2 = {w2:.4f}")
assert abs(w2 - 0.9971) < 1e-4
