import torch
import torch.nn as nn
import torch.nn.functional as F

from dlref.pooling import avg_pool2d, conv_output_size, max_pool2d

x = torch.arange(16.0).reshape(1, 1, 4, 4)

# zh: unfold(维度, 窗口大小, 步长) 把一个维度切成窗口；切两次得到所有 2×2 窗口
# en: unfold(dim, size, step) cuts one dimension into windows; twice gives every 2×2 window
windows = x.unfold(2, 2, 2).unfold(3, 2, 2)
print("windows:", tuple(windows.shape))  # zh: (N, C, 行, 列, 2, 2) # en: (N, C, row, column, 2, 2)
print("top-right window:", windows[0, 0, 0, 1].tolist())

# zh: dlref.pooling 正是这样实现的：每个窗口取 amax 或 mean
# en: dlref.pooling does exactly this: amax or mean over each window
print(max_pool2d(x, 2, 2).squeeze().tolist(), avg_pool2d(x, 2, 2).squeeze().tolist())
assert torch.equal(max_pool2d(x, 2, 2), F.max_pool2d(x, 2, 2))
assert torch.equal(avg_pool2d(x, 2, 2), F.avg_pool2d(x, 2, 2))

# zh: 输出尺寸公式：与真实的层对比
# en: the output-size formula against real layers
torch.manual_seed(0)
for n, k, s, p in [(32, 2, 2, 0), (7, 3, 2, 0), (32, 3, 1, 1), (224, 7, 2, 3)]:
    conv = nn.Conv2d(1, 1, kernel_size=k, stride=s, padding=p)
    real = conv(torch.zeros(1, 1, n, n)).shape[-1]
    print(f"n={n:3d} k={k} s={s} p={p} -> {conv_output_size(n, k, s, p):3d} (Conv2d: {real})")
    assert conv_output_size(n, k, s, p) == real
