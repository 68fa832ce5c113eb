#| figures:
#|   - alt: {zh: "Smooth L1 损失（β=1）与 L1 损失 |e|、二次函数 ½e² 的对比：在 [-1, 1] 内它与 ½e² 重合，之外是与 |e| 平行、低 0.5 的直线；下方是它的导数：在 [-1, 1] 内等于 e，之外恒为 ±1", en: "Smooth L1 loss (β = 1) compared with the L1 loss |e| and the quadratic ½e²: inside [-1, 1] it follows ½e², outside it is a straight line parallel to |e| and 0.5 below it; below, its derivative: equal to e inside [-1, 1] and ±1 outside"}
#|     caption: {zh: "Smooth L1：中间是抛物线，两侧是直线，过渡处平滑", en: "Smooth L1: a parabola in the middle, straight lines on both sides, with a smooth transition"}
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

e = torch.linspace(-3, 3, 601, requires_grad=True)
zero = torch.zeros_like(e)
loss = F.smooth_l1_loss(e, zero, reduction="none", beta=1.0)
loss.sum().backward()

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(6, 5.5), sharex=True)
ax1.plot(e.detach(), e.detach().abs(), "--", color="0.6", label="L1: $|e|$")
ax1.plot(e.detach(), 0.5 * e.detach() ** 2, ":", color="0.4", label="$0.5\\,e^2$")
ax1.plot(e.detach(), loss.detach(), lw=2.5, label="SmoothL1Loss, $\\beta=1$")
ax1.axvspan(-1, 1, color="tab:green", alpha=0.08)
ax1.set_ylim(0, 3.2)
ax1.legend()
ax2.plot(e.detach(), e.grad, color="tab:orange", lw=2)
ax2.axvspan(-1, 1, color="tab:green", alpha=0.08)
ax2.set_ylabel("gradient")
ax2.set_xlabel("error $e$")
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
plt.tight_layout()
plt.show()
