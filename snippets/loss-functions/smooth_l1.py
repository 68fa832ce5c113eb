#| claims: [N26, N62]
import torch
import torch.nn as nn

y_true = torch.tensor([2.0, 3.0, 1.0], dtype=torch.float32)
y_pred = torch.tensor([1.0, 5.0, 4.0], dtype=torch.float32)  # zh: 误差 -1, 2, 3 # en: errors -1, 2, 3

criterion = nn.SmoothL1Loss()
print(criterion.beta)  # zh: 默认阈值 β = 1 # en: default threshold β = 1
loss = criterion(y_pred, y_true)
print(loss)  # zh: 每项 |e| - 0.5：(0.5 + 1.5 + 2.5) / 3 # en: each term is |e| - 0.5: (0.5 + 1.5 + 2.5) / 3
assert criterion.beta == 1.0
assert abs(loss.item() - 1.5) < 1e-6
