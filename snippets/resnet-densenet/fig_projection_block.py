#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "卷积（投影）残差块结构图，标注了真实前向传播得到的张量形状：输入 [1, 64, 56, 56] 在主路径上经过步长 2 的 Conv 3×3 64→128 + BN、ReLU、Conv 3×3 128→128 + BN，得到 [1, 128, 28, 28] 的 F(x)；短路路径上的 Conv 1×1 64→128（步长 2）+ BN 把 x 也变成 [1, 128, 28, 28]，两者相加后经 ReLU 输出", en: "Projection block with the tensor shapes of a real forward pass: on the main path the input [1, 64, 56, 56] goes through Conv 3×3 64→128 with stride 2 + BN, ReLU and Conv 3×3 128→128 + BN to give F(x) of shape [1, 128, 28, 28]; on the shortcut a Conv 1×1 64→128 with stride 2 + BN turns x into [1, 128, 28, 28] too; the sum goes through a ReLU"}
#|     caption: {zh: "卷积（投影）残差块：短路路径上的 1×1 卷积（步长 2）+ BN 对齐通道数和尺寸（torchvision BasicBlock(64, 128, stride=2)）", en: "Projection block: a 1×1 conv with stride 2, plus BN, on the shortcut matches channels and size (torchvision BasicBlock(64, 128, stride=2))"}
import matplotlib.pyplot as plt
import torch
from torch import nn
from torchvision.models.resnet import BasicBlock

from dlref.diagrams import Box, draw_blocks
from dlref.figures import tr

torch.manual_seed(0)
downsample = nn.Sequential(nn.Conv2d(64, 128, kernel_size=1, stride=2, bias=False), nn.BatchNorm2d(128))
block = BasicBlock(64, 128, stride=2, downsample=downsample).eval()
shapes = {}


def record(name):
    def hook(module, inputs, output):
        shapes[name] = list(output.shape)
    return hook


for name in ["bn1", "bn2", "downsample"]:
    getattr(block, name).register_forward_hook(record(name))
x = torch.randn(1, 64, 56, 56)
with torch.no_grad():
    y = block(x)
assert shapes["downsample"] == shapes["bn2"] == list(y.shape) == [1, 128, 28, 28]


def conv_text(conv):
    k, s = conv.kernel_size[0], conv.stride[0]
    return f"Conv {k}×{k}, {conv.in_channels}→{conv.out_channels}" + (f", stride {s}" if s > 1 else "") + " + BN"


side = 4.4
boxes = [
    Box("x", "x", (0, 0), width=0.8, color="#ffffff"),
    Box("c1", conv_text(block.conv1), (0, -1.2), width=3.4),
    Box("r1", "ReLU", (0, -2.4), color="#fdd0a2"),
    Box("c2", conv_text(block.conv2), (0, -3.6), width=3.4),
    Box("add", r"$\oplus$", (0, -4.8), width=0.6, color="#ffffff"),
    Box("r2", "ReLU", (0, -6.0), color="#fdd0a2"),
    Box("out", tr(zh="输出", en="output"), (0, -7.2), width=1.4, color="#ffffff"),
    Box("proj", conv_text(block.downsample[0]), (side, -2.4), width=3.4, color="#c7e9c0"),
]
arrows = [("x", "c1", str(list(x.shape))), ("c1", "r1", str(shapes["bn1"])), ("r1", "c2", str(shapes["bn1"])),
          ("c2", "add", f"F(x) {shapes['bn2']}"), ("add", "r2", str(list(y.shape))), ("r2", "out", str(list(y.shape)))]
ax = draw_blocks(boxes, arrows, size=(6.4, 6.2))

# zh: 短路连接：x → 1×1 卷积 + BN → 加法节点 # en: the shortcut: x -> 1x1 conv + BN -> addition node
ax.plot([0.45, side, side], [0, 0, -2.4 + 0.35], color="0.2", lw=1.3)
ax.annotate("", xy=(side, -2.4 + 0.36), xytext=(side, -1.0),
            arrowprops=dict(arrowstyle="-|>", color="0.2", lw=1.3, mutation_scale=12))
ax.plot([side, side], [-2.4 - 0.35, -4.8], color="0.2", lw=1.3)
ax.annotate("", xy=(0.35, -4.8), xytext=(side, -4.8),
            arrowprops=dict(arrowstyle="-|>", color="0.2", lw=1.3, mutation_scale=12))
ax.text(side + 0.1, -1.0, str(list(x.shape)), va="center", fontsize=8)
ax.text(side + 0.1, -3.8, tr(zh="投影 ", en="projection ") + str(shapes["downsample"]), va="center", fontsize=8)
ax.set_xlim(-2.2, 6.9)
plt.subplots_adjust(left=0, right=1, bottom=0, top=1)
plt.show()
