#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "反向传播数值示例的 2-2-2 网络：输入 i₁ = 0.05、i₂ = 0.10；输入层到隐藏层的权重 w₁ = 0.15（i₁→h₁）、w₂ = 0.20（i₂→h₁）、w₃ = 0.25（i₁→h₂）、w₄ = 0.30（i₂→h₂），隐藏层偏置 b₁ = 0.35；隐藏层到输出层的权重 w₅ = 0.40（h₁→o₁）、w₆ = 0.45（h₂→o₁）、w₇ = 0.50（h₁→o₂）、w₈ = 0.55（h₂→o₂），输出层偏置 b₂ = 0.60；目标输出 0.01 和 0.99；激活函数都是 sigmoid", en: "The 2-2-2 network of the worked backpropagation example: inputs i₁ = 0.05, i₂ = 0.10; input-to-hidden weights w₁ = 0.15 (i₁→h₁), w₂ = 0.20 (i₂→h₁), w₃ = 0.25 (i₁→h₂), w₄ = 0.30 (i₂→h₂) and hidden bias b₁ = 0.35; hidden-to-output weights w₅ = 0.40 (h₁→o₁), w₆ = 0.45 (h₂→o₁), w₇ = 0.50 (h₁→o₂), w₈ = 0.55 (h₂→o₂) and output bias b₂ = 0.60; targets 0.01 and 0.99; every activation is a sigmoid"}
#|     caption: {zh: "数值示例的网络与初始参数", en: "The network of the worked example and its initial parameters"}
import matplotlib.pyplot as plt

from dlref.diagrams import draw_network, node_positions
from dlref.figures import tr

inputs, targets = [0.05, 0.10], [0.01, 0.99]
W1 = [[0.15, 0.20], [0.25, 0.30]]  # W1[j][i]: input i -> hidden j (w1..w4)
W2 = [[0.40, 0.45], [0.50, 0.55]]  # W2[k][j]: hidden j -> output k (w5..w8)
b1, b2 = 0.35, 0.60

edge_labels = {}
for j in range(2):
    for i in range(2):
        edge_labels[(0, i, j)] = f"$w_{2 * j + i + 1}$={W1[j][i]:.2f}"
        edge_labels[(1, i, j)] = f"$w_{2 * j + i + 5}$={W2[j][i]:.2f}"

sizes = [2, 2, 2]
ax = draw_network(
    sizes,
    layer_labels=[tr(zh="输入层", en="input layer"), tr(zh="隐藏层 (sigmoid)", en="hidden layer (sigmoid)"),
                  tr(zh="输出层 (sigmoid)", en="output layer (sigmoid)")],
    node_labels={(0, 0): "$i_1$", (0, 1): "$i_2$", (1, 0): "$h_1$", (1, 1): "$h_2$", (2, 0): "$o_1$", (2, 1): "$o_2$"},
    edge_labels=edge_labels,
    radius=0.32,
)
pos = node_positions(sizes)
for (x, y), value in zip(pos[0], inputs):
    ax.text(x - 0.45, y, f"{value:.2f}", ha="right", va="center", fontsize=10, color="tab:blue")
for (x, y), value in zip(pos[2], targets):
    ax.text(x + 0.45, y, tr(zh="目标", en="target") + f" {value:.2f}", ha="left", va="center", fontsize=10,
            color="tab:red")
ax.text(pos[1][0][0], pos[1][0][1] + 0.55, f"$b_1$ = {b1:.2f}", ha="center", va="bottom", fontsize=10)
ax.text(pos[2][0][0], pos[2][0][1] + 0.55, f"$b_2$ = {b2:.2f}", ha="center", va="bottom", fontsize=10)
ax.set_xlim(-1.2, 6.9)
ax.set_ylim(-2.2, 1.6)
ax.figure.set_size_inches(7.6, 3.4)
plt.show()
