#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "生物神经元与人工神经元的对应关系：树突接收信号对应输入 xᵢ 与权重 wᵢ，细胞体整合信息对应加权求和 z = Σwᵢxᵢ + b，兴奋或抑制对应激活函数 f(z)，轴突传出信号对应输出 y", en: "How a biological neuron maps onto an artificial one: dendrites receiving signals correspond to the inputs xᵢ with weights wᵢ, the cell body integrating them to the weighted sum z = Σwᵢxᵢ + b, firing or staying silent to the activation function f(z), and the axon passing the signal on to the output y"}
#|     caption: {zh: "人工神经元用数学模拟生物神经元的信息处理", en: "An artificial neuron imitates, in mathematics, how a biological neuron processes information"}
import matplotlib.pyplot as plt

from dlref.diagrams import Box, draw_blocks
from dlref.figures import tr

rows = [
    (tr(zh="树突：接收信号", en="dendrites: receive signals"), tr(zh="输入 xᵢ，乘以权重 wᵢ", en="inputs xᵢ, times weights wᵢ")),
    (tr(zh="细胞体：整合信息", en="cell body: integrates"), tr(zh="加权求和 z = Σ wᵢxᵢ + b", en="weighted sum z = Σ wᵢxᵢ + b")),
    (tr(zh="兴奋 / 抑制", en="fire or stay silent"), tr(zh="激活函数 f(z)", en="activation function f(z)")),
    (tr(zh="轴突：传出信号", en="axon: passes it on"), tr(zh="输出 y = f(z) → 下一层", en="output y = f(z) → next layer")),
]
bio_color, ann_color = "#fde0dd", "#deebf7"
boxes, arrows = [], []
for i, (bio, ann) in enumerate(rows):
    y = -1.1 * i
    boxes += [Box(f"b{i}", bio, (0, y), width=3.4, color=bio_color), Box(f"a{i}", ann, (5, y), width=3.8, color=ann_color)]
    if i:
        arrows += [(f"b{i - 1}", f"b{i}", ""), (f"a{i - 1}", f"a{i}", "")]

fig, ax = plt.subplots(figsize=(8, 4.2))
draw_blocks(boxes, arrows, ax=ax)
for i in range(len(rows)):
    ax.annotate("", xy=(3.05, -1.1 * i), xytext=(1.75, -1.1 * i),
                arrowprops=dict(arrowstyle="<|-|>", color="0.45", linestyle="--"))
    ax.text(2.4, -1.1 * i + 0.12, "≈", ha="center", fontsize=11, color="0.3")
ax.text(0, 0.75, tr(zh="生物神经元", en="biological neuron"), ha="center", fontsize=12, weight="bold")
ax.text(5, 0.75, tr(zh="人工神经元", en="artificial neuron"), ha="center", fontsize=12, weight="bold")
ax.set_xlim(-2, 7.2)
ax.set_ylim(-3.9, 1.1)
fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
plt.show()
