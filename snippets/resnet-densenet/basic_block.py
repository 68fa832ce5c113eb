import torch
from torch import nn
from torchvision import models

torch.manual_seed(0)


class BasicBlock(nn.Module):
    """The residual block of ResNet-18/34: out = ReLU(F(x) + shortcut(x))."""

    def __init__(self, c_in, c_out, stride=1):
        super().__init__()
        # zh: 主路径 F(x)：Conv-BN-ReLU-Conv-BN，末尾没有 ReLU
        # en: main path F(x): Conv-BN-ReLU-Conv-BN, with no ReLU at its end
        self.conv1 = nn.Conv2d(c_in, c_out, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(c_out)
        self.relu = nn.ReLU()
        self.conv2 = nn.Conv2d(c_out, c_out, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(c_out)
        # zh: 短路路径：形状不变时是恒等映射；否则用同样步长的 1×1 卷积 + BN 对齐形状
        # en: shortcut: the identity when the shape is unchanged, otherwise a 1x1 conv
        # en: with the same stride, plus BN, to match the shape
        self.downsample = None
        if stride != 1 or c_in != c_out:
            self.downsample = nn.Sequential(
                nn.Conv2d(c_in, c_out, 1, stride=stride, bias=False), nn.BatchNorm2d(c_out))

    def forward(self, x):
        f = self.bn2(self.conv2(self.relu(self.bn1(self.conv1(x)))))  # F(x)
        shortcut = x if self.downsample is None else self.downsample(x)
        return self.relu(f + shortcut)  # zh: 先相加，再 ReLU # en: add first, then ReLU


x = torch.randn(2, 64, 56, 56)
identity_block = BasicBlock(64, 64)                 # zh: 恒等残差块 # en: identity block
projection_block = BasicBlock(64, 128, stride=2)    # zh: 卷积（投影）残差块 # en: projection block
print(f"identity block  : {list(x.shape)} -> {list(identity_block(x).shape)}")
print(f"projection block: {list(x.shape)} -> {list(projection_block(x).shape)}")
print(f"projection shortcut: {projection_block.downsample}")

# zh: 与 torchvision 的 resnet18 对照：参数名和形状完全一致（strict 加载不报错），输出也相同
# en: cross-check with torchvision's resnet18: the same parameter names and shapes
# en: (a strict load succeeds), and the same outputs
resnet18 = models.resnet18(weights=None).eval()
for mine, theirs, where in [(identity_block, resnet18.layer1[0], "layer1[0]"),
                            (projection_block, resnet18.layer2[0], "layer2[0]")]:
    mine.load_state_dict(theirs.state_dict())
    mine.eval()
    with torch.no_grad():
        out_mine, out_theirs = mine(x), theirs(x)
    same = torch.allclose(out_mine, out_theirs, atol=1e-6)
    print(f"resnet18.{where}: output {list(out_theirs.shape)}, same as ours: {same}")
    assert same

# zh: 让主路径输出 0（最后一个 BN 的 γ 置 0），残差块就成了恒等映射
# en: make the main path output 0 (set the last BN's gamma to 0) and the block is the identity
block = BasicBlock(64, 64)
nn.init.zeros_(block.bn2.weight)
x_pos = torch.relu(torch.randn(2, 64, 56, 56))  # zh: 块的输入来自上一个 ReLU，非负 # en: a block's input comes out of a ReLU: non-negative
print("F(x) = 0  =>  block(x) == x:", torch.equal(block(x_pos), x_pos))
assert torch.equal(block(x_pos), x_pos)
