import inspect

import torch
import torch.nn as nn

print("SmoothL1Loss", inspect.signature(nn.SmoothL1Loss))
print("HuberLoss   ", inspect.signature(nn.HuberLoss))

y_true = torch.tensor([2.0, 3.0, 1.0])
y_pred = torch.tensor([1.0, 5.0, 4.0])
for t in (1.0, 2.0):
    smooth = nn.SmoothL1Loss(beta=t)(y_pred, y_true)
    huber = nn.HuberLoss(delta=t)(y_pred, y_true)
    print(f"beta = delta = {t}: SmoothL1 {smooth:.4f}, Huber {huber:.4f}, {t} * SmoothL1 {t * smooth:.4f}")
    assert torch.allclose(huber, t * smooth)  # zh: Huber_δ = δ · SmoothL1_{β=δ} # en: Huber_δ = δ · SmoothL1_{β=δ}
