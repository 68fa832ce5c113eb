#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "四个小图对比 3×3 卷积核的四种设置，每个图左边是输入（灰色虚线格为零填充），右边是输出；蓝色标出第一个输出位置用到的 9 个输入像素，橙色标出它右边那个输出位置用到的像素。(a) 无填充、步长 1：5×5 输入得到 3×3 输出，相邻位置的窗口重叠两列；(b) 填充 1、步长 1：5×5 得到 5×5；(c) 填充 1、步长 2：窗口每次右移两格，5×5 得到 3×3；(d) 空洞率 2：9 个像素之间隔一格，覆盖 5×5 的范围，7×7 输入得到 3×3 输出", en: "Four panels compare four settings of a 3×3 kernel; each shows the input on the left (dashed grey cells are zero padding) and the output on the right. Blue marks the 9 input pixels used by the first output position, orange those used by the position to its right. (a) no padding, stride 1: a 5×5 input gives a 3×3 output, neighbouring windows overlap by two columns; (b) padding 1, stride 1: 5×5 gives 5×5; (c) padding 1, stride 2: the window moves two cells at a time and 5×5 gives 3×3; (d) dilation 2: the 9 pixels are one cell apart and span 5×5, so a 7×7 input gives a 3×3 output"}
#|     caption: {zh: "填充、步长与空洞：卷积核在输入上的足迹和输出的尺寸", en: "Padding, stride and dilation: where the kernel reads the input, and the size of the output"}
import matplotlib.pyplot as plt
import torch
from matplotlib.patches import Rectangle
from torch import nn

from dlref.conv import conv2d_output_size
from dlref.figures import tr

FIRST, SECOND = "#6baed6", "#fd8d3c"
settings = [  # (input size, padding, stride, dilation, title)
    (5, 0, 1, 1, tr(zh="(a) 无填充，步长 1", en="(a) no padding, stride 1")),
    (5, 1, 1, 1, tr(zh="(b) 填充 1，步长 1（尺寸不变）", en="(b) padding 1, stride 1 (size kept)")),
    (5, 1, 2, 1, tr(zh="(c) 填充 1，步长 2", en="(c) padding 1, stride 2")),
    (7, 0, 1, 2, tr(zh="(d) 空洞率 2", en="(d) dilation 2")),
]
k = 3


def taps(i, j, s, d):
    """Padded-input cells that kernel position (i, j) reads."""
    return {(s * i + d * u, s * j + d * v) for u in range(k) for v in range(k)}


fig, axes = plt.subplots(2, 2, figsize=(10, 7.6))
for ax, (n, p, s, d, title) in zip(axes.flat, settings):
    out = conv2d_output_size(n, k, stride=s, padding=p, dilation=d)
    real = nn.Conv2d(1, 1, k, stride=s, padding=p, dilation=d)(torch.zeros(1, 1, n, n)).shape[-2:]
    assert out == tuple(real)
    first, second = taps(0, 0, s, d), taps(0, 1, s, d)
    size = n + 2 * p
    for r in range(size):
        for c in range(size):
            pad = not (p <= r < p + n and p <= c < p + n)
            ax.add_patch(Rectangle((c, size - r - 1), 1, 1, fc="0.93" if pad else "white",
                                   ec="0.6" if pad else "0.35", lw=1, ls="--" if pad else "-"))
            if (r, c) in first:
                ax.add_patch(Rectangle((c, size - r - 1), 1, 1, fc=FIRST, alpha=0.75, lw=0))
            if (r, c) in second:
                ax.add_patch(Rectangle((c + 0.12, size - r - 0.88), 0.76, 0.76, fc=SECOND, alpha=0.8, lw=0))
    x0 = size + 1.5
    top = size - (size - out[0]) / 2
    for r in range(out[0]):
        for c in range(out[1]):
            fc = FIRST if (r, c) == (0, 0) else SECOND if (r, c) == (0, 1) else "white"
            ax.add_patch(Rectangle((x0 + c, top - r - 1), 1, 1, fc=fc, ec="0.35", lw=1))
    ax.annotate("", xy=(x0 - 0.2, size / 2), xytext=(size + 0.2, size / 2),
                arrowprops=dict(arrowstyle="->", lw=1.5))
    ax.set_title(f"{title}\n{n}×{n}, k={k}, p={p}, s={s}, d={d} → {out[0]}×{out[1]}", fontsize=11)
    ax.set_xlim(-0.3, 14.6)
    ax.set_ylim(-0.3, 7.3)
    ax.set_aspect("equal")
    ax.set_axis_off()
plt.tight_layout()
plt.show()
