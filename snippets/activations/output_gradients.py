import torch
import torch.nn.functional as F

# zh: 二分类：Sigmoid + 二元交叉熵。对 logit z 的梯度就是 p - y
# en: binary classification: sigmoid + binary cross-entropy. The gradient with respect to the logit z is p - y
z = torch.tensor([-4.0, 0.5, 3.0], requires_grad=True)  # zh: 第一个样本错得很离谱 # en: the first sample is badly wrong
y = torch.tensor([1.0, 0.0, 1.0])
F.binary_cross_entropy(torch.sigmoid(z), y, reduction="sum").backward()
p = torch.sigmoid(z).detach()
print(f"p            = {p}")
print(f"BCE:  dL/dz  = {z.grad}")
assert torch.allclose(z.grad, p - y, atol=1e-6)

# zh: 对比：Sigmoid + MSE 的梯度是 2(p - y)·σ'(z)，饱和时被 σ'(z) 压得很小
# en: compare sigmoid + MSE: the gradient 2(p - y)·σ'(z) is crushed by σ'(z) once the sigmoid saturates
z.grad = None
F.mse_loss(torch.sigmoid(z), y, reduction="sum").backward()
print(f"MSE:  dL/dz  = {z.grad}")
assert abs(z.grad[0]) < 0.05  # zh: 错得最离谱的样本，梯度反而几乎为 0 # en: the worst mistake gets almost no gradient

# zh: 多分类：Softmax + 交叉熵。对 logits 的梯度同样是 p - y（y 为独热编码）
# en: multi-class: softmax + cross-entropy. The gradient with respect to the logits is again p - y (y one-hot)
logits = torch.tensor([[2.0, 1.0, -1.0]], requires_grad=True)
target = torch.tensor([2])
F.cross_entropy(logits, target).backward()
p = torch.softmax(logits, dim=1).detach()
print(f"softmax p    = {p}")
print(f"CE:   dL/dz  = {logits.grad}")
assert torch.allclose(logits.grad, p - F.one_hot(target, 3).float(), atol=1e-6)
