#| claims: [N03]
import torch
import torch.nn as nn

torch.manual_seed(0)
l1 = nn.Linear(4, 8)  # W1: (8, 4), b1: (8,)
l2 = nn.Linear(8, 3)  # W2: (3, 8), b2: (3,)
x = torch.randn(5, 4)

# zh: 两个线性层直接叠加（中间没有激活函数）
# en: two linear layers stacked with no activation in between
deep = l2(l1(x))

# zh: 合并成一个线性层：W = W2 W1，b = W2 b1 + b2
# en: collapse them into one linear layer: W = W2 W1, b = W2 b1 + b2
W = l2.weight @ l1.weight
b = l2.weight @ l1.bias + l2.bias
single = x @ W.T + b
print("W = W2 @ W1:", tuple(W.shape))
print("no activation, equal to one layer:", torch.allclose(deep, single, atol=1e-6))
assert torch.allclose(deep, single, atol=1e-6)

# zh: 中间加上 ReLU，合并公式就不再成立
# en: with a ReLU in between, the merged formula no longer holds
nonlinear = l2(torch.relu(l1(x)))
print("with ReLU, equal to one layer:", torch.allclose(nonlinear, single, atol=1e-6))
assert not torch.allclose(nonlinear, single, atol=1e-6)
