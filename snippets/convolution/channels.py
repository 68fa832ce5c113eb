import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(1, 3, 8, 8)  # zh: 3 个输入通道（如 RGB） # en: 3 input channels (like RGB)
w = torch.randn(2, 3, 3, 3)  # zh: 2 个输出通道，每个有一个 3×3×3 的卷积核 # en: 2 output channels, each with a 3×3×3 kernel
b = torch.randn(2)
y = F.conv2d(x, w, b)
print("x", tuple(x.shape), "* w", tuple(w.shape), "->", tuple(y.shape))

# zh: 手工计算：输出通道 o = 各输入通道的单通道互相关之和 + b[o]
# en: by hand: output channel o = the sum of the single-channel cross-correlations over input channels + b[o]
manual = torch.stack([
    sum(F.conv2d(x[:, c:c + 1], w[o:o + 1, c:c + 1]) for c in range(3))[0, 0] + b[o]
    for o in range(2)
]).unsqueeze(0)
err = (manual - y).abs().max().item()
print(f"max |manual - F.conv2d| < 1e-5: {err < 1e-5}")
assert manual.shape == y.shape and err < 1e-5
