import torch
from torch import nn

torch.manual_seed(0)
x, target = torch.randn(32, 5), torch.randn(32, 3)
linear = nn.Linear(5, 3, bias=False)
bn = nn.BatchNorm1d(3)  # zh: 训练模式 # en: training mode
W = linear.weight.detach().clone()

results = {}
for c in (1.0, 10.0):
    w = (c * W).requires_grad_(True)  # zh: 把权重整体放大 c 倍 # en: all the weights scaled by c
    loss = ((bn(x @ w.T) - target) ** 2).mean()
    loss.backward()
    results[c] = (loss.item(), w.grad.clone(), w.detach())
    radial = (w.grad * w).sum(dim=1) / (w.grad.norm(dim=1) * w.norm(dim=1))  # zh: 每行梯度与该行权重夹角的余弦 # en: cosine between each row's gradient and its weights
    print(f"c = {c:4}: loss {loss.item():.5f}   |grad| {w.grad.norm():.5f}   max |cos(grad, w)| < 1e-3: {bool(radial.abs().max() < 1e-3)}")
    assert radial.abs().max() < 1e-3

# zh: 输出与权重的尺度无关，所以梯度按 1/c 缩小，且与每行权重正交
# en: the output does not depend on the scale of the weights, so the gradient shrinks as 1/c and is orthogonal to each row
# zh: 只差 ε 带来的微小影响（ε = 1e-5 远小于 z 的方差）
# en: up to the tiny effect of ε (ε = 1e-5 is much smaller than the variance of z)
assert abs(results[1.0][0] / results[10.0][0] - 1) < 1e-4
assert torch.allclose(results[10.0][1], results[1.0][1] / 10, rtol=1e-3, atol=1e-6)
