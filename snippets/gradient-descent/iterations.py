#| claims: [N28]
import math

import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
dataset = TensorDataset(torch.randn(1000, 3))  # zh: 1000 个样本 # en: 1000 samples
loader = DataLoader(dataset, batch_size=100, shuffle=True)

iterations = sum(1 for _ in loader)  # zh: 一个 epoch 内的参数更新次数 # en: parameter updates in one epoch
print("1000 samples, batch 100 -> iterations per epoch:", len(loader), iterations)
assert len(loader) == iterations == 1000 // 100 == 10

# zh: 不能整除时，最后一个批次较小：迭代次数是 ⌈N/B⌉
# en: when B does not divide N, the last batch is smaller: ⌈N/B⌉ iterations
loader = DataLoader(TensorDataset(torch.randn(1050, 3)), batch_size=100)
sizes = [len(x) for (x,) in loader]
print("1050 samples, batch 100:", len(loader), "iterations, last batch", sizes[-1])
assert len(loader) == math.ceil(1050 / 100) == 11 and sizes[-1] == 50

# zh: drop_last=True 丢弃不完整的最后一批：⌊N/B⌋
# en: drop_last=True drops the incomplete last batch: ⌊N/B⌋
loader = DataLoader(TensorDataset(torch.randn(1050, 3)), batch_size=100, drop_last=True)
print("1050 samples, batch 100, drop_last=True:", len(loader), "iterations")
assert len(loader) == 1050 // 100 == 10
