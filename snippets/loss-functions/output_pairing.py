import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# zh: 二分类：sigmoid + BCE。BCEWithLogitsLoss 把两步合成一步（数值更稳定）
# en: binary: sigmoid + BCE. BCEWithLogitsLoss fuses the two steps (numerically safer)
z = torch.randn(6, requires_grad=True)  # zh: 一个输出单元的 logit # en: one output unit's logit
y = torch.tensor([1.0, 0, 1, 1, 0, 0])
loss = nn.BCEWithLogitsLoss()(z, y)
loss.backward()
p = torch.sigmoid(z.detach())
print(f"BCEWithLogits {loss:.4f} = BCE(sigmoid) {nn.BCELoss()(p, y):.4f}")
assert torch.allclose(loss, nn.BCELoss()(p, y))
assert torch.allclose(z.grad, (p - y) / 6)  # zh: 梯度 = (p - y) / N # en: gradient = (p - y) / N

# zh: 多分类：softmax + 交叉熵。CrossEntropyLoss 接收 logits，自己做 log-softmax
# en: multi-class: softmax + cross-entropy. CrossEntropyLoss takes logits and does the log-softmax itself
logits = torch.randn(4, 3, requires_grad=True)
labels = torch.tensor([0, 2, 1, 2])
loss = nn.CrossEntropyLoss()(logits, labels)
loss.backward()
p = torch.softmax(logits.detach(), dim=1)
print(f"CrossEntropy {loss:.4f} = NLL(log_softmax) {F.nll_loss(F.log_softmax(logits.detach(), dim=1), labels):.4f}")
assert torch.allclose(logits.grad, (p - F.one_hot(labels, 3)) / 4)  # zh: 梯度 = (p - y) / N # en: gradient = (p - y) / N

# zh: 常见错误：forward 里已经做了 softmax，再交给 CrossEntropyLoss，softmax 被做了两次
# en: a common mistake: softmax in forward, then CrossEntropyLoss applies it a second time
wrong = nn.CrossEntropyLoss()(torch.softmax(logits.detach(), dim=1), labels)
print(f"softmax applied twice: {wrong:.4f}  (should be {loss:.4f})")
assert not torch.isclose(wrong, loss)

# zh: 回归：恒等输出（直接用 Linear 的输出）+ MSE / MAE / Smooth L1
# en: regression: identity output (the Linear layer's output as is) + MSE / MAE / Smooth L1
head = nn.Linear(4, 1)
print("regression output:", head(torch.randn(2, 4)).squeeze(1).detach())
