import torch
from torchvision import models

torch.manual_seed(0)
# zh: zero_init_residual=True：每个残差块最后一个 BN 的 γ 初始化为 0
# en: zero_init_residual=True: the gamma of the last BN in every residual block starts at 0
net = models.resnet18(weights=None, zero_init_residual=True).eval()

x = torch.randn(2, 3, 224, 224)
with torch.no_grad():
    h = net.maxpool(net.relu(net.bn1(net.conv1(x))))  # zh: stem 的输出，非负 # en: the stem's output, non-negative
    out1 = net.layer1(h)
    out2 = net.layer2(out1)
    shortcut = net.layer2[0].downsample(out1)
print("layer1: output == input:", torch.equal(out1, h))
print("layer2: output shape", list(out2.shape), "from input", list(out1.shape))
print("layer2: output == ReLU(projection shortcut):", torch.equal(out2, torch.relu(shortcut)))
assert torch.equal(out1, h) and torch.equal(out2, torch.relu(shortcut))
