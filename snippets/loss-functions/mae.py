#| claims: [N25]
import torch
import torch.nn as nn

y_true = torch.tensor([2.0, 3.0, 1.0])
y_pred = torch.tensor([1.0, 5.0, 4.0])  # zh: 误差 -1, 2, 3 # en: errors -1, 2, 3

criterion = nn.L1Loss()  # zh: MAE 即 L1 损失 # en: MAE is the L1 loss
loss = criterion(y_pred, y_true)
print(loss)  # zh: (1 + 2 + 3) / 3 # en: (1 + 2 + 3) / 3
assert loss.item() == 2.0
