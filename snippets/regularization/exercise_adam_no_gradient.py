import torch

lr, steps = 0.01, 50
print("lam      Adam(weight_decay)  AdamW(weight_decay)  (1 - lr*lam)**steps")
adam_results = []
for lam in [1e-4, 1e-2, 1.0]:
    final = []
    for make in (torch.optim.Adam, torch.optim.AdamW):
        w = torch.ones(1, requires_grad=True)
        optimizer = make([w], lr=lr, weight_decay=lam)
        for _ in range(steps):
            optimizer.zero_grad()
            (0 * w).sum().backward()  # zh: 数据损失的梯度恒为 0，只剩衰减 # en: the data loss has zero gradient: only the decay acts
            optimizer.step()
        final.append(w.item())
    adam_results.append(final[0])
    print(f"{lam:<8g} {final[0]:18.3f}  {final[1]:19.3f}  {(1 - lr * lam) ** steps:19.3f}")
    assert abs(final[1] - (1 - lr * lam) ** steps) < 1e-5
# zh: Adam 把梯度 λw 除以它自己的大小：λ 跨了 4 个数量级，结果几乎不变
# en: Adam divides the gradient λw by its own size: λ spans four orders of magnitude and the result barely moves
assert max(adam_results) - min(adam_results) < 1e-3 and abs(adam_results[0] - 0.537) < 1e-3
