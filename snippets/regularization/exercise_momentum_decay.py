import torch

from dlref.regularization import decoupled_weight_decay_, l2_penalty

torch.set_default_dtype(torch.float64)
lr, lam, momentum = 0.1, 0.1, 0.9
target = torch.tensor([2.0, -1.0])


def run(weight_decay=0.0, add_l2=False, decouple=False):
    w = torch.zeros(2, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr, momentum=momentum, weight_decay=weight_decay)
    for _ in range(300):  # zh: 足够收敛 # en: enough to converge
        loss = 0.5 * ((w - target) ** 2).sum()
        if add_l2:
            loss = loss + l2_penalty([w], lam)
        optimizer.zero_grad()
        loss.backward()
        if decouple:
            decoupled_weight_decay_([w], lr, lam)
        optimizer.step()
    return w.detach()


builtin, with_l2, decoupled = run(weight_decay=lam), run(add_l2=True), run(decouple=True)
print("SGD(momentum, weight_decay)    :", [round(v, 4) for v in builtin.tolist()])
print("SGD(momentum) + L2 penalty     :", [round(v, 4) for v in with_l2.tolist()])
print("  target / (1 + lam)           :", [round(v, 4) for v in (target / (1 + lam)).tolist()])
print("decoupled decay + SGD(momentum):", [round(v, 4) for v in decoupled.tolist()])
print("  target / (1 + lam*(1 - mu))  :", [round(v, 4) for v in (target / (1 + lam * (1 - momentum))).tolist()])
assert torch.allclose(builtin, with_l2, rtol=0, atol=1e-12)
assert torch.allclose(builtin, target / (1 + lam), atol=1e-6)
assert torch.allclose(decoupled, target / (1 + lam * (1 - momentum)), atol=1e-6)
