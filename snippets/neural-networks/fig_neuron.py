#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "单个神经元的结构：三个输入 x₁、x₂、x₃ 分别乘以权重 w₁、w₂、w₃，在求和节点与偏置 b 相加得到 z，再经过激活函数 f 得到输出 y = f(z)", en: "Structure of a single neuron: three inputs x₁, x₂, x₃ are multiplied by weights w₁, w₂, w₃ and summed with the bias b into z, which the activation function f turns into the output y = f(z)"}
#|     caption: {zh: "一个神经元：加权求和 → 激活函数 → 输出", en: "One neuron: weighted sum → activation → output"}
import matplotlib.pyplot as plt

from dlref.diagrams import draw_network
from dlref.figures import tr

fig, ax = plt.subplots(figsize=(6.4, 3.6))
draw_network(
    [3, 1, 1],
    layer_labels=[
        tr(zh="输入", en="inputs"),
        tr(zh="加权求和", en="weighted sum") + "\nz = Σ wᵢxᵢ + b",
        tr(zh="激活函数", en="activation") + "\ny = f(z)",
    ],
    node_labels={(0, 0): "$x_1$", (0, 1): "$x_2$", (0, 2): "$x_3$", (1, 0): "$\\Sigma$, $+b$", (2, 0): "$f$"},
    edge_labels={(0, 0, 0): "$w_1$", (0, 1, 0): "$w_2$", (0, 2, 0): "$w_3$"},
    ax=ax,
)
ax.annotate("", xy=(6.4, 0), xytext=(5.4, 0), arrowprops=dict(arrowstyle="-|>", color="0.2"))
ax.text(6.5, 0, "$y$", va="center", fontsize=12)
ax.text(2.5, 0.75, tr(zh="+ 偏置 b", en="+ bias b"), ha="center", fontsize=9, color="0.3")
ax.set_xlim(-1, 7)
ax.set_ylim(-2.6, 1.9)
fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
plt.show()
