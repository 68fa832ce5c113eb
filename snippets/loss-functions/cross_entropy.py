#| claims: [N23]
import torch
import torch.nn as nn

# zh: 3 个样本、3 个类别的 logits（模型最后一层的原始输出）
# en: logits (the last layer's raw outputs) for 3 samples and 3 classes
y_pred = torch.tensor([[18, 9, 10], [2, 14, 6], [3, 8, 16]], dtype=torch.float32)

criterion = nn.CrossEntropyLoss()  # zh: 内部先做 log-softmax，再取平均 # en: applies log-softmax internally, then averages

# zh: (1) 类别下标：标准写法，int64，形状 (N,)
# en: (1) class indices: the canonical form, int64 of shape (N,)
y_true_index = torch.tensor([0, 1, 2])
loss_index = criterion(y_pred, y_true_index)

# zh: (2) one-hot（概率）目标：float，形状 (N, C)，PyTorch 1.10 起支持
# en: (2) one-hot (probability) targets: float of shape (N, C), supported since PyTorch 1.10
y_true_onehot = torch.tensor([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=torch.float32)
loss_onehot = criterion(y_pred, y_true_onehot)

print(loss_index, loss_onehot)
print(f"{loss_index.item():.6f}")
assert torch.allclose(loss_index, loss_onehot)
assert abs(loss_index.item() - 0.0004) < 5e-5

# zh: 同一个值，按公式手算：-mean(log softmax(z)[正确类别])
# en: the same value from the formula: -mean(log softmax(z)[true class])
by_formula = -torch.log_softmax(y_pred, dim=1)[torch.arange(3), y_true_index].mean()
assert torch.allclose(by_formula, loss_index)
