#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "四个小图依次展示 2×2 卷积核在 3×3 输入（0 到 8）上滑动的四个位置：每个位置的窗口用颜色标出，与卷积核 [[0, 1], [2, 3]] 逐元素相乘再求和，得到 2×2 输出中对应的格子，四个输出依次是 19、25、37、43，每个小图下方写出了求和式", en: "Four panels show the four positions of a 2×2 kernel sliding over a 3×3 input holding 0 to 8: at each position the window is coloured, multiplied element-wise by the kernel [[0, 1], [2, 3]] and summed into the matching cell of the 2×2 output; the outputs are 19, 25, 37 and 43, and each panel spells out its sum"}
#|     caption: {zh: "二维互相关：卷积核滑过输入，每个位置产生一个输出", en: "2-D cross-correlation: the kernel slides over the input and each position gives one output"}
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.patches import Rectangle

from dlref.figures import tr

x = torch.arange(9.0).reshape(3, 3)
k = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
y = F.conv2d(x[None, None], k[None, None])[0, 0]
WINDOW, KERNEL, OUT = "#9ecae1", "#fdd0a2", "#c7e9c0"


def grid(ax, values, x0, y0, fill=lambda i, j: "white", bold=lambda i, j: False):
    """Draw a matrix with its top-left corner at (x0, y0), one unit per cell."""
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            ax.add_patch(Rectangle((x0 + j, y0 - i - 1), 1, 1, fc=fill(i, j), ec="0.35", lw=1))
            ax.text(x0 + j + 0.5, y0 - i - 0.5, f"{values[i, j].item():g}", ha="center", va="center",
                    fontsize=12, fontweight="bold" if bold(i, j) else "normal")


fig, axes = plt.subplots(2, 2, figsize=(9, 5.2))
for ax, (r, c) in zip(axes.flat, [(0, 0), (0, 1), (1, 0), (1, 1)]):
    inside = lambda i, j: r <= i < r + 2 and c <= j < c + 2  # noqa: E731
    grid(ax, x, 0, 3, fill=lambda i, j: WINDOW if inside(i, j) else "white")
    ax.add_patch(Rectangle((c, 3 - r - 2), 2, 2, fill=False, ec="0.1", lw=2.5))
    ax.text(3.5, 1.5, r"$\star$", ha="center", va="center", fontsize=28)
    grid(ax, k, 4, 2.5, fill=lambda i, j: KERNEL)
    ax.text(6.5, 1.5, "=", ha="center", va="center", fontsize=18)
    grid(ax, y, 7, 2.5, fill=lambda i, j: OUT if (i, j) == (r, c) else "white",
         bold=lambda i, j: (i, j) == (r, c))
    window = x[r:r + 2, c:c + 2].flatten().tolist()
    terms = " + ".join(f"{a:g}·{b:g}" for a, b in zip(window, k.flatten().tolist()))
    ax.text(4.5, -0.55, f"{terms} = {y[r, c].item():g}", ha="center", va="center", fontsize=11)
    ax.text(1.5, 3.3, tr(zh="输入", en="input"), ha="center", fontsize=11)
    ax.text(5, 2.8, tr(zh="卷积核", en="kernel"), ha="center", fontsize=11)
    ax.text(8, 2.8, tr(zh="输出", en="output"), ha="center", fontsize=11)
    ax.set_xlim(-0.2, 9.2)
    ax.set_ylim(-1.0, 3.8)
    ax.set_aspect("equal")
    ax.set_axis_off()
assert y.tolist() == [[19.0, 25.0], [37.0, 43.0]]
plt.tight_layout()
plt.show()
