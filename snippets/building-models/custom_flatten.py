import torch
import torch.nn as nn


class Flatten(nn.Module):
    def forward(self, x):
        # zh: 保留第 0 维（batch_size），把其余维度全部展平
        # en: keep dimension 0 (batch_size) and flatten all the others
        return torch.flatten(x, start_dim=1)


torch.manual_seed(0)
x = torch.randn(2, 3, 4, 4)  # zh: 2 张 3 通道 4×4 特征图 # en: two 3-channel 4×4 feature maps
mine, builtin = Flatten()(x), nn.Flatten()(x)  # zh: nn.Flatten 的默认值也是 start_dim=1 # en: nn.Flatten also defaults to start_dim=1
print(mine.shape, builtin.shape)
assert mine.shape == (2, 48) and torch.equal(mine, builtin)
