#| claims: [N25]
import torch
import torch.nn as nn

# zh: 真实值
# en: targets
y_true = torch.tensor([2.0, 3.0, 1.0], dtype=torch.float32)
# zh: 模型预测值
# en: model predictions
y_pred = torch.tensor([1.0, 5.0, 4.0], dtype=torch.float32)

mse_loss_fn = nn.MSELoss()  # zh: 实例化 MSE 损失函数 # en: create the MSE loss
loss_value = mse_loss_fn(y_pred, y_true)
print(loss_value)  # zh: ((2-1)² + (3-5)² + (1-4)²) / 3 = 14 / 3 # en: ((2-1)² + (3-5)² + (1-4)²) / 3 = 14 / 3
assert abs(loss_value.item() - 14 / 3) < 1e-6

# zh: 与 MAE 比较：误差 3 平方后变成 9，把 MSE 拉得更大
# en: compared with MAE: the error of 3 becomes 9 when squared, which pulls MSE up
mae_value = nn.L1Loss()(y_pred, y_true)
print(f"MSE {loss_value:.4f} > MAE {mae_value:.4f}")
assert mae_value.item() == 2.0 and loss_value > mae_value
