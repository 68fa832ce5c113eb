import torch


def grad(p):
    return torch.tensor([1.0, 20.0], dtype=torch.float64) * p  # zh: f = ½(x² + 20y²) 的梯度 # en: the gradient of f = ½(x² + 20y²)


def pytorch_form(lr, steps=50):
    p = torch.tensor([-10.0, 1.0], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=lr, momentum=0.9)
    for _ in range(steps):
        optimizer.zero_grad()
        p.grad = grad(p.detach())
        optimizer.step()
    return p.detach()


def ema_form(lr, steps=50, beta=0.9):
    p, v = torch.tensor([-10.0, 1.0], dtype=torch.float64), torch.zeros(2, dtype=torch.float64)
    for _ in range(steps):
        v = beta * v + (1 - beta) * grad(p)  # zh: 速度 = 梯度的 EMA # en: velocity = EMA of the gradient
        p = p - lr * v
    return p


reference = pytorch_form(lr=0.01)
print("SGD(lr=0.01, momentum=0.9):  ", [round(x, 6) for x in reference.tolist()])
for lr in (0.01, 0.1):
    p = ema_form(lr)
    same = torch.allclose(p, reference, atol=1e-12)
    print(f"EMA form, lr={lr:<4}:          ", [round(x, 6) for x in p.tolist()], "  same:", same)
# zh: v_EMA = (1 - β)·v_PyTorch，所以 EMA 写法的学习率要放大 1/(1 - β) = 10 倍才等价
# en: v_EMA = (1 - β)·v_PyTorch, so the EMA form needs a learning rate 1/(1 - β) = 10 times larger to match
assert torch.allclose(ema_form(0.1), reference, atol=1e-12)
assert not torch.allclose(ema_form(0.01), reference, atol=1e-2)
