#| claims: [N50, N53]
import torch
from torch import nn
from torchvision import models

# zh: 只数参数，不需要真正的权重：在 meta 设备上建模型，不分配内存，几个模型加起来也只要一眨眼
# en: counting parameters needs no real weights: on the "meta" device nothing is allocated,
# en: so building all six models is instant
with torch.device("meta"):
    nets = {
        "AlexNet (2012)": models.alexnet(weights=None),
        "VGG-16 (2014)": models.vgg16(weights=None),
        "GoogLeNet (2014)": models.googlenet(weights=None, aux_logits=False, init_weights=False),
        "ResNet-50 (2015)": models.resnet50(weights=None),
        "ResNet-152 (2015)": models.resnet152(weights=None),
        "DenseNet-121 (2017)": models.densenet121(weights=None),
    }


def n_params(module):
    return sum(p.numel() for p in module.parameters())


print(f"{'model':20s} {'params':>12s} {'in Linear layers':>17s}")
counts, fc_share = {}, {}
for name, net in nets.items():
    counts[name] = n_params(net)
    fc_share[name] = sum(n_params(m) for m in net.modules() if isinstance(m, nn.Linear)) / counts[name]
    print(f"{name:20s} {counts[name]:12,d} {fc_share[name]:17.0%}")

assert counts["AlexNet (2012)"] == 61_100_840
assert counts["VGG-16 (2014)"] == 138_357_544
assert counts["GoogLeNet (2014)"] == 6_624_904
assert counts["ResNet-50 (2015)"] == 25_557_032
assert counts["ResNet-152 (2015)"] == 60_192_808
assert counts["DenseNet-121 (2017)"] == 7_978_856
assert fc_share["AlexNet (2012)"] > 0.9 and fc_share["VGG-16 (2014)"] > 0.85
assert all(fc_share[name] < 0.2 for name in list(nets)[2:])  # zh: GoogLeNet、ResNet、DenseNet # en: GoogLeNet, ResNet, DenseNet

# zh: 注意：torchvision 的 GoogLeNet 把论文中 "5×5" 的那一支实现成了 3×3 卷积（为兼容已发布的权重而保留）
# en: note: torchvision's GoogLeNet implements the paper's "5x5" branch with a 3x3 conv
# en: (kept for compatibility with its published weights)
assert nets["GoogLeNet (2014)"].inception3a.branch3[1].conv.kernel_size == (3, 3)
