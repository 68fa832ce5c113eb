import torch.nn as nn


def n_params(module):
    return sum(p.numel() for p in module.parameters())


# zh: 卷积层：out_channels × in_channels × k × k 个权重 + out_channels 个偏置
# en: a conv layer: out_channels × in_channels × k × k weights + out_channels biases
conv = nn.Conv2d(3, 16, kernel_size=3, padding=1)
print("Conv2d(3, 16, 3):", n_params(conv), "=", 16 * 3 * 3 * 3, "+", 16)
assert n_params(conv) == 16 * 3 * 3 * 3 + 16 == 448

# zh: MySimpleNet 的全连接层：16·32·32 个输入，10 个输出
# en: MySimpleNet's fully connected layer: 16·32·32 inputs, 10 outputs
for size in (32, 64):
    fc = nn.Linear(16 * size * size, 10)
    total = n_params(conv) + n_params(fc)
    print(f"{size}x{size} input: conv {n_params(conv):,}, fc {n_params(fc):,}, total {total:,}, "
          f"fc share {n_params(fc) / total:.2%}")
    if size == 32:
        assert n_params(fc) == 163_850 and total == 164_298
