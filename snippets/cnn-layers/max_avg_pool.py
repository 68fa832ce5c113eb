import torch
import torch.nn as nn

# zh: 一张 4×4 的单通道“特征图”，值为 0..15，形状 (N, C, H, W)
# en: a 4×4 single-channel "feature map" holding 0..15, shape (N, C, H, W)
x = torch.arange(16.0).reshape(1, 1, 4, 4)
print(x)

# zh: 定义一个 2x2 的最大池化层，步长为 2
# en: a 2×2 max-pooling layer with stride 2
max_pool = nn.MaxPool2d(kernel_size=2, stride=2)
# zh: 定义一个 2x2 的平均池化层，步长为 2
# en: a 2×2 average-pooling layer with stride 2
avg_pool = nn.AvgPool2d(kernel_size=2, stride=2)

print(max_pool(x))
print(avg_pool(x))
assert max_pool(x).squeeze().tolist() == [[5, 7], [13, 15]]
assert avg_pool(x).squeeze().tolist() == [[2.5, 4.5], [10.5, 12.5]]
print("parameters:", sum(p.numel() for p in max_pool.parameters()))  # zh: 池化层没有可学习的参数 # en: pooling layers have no learnable parameters
