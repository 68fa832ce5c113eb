import torch
import torch.nn as nn

x = torch.tensor([[1.0], [1.0001]])  # zh: 两个几乎相等的值：σ_B 很小 # en: two almost equal values: σ_B is tiny
bn = nn.BatchNorm1d(1)
y = bn(x).detach()

mu, var, eps = x.mean(), x.var(unbiased=False), bn.eps
right = (x - mu) / torch.sqrt(var + eps)  # zh: ε 加在方差上，在根号里 # en: ε is added to the variance, inside the root
wrong = (x - mu) / (torch.sqrt(var) + eps)  # zh: 错误写法：ε 加在标准差上 # en: a common mistake: ε added to the standard deviation
print("nn.BatchNorm1d      ", y.flatten())
print("(x - μ)/√(σ² + ε)   ", right.flatten())
print("(x - μ)/(σ + ε)     ", wrong.flatten())
assert torch.allclose(y, right, atol=1e-4)
assert not torch.allclose(y, wrong, atol=0.1)
