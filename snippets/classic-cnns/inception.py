import torch
from torch import nn

torch.manual_seed(0)


def conv_relu(c_in, c_out, k):
    return nn.Sequential(nn.Conv2d(c_in, c_out, k, padding=k // 2), nn.ReLU())


class Inception(nn.Module):
    """Four parallel branches whose outputs are concatenated along the channels."""

    def __init__(self, c_in, c1, c3_reduce, c3, c5_reduce, c5, pool_proj):
        super().__init__()
        self.branch1 = conv_relu(c_in, c1, 1)                        # 1x1
        self.branch2 = nn.Sequential(conv_relu(c_in, c3_reduce, 1),    # 1x1 -> 3x3
                                     conv_relu(c3_reduce, c3, 3))
        self.branch3 = nn.Sequential(conv_relu(c_in, c5_reduce, 1),    # 1x1 -> 5x5
                                     conv_relu(c5_reduce, c5, 5))
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1),  # 3x3 max pool -> 1x1
                                     conv_relu(c_in, pool_proj, 1))

    def forward(self, x):
        branches = [self.branch1, self.branch2, self.branch3, self.branch4]
        return torch.cat([branch(x) for branch in branches], dim=1)  # zh: 通道维拼接 # en: concatenate channels


# zh: GoogLeNet 论文中 inception (3a) 的通道配置
# en: the channel settings of inception (3a) in the GoogLeNet paper
block = Inception(192, 64, 96, 128, 16, 32, 32)
x = torch.randn(1, 192, 28, 28)
for name in ["branch1", "branch2", "branch3", "branch4"]:
    print(f"{name}: {list(getattr(block, name)(x).shape)}")
y = block(x)
print(f"concatenated: {list(y.shape)}")
assert y.shape == (1, 64 + 128 + 32 + 32, 28, 28)


def n_params(module):
    return sum(p.numel() for p in module.parameters())


# zh: 先用 1×1 卷积把 192 个通道压到 16 个，再做 5×5 卷积，参数少了约 10 倍
# en: squeezing 192 channels to 16 with a 1x1 conv before the 5x5 conv cuts the parameters about 10x
direct = conv_relu(192, 32, 5)
print(f"5x5 branch: direct {n_params(direct):,} params, with 1x1 reduction {n_params(block.branch3):,}")
assert n_params(direct) > 9 * n_params(block.branch3)
