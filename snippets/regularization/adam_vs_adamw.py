import torch

from dlref.regularization import decoupled_weight_decay_, l2_penalty

torch.set_default_dtype(torch.float64)  # zh: 下面比较的差值很小，用双精度 # en: the differences compared below are small: double precision
lr, lam, steps = 1e-3, 1e-2, 500
scales = torch.tensor([10.0, 0.1])  # zh: 两个权重：梯度一大一小 # en: two weights: one with large gradients, one with small


def run(make_optimizer, add_l2=False, decouple=False):
    """Start both weights at 1 and follow the same noisy gradients (scale × N(0, 1)) for `steps` steps."""
    noise = torch.Generator().manual_seed(0)
    w = torch.ones(2, requires_grad=True)
    optimizer = make_optimizer([w])
    for _ in range(steps):
        loss = (scales * torch.randn(2, generator=noise) * w).sum()  # zh: 梯度 = scales × 噪声 # en: gradient = scales × noise
        if add_l2:
            loss = loss + l2_penalty([w], lam)
        optimizer.zero_grad()
        loss.backward()
        if decouple:
            decoupled_weight_decay_([w], lr, lam)  # zh: w ← (1 − lr·λ)·w # en: w ← (1 − lr·λ)·w
        optimizer.step()
    return w.detach()


no_decay = run(lambda p: torch.optim.Adam(p, lr=lr))
adam_wd = run(lambda p: torch.optim.Adam(p, lr=lr, weight_decay=lam))
adamw = run(lambda p: torch.optim.AdamW(p, lr=lr, weight_decay=lam))

# zh: Adam 的 weight_decay 就是把 L2 惩罚的梯度 λw 加进梯度；AdamW 是先衰减、再做不带衰减的 Adam 步
# en: Adam's weight_decay is the L2 penalty's gradient λw added to the gradient; AdamW decays first, then takes a plain Adam step
same_as_l2 = torch.allclose(adam_wd, run(lambda p: torch.optim.Adam(p, lr=lr), add_l2=True), rtol=0, atol=1e-12)
same_as_decoupled = torch.allclose(adamw, run(lambda p: torch.optim.Adam(p, lr=lr), decouple=True), rtol=0, atol=1e-12)
print("Adam(weight_decay=lam) == Adam on loss + lam/2*||w||^2:", same_as_l2)
print("AdamW(weight_decay=lam) == (1 - lr*lam)*w, then Adam:  ", same_as_decoupled)
assert same_as_l2 and same_as_decoupled

# zh: 衰减让每个权重比不衰减时少了多少，以 AdamW 规则的预期 lr·λ·steps 为单位
# en: how much the decay shrank each weight compared with no decay, in units of lr·λ·steps (what AdamW's rule predicts)
unit = lr * lam * steps
shrink_adam = (no_decay - adam_wd) / unit
shrink_adamw = (no_decay - adamw) / unit
print("                       large-gradient w  small-gradient w")
print(f"Adam(weight_decay)     {shrink_adam[0]:16.2f}  {shrink_adam[1]:16.2f}")
print(f"AdamW(weight_decay)    {shrink_adamw[0]:16.2f}  {shrink_adamw[1]:16.2f}")
assert shrink_adam[0] < 0.2 and shrink_adam[1] > 5  # zh: 相差约 100 倍 # en: about 100 times apart
assert all(abs(s - 1) < 0.05 for s in shrink_adamw)
assert abs(shrink_adam[0] - 0.09) < 0.005 and abs(shrink_adam[1] - 9.8) < 0.05
