import torch


def f(w):
    return w[0] ** 2 + 3 * w[1] ** 2


# zh: 梯度是 (2·w1, 6·w2)，所以一步更新把 w1 乘以 (1 - 2η)、把 w2 乘以 (1 - 6η)
# en: the gradient is (2·w1, 6·w2), so one step multiplies w1 by (1 - 2η) and w2 by (1 - 6η)
for lr in (0.1, 0.25, 0.3, 0.33, 0.34, 0.5):
    w = torch.tensor([-4.0, 2.0], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr)
    for _ in range(100):
        optimizer.zero_grad()
        f(w).backward()
        optimizer.step()
    factors = (1 - 2 * lr, 1 - 6 * lr)
    verdict = "converges" if f(w) < f(torch.tensor([-4.0, 2.0])) else "diverges"
    print(f"lr={lr:<5} factors ({factors[0]:+.2f}, {factors[1]:+.2f})   f after 100 steps = {f(w).item():9.3g}   {verdict}")
    # zh: 收敛当且仅当两个因子的绝对值都小于 1，即 η < 2/6 = 1/3
    # en: it converges exactly when both factors are smaller than 1 in absolute value: η < 2/6 = 1/3
    assert (verdict == "converges") == (lr < 1 / 3)
