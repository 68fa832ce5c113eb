import torch
import torch.nn.functional as F

# zh: 一个 2×2 窗口：[-1, 3, -1, -1]
# en: one 2×2 window: [-1, 3, -1, -1]
window = torch.tensor([[[[-1.0, 3.0], [-1.0, -1.0]]]])
print("avg of ReLU:", F.avg_pool2d(F.relu(window), 2).item(), "  ReLU of avg:", F.relu(F.avg_pool2d(window, 2)).item())
print("max of ReLU:", F.max_pool2d(F.relu(window), 2).item(), "  ReLU of max:", F.relu(F.max_pool2d(window, 2)).item())

# zh: 在一批随机特征图上检验两种顺序
# en: check both orders on a batch of random feature maps
torch.manual_seed(0)
x = torch.randn(8, 16, 32, 32)
max_equal = torch.equal(F.max_pool2d(F.relu(x), 2), F.relu(F.max_pool2d(x, 2)))
avg_equal = torch.equal(F.avg_pool2d(F.relu(x), 2), F.relu(F.avg_pool2d(x, 2)))
print("max pooling, both orders equal:", max_equal)
print("avg pooling, both orders equal:", avg_equal)
assert max_equal and not avg_equal

# zh: 先池化，ReLU 只需处理 1/4 的元素
# en: pooling first leaves the ReLU a quarter of the elements
print("ReLU inputs: before pooling", x.numel(), " after pooling", F.max_pool2d(x, 2).numel())
