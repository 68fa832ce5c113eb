#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "4×4 输入（0 到 15）被分成四个颜色不同的 2×2 窗口，每个窗口的最大值加粗；最大池化得到 [[5, 7], [13, 15]]，平均池化得到 [[2.5, 4.5], [10.5, 12.5]]，输出格子的颜色与对应窗口一致", en: "A 4×4 input holding 0 to 15 is split into four 2×2 windows of different colours, with each window's maximum in bold; max pooling gives [[5, 7], [13, 15]] and average pooling gives [[2.5, 4.5], [10.5, 12.5]], each output cell coloured like its window"}
#|     caption: {zh: "2×2 窗口、步长 2 的最大池化与平均池化", en: "Max and average pooling with a 2×2 window and stride 2"}
import matplotlib.pyplot as plt
import torch
from matplotlib.patches import Rectangle

from dlref.figures import tr
from dlref.pooling import avg_pool2d, max_pool2d

x = torch.arange(16.0).reshape(1, 1, 4, 4)
mx, av = max_pool2d(x, 2, 2)[0, 0], avg_pool2d(x, 2, 2)[0, 0]
colors = {(0, 0): "#9ecae1", (0, 1): "#c7e9c0", (1, 0): "#fdd0a2", (1, 1): "#dadaeb"}


def grid(ax, values, x0, y0, window_of, bold=lambda i, j: False):
    """Draw a matrix with its top-left corner at (x0, y0), one unit per cell."""
    n = values.shape[0]
    for i in range(n):
        for j in range(n):
            ax.add_patch(Rectangle((x0 + j, y0 - i - 1), 1, 1, fc=colors[window_of(i, j)], ec="0.35", lw=1))
            ax.text(x0 + j + 0.5, y0 - i - 0.5, f"{values[i, j].item():g}", ha="center", va="center",
                    fontsize=13, fontweight="bold" if bold(i, j) else "normal")


fig, ax = plt.subplots(figsize=(9, 3.4))
grid(ax, x[0, 0], 0, 4, lambda i, j: (i // 2, j // 2), bold=lambda i, j: x[0, 0, i, j] == mx[i // 2, j // 2])
for k in (0, 2):
    for m in (0, 2):
        ax.add_patch(Rectangle((m, k), 2, 2, fill=False, ec="0.1", lw=2.5))
grid(ax, mx, 6, 3, lambda i, j: (i, j))
grid(ax, av, 9.5, 3, lambda i, j: (i, j))
ax.text(2, 4.35, tr(zh="输入 4×4", en="input 4×4"), ha="center", fontsize=12)
ax.text(7, 3.35, tr(zh="最大池化", en="max pooling"), ha="center", fontsize=12)
ax.text(10.5, 3.35, tr(zh="平均池化", en="average pooling"), ha="center", fontsize=12)
ax.annotate("", xy=(5.6, 2), xytext=(4.3, 2), arrowprops=dict(arrowstyle="->", lw=2))
ax.text(4.95, 2.25, "2×2, stride 2", ha="center", fontsize=9)
ax.set_xlim(-0.2, 11.7)
ax.set_ylim(-0.2, 4.8)
ax.set_aspect("equal")
ax.set_axis_off()
plt.tight_layout()
plt.show()
