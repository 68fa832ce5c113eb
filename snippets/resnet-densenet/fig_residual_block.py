#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "残差块示意图：输入 x 依次经过权重层、ReLU、权重层得到 F(x)；一条短路连接把 x 直接送到加法节点，与 F(x) 相加得到 F(x)+x，再经过 ReLU 输出", en: "Diagram of a residual block: the input x passes through a weight layer, ReLU and a second weight layer to give F(x); a shortcut connection carries x straight to an addition node, where F(x) + x is formed and then passed through a ReLU"}
#|     caption: {zh: "残差块：主路径学习残差 F(x)，短路连接送来 x", en: "A residual block: the main path learns the residual F(x), the shortcut brings x"}
import matplotlib.pyplot as plt

from dlref.diagrams import Box, draw_blocks
from dlref.figures import tr

weight = tr(zh="权重层", en="weight layer")
boxes = [
    Box("x", "x", (0, 0), width=0.8, color="#ffffff"),
    Box("w1", weight, (0, -1.2)),
    Box("relu1", "ReLU", (0, -2.4), color="#fdd0a2"),
    Box("w2", weight, (0, -3.6)),
    Box("add", r"$\oplus$", (0, -4.8), width=0.6, color="#ffffff"),
    Box("relu2", "ReLU", (0, -6.0), color="#fdd0a2"),
    Box("out", "ReLU(F(x) + x)", (0, -7.2), width=2.2, color="#ffffff"),
]
arrows = [("x", "w1", ""), ("w1", "relu1", ""), ("relu1", "w2", ""), ("w2", "add", "F(x)"),
          ("add", "relu2", "F(x) + x"), ("relu2", "out", "")]
ax = draw_blocks(boxes, arrows, size=(4.4, 6.2))

# zh: 短路连接：从 x 右侧绕到加法节点 # en: the shortcut: from x, around the right, into the addition node
side = 2.4
ax.plot([0.45, side, side], [0, 0, -4.8], color="0.2", lw=1.3)
ax.annotate("", xy=(0.35, -4.8), xytext=(side, -4.8),
            arrowprops=dict(arrowstyle="-|>", color="0.2", lw=1.3, mutation_scale=12))
ax.text(side + 0.15, -2.4, tr(zh="恒等映射\nx", en="identity\nx"), va="center", fontsize=9)
ax.text(-1.6, -2.4, "F(x)", va="center", ha="right", fontsize=11)
ax.plot([-1.45, -1.45], [-0.9, -3.9], color="0.5", lw=1)  # zh: 标出主路径的范围 # en: bracket the main path
ax.set_xlim(-2.6, 3.6)
plt.subplots_adjust(left=0, right=1, bottom=0, top=1)
plt.show()
