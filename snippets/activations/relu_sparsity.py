#| claims: [N12, N13]
import math

import torch

torch.manual_seed(0)
z = torch.randn(1_000_000)  # zh: 标准正态分布的输入 N(0, 1) # en: standard-normal input N(0, 1)

relu = torch.relu(z)
print(f"fraction of zeros after ReLU: {(relu == 0).float().mean():.4f}")
print(f"mean of relu(z):    {relu.mean():.4f}   (1/sqrt(2*pi) = {1 / math.sqrt(2 * math.pi):.4f})")
print(f"mean of sigmoid(z): {torch.sigmoid(z).mean():.4f}")
print(f"mean of tanh(z):    {torch.tanh(z).mean():.4f}")

# zh: 约一半输出为 0（稀疏激活）；输出均值是 1/√(2π) ≈ 0.399，不是 0.5
# en: about half the outputs are 0 (sparse activation); the mean is 1/√(2π) ≈ 0.399, not 0.5
assert abs((relu == 0).float().mean() - 0.5) < 5e-3
assert abs(relu.mean() - 1 / math.sqrt(2 * math.pi)) < 5e-3
