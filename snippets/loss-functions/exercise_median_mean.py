import torch
import torch.nn.functional as F

y = torch.tensor([1.0, 2.0, 3.0, 4.0, 100.0])  # zh: 最后一个是异常值 # en: the last value is an outlier

# zh: 用一个常数 c 去“预测”所有样本，在网格上找让损失最小的 c
# en: "predict" every sample with one constant c and find the c that minimizes each loss on a grid
c = torch.arange(0, 110.001, 0.01)
pred = c[:, None].expand(-1, len(y))
target = y.expand_as(pred)
mse = F.mse_loss(pred, target, reduction="none").mean(1)
mae = F.l1_loss(pred, target, reduction="none").mean(1)
best_mse, best_mae = c[mse.argmin()].item(), c[mae.argmin()].item()
print(f"argmin MSE: c = {best_mse:.2f}   mean   = {y.mean().item():.2f}")
print(f"argmin MAE: c = {best_mae:.2f}   median = {y.median().item():.2f}")
assert abs(best_mse - 22.0) < 0.01 and abs(best_mae - 3.0) < 0.01

