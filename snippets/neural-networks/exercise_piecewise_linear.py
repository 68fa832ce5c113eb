import torch
import torch.nn as nn

torch.manual_seed(0)
l1, l2 = nn.Linear(4, 8), nn.Linear(8, 3)


def net(x):
    return l2(torch.relu(l1(x)))


x = torch.randn(4)
# zh: 在 x 处哪些隐藏神经元是激活的（z > 0）
# en: which hidden neurons are active (z > 0) at x
mask = (l1(x) > 0).float()
print("active hidden neurons:", int(mask.sum()), "of 8")

# zh: 在 x 附近，网络就是一个线性层：W = W2 diag(m) W1，b = W2 (m * b1) + b2
# en: near x the network is one linear layer: W = W2 diag(m) W1, b = W2 (m * b1) + b2
W = l2.weight @ torch.diag(mask) @ l1.weight
b = l2.weight @ (mask * l1.bias) + l2.bias
print("net(x) == W x + b:", torch.allclose(net(x), W @ x + b, atol=1e-6))
assert torch.allclose(net(x), W @ x + b, atol=1e-6)

# zh: 自动求导得到的雅可比矩阵就是这个 W
# en: the Jacobian that autograd computes is this very W
J = torch.autograd.functional.jacobian(net, x)
print("Jacobian shape:", tuple(J.shape), "equal to W:", torch.allclose(J, W, atol=1e-6))
assert torch.allclose(J, W, atol=1e-6)

# zh: 换一个输入，激活模式一变，W 也跟着变：整体是分段线性函数
# en: another input has another activation pattern and another W: the network is piecewise linear
x2 = -x
mask2 = (l1(x2) > 0).float()
W2 = l2.weight @ torch.diag(mask2) @ l1.weight
print("same pattern at -x:", torch.equal(mask, mask2), "| same W:", torch.allclose(W, W2))
assert not torch.allclose(W, W2)
