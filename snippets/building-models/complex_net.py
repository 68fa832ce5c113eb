import torch
import torch.nn as nn


# zh: 输入：3×32×32 的图像
# en: input: 3×32×32 images
class MyComplexNet(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: 用 Sequential 把特征提取部分打包成一个子模块
        # en: pack the feature extractor into one Sequential submodule
        self.feature_extractor = nn.Sequential(
            nn.Conv2d(3, 64, 3, padding=1),  # zh: padding=1：32×32 保持 32×32 # en: padding=1 keeps 32×32 at 32×32
            nn.ReLU(),
            nn.MaxPool2d(2),  # zh: 32×32 -> 16×16 # en: 32×32 -> 16×16
        )
        self.classifier = nn.Linear(64 * 16 * 16, 10)

    def forward(self, x):
        features = self.feature_extractor(x)
        features = torch.flatten(features, 1)
        output = self.classifier(features)
        return output


torch.manual_seed(0)
model = MyComplexNet()
x = torch.randn(2, 3, 32, 32)
with torch.no_grad():
    features = model.feature_extractor(x)
    out = model(x)
print("features:", tuple(features.shape), "->", features[0].numel(), "values per image")
print("output:  ", tuple(out.shape))
assert features[0].numel() == model.classifier.in_features == 64 * 16 * 16

# zh: 没有 padding 时：32 -> 30（卷积）-> 15（池化），展平后只有 64*15*15 个值
# en: without padding: 32 -> 30 (conv) -> 15 (pool), so only 64*15*15 values after flattening
no_pad = nn.Sequential(nn.Conv2d(3, 64, 3), nn.ReLU(), nn.MaxPool2d(2))
with torch.no_grad():
    n = torch.flatten(no_pad(x), 1).shape[1]
print("without padding:", n, "values, but the classifier expects", model.classifier.in_features)
assert n == 64 * 15 * 15 == 14_400
