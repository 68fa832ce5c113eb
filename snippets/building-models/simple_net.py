import torch
import torch.nn as nn


class MySimpleNet(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: 1. 在构造函数中定义网络层（“积木”）
        # en: 1. define the layers (the "bricks") in the constructor
        self.conv_layer = nn.Conv2d(in_channels=3, out_channels=16, kernel_size=3, padding=1)
        self.relu = nn.ReLU()
        self.fc_layer = nn.Linear(in_features=16 * 32 * 32, out_features=10)

    def forward(self, x):
        # zh: 2. 在 forward 中定义数据流（连接“积木”）
        # en: 2. define the data flow in forward (connect the bricks)
        x = self.conv_layer(x)  # zh: [N, 3, 32, 32] -> [N, 16, 32, 32] # en: [N, 3, 32, 32] -> [N, 16, 32, 32]
        x = self.relu(x)
        x = torch.flatten(x, 1)  # zh: 展平：[N, 16*32*32] # en: flatten: [N, 16*32*32]
        x = self.fc_layer(x)
        return x


torch.manual_seed(0)
model = MySimpleNet()
print(model)

x = torch.randn(2, 3, 32, 32)  # zh: 2 张 32×32 的 RGB 图像 # en: two 32×32 RGB images
with torch.no_grad():  # zh: 只做前向计算，不需要梯度 # en: forward only, no gradients needed
    out = model(x)  # zh: 调用 model(x)，而不是 model.forward(x) # en: call model(x), not model.forward(x)
print(out.shape)
assert out.shape == (2, 10)
