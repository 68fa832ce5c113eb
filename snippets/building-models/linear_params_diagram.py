#| show-code: false
#| per-language: true
#| claims: [N21]
#| figures:
#|   - alt: {zh: "nn.Linear(3, 3) 的参数示意图：3 个输入与 3 个输出之间的 9 条连线各是一个权重 w_ij，另有一个恒为 1 的偏置节点，连向每个输出的 3 条连线是偏置 b_1、b_2、b_3；合计 12 个参数", en: "Parameters of nn.Linear(3, 3): the 9 edges between the 3 inputs and the 3 outputs are one weight w_ij each, and a constant-1 bias node feeds each output through the bias edges b_1, b_2, b_3; 12 parameters in total"}
#|     caption: {zh: "nn.Linear(3, 3)：9 个权重 + 3 个偏置 = 12 个参数（由代码计算）", en: "nn.Linear(3, 3): 9 weights + 3 biases = 12 parameters (computed in code)"}
# Figure generator for I23: every count in the picture comes from a real nn.Linear.
import matplotlib.pyplot as plt
import torch.nn as nn

from dlref.diagrams import draw_network, node_positions
from dlref.figures import tr

layer = nn.Linear(in_features=3, out_features=3)
n_out, n_in = layer.weight.shape
n_weights, n_biases = layer.weight.numel(), layer.bias.numel()
total = sum(p.numel() for p in layer.parameters())
assert (n_weights, n_biases, total) == (9, 3, 12)

# Inputs x_1..x_3 plus a constant-1 node whose edges carry the biases.
node_labels = {(0, i): f"$x_{i + 1}$" for i in range(n_in)}
node_labels[(0, n_in)] = "1"
node_labels.update({(1, j): f"$y_{j + 1}$" for j in range(n_out)})
edge_labels = {(0, i, j): f"$w_{{{j + 1}{i + 1}}}$" for i in range(n_in) for j in range(n_out)}
edge_labels.update({(0, n_in, j): f"$b_{j + 1}$" for j in range(n_out)})
edge_colors = {(0, n_in, j): "tab:orange" for j in range(n_out)}

fig, ax = plt.subplots(figsize=(6.4, 4.6))
fig.subplots_adjust(left=0, right=1, top=0.9, bottom=0)
draw_network([n_in + 1, n_out], node_labels=node_labels, edge_colors=edge_colors, ax=ax)
# Edge labels, staggered along the edges (nearer the source for y_1, nearer the target for y_3).
pos = node_positions([n_in + 1, n_out])
for (_, i, j), text in edge_labels.items():
    (x0, y0), (x1, y1) = pos[0][i], pos[1][j]
    t = 0.17 + 0.19 * j
    ax.text(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, text, fontsize=10, ha="center", va="center",
            color="tab:orange" if i == n_in else "black", bbox=dict(fc="white", ec="none", pad=0.3), zorder=3)
ax.text(0, -2.55, tr(zh="输入 + 偏置节点", en="inputs + bias node"), ha="center", va="top", fontsize=10)
ax.text(2.5, -2.55, tr(zh="输出", en="outputs"), ha="center", va="top", fontsize=10)
ax.set_ylim(-3.1, 2.4)
ax.set_title(
    tr(zh=f"权重 {n_out}×{n_in} = {n_weights}，偏置 {n_biases}，合计 {total} 个参数",
       en=f"weights {n_out}×{n_in} = {n_weights}, biases {n_biases}, total {total} parameters"),
    fontsize=11,
)
plt.show()
