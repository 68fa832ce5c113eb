#| figures:
#|   - alt: {zh: "左图比较 tanh(x) 与 σ(x)：tanh 过原点、取值在 -1 到 1 之间，σ 取值在 0 到 1 之间。右图比较两者的导数：tanh′ 峰值为 1，σ′ 峰值为 0.25；虚线 y = 0.1 与 tanh′ 交于 x = ±1.82，与 σ′ 交于 x = ±2.06；下方两条彩色横条标出导数大于 0.1 的区间，σ′ 的那条反而更宽", en: "Left, tanh(x) against σ(x): tanh passes through the origin and ranges from -1 to 1, σ ranges from 0 to 1. Right, their derivatives: tanh′ peaks at 1, σ′ at 0.25; the dashed line y = 0.1 meets tanh′ at x = ±1.82 and σ′ at x = ±2.06; two coloured bars below mark where each derivative exceeds 0.1, and the one for σ′ is the wider"}
#|     caption: {zh: "Tanh 与 Sigmoid 及其导数；横条为导数大于 0.1 的区间", en: "Tanh and sigmoid and their derivatives; the bars mark where each derivative exceeds 0.1"}
#| claims: [N07, N08]
import math

import torch
import matplotlib.pyplot as plt

x = torch.linspace(-6, 6, 1201, requires_grad=True)
t = torch.tanh(x)
t.sum().backward()
dt = x.grad.clone()  # tanh'(x)
x.grad = None
s = torch.sigmoid(x)
s.sum().backward()
ds = x.grad.clone()  # σ'(x)
x0 = x.detach()

# zh: tanh 是经过缩放和平移的 sigmoid：tanh(x) = 2σ(2x) - 1
# en: tanh is a stretched, shifted sigmoid: tanh(x) = 2σ(2x) - 1
assert torch.allclose(t, 2 * torch.sigmoid(2 * x0) - 1, atol=1e-6)

# zh: 0 附近 tanh(x) ≈ x：|x| < 0.3 时两者相差不到 3%
# en: near 0, tanh(x) ≈ x: for |x| < 0.3 they differ by less than 3%
near = x0[(x0.abs() < 0.3) & (x0 != 0)]
assert ((near - torch.tanh(near)) / torch.tanh(near)).abs().max() < 0.03

# zh: 峰值：tanh'(0) = 1，σ'(0) = 0.25
# en: peaks: tanh'(0) = 1, σ'(0) = 0.25
print(f"max tanh'(x) = {dt.max():.4f}, max sigma'(x) = {ds.max():.4f}")
assert dt.max() == 1 and ds.max() == 0.25

# zh: 导数大于 0.1 的区间，由闭式解 tanh'(x) = 0.1 与 σ'(x) = 0.1 求出
# en: where each derivative exceeds 0.1, from solving tanh'(x) = 0.1 and σ'(x) = 0.1
x_tanh = math.atanh(math.sqrt(0.9))  # zh: 1 - tanh² = 0.1 # en: 1 - tanh² = 0.1
s_star = (1 + math.sqrt(0.6)) / 2  # zh: σ(1-σ) = 0.1 的根 # en: the root of σ(1-σ) = 0.1
x_sigmoid = math.log(s_star / (1 - s_star))
print(f"tanh'(x)    > 0.1  <=>  |x| < {x_tanh:.4f}")
print(f"sigma'(x)   > 0.1  <=>  |x| < {x_sigmoid:.4f}")
# zh: 网格上的结果与闭式解一致（网格步长 0.01）
# en: the grid agrees with the closed form (grid step 0.01)
assert abs(x0[dt > 0.1].max() - x_tanh) < 0.01 and abs(x0[ds > 0.1].max() - x_sigmoid) < 0.01

point = torch.tensor([1.5, 2.0, 3.0, 5.0], requires_grad=True)
torch.tanh(point).sum().backward()
g_tanh = point.grad.clone()
point.grad = None
torch.sigmoid(point).sum().backward()
for p, a, b in zip(point.tolist(), g_tanh.tolist(), point.grad.tolist()):
    print(f"x = {p}: tanh'(x) = {a:.5f}, sigma'(x) = {b:.5f}")
assert g_tanh[1] < 0.1 and point.grad[0] > 0.1  # zh: tanh'(2) ≈ 0.071，σ'(1.5) ≈ 0.149 # en: tanh'(2) ≈ 0.071, σ'(1.5) ≈ 0.149

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6), sharex=True)
left.plot(x0, t.detach(), label=r"$\tanh(x)$")
left.plot(x0, s.detach(), label=r"$\sigma(x)$")
left.axhline(0, color="gray", lw=0.8)
left.legend(loc="upper left")
right.plot(x0, dt, label=r"$\tanh'(x)$")
right.plot(x0, ds, label=r"$\sigma'(x)$")
right.axhline(0.1, color="k", ls="--", lw=1, label="y = 0.1")
# zh: 彩色横条：导数大于 0.1 的区间
# en: coloured bars: where each derivative exceeds 0.1
for xc, color, level in [(x_tanh, "tab:blue", -0.06), (x_sigmoid, "tab:orange", -0.13)]:
    right.hlines(level, -xc, xc, colors=color, lw=4)
    right.vlines([-xc, xc], level, 0.1, colors=color, ls=":", lw=1)
    right.text(xc + 0.25, level, f"|x| < {xc:.2f}", color=color, va="center")
right.set_ylim(-0.18, 1.05)
right.legend(loc="upper left")
for ax in (left, right):
    ax.set_xlabel("x")
    ax.grid(alpha=0.3)
plt.tight_layout()
plt.show()
