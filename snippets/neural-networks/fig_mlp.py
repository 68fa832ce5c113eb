#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "全连接前馈网络：3 个神经元的输入层、两个各 4 个神经元的隐藏层和 2 个神经元的输出层，相邻两层的神经元两两相连，同一层内没有连接，信息从左向右单向流动", en: "A fully connected feed-forward network: an input layer of 3 neurons, two hidden layers of 4 neurons each and an output layer of 2 neurons; every neuron is connected to every neuron of the next layer, there are no connections within a layer, and information flows one way, from left to right"}
#|     caption: {zh: "输入层 → 隐藏层 → 输出层：相邻层全连接，层内无连接", en: "Input layer → hidden layers → output layer: adjacent layers fully connected, no connections within a layer"}
import matplotlib.pyplot as plt

from dlref.diagrams import draw_network
from dlref.figures import tr

sizes = [3, 4, 4, 2]
fig, ax = plt.subplots(figsize=(6, 4.4))
draw_network(
    sizes,
    layer_labels=[
        tr(zh="输入层", en="input layer"),
        tr(zh="隐藏层 1", en="hidden\nlayer 1"),
        tr(zh="隐藏层 2", en="hidden\nlayer 2"),
        tr(zh="输出层", en="output layer"),
    ],
    node_labels={(0, j): f"$x_{j + 1}$" for j in range(3)} | {(3, j): f"$\\hat y_{j + 1}$" for j in range(2)},
    ax=ax,
)
ax.annotate("", xy=(7.5, 2.75), xytext=(0, 2.75), arrowprops=dict(arrowstyle="-|>", color="0.35"))
ax.text(3.75, 2.95, tr(zh="前向传播：信息单向流动", en="forward pass: information flows one way"),
        ha="center", fontsize=10, color="0.25")
ax.set_ylim(-4.1, 3.3)
fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
plt.show()
