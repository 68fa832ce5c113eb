#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "一个 2-2-2 全连接网络（输入层、隐藏层、输出层）接着一个损失 E。网络上方的黑色箭头从左指向右，表示前向传播：由输入逐层算出预测和损失；下方的红色箭头从右指向左，表示反向传播：损失对各层参数的梯度沿链式法则逐层传回", en: "A 2-2-2 fully connected network (input, hidden and output layer) followed by a loss E. A black arrow above the network points left to right for the forward pass: layer by layer from the inputs to the prediction and the loss. A red arrow below points right to left for the backward pass: the gradients of the loss with respect to each layer's parameters flow back layer by layer by the chain rule"}
#|     caption: {zh: "前向传播算出损失，反向传播把梯度传回每一层", en: "The forward pass computes the loss; the backward pass sends the gradients back to every layer"}
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from dlref.diagrams import draw_network, node_positions
from dlref.figures import tr

sizes = [2, 2, 2]
ax = draw_network(
    sizes,
    layer_labels=[tr(zh="输入层", en="input layer"), tr(zh="隐藏层", en="hidden layer"), tr(zh="输出层", en="output layer")],
    node_labels={(0, 0): "$i_1$", (0, 1): "$i_2$", (1, 0): "$h_1$", (1, 1): "$h_2$", (2, 0): "$o_1$", (2, 1): "$o_2$"},
)
pos = node_positions(sizes)
x_loss = pos[-1][0][0] + 2.4
ax.add_patch(FancyBboxPatch((x_loss - 0.55, -0.45), 1.1, 0.9, boxstyle="round,pad=0.05", fc="#fde0dd", ec="0.25"))
ax.text(x_loss, 0, tr(zh="损失 E", en="loss E").replace(" ", "\n"), ha="center", va="center", fontsize=10)
for y in (0.6, -0.6):
    ax.add_patch(FancyArrowPatch((pos[-1][0][0] + 0.4, y), (x_loss - 0.6, y * 0.3), arrowstyle="-|>",
                                 mutation_scale=10, color="0.5"))

left, right = pos[0][0][0] - 0.3, x_loss + 0.3
ax.add_patch(FancyArrowPatch((left, 1.55), (right, 1.55), arrowstyle="-|>", mutation_scale=20, lw=2, color="black"))
ax.text((left + right) / 2, 1.75, tr(zh="前向传播：输入 → 加权求和 + 激活 → 预测 → 损失",
                                     en="forward pass: inputs → weighted sum + activation → prediction → loss"),
        ha="center", va="bottom", fontsize=10)
ax.add_patch(FancyArrowPatch((right, -2.75), (left, -2.75), arrowstyle="-|>", mutation_scale=20, lw=2, color="tab:red"))
ax.text((left + right) / 2, -2.95, tr(zh="反向传播：链式法则逐层求 ∂E/∂w",
                                      en="backward pass: the chain rule gives ∂E/∂w layer by layer"),
        ha="center", va="top", fontsize=10, color="tab:red")
ax.set_xlim(left - 0.4, right + 0.4)
ax.set_ylim(-3.6, 2.4)
ax.figure.set_size_inches(8, 4.2)
plt.show()
