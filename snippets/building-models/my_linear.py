import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        # zh: 与 nn.Linear 的默认初始化相同：U(-1/√in, 1/√in)，输出的尺度不随 in_features 变大
        # en: the same as nn.Linear's default: U(-1/√in, 1/√in), so outputs don't grow with in_features
        bound = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.zeros(out_features))
        self.scale = torch.ones(1)  # zh: 普通张量：不会被注册为参数 # en: a plain tensor: NOT registered as a parameter

    def forward(self, x):
        # zh: F.linear 是函数式接口，计算 x @ weight.T + bias
        # en: F.linear is the functional interface: x @ weight.T + bias
        return F.linear(x, self.weight, self.bias)


torch.manual_seed(0)
my_linear_layer = MyLinear(in_features=128, out_features=10)

# zh: weight 和 bias 已被自动注册；scale 不在其中
# en: weight and bias were registered automatically; scale is not among them
for name, param in my_linear_layer.named_parameters():
    print(f"Parameter Name: {name}, Shape: {param.shape}, requires_grad: {param.requires_grad}")

x = torch.randn(4, 128)
y = my_linear_layer(x)
y.sum().backward()  # zh: 梯度流向两个参数 # en: gradients reach both parameters
print("output:", tuple(y.shape), "| weight.grad:", tuple(my_linear_layer.weight.grad.shape))
print(f"output std: {y.std():.2f}")  # zh: 与输入（std 1）同量级 # en: on the same scale as the input (std 1)
w_randn = torch.randn(10, 128)  # zh: 若直接用 torch.randn（std 1）初始化 # en: if the weights were plain torch.randn (std 1)
print(f"output std with randn weights: {(x @ w_randn.T).std():.2f}")  # zh: 约 √128 ≈ 11 倍 # en: about √128 ≈ 11 times larger
assert [n for n, _ in my_linear_layer.named_parameters()] == ["weight", "bias"]
assert torch.allclose(y, x @ my_linear_layer.weight.T + my_linear_layer.bias)
