#| claims: [N04, N05, N06]
import torch
from dlref.activations import sigmoid, sigmoid_grad  # zh: 本页公式的闭式实现 # en: the closed forms on this page

# zh: float64 网格（含 x = 0），用 autograd 求 PyTorch 的导数
# en: a float64 grid (with x = 0 on it); autograd gives PyTorch's derivative
x = (torch.arange(-2000, 2001, dtype=torch.float64) / 100).requires_grad_()  # zh: [-20, 20]，步长 0.01 # en: [-20, 20], step 0.01
torch.sigmoid(x).sum().backward()

# zh: 闭式公式 σ(x) = 1/(1+e^(-x)) 与 σ'(x) = σ(x)(1-σ(x))，与 PyTorch 逐点比较
# en: the closed forms σ(x) = 1/(1+e^(-x)) and σ'(x) = σ(x)(1-σ(x)), compared point by point
x0 = x.detach()
print(f"max |sigmoid - torch.sigmoid|  = {(sigmoid(x0) - torch.sigmoid(x0)).abs().max():.1e}")
print(f"max |sigmoid_grad - autograd| = {(sigmoid_grad(x0) - x.grad).abs().max():.1e}")
assert torch.allclose(sigmoid(x0), torch.sigmoid(x0))
assert torch.allclose(sigmoid_grad(x0), x.grad)

# zh: 敏感区间的两端：σ(-3) ≈ 0.05，σ(3) ≈ 0.95
# en: the ends of the sensitive interval: σ(-3) ≈ 0.05, σ(3) ≈ 0.95
s = sigmoid(torch.tensor([-3.0, 3.0], dtype=torch.float64))
print(f"sigma(-3) = {s[0]:.6f}, sigma(3) = {s[1]:.6f}")
assert abs(s[0] - 0.047426) < 1e-6 and abs(s[1] - 0.952574) < 1e-6

# zh: 关于 (0, 0.5) 中心对称：σ(-x) = 1 - σ(x)
# en: point symmetry about (0, 0.5): σ(-x) = 1 - σ(x)
assert torch.allclose(sigmoid(-x0), 1 - sigmoid(x0))

# zh: 导数的最大值 0.25 出现在 x = 0
# en: the derivative peaks at 0.25, at x = 0
i = x.grad.argmax()
print(f"max sigma'(x) = {x.grad[i]:.4f} at x = {x0[i]:.1f}")
assert x.grad[i] == 0.25 and x0[i] == 0
