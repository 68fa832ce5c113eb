import torch
import torch.nn.functional as F

from dlref.regularization import soft_threshold

lam = 0.5
a = torch.tensor([-2.0, -0.3, 0.3, 1.5], dtype=torch.float64)

# zh: 推导的结果：L1 → 软阈值；L2 → a/(1+λ)
# en: the derived minimizers: L1 → soft thresholding; L2 → a/(1+λ)
l1_formula = soft_threshold(a, lam)
l2_formula = a / (1 + lam)

# zh: 暴力检验：在细网格上直接找目标函数的最小点
# en: brute-force check: minimize each objective directly on a fine grid
w = torch.linspace(-3, 3, 60_001, dtype=torch.float64).unsqueeze(1)  # zh: 步长 1e-4 # en: spacing 1e-4
l1_grid = w[(0.5 * (w - a) ** 2 + lam * w.abs()).argmin(0), 0]
l2_grid = w[(0.5 * (w - a) ** 2 + 0.5 * lam * w**2).argmin(0), 0]

print("a               :", a.tolist())
print("L1 minimizer    :", [round(v, 4) + 0.0 for v in l1_grid.tolist()])  # zh: + 0.0 去掉 -0.0 的负号 # en: + 0.0 turns -0.0 into 0.0
print("L2 minimizer    :", [round(v, 4) + 0.0 for v in l2_grid.tolist()])
assert torch.allclose(l1_grid, l1_formula, atol=1e-4) and torch.allclose(l2_grid, l2_formula, atol=1e-4)
assert torch.equal(soft_threshold(a, lam), F.softshrink(a, lam))  # zh: PyTorch 里叫 softshrink # en: PyTorch calls it softshrink
