import torch
import torch.nn as nn
from torch.autograd.functional import jacobian

torch.manual_seed(0)
bn = nn.BatchNorm1d(2).eval()  # zh: eval 模式下 BN 是固定的逐特征仿射变换 # en: in eval mode BN is a fixed per-feature affine map
with torch.no_grad():
    bn.weight.copy_(torch.tensor([2.0, 0.5]))  # γ
    bn.bias.copy_(torch.tensor([1.0, -1.0]))  # β
linear = nn.Linear(2, 2)

x = torch.tensor([[1.0, -1.0]])
# zh: 雅可比矩阵 J[i, j] = ∂y_i/∂x_j：输出 i 依赖哪些输入
# en: the Jacobian J[i, j] = ∂y_i/∂x_j: which inputs output i depends on
J_bn = jacobian(bn, x).reshape(2, 2)
J_linear = jacobian(linear, x).reshape(2, 2)
print("BatchNorm1d:\n", J_bn)
print("Linear:\n", J_linear)
print("Linear weight W:\n", linear.weight.detach())
assert J_bn[0, 1] == 0 and J_bn[1, 0] == 0  # zh: y_1 与 x_2 无关 # en: y_1 does not depend on x_2
assert torch.allclose(J_linear, linear.weight)
