import torch
import torch.nn as nn

torch.manual_seed(0)
linear5 = nn.Linear(in_features=5, out_features=3)
nn.init.normal_(linear5.weight, mean=0, std=1)
print(f"linear5: {linear5.weight.data}")

# zh: 输入 d = 1000 维：std 过小信号衰减，std = 1/√d（LeCun 初始化）方差保持，std = 1 信号放大 d 倍
# en: with d = 1000 inputs: a tiny std shrinks the signal, std = 1/√d (LeCun initialization) preserves its variance, std = 1 multiplies it by d
d = 1000
x = torch.randn(500, d)
ratios = {}
for std in (0.01, 1 / d**0.5, 1.0):
    w = torch.empty(d, d)
    nn.init.normal_(w, mean=0.0, std=std)
    ratios[std] = (x @ w.T).var().item() / x.var().item()
    print(f"std = {std:.4f}: Var(y)/Var(x) = {ratios[std]:.4g}")
assert abs(ratios[1 / d**0.5] - 1) < 0.02
