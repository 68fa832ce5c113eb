#| claims: [N01]
import torch
import torch.nn as nn

torch.manual_seed(0)
# zh: 一批 16 张 28×28 的灰度图：(批大小, 通道, 高, 宽)
# en: a batch of 16 grayscale 28×28 images: (batch, channels, height, width)
images = torch.rand(16, 1, 28, 28)

# zh: 输入层不做计算，只把每张图展平成一个特征向量
# en: the input layer computes nothing; it only flattens each image into a feature vector
x = nn.Flatten()(images)
print("flattened:", tuple(x.shape))
assert x.shape[1] == 28 * 28 == 784

# zh: 第一个隐藏层的输入数必须等于特征数 784
# en: the first hidden layer must take exactly 784 inputs
hidden = nn.Linear(in_features=784, out_features=128)
print("hidden layer output:", tuple(hidden(x).shape))
