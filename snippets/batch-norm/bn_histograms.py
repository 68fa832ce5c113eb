#| figures:
#|   - alt: {zh: "三个并排的直方图，来自同一个 nn.BatchNorm1d：左图是原始激活值，均值约 5、标准差约 3；中图是标准化后（γ=1，β=0），均值 0、标准差 1，几乎全部落在 -3 到 3 之间；右图是把 γ 设为 2、β 设为 1 之后，均值 1、标准差 2。", en: "Three side-by-side histograms from one nn.BatchNorm1d: left, the raw activations with mean about 5 and standard deviation about 3; middle, after normalization (γ=1, β=0), mean 0 and standard deviation 1, almost all within -3 to 3; right, after setting γ to 2 and β to 1, mean 1 and standard deviation 2."}
#|     caption: {zh: "BN 的两步：先标准化，再用 γ 和 β 缩放与平移", en: "The two steps of BN: normalize, then scale and shift with γ and β"}
#| claims: [N47]
import math

import torch
import torch.nn as nn
import matplotlib.pyplot as plt

torch.manual_seed(0)
x = 5 + 3 * torch.randn(2000, 1)  # zh: 一个 mini-batch 的原始激活值，约 N(5, 3²) # en: raw activations of one mini-batch, about N(5, 3²)

bn = nn.BatchNorm1d(1)  # zh: 初始 γ=1, β=0 # en: initial γ=1, β=0
x_hat = bn(x).detach()  # zh: 第 1 步：标准化 # en: step 1: normalize

with torch.no_grad():  # zh: 第 2 步：缩放与平移（这里手动设定 γ、β，训练时它们是学出来的） # en: step 2: scale and shift (set by hand here; in training they are learned)
    bn.weight.fill_(2.0)
    bn.bias.fill_(1.0)
y = bn(x).detach()

def mean_std(v):
    # zh: round(...) + 0.0 把 -0.0 变成 0.0 # en: round(...) + 0.0 turns -0.0 into 0.0
    return round(v.mean().item(), 4) + 0.0, v.std(unbiased=False).item()


for name, v in [("raw x", x), ("x_hat", x_hat), ("y = 2 x_hat + 1", y)]:
    mean, std = mean_std(v)
    print(f"{name:16s} mean {mean:7.4f}   std {std:6.4f}")

inside = (x_hat.abs() <= 3).float().mean().item()
gauss = math.erf(3 / math.sqrt(2))  # zh: N(0,1) 落在 [-3, 3] 的概率 # en: probability that N(0,1) falls in [-3, 3]
chebyshev = 1 - 1 / 3**2  # zh: 任意分布的下界 # en: the lower bound for any distribution
print(f"x_hat within [-3, 3]: {inside:.2%} (N(0, 1): {gauss:.2%}; any distribution: at least {chebyshev:.1%})")
assert abs(gauss - 0.9973) < 1e-4 and abs(chebyshev - 0.889) < 1e-3
assert inside > 0.99
assert abs(x_hat.mean()) < 1e-5 and abs(x_hat.std(unbiased=False) - 1) < 1e-3
assert abs(y.mean() - 1) < 1e-4 and abs(y.std(unbiased=False) - 2) < 1e-3

fig, axes = plt.subplots(1, 3, figsize=(12, 3.2), sharey=True)
titles = ["raw activations $x$", r"normalized $\hat{x}$ ($\gamma=1, \beta=0$)", r"$y = \gamma\hat{x} + \beta$ ($\gamma=2, \beta=1$)"]
for ax, v, title, color in zip(axes, [x, x_hat, y], titles, ["C0", "C1", "C2"]):
    ax.hist(v.flatten().numpy(), bins=40, range=(-8, 16), color=color, alpha=0.8)
    mean, std = mean_std(v)
    ax.axvline(mean, color="k", lw=1, ls="--")
    ax.set_title(f"{title}\nmean {mean:.2f}, std {std:.2f}", fontsize=10)
axes[0].set_ylabel("count")
plt.tight_layout()
plt.show()
