import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(3, 8, kernel_size=3),  # zh: 不加填充：28 -> 26 # en: no padding: 28 -> 26
    nn.ReLU(),
    nn.MaxPool2d(2),  # zh: 26 -> 13 # en: 26 -> 13
    nn.Flatten(),
    nn.LazyLinear(10),  # zh: in_features 先不写 # en: in_features left open
)
print("before the first forward pass:", model[4])

x = torch.randn(4, 3, 28, 28)
with torch.no_grad():
    out = model(x)
print("after the first forward pass: ", model[4])
print("output:", tuple(out.shape))
assert model[4].in_features == 8 * 13 * 13 == 1352
assert isinstance(model[4], nn.Linear)  # zh: 第一次前向之后，它就变成了普通的 nn.Linear # en: after the first forward pass it has become a plain nn.Linear
