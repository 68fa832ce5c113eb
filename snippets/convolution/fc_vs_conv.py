from torch import nn


def n_params(module):
    return sum(p.numel() for p in module.parameters())


# zh: 一张 224×224 的 RGB 图像展平成 150528 维向量，接一个 1000 个神经元的全连接层
# en: a 224×224 RGB image flattened into 150,528 numbers, fed to a fully connected layer of 1000 neurons
# zh: device="meta" 只建形状、不分配内存（这层的权重有 600 MB）
# en: device="meta" builds the shapes without allocating memory (this layer's weights take 600 MB)
fc = nn.Linear(3 * 224 * 224, 1000, device="meta")
# zh: 一个 3×3 卷积层：64 个卷积核，每个 3×3×3，在所有 224×224 个位置上共享
# en: a 3×3 convolution: 64 kernels of 3×3×3 each, shared across all 224×224 positions
conv = nn.Conv2d(3, 64, kernel_size=3, padding=1)

print(f"Linear(150528, 1000): {n_params(fc):>11,} parameters")
print(f"Conv2d(3, 64, 3)    : {n_params(conv):>11,} parameters, weight shape {tuple(conv.weight.shape)}")
print(f"ratio {n_params(fc) / n_params(conv):,.0f}")
assert n_params(fc) == 150_528 * 1000 + 1000 == 150_529_000
assert n_params(conv) == 64 * (3 * 3 * 3 + 1) == 1_792
assert 84_000 < n_params(fc) / n_params(conv) < 84_001
