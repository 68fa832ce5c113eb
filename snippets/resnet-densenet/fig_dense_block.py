#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "DenseNet 密集块示意图：输入 x0（64 通道）和 4 个层 H1–H4 排成一行，每一层都有箭头连到它后面的所有层和最后的拼接输出；每层的输入是之前所有特征图在通道维的拼接，通道数依次为 64、96、128、160，每层新增 32 个通道，块输出 192 个通道", en: "Diagram of a DenseNet dense block: the input x0 (64 channels) and four layers H1–H4 in a row, each with arrows to every later layer and to the final concatenation; each layer's input is the channel-wise concatenation of all earlier feature maps, with 64, 96, 128 and 160 channels, each layer adds 32 channels, and the block outputs 192 channels"}
#|     caption: {zh: "DenseNet 密集块（增长率 k = 32）：每层都接收之前所有层的输出，通道数 c0 + i·k 来自一次真实前向传播", en: "A DenseNet dense block (growth rate k = 32): every layer receives all earlier outputs; the channel counts c0 + i·k come from a real forward pass"}
import matplotlib.pyplot as plt
import torch
from matplotlib.patches import FancyArrowPatch
from torch import nn

from dlref.diagrams import Box, draw_blocks
from dlref.figures import tr

torch.manual_seed(0)
c0, k, num_layers = 64, 32, 4
layers = [nn.Sequential(nn.BatchNorm2d(c0 + i * k), nn.ReLU(), nn.Conv2d(c0 + i * k, k, 3, padding=1))
          for i in range(num_layers)]
features = [torch.randn(1, c0, 8, 8)]
in_channels = []
with torch.no_grad():
    for layer in layers:
        inp = torch.cat(features, dim=1)  # zh: 拼接之前所有特征图 # en: concatenate all earlier maps
        in_channels.append(inp.shape[1])
        features.append(layer(inp))
out_channels = torch.cat(features, dim=1).shape[1]
assert in_channels == [c0 + i * k for i in range(num_layers)] and out_channels == c0 + num_layers * k

dx = 2.3
colors = ["#6baed6", "#74c476", "#fd8d3c", "#9e9ac8", "#969696"]
boxes = [Box("n0", "$x_0$", (0, 0), width=1.3, color="#ffffff")]
boxes += [Box(f"n{i + 1}", f"$H_{i + 1}$", ((i + 1) * dx, 0), width=1.3) for i in range(num_layers)]
boxes.append(Box("cat", tr(zh="拼接", en="concat"), ((num_layers + 1) * dx, 0), width=1.3, color="#fdd0a2"))
ax = draw_blocks(boxes, [], size=(9.5, 2.2))

# zh: 每个特征图连到它后面的每一层（以及最后的拼接）
# en: every feature map feeds every later layer (and the final concatenation)
n_nodes = num_layers + 2
for i in range(n_nodes - 1):
    for j in range(i + 1, n_nodes):
        start, end = (i * dx + 0.2, 0.32), (j * dx - 0.2, 0.32)
        style = "arc3,rad=-0.3" if j > i + 1 else "arc3,rad=0"
        if j == i + 1:
            start, end = (i * dx + 0.68, 0), (j * dx - 0.68, 0)
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=10, lw=1.2,
                                     color=colors[i], connectionstyle=style, zorder=1))
for i, c in enumerate(in_channels):
    ax.text((i + 1) * dx, -0.55, tr(zh=f"输入 {c} 通道", en=f"{c} ch in"), ha="center", fontsize=8)
    ax.text((i + 1) * dx + dx / 2, -0.18, f"+{k}", ha="center", fontsize=8, color="0.3")
ax.text(0, -0.55, tr(zh=f"{c0} 通道", en=f"{c0} ch"), ha="center", fontsize=8)
ax.text((num_layers + 1) * dx, -0.55, tr(zh=f"输出 {out_channels} 通道", en=f"{out_channels} ch out"),
        ha="center", fontsize=8)
ax.set_xlim(-1.0, (num_layers + 1) * dx + 1.0)
ax.set_ylim(-0.85, 2.15)
plt.subplots_adjust(left=0, right=1, bottom=0, top=1)
plt.show()
