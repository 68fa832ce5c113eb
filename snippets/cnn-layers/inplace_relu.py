#| claims: [N64]
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(8, 4, 16, 16, requires_grad=True)
bn = nn.BatchNorm2d(4)

# zh: 安全的情形：BN -> ReLU(inplace=True)
# en: the safe case: BN -> ReLU(inplace=True)
z = bn(x)
y = nn.ReLU(inplace=True)(z)
print("same memory as the BN output:", y.data_ptr() == z.data_ptr())  # zh: 没有分配新张量 # en: no new tensor allocated
y.sum().backward()  # zh: BN 的反向传播不需要它自己的输出 # en: BN's backward does not need its own output
grad_inplace = x.grad.clone()

x.grad = None
torch.relu(bn(x)).sum().backward()  # zh: 对照：非原地的 ReLU # en: reference: out-of-place ReLU
print("same gradient as out-of-place ReLU:", torch.allclose(grad_inplace, x.grad))
assert y.data_ptr() == z.data_ptr() and torch.allclose(grad_inplace, x.grad)

# zh: 出错的情形：sigmoid 的反向传播要用它的输出 s，而 relu_ 把 s 原地改掉了
# en: the failing case: sigmoid's backward needs its output s, and relu_ overwrites s in place
w = torch.randn(5, requires_grad=True)
s = torch.sigmoid(w)
s.relu_()
try:
    s.sum().backward()
except RuntimeError as err:
    message = str(err)
    print("RuntimeError:", message.split(" Hint:")[0])
assert "modified by an inplace operation" in message
