import torch.nn as nn

sizes = [784, 256, 128, 10]
# zh: 先用公式 m*n + m 逐层计算
# en: first by the formula m*n + m, layer by layer
per_layer = [n * m + m for n, m in zip(sizes, sizes[1:])]
print("per layer (formula):", per_layer, "total:", sum(per_layer))

# zh: 再让 PyTorch 数一遍
# en: then let PyTorch count them
model = nn.Sequential(
    nn.Linear(784, 256), nn.ReLU(),
    nn.Linear(256, 128), nn.ReLU(),
    nn.Linear(128, 10),
)
total = sum(p.numel() for p in model.parameters())
print("PyTorch:", total)
assert total == sum(per_layer) == 235_146

share = per_layer[0] / total
print(f"share of the first layer: {share:.1%}")
assert abs(share - 0.8546) < 1e-3

# zh: 输入换成 56×56（像素数是 4 倍），只有第一层变大
# en: with 56×56 input (4 times the pixels) only the first layer grows
first = 56 * 56 * 256 + 256
print("56x56 input, first layer:", first, f"({first / per_layer[0]:.3f}x)")
