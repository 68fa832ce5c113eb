import math

import torch
from torch import nn

torch.manual_seed(0)
batch = 5 + 2 * torch.randn(64, 1)  # zh: 每一步都送入同一个批次 # en: the same batch at every step
mean, var = batch.mean().item(), batch.var(unbiased=True).item()

bn = nn.BatchNorm1d(1)  # zh: momentum=0.1；running_mean 从 0、running_var 从 1 开始 # en: momentum=0.1; running_mean starts at 0, running_var at 1
history = []
for _ in range(40):
    bn(batch)
    history.append((bn.running_mean.item(), bn.running_var.item()))

# zh: k 步之后：running_mean = mean·(1 - 0.9^k)，running_var = var + (1 - var)·0.9^k
# en: after k steps: running_mean = mean·(1 - 0.9^k), running_var = var + (1 - var)·0.9^k
for k in (1, 10, 29, 40):
    rm, rv = history[k - 1]
    print(f"k = {k:2d}: running_mean {rm:.4f} (formula {mean * (1 - 0.9**k):.4f}), "
          f"running_var {rv:.4f} (formula {var + (1 - var) * 0.9**k:.4f})")
    assert abs(rm - mean * (1 - 0.9**k)) < 1e-4 and abs(rv - (var + (1 - var) * 0.9**k)) < 1e-4

k95 = math.ceil(math.log(0.05) / math.log(0.9))  # zh: 0.9^k ≤ 0.05 # en: 0.9^k ≤ 0.05
print(f"batches until running_mean reaches 95% of the batch mean: {k95}")
assert k95 == 29 and history[28][0] >= 0.95 * mean > history[27][0]

# zh: momentum=None：所有批次统计量的简单平均，一步就到位
# en: momentum=None: a plain average of all batch statistics, right after one step
cumulative = nn.BatchNorm1d(1, momentum=None)
cumulative(batch)
print(f"momentum=None, after 1 batch: running_mean {cumulative.running_mean.item():.4f}")
assert abs(cumulative.running_mean.item() - mean) < 1e-5
