#| claims: [N24]
import torch
import torch.nn as nn

y_true = torch.tensor([0, 1, 0, 1], dtype=torch.float32)
y_pred = torch.tensor([0.1, 0.9, 0.2, 0.8], dtype=torch.float32)  # zh: 已是概率（sigmoid 之后） # en: already probabilities (after a sigmoid)

criterion = nn.BCELoss()
loss = criterion(y_pred, y_true)
print(loss)

# zh: 逐个样本：y=1 时是 -log(ŷ)，y=0 时是 -log(1-ŷ)
# en: per sample: -log(ŷ) when y=1, -log(1-ŷ) when y=0
per_sample = -(y_true * torch.log(y_pred) + (1 - y_true) * torch.log(1 - y_pred))
print(per_sample)
assert torch.allclose(per_sample.mean(), loss)
assert abs(loss.item() - 0.1643) < 1e-4
