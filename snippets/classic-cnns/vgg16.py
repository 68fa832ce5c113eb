#| claims: [N53, N54]
from collections import Counter

import torch
from torch import nn
from torchvision import models

torch.manual_seed(0)
vgg16 = models.vgg16(weights=None).eval()  # zh: 只要结构，不下载权重 # en: architecture only, no download

convs = [m for m in vgg16.features if isinstance(m, nn.Conv2d)]
pools = [m for m in vgg16.features if isinstance(m, nn.MaxPool2d)]
print("conv kernel sizes:", dict(Counter(m.kernel_size for m in convs)))
print("conv out channels:", [m.out_channels for m in convs])
print("max-pool layers  :", len(pools), "x", {f"kernel {m.kernel_size}, stride {m.stride}" for m in pools})
print(vgg16.classifier)

n_total = sum(p.numel() for p in vgg16.parameters())
n_classifier = sum(p.numel() for p in vgg16.classifier.parameters())
print(f"params: total {n_total:,}, classifier {n_classifier:,} ({n_classifier / n_total:.0%})")

# zh: 网络输出 1000 个 logits；softmax 把它们变成 1000 个类别的概率
# en: the network outputs 1000 logits; softmax turns them into probabilities over 1000 classes
with torch.no_grad():
    logits = vgg16(torch.randn(1, 3, 224, 224))
probs = logits.softmax(dim=1)
print(f"logits {list(logits.shape)}, probabilities sum to {probs.sum():.4f}")

assert all(m.kernel_size == (3, 3) for m in convs)  # zh: VGG-16 里没有 1×1 卷积 # en: VGG-16 has no 1x1 conv
assert len(convs) == 13 and len(pools) == 5
assert vgg16.classifier[-1].out_features == 1000
assert n_total == 138_357_544 and n_classifier == 123_642_856
assert round(n_classifier / n_total, 2) == 0.89
