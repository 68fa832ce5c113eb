#| claims: [N50]
import torch
from torch import nn
from torchvision import models

torch.manual_seed(0)

# zh: 只要网络结构，不下载预训练权重
# en: architecture only, no pretrained weights to download
alexnet = models.alexnet(weights=None).eval()

# zh: 逐层前向一张 224×224 的图，只打印卷积层和全连接层
# en: push one 224×224 image through, printing only the conv and fully connected layers
x = torch.randn(1, 3, 224, 224)
with torch.no_grad():
    for layer in [*alexnet.features, alexnet.avgpool, nn.Flatten(), *alexnet.classifier]:
        x = layer(x)
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            n_params = sum(p.numel() for p in layer.parameters())
            print(f"{type(layer).__name__:7s} -> {str(list(x.shape)):18s} params={n_params:>10,}")

modules = list(alexnet.modules())
n_conv = sum(isinstance(m, nn.Conv2d) for m in modules)
n_fc = sum(isinstance(m, nn.Linear) for m in modules)
total = sum(p.numel() for p in alexnet.parameters())
print(f"Conv2d: {n_conv}, Linear: {n_fc}, ReLU: {sum(isinstance(m, nn.ReLU) for m in modules)}, "
      f"Dropout: {sum(isinstance(m, nn.Dropout) for m in modules)}")
print(f"total params: {total:,}")
assert (n_conv, n_fc) == (5, 3) and total == 61_100_840
