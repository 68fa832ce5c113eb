#| claims: [N21, N22]
import torch
import torch.nn as nn
from torchinfo import summary

from dlref.params import count_parameters, linear_params

torch.manual_seed(0)
layer = nn.Linear(in_features=3, out_features=3)
# zh: 输入数据的形状是 (batch_size, in_features)，与参数无关；参数的形状由层的定义决定
# en: the input's shape is (batch_size, in_features) and has nothing to do with the parameters;
# en: their shapes come from the layer's definition
x = torch.randn(8, 3)
print("input x:    ", tuple(x.shape))
print("weight:     ", tuple(layer.weight.shape), "->", layer.weight.numel())  # zh: (out_features, in_features) # en: (out_features, in_features)
print("bias:       ", tuple(layer.bias.shape), "  ->", layer.bias.numel())  # zh: (out_features,) # en: (out_features,)
print("formula:    ", linear_params(3, 3))  # zh: 3*3 + 3 # en: 3*3 + 3
print("numel sum:  ", count_parameters(layer))
assert linear_params(3, 3) == count_parameters(layer) == 12

# zh: 3-3-2-2 网络：逐层相加，再与 torchinfo 的统计对照
# en: the 3-3-2-2 network: add up layer by layer, then compare with torchinfo
model = nn.Sequential(nn.Linear(3, 3), nn.Sigmoid(), nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 2))
by_formula = [linear_params(3, 3), linear_params(3, 2), linear_params(2, 2)]
stats = summary(model, input_size=(8, 3), verbose=0)
print("per layer:  ", by_formula, "total", sum(by_formula))
print("torchinfo:  ", stats.total_params)
assert by_formula == [12, 8, 6]
assert sum(by_formula) == count_parameters(model) == stats.total_params == 26
