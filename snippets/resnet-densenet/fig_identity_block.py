#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "恒等残差块结构图，标注了真实前向传播得到的张量形状：输入 [1, 64, 56, 56] 经过 Conv 3×3 64→64 + BN、ReLU、Conv 3×3 64→64 + BN 得到同形状的 F(x)，短路连接直接把 x 送到加法节点，相加后经 ReLU 输出 [1, 64, 56, 56]", en: "Identity block with the tensor shapes of a real forward pass: the input [1, 64, 56, 56] goes through Conv 3×3 64→64 + BN, ReLU and Conv 3×3 64→64 + BN to give F(x) of the same shape; the shortcut carries x unchanged to the addition node, and a ReLU after the addition outputs [1, 64, 56, 56]"}
#|     caption: {zh: "恒等残差块（torchvision BasicBlock(64, 64)，形状来自一次前向传播）", en: "Identity block (torchvision BasicBlock(64, 64); shapes from a forward pass)"}
import matplotlib.pyplot as plt
import torch
from torchvision.models.resnet import BasicBlock

from dlref.diagrams import Box, draw_blocks
from dlref.figures import tr

torch.manual_seed(0)
block = BasicBlock(64, 64).eval()
shapes = {}


def record(name):
    def hook(module, inputs, output):
        shapes[name] = list(output.shape)
    return hook


for name in ["bn1", "bn2"]:
    getattr(block, name).register_forward_hook(record(name))
x = torch.randn(1, 64, 56, 56)
with torch.no_grad():
    y = block(x)
assert block.downsample is None and y.shape == x.shape


def conv_text(conv):
    k, s = conv.kernel_size[0], conv.stride[0]
    return f"Conv {k}×{k}, {conv.in_channels}→{conv.out_channels}" + (f", stride {s}" if s > 1 else "") + " + BN"


boxes = [
    Box("x", "x", (0, 0), width=0.8, color="#ffffff"),
    Box("c1", conv_text(block.conv1), (0, -1.2), width=3.0),
    Box("r1", "ReLU", (0, -2.4), color="#fdd0a2"),
    Box("c2", conv_text(block.conv2), (0, -3.6), width=3.0),
    Box("add", r"$\oplus$", (0, -4.8), width=0.6, color="#ffffff"),
    Box("r2", "ReLU", (0, -6.0), color="#fdd0a2"),
    Box("out", tr(zh="输出", en="output"), (0, -7.2), width=1.4, color="#ffffff"),
]
arrows = [("x", "c1", str(list(x.shape))), ("c1", "r1", str(shapes["bn1"])), ("r1", "c2", str(shapes["bn1"])),
          ("c2", "add", f"F(x) {shapes['bn2']}"), ("add", "r2", str(list(y.shape))), ("r2", "out", str(list(y.shape)))]
ax = draw_blocks(boxes, arrows, size=(5.4, 6.2))

side = 3.4  # zh: 短路连接：恒等映射，张量原样通过 # en: the shortcut: the identity, the tensor passes unchanged
ax.plot([0.45, side, side], [0, 0, -4.8], color="0.2", lw=1.3)
ax.annotate("", xy=(0.35, -4.8), xytext=(side, -4.8),
            arrowprops=dict(arrowstyle="-|>", color="0.2", lw=1.3, mutation_scale=12))
ax.text(side + 0.15, -2.4, tr(zh="恒等映射\n", en="identity\n") + str(list(x.shape)), va="center", fontsize=8)
ax.set_xlim(-2.0, 5.6)
plt.subplots_adjust(left=0, right=1, bottom=0, top=1)
plt.show()
