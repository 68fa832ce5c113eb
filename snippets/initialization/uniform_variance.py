#| claims: [N17, N18]
import torch
import torch.nn as nn

torch.manual_seed(0)
# zh: 均匀分布 U(a, b) 的方差 = (b - a)² / 12
# en: the variance of U(a, b) is (b - a)² / 12
a, b = -0.5, 1.5
w = torch.empty(1_000_000).uniform_(a, b)
print(f"Var U({a}, {b}): sampled {w.var().item():.5f}, formula {(b - a) ** 2 / 12:.5f}")
assert abs(w.var().item() - (b - a) ** 2 / 12) < 0.003

# zh: d = 1000 个输入、方差为 1 的信号，分别经过两种区间的权重
# en: a signal with d = 1000 inputs of variance 1, through weights from two intervals
d = 1000
x = torch.randn(500, d)
print(f"sqrt(3) = {3 ** 0.5:.4f}, so U(±√(3/d)) is 1.73 times wider than U(±1/√d)")
ratios = {}
for name, bound in [("U(±√(3/d))", (3 / d) ** 0.5), ("U(±1/√d)", 1 / d**0.5)]:
    weight = torch.empty(d, d).uniform_(-bound, bound)
    y = x @ weight.T
    ratios[name] = y.var().item() / x.var().item()
    print(f"{name:11s} d·Var(w) = {d * weight.var().item():.3f}   Var(y)/Var(x) = {ratios[name]:.3f}")
assert abs(ratios["U(±√(3/d))"] - 1) < 0.02  # zh: 方差保持 # en: variance preserved
assert abs(ratios["U(±1/√d)"] - 1 / 3) < 0.02  # zh: 每层缩小到 1/3 # en: shrinks to 1/3 per layer

# zh: PyTorch 的 nn.Linear 默认初始化正是 U(±1/√d)：方差 1/(3d)，不是 1/d
# en: PyTorch's default nn.Linear init is exactly U(±1/√d): variance 1/(3d), not 1/d
layer = nn.Linear(d, 1000)
var = layer.weight.var().item()
print(f"nn.Linear({d}, 1000) default: max |w| = {layer.weight.abs().max().item():.5f}, "
      f"Var(w) = {var:.3e}, 1/(3d) = {1 / (3 * d):.3e}")
assert layer.weight.abs().max().item() <= 1 / d**0.5
assert abs(var - 1 / (3 * d)) / (1 / (3 * d)) < 0.01
