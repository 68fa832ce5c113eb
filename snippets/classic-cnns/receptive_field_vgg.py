#| claims: [N51]
import torch
from torch import nn
from torchvision import models

from dlref.receptive_field import receptive_field

# zh: 只需要各层的配置，不需要权重：在 meta 设备上建模型，不分配内存，瞬间完成
# en: only the layer settings are needed, not the weights: building on the "meta"
# en: device allocates no memory and is instant
with torch.device("meta"):
    vgg16 = models.vgg16(weights=None)


def first(v):
    """kernel_size/stride/dilation may be an int or an (h, w) pair; VGG's are square."""
    return v[0] if isinstance(v, tuple) else v


layers = []  # zh: 每层的 (kernel, stride, dilation) # en: (kernel, stride, dilation) per layer
print("stage  convs  RF of last conv  RF after pool  jump")
stage, convs = 0, 0
for layer in vgg16.features:
    if isinstance(layer, (nn.Conv2d, nn.MaxPool2d)):
        layers.append((first(layer.kernel_size), first(layer.stride), first(layer.dilation)))
    if isinstance(layer, nn.Conv2d):
        convs += 1
        rf_conv, _ = receptive_field(layers)
    if isinstance(layer, nn.MaxPool2d):
        stage += 1
        rf_pool, jump = receptive_field(layers)
        print(f"{stage:5d}  {convs:5d}  {rf_conv:15d}  {rf_pool:13d}  {jump:4d}")
        convs = 0

assert receptive_field(layers[:2]) == (5, 1)  # zh: conv1_1 + conv1_2：5×5 # en: conv1_1 + conv1_2: 5x5
assert (rf_conv, rf_pool, jump) == (196, 212, 32)
