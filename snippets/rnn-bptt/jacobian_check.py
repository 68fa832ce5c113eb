import torch
from torch.autograd.functional import jacobian

torch.manual_seed(0)
H, D = 4, 3
W_ih, W_hh = torch.randn(H, D), torch.randn(H, H) / H**0.5
b_ih, b_hh = torch.randn(H), torch.randn(H)


def step(h_prev, x):
    return torch.tanh(W_ih @ x + b_ih + W_hh @ h_prev + b_hh)


# zh: 一步：∂h_i/∂h_{i-1}
# en: one step: ∂h_i/∂h_{i-1}
x, h_prev = torch.randn(D), torch.randn(H)
h = step(h_prev, x)
J = jacobian(lambda hp: step(hp, x), h_prev)  # zh: autograd 算出的雅可比矩阵 (H, H) # en: the Jacobian from autograd, (H, H)
formula = torch.diag(1 - h**2) @ W_hh
print("autograd:\n", J)
print("diag(1 - h_i^2) @ W_hh:\n", formula)
print("W_hh alone:\n", W_hh)
assert torch.allclose(J, formula, atol=1e-6)
assert not torch.allclose(J, W_hh, atol=0.1)  # zh: 不是单独的 W_hh # en: not W_hh alone

# zh: 多步：∂h_t/∂h_k 是每一步雅可比矩阵的连乘
# en: several steps: ∂h_t/∂h_k is the product of the step Jacobians
xs = torch.randn(5, D)


def unroll(h0):
    h = h0
    for x in xs:
        h = step(h, x)
    return h


h0 = torch.randn(H)
product, h = torch.eye(H), h0
for x in xs:
    h = step(h, x)
    product = torch.diag(1 - h**2) @ W_hh @ product  # zh: 新的一步乘在左边 # en: each new step multiplies on the left
assert torch.allclose(jacobian(unroll, h0), product, atol=1e-6)
print("5-step product matches autograd: True")
