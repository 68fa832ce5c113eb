import torch
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, TensorDataset
from torchvision.transforms import v2

# zh: 1797 张 8×8 灰度数字，像素值 0..16，缩放到 [0, 1]，形状 (N, 1, 8, 8)
# en: 1797 greyscale 8×8 digits, pixel values 0..16, scaled to [0, 1], shape (N, 1, 8, 8)
images = torch.tensor(load_digits().images, dtype=torch.float64).unsqueeze(1) / 16
loader = DataLoader(TensorDataset(images), batch_size=256)

# zh: 一遍扫描：累加像素值和像素值的平方，再由 E[x²] - E[x]² 得到方差
# en: one pass: accumulate the sum and the sum of squares, then variance = E[x²] - E[x]²
count, total, total_sq = 0, 0.0, 0.0
for (batch,) in loader:
    count += batch.numel()
    total += batch.sum().item()
    total_sq += (batch ** 2).sum().item()
mean = total / count
std = (total_sq / count - mean ** 2) ** 0.5
print(f"dataset mean {mean:.4f}, std {std:.4f}")
# zh: 常见的错误做法：每张图各算一个标准差再平均，漏掉了图与图之间的差异
# en: a common mistake: one std per image, then averaged, which misses the variation between images
per_image = images.std(dim=(1, 2, 3), correction=0).mean().item()
print(f"average of the per-image stds: {per_image:.4f}")
assert per_image < std
assert abs(mean - images.mean().item()) < 1e-9 and abs(std - images.std(correction=0).item()) < 1e-9

# zh: 用自己数据集的统计量标准化：整个训练集的均值为 0、标准差为 1
# en: normalize with the dataset's own statistics: the whole training set gets mean 0 and std 1
normalized = v2.Normalize(mean=[mean], std=[std])(images)
print(f"after Normalize: mean is 0: {abs(normalized.mean().item()) < 1e-9}, std {normalized.std(correction=0):.4f}")
assert abs(normalized.mean()) < 1e-9 and abs(normalized.std(correction=0) - 1) < 1e-9
