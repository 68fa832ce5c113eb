#| figures:
#|   - alt: {zh: "两幅并排的图。左图：输入 z 均匀分布在 50 到 80 之间，落在 sigmoid 的饱和区，sigmoid 曲线在那里平坦等于 1，导数为 0，标题中 σ′ 的平均值为 0.000。右图：同一批数据经过 BatchNorm1d 后落在 -1.7 到 1.7 之间，正处于 sigmoid 的陡峭区，标题中 σ′ 的平均值约为 0.20。", en: "Two side-by-side panels. Left: inputs z spread uniformly over 50 to 80 sit in the sigmoid's saturated region, where the curve is flat at 1 and its derivative is 0; the title gives a mean σ′ of 0.000. Right: the same batch after BatchNorm1d lies between -1.7 and 1.7, on the steep part of the sigmoid; the title gives a mean σ′ of about 0.20."}
#|     caption: {zh: "BN 把饱和区里的输入拉回 sigmoid 的反应区", en: "BN pulls saturated inputs back into the sigmoid's responsive zone"}
#| claims: [N48]
import math

import torch
import torch.nn as nn
import matplotlib.pyplot as plt

# zh: 精确值：σ'(50) = e^-50 / (1 + e^-50)^2
# en: the exact value: σ'(50) = e^-50 / (1 + e^-50)^2
exact = math.exp(-50) / (1 + math.exp(-50)) ** 2
print(f"sigma'(50) = {exact:.2e}")
assert abs(exact - 1.9e-22) < 0.05e-22

torch.manual_seed(0)
# zh: 某个深层的预激活值已经“失控”：全部落在 [50, 80]
# en: the pre-activations of a deep layer have run away: all of them lie in [50, 80]
z = torch.empty(1000, 1).uniform_(50, 80)

bn = nn.BatchNorm1d(1)  # zh: 训练模式：用这一批的均值和方差 # en: training mode: uses this batch's mean and variance
z_bn = bn(z).detach()


# zh: σ'(z) = σ(z)(1 - σ(z)) 在这批数据上的平均值，由 autograd 计算
# en: the mean of σ'(z) = σ(z)(1 - σ(z)) over the batch, computed by autograd
def mean_sigmoid_grad(values):
    v = values.clone().requires_grad_(True)
    torch.sigmoid(v).sum().backward()
    return v.grad.mean().item()


before, after = mean_sigmoid_grad(z), mean_sigmoid_grad(z_bn)
print(f"z before BN: [{z.min():.1f}, {z.max():.1f}], mean sigma'(z) = {before:.6f}")
print(f"z after BN:  [{z_bn.min():.2f}, {z_bn.max():.2f}], mean sigma'(z) = {after:.4f}")
assert before == 0.0  # zh: float32 中 σ(50) 恰好等于 1，梯度恰好为 0 # en: in float32 σ(50) is exactly 1, so the gradient is exactly 0
assert abs(after - 0.20) < 0.01

fig, axes = plt.subplots(1, 2, figsize=(11, 4))
for ax, values, lo, hi, name, mean_grad in [
    (axes[0], z, -10, 90, "before BN", before),
    (axes[1], z_bn, -6, 6, "after BN", after),
]:
    grid = torch.linspace(lo, hi, 801)
    s = torch.sigmoid(grid)
    counts = ax.twinx()  # zh: 直方图用右侧的纵轴 # en: the histogram uses the right-hand axis
    counts.hist(values.flatten().numpy(), bins=30, color="C0", alpha=0.35)
    counts.set_ylabel("count of z")
    counts.set_ylim(0, 2 * counts.get_ylim()[1])
    ax.plot(grid, s, color="C1", label=r"$\sigma(z)$")
    ax.plot(grid, s * (1 - s), color="C2", label=r"$\sigma'(z)$")
    ax.set_xlim(lo, hi)
    ax.set_ylim(0, 1.1)
    ax.set_xlabel("z")
    ax.set_zorder(counts.get_zorder() + 1)  # zh: 曲线画在直方图上面 # en: curves above the histogram
    ax.patch.set_visible(False)
    ax.set_title(f"{name}: mean $\\sigma'(z)$ = {mean_grad:.3f}")
    ax.legend(loc="center left", fontsize=8)
plt.tight_layout()
plt.show()
