#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "一个 2-2-2-3 的全连接网络：输入层 x₁、x₂；隐藏层 1 的两个神经元标为 z¹₁ | a¹₁ 和 z¹₂ | a¹₂（z 为加权和，a 为激活值）；隐藏层 2 有两个神经元；输出层有三个神经元。相邻两层之间全部相连。", en: "A 2-2-2-3 fully connected network: input layer x₁, x₂; the two neurons of hidden layer 1 are labelled z¹₁ | a¹₁ and z¹₂ | a¹₂ (z is the weighted sum, a the activation); hidden layer 2 has two neurons; the output layer has three. Every neuron is connected to every neuron of the next layer."}
#|     caption: {zh: "记号：上标是层号，下标是该层中的神经元序号", en: "Notation: the superscript is the layer, the subscript the neuron within the layer"}
import matplotlib.pyplot as plt

from dlref.diagrams import draw_network
from dlref.figures import tr

labels = {
    (0, 0): "$x_1$",
    (0, 1): "$x_2$",
    (1, 0): r"$z^1_1 \mid a^1_1$",
    (1, 1): r"$z^1_2 \mid a^1_2$",
}
layers = [
    tr(zh="输入层", en="input layer"),
    tr(zh="隐藏层 1", en="hidden layer 1"),
    tr(zh="隐藏层 2", en="hidden layer 2"),
    tr(zh="输出层", en="output layer"),
]
ax = draw_network([2, 2, 2, 3], layer_labels=layers, node_labels=labels, radius=0.5)
# larger neuron labels; all layer captions on one line (the output layer is taller)
captions = [t for t in ax.texts if t.get_text() in layers]
bottom = min(t.get_position()[1] for t in captions)
for text in ax.texts:
    if text in captions:
        text.set_y(bottom)
    else:
        text.set_fontsize(12)
plt.tight_layout()
plt.show()
