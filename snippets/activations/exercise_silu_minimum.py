import torch
import torch.nn.functional as F

# zh: SiLU(x) = x·σ(x)，导数 σ(x)(1 + x(1 - σ(x)))；用牛顿法解导数 = 0
# en: SiLU(x) = x·σ(x), with derivative σ(x)(1 + x(1 - σ(x))); solve derivative = 0 by Newton's method
x = torch.tensor(-1.0, dtype=torch.float64, requires_grad=True)
for _ in range(20):
    (g,) = torch.autograd.grad(F.silu(x), x, create_graph=True)  # zh: 一阶导 # en: first derivative
    (h,) = torch.autograd.grad(g, x)  # zh: 二阶导 # en: second derivative
    with torch.no_grad():
        x -= g / h

x_min = x.item()
f_min = F.silu(x).item()
print(f"minimum at x = {x_min:.4f}, SiLU(x) = {f_min:.4f}, x + 1 = {x_min + 1:.4f}")
assert abs(x_min + 1.2785) < 1e-4 and abs(f_min - (x_min + 1)) < 1e-10

# zh: 对比 ReLU：在 x < 0 处恒为 0，而 SiLU 先下降后回升，在 -∞ 处趋于 0
# en: compare ReLU, flat 0 for x < 0, while SiLU dips and comes back towards 0 as x → -∞
grid = torch.tensor([-6.0, -3.0, -1.2785, -0.5, 0.0])
print("x      :", [round(v, 4) for v in grid.tolist()])
print("SiLU(x):", [round(v, 4) for v in F.silu(grid).tolist()])
