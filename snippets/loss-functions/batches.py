#| claims: [N28]
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

torch.manual_seed(0)
y = torch.randn(1000) * 2 + 3  # zh: 1000 个样本的真实值 # en: targets for 1000 samples
y_hat = torch.full_like(y, 3.0)  # zh: 一个总是预测 3 的“模型” # en: a "model" that always predicts 3

loader = DataLoader(range(1000), batch_size=100)  # zh: 按下标分批 # en: batches of indices
print("iterations per epoch:", len(loader))
assert len(loader) == 10

# zh: 每个小批量算一次损失（训练时每次迭代看到的那个数）
# en: one loss per mini-batch (the number each training iteration sees)
batch_losses = torch.stack([F.mse_loss(y_hat[idx], y[idx]) for idx in loader])
print("per-batch losses:", batch_losses.round(decimals=3))
# zh: 各批大小相同时，它们的平均就是整个数据集上的代价
# en: with equal batch sizes, their mean is the cost over the whole dataset
cost = F.mse_loss(y_hat, y)
print(f"mean of batch losses {batch_losses.mean():.4f}, cost on all 1000 {cost:.4f}")
assert torch.allclose(batch_losses.mean(), cost)
