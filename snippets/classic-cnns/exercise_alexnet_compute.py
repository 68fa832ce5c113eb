import torch
from torch import nn
from torchvision import models

# zh: 在 meta 设备上建模型并前向：只算形状，不分配内存、不做真正的计算
# en: build and run the model on the "meta" device: shapes only, no memory, no real arithmetic
with torch.device("meta"):
    alexnet = models.alexnet(weights=None)

macs = {nn.Conv2d: 0, nn.Linear: 0}


def count(module, inputs, output):
    # zh: 每个输出值需要 (输入通道数 × 卷积核面积) 次乘加；全连接层是 in × out 次
    # en: each output value takes (input channels × kernel area) multiply-adds; a Linear layer in × out
    if isinstance(module, nn.Conv2d):
        k_h, k_w = module.kernel_size
        macs[nn.Conv2d] += output.numel() * module.in_channels // module.groups * k_h * k_w
    else:
        macs[nn.Linear] += module.in_features * module.out_features


for m in alexnet.modules():
    if isinstance(m, (nn.Conv2d, nn.Linear)):
        m.register_forward_hook(count)
with torch.no_grad():
    alexnet(torch.empty(1, 3, 224, 224, device="meta"))

params = {kind: sum(p.numel() for m in alexnet.modules() if isinstance(m, kind) for p in m.parameters())
          for kind in (nn.Conv2d, nn.Linear)}
for kind in (nn.Conv2d, nn.Linear):
    print(f"{kind.__name__:6s}: {params[kind] / sum(params.values()):4.0%} of the parameters, "
          f"{macs[kind] / sum(macs.values()):4.0%} of the multiply-adds ({macs[kind] / 1e6:5.0f} M)")
assert params[nn.Linear] / sum(params.values()) > 0.9 and macs[nn.Conv2d] / sum(macs.values()) > 0.9
