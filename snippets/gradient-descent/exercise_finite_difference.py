import torch

torch.set_default_dtype(torch.float64)
i = torch.tensor([0.05, 0.10])
target = torch.tensor([0.01, 0.99])
W2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]])


def total_error(w1):
    W1 = torch.stack([torch.stack([w1, torch.tensor(0.20)]), torch.tensor([0.25, 0.30])])
    out_o = torch.sigmoid(W2 @ torch.sigmoid(W1 @ i + 0.35) + 0.60)
    return (0.5 * (target - out_o) ** 2).sum()


w1 = torch.tensor(0.15, requires_grad=True)
total_error(w1).backward()
print(f"autograd:            {w1.grad.item():.7e}")

# zh: 中心差分 (E(w1 + h) - E(w1 - h)) / 2h：截断误差约为 h² 量级，h 太小时舍入误差（约 1e-16 / h）又会变大
# en: central difference (E(w1 + h) - E(w1 - h)) / 2h: the truncation error is of order h²; when h is too small, rounding error (about 1e-16 / h) grows instead
with torch.no_grad():
    for h in (1e-2, 1e-4, 1e-6):
        estimate = ((total_error(w1 + h) - total_error(w1 - h)) / (2 * h)).item()
        print(f"central, h = {h:.0e}: {estimate:.7e}")
        assert abs(estimate / w1.grad.item() - 1) < 1e-6  # zh: 至少 6 位有效数字一致 # en: at least 6 significant digits agree
