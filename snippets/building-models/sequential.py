import torch
import torch.nn as nn

model_seq = nn.Sequential(
    nn.Conv2d(1, 20, 5),
    nn.ReLU(),
    nn.Conv2d(20, 64, 5),
    nn.ReLU(),
)
print(model_seq)

torch.manual_seed(0)
x = torch.randn(1, 1, 28, 28)  # zh: 一张 28×28 的灰度图 # en: one 28×28 greyscale image
with torch.no_grad():
    out = model_seq(x)  # zh: forward 由 Sequential 自动生成：依次经过每一层 # en: Sequential writes forward for us: each layer in turn
print(out.shape)  # zh: 28 -> 24 -> 20（5×5 卷积、无填充，每次少 4） # en: 28 -> 24 -> 20 (5×5 conv, no padding: 4 fewer each time)
assert out.shape == (1, 64, 20, 20)
print(model_seq[0])  # zh: 可以按下标取出某一层 # en: layers can be picked by index
