import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
# zh: 用“真正的卷积”（翻转后的核）生成目标：y = x * k_true
# en: targets made by a true convolution (the flipped kernel): y = x * k_true
k_true = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
x = torch.randn(16, 1, 10, 10)
y = F.conv2d(x, k_true.flip(0, 1).reshape(1, 1, 2, 2))

# zh: nn.Conv2d（互相关）从数据中学习卷积核
# en: nn.Conv2d (cross-correlation) learns its kernel from the data
conv = nn.Conv2d(1, 1, kernel_size=2, bias=False)
opt = torch.optim.SGD(conv.parameters(), lr=0.1)
for step in range(100):
    loss = F.mse_loss(conv(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()

learned = conv.weight.detach()[0, 0]
print("k_true :", k_true.tolist())
print("learned:", learned.round(decimals=3).tolist())
# zh: 学到的正是翻转后的核：输出完全一样，翻不翻转只是权重的排列不同
# en: it learned the flipped kernel: the outputs are the same, only the weights are stored in another order
assert torch.allclose(learned, k_true.flip(0, 1), atol=1e-4)
