import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(256, 4)  # zh: 一批标准正态输入 # en: a batch of standard-normal inputs

layer = nn.Linear(4, 3)
with torch.no_grad():
    layer.bias.fill_(-10.0)  # zh: 偏置被推到 -10：z = w·x - 10 对所有样本都是负的 # en: the bias pushed to -10: z = w·x - 10 is negative for every sample

for name, act in [("ReLU", nn.ReLU()), ("LeakyReLU(0.01)", nn.LeakyReLU(0.01))]:
    layer.zero_grad()
    z = layer(x)
    act(z).sum().backward()
    print(f"{name:>15}: max z = {z.max().item():6.2f}, "
          f"|grad W| = {layer.weight.grad.abs().sum().item():.4f}, |grad b| = {layer.bias.grad.abs().sum().item():.4f}")
    if name == "ReLU":
        # zh: 所有 z < 0：输出全 0，权重和偏置的梯度精确为 0，SGD 永远不会动它们
        # en: every z < 0: all outputs are 0 and the weight and bias gradients are exactly 0, so SGD never moves them
        assert (z < 0).all() and layer.weight.grad.abs().sum() == 0 and layer.bias.grad.abs().sum() == 0
    else:
        # zh: LeakyReLU 的负半轴斜率 0.01 让梯度保持非零：每个偏置的梯度是 0.01 × 256 = 2.56
        # en: LeakyReLU's slope of 0.01 keeps the gradient non-zero: each bias gets 0.01 × 256 = 2.56
        assert torch.allclose(layer.bias.grad, torch.full((3,), 2.56))
