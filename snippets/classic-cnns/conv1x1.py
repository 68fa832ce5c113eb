import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 256, 28, 28)  # zh: 256 个通道的特征图 # en: a feature map with 256 channels

conv1x1 = nn.Conv2d(256, 64, kernel_size=1)  # zh: 256 → 64 通道 # en: 256 -> 64 channels
y = conv1x1(x)
print(f"{list(x.shape)} -> {list(y.shape)}, params {sum(p.numel() for p in conv1x1.parameters()):,}")

# zh: 1×1 卷积 = 在每个像素位置上、对通道向量做同一个线性变换（即一个共享的 nn.Linear）
# en: a 1x1 conv = the same linear map applied to the channel vector at every pixel (a shared nn.Linear)
linear = nn.Linear(256, 64)
with torch.no_grad():
    linear.weight.copy_(conv1x1.weight.view(64, 256))
    linear.bias.copy_(conv1x1.bias)
y_linear = linear(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)  # zh: 通道移到最后一维 # en: channels last
print("same as a per-pixel nn.Linear:", torch.allclose(y, y_linear, atol=1e-5))
assert y.shape == (1, 64, 28, 28) and torch.allclose(y, y_linear, atol=1e-5)
