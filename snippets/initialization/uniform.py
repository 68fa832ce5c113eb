import torch
import torch.nn as nn

torch.manual_seed(0)
linear1 = nn.Linear(in_features=5, out_features=3)
# zh: 默认区间 [0, 1)
# en: default interval [0, 1)
nn.init.uniform_(linear1.weight)
print(f"linear1: {linear1.weight.data}")
assert 0 <= linear1.weight.min() and linear1.weight.max() < 1

# zh: 以 0 为中心的对称区间 [-c, c]，这里 c = √(3/d)，d = 5 为输入维度
# en: a symmetric interval [-c, c] around 0, here c = √(3/d) with d = 5 inputs
c = (3 / 5) ** 0.5
nn.init.uniform_(linear1.weight, a=-c, b=c)
print(f"c = {c:.4f}\nlinear1: {linear1.weight.data}")
assert linear1.weight.abs().max() <= c
