#| figures:
#|   - alt: {zh: "MAE（L1）损失随误差 e 变化的 V 形曲线，顶点在原点；下方是它的导数：e<0 时为 -1，e>0 时为 +1，在 0 处跳变", en: "The V-shaped MAE (L1) loss as a function of the error e, with its vertex at the origin; below it, the derivative: -1 for e < 0 and +1 for e > 0, jumping at 0"}
#|     caption: {zh: "MAE：损失与误差成线性关系，梯度恒为 ±1", en: "MAE: the loss grows linearly with the error, the gradient is always ±1"}
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

e = torch.linspace(-3, 3, 601, requires_grad=True)  # zh: 误差 e = ŷ - y # en: error e = ŷ - y
loss = F.l1_loss(e, torch.zeros_like(e), reduction="none")  # zh: 逐点 |e| # en: |e| point by point
loss.sum().backward()  # zh: e.grad 即 d|e|/de # en: e.grad is d|e|/de

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(6, 5), sharex=True)
ax1.plot(e.detach(), loss.detach())
ax1.set_ylabel("$|e|$")
ax1.set_title("L1Loss (MAE)")
ax2.plot(e.detach(), e.grad, color="tab:orange")
ax2.set_ylabel("$d|e|/de$")
ax2.set_xlabel("error $e$")
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
plt.tight_layout()
plt.show()
