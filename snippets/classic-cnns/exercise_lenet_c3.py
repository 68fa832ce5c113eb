import torch
from torch import nn

# zh: LeNet-5 论文表 I：C3 的 16 个特征图各自连接 S2 的哪几个特征图
# en: Table I of the LeNet-5 paper: which of the 6 S2 maps each of the 16 C3 maps is connected to
table = (
    [[i % 6, (i + 1) % 6, (i + 2) % 6] for i in range(6)]                 # zh: 6 个：相邻 3 个 # en: 6 maps: 3 neighbours
    + [[i % 6, (i + 1) % 6, (i + 2) % 6, (i + 3) % 6] for i in range(6)]  # zh: 6 个：相邻 4 个 # en: 6 maps: 4 neighbours
    + [[0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5]]                          # zh: 3 个：不相邻的 4 个 # en: 3 maps: 4 non-neighbours
    + [[0, 1, 2, 3, 4, 5]]                                                # zh: 1 个：全部 6 个 # en: 1 map: all 6
)
mask = torch.zeros(16, 6, 1, 1)
for out_map, inputs in enumerate(table):
    mask[out_map, inputs] = 1


class MaskedConv(nn.Conv2d):
    """A convolution whose weight is multiplied by a fixed 0/1 connection mask."""

    def forward(self, x):
        return self._conv_forward(x, self.weight * mask, self.bias)


c3 = MaskedConv(6, 16, kernel_size=5)
trainable = int(mask.sum()) * 5 * 5 + 16  # zh: 用到的权重 + 16 个偏置 # en: weights in use + 16 biases
full = sum(p.numel() for p in nn.Conv2d(6, 16, kernel_size=5).parameters())
print(f"C3 with the connection table: {trainable:,} trainable parameters (fully connected: {full:,})")
print(f"C3 connections: {trainable * 10 * 10:,} (each parameter used at 10x10 output positions)")
assert trainable == 1_516 and trainable * 100 == 151_600

# zh: 被遮住的权重得不到梯度：它们实际上不存在
# en: masked weights get no gradient: in effect they do not exist
torch.manual_seed(0)
c3(torch.randn(1, 6, 14, 14)).sum().backward()
print("weights with a non-zero gradient:", int((c3.weight.grad != 0).sum()))
assert int((c3.weight.grad != 0).sum()) == trainable - 16
