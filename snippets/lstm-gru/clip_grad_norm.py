import torch
import torch.nn as nn
from torch.nn.utils import clip_grad_norm_

torch.manual_seed(0)
H = 16
rnn = nn.RNN(input_size=4, hidden_size=H).double()
head = nn.Linear(H, 1).double()
with torch.no_grad():  # zh: 谱范数为 3 的 W_hh：这个 tanh RNN 的梯度会爆炸 # en: W_hh with spectral norm 3: this tanh RNN's gradient explodes
    Q, _ = torch.linalg.qr(torch.randn(H, H, dtype=torch.float64))
    rnn.weight_hh_l0.copy_(3 * Q)
x = torch.randn(30, 1, 4, dtype=torch.float64)
output, _ = rnn(x)
loss = head(output[-1]).square().sum()
loss.backward()

params = [*rnn.parameters(), *head.parameters()]


def grad_vector():  # zh: 所有参数的梯度拼成一个向量 # en: every parameter's gradient as one vector
    return torch.cat([p.grad.flatten() for p in params])


before = grad_vector().clone()
# zh: 裁剪到总范数 1；返回值是裁剪**之前**的总范数
# en: clip to a total norm of 1; the return value is the total norm **before** clipping
total = clip_grad_norm_(params, max_norm=1.0)
after = grad_vector()
print(f"returned:              {total:.1f}")
print(f"norm before:           {before.norm():.1f}")
print(f"norm after:            {after.norm():.6f}")
print(f"cosine(before, after): {torch.dot(before, after) / (before.norm() * after.norm()):.4f}")
assert torch.isclose(total, before.norm()) and abs(total - 911.0) < 1
assert abs(after.norm() - 1.0) < 1e-5  # zh: 缩放系数是 1 / (total + 1e-6) # en: the scale factor is 1 / (total + 1e-6)
assert torch.allclose(after, before / total, rtol=1e-5)  # zh: 每个分量乘同一个数：方向不变 # en: every component times the same number: the direction is kept

# zh: 范数已经不超过 max_norm 时，梯度保持原样
# en: when the norm is already at most max_norm, the gradient is left as it is
again = clip_grad_norm_(params, max_norm=5.0)
print(f"second call with max_norm=5: returned {again:.4f}, gradient unchanged: {torch.equal(grad_vector(), after)}")
assert torch.equal(grad_vector(), after)
