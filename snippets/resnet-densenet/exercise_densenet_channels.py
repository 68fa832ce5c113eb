import torch
from torch import nn
from torchvision import models

c0, k, block_sizes = 64, 32, (6, 12, 24, 16)  # zh: DenseNet-121 的配置 # en: DenseNet-121's configuration

# zh: 手算：每个 dense block 加 L·k 个通道，每个过渡层把通道数减半
# en: by hand: each dense block adds L*k channels, each transition layer halves them
channels, predicted = c0, []
for i, num_layers in enumerate(block_sizes):
    channels += num_layers * k
    predicted.append(channels)
    if i < len(block_sizes) - 1:
        channels //= 2
print("predicted block outputs:", predicted, "-> classifier input", channels)

with torch.device("meta"):
    densenet = models.densenet121(weights=None)
features = []
hooks = [getattr(densenet.features, f"denseblock{i}").register_forward_hook(
    lambda module, inputs, output: features.append(output.shape[1])) for i in range(1, 5)]
with torch.no_grad():
    densenet(torch.empty(1, 3, 224, 224, device="meta"))
print("torchvision block outputs:", features, "-> classifier input", densenet.classifier.in_features)
assert features == predicted == [256, 512, 1024, 1024] and densenet.classifier.in_features == channels

n_conv = sum(isinstance(m, nn.Conv2d) for m in densenet.modules())
print(f"Conv2d layers: {n_conv}, plus 1 Linear layer = {n_conv + 1} weight layers")
assert n_conv + 1 == 121  # zh: 名字里的 121 # en: the 121 in the name
