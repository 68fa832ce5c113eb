import torch
import torch.nn as nn

torch.manual_seed(0)
linear2 = nn.Linear(in_features=5, out_features=3)
nn.init.constant_(linear2.weight, 5)
# zh: 偏置常用 0 初始化
# en: biases are commonly initialized to 0
nn.init.constant_(linear2.bias, 0)
print(f"linear2.weight: {linear2.weight.data}")
print(f"linear2.bias: {linear2.bias.data}")
assert (linear2.weight == 5).all() and (linear2.bias == 0).all()
