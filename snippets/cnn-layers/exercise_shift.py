import torch
import torch.nn.functional as F

# zh: 一个亮点，每次向右移动 1 个像素，看最大池化的输出落在哪一列
# en: one bright pixel, moved right one pixel at a time: in which column does max pooling put it?
for col in range(2, 6):
    x = torch.zeros(1, 1, 8, 8)
    x[0, 0, 3, col] = 1.0
    y = F.max_pool2d(x, 2)
    print(f"input column {col} -> output column {y[0, 0].nonzero()[0, 1].item()}")

# zh: 随机特征图：平移 2 个像素（步长的整数倍），输出恰好平移 1 格；平移 1 个像素，大部分输出都变了
# en: a random feature map: a 2-pixel shift (a multiple of the stride) shifts the output by exactly one cell;
# en: a 1-pixel shift changes most of the outputs
torch.manual_seed(0)
x = torch.randn(1, 1, 16, 16)
y = F.max_pool2d(x, 2)
y2 = F.max_pool2d(torch.roll(x, shifts=2, dims=-1), 2)
y1 = F.max_pool2d(torch.roll(x, shifts=1, dims=-1), 2)
print("shift by 2: output shifted by 1 cell:", torch.equal(y2, torch.roll(y, shifts=1, dims=-1)))
changed = (y1 != y).float().mean().item()
print(f"shift by 1: {changed:.0%} of the outputs change")
assert torch.equal(y2, torch.roll(y, shifts=1, dims=-1)) and changed > 0.5
