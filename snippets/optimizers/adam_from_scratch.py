import torch

from dlref.optim import Adam  # zh: 本站逐行照公式写的 Adam # en: this site's Adam, written line by line from the formulas

torch.manual_seed(0)
X = torch.randn(64, 3)
y = X @ torch.tensor([2.0, -1.0, 0.5]) + 0.1 * torch.randn(64)
start = torch.zeros(3)


def train(make_optimizer, steps=200):
    w = start.clone().requires_grad_(True)
    optimizer = make_optimizer([w])
    for _ in range(steps):
        loss = ((X @ w - y) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return w.detach(), loss.item()


w_ours, loss_ours = train(lambda p: Adam(p, lr=0.05))
w_torch, loss_torch = train(lambda p: torch.optim.Adam(p, lr=0.05))
print("dlref.optim.Adam:", w_ours, f"loss {loss_ours:.5f}")
print("torch.optim.Adam:", w_torch, f"loss {loss_torch:.5f}")
same = torch.allclose(w_ours, w_torch, atol=1e-5)
print("same result (atol 1e-5):", same)
assert same
