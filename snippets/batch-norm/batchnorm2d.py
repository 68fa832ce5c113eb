#| claims: [N44]
import torch
import torch.nn as nn

num_channels = 64  # zh: 假设卷积层输出 64 个通道 # en: say the conv layer outputs 64 channels
bn_layer = nn.BatchNorm2d(num_features=num_channels)
# zh: 常见用法：卷积 → BN → 激活
# en: the usual place: conv → BN → activation
block = nn.Sequential(
    nn.Conv2d(3, num_channels, kernel_size=3, padding=1, bias=False),
    bn_layer,
    nn.ReLU(),
)

torch.manual_seed(0)
images = torch.randn(8, 3, 5, 5)  # zh: (N, C, H, W) # en: (N, C, H, W)
features = block[0](images)
normalized = bn_layer(features)  # zh: 训练模式 # en: training mode
print("conv output:", tuple(features.shape), "-> BN output:", tuple(normalized.shape))

# zh: 每个通道的统计量取自 N×H×W = 8×5×5 = 200 个值
# en: each channel's statistics come from N×H×W = 8×5×5 = 200 values
mean = normalized.mean(dim=(0, 2, 3))
var = normalized.var(dim=(0, 2, 3), unbiased=False)
print(f"{mean.numel()} per-channel means, all |mean| < 1e-5: {bool((mean.abs() < 1e-5).all())}")
print(f"{var.numel()} per-channel variances in [{var.min():.4f}, {var.max():.4f}]")

for name, t in [*bn_layer.named_parameters(), *bn_layer.named_buffers()]:
    print(f"{name:20s} {tuple(t.shape)}")
n_params = sum(p.numel() for p in bn_layer.parameters())
print("learnable parameters:", n_params)
assert bn_layer.weight.shape == bn_layer.bias.shape == (num_channels,)
assert bn_layer.running_mean.shape == bn_layer.running_var.shape == (num_channels,)
assert n_params == 2 * num_channels
assert torch.allclose(var, torch.ones(num_channels), atol=1e-3)
print("block output:", tuple(block(images).shape))
