import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
torch.manual_seed(0)


class MyModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))

    def forward(self, x):
        return self.net(x)


# zh: 一个小的合成数据集：4 个特征，3 个类别
# en: a small synthetic dataset: 4 features, 3 classes
features = torch.randn(96, 4)
labels = (features[:, 0] > 0).long() + (features[:, 1] > 0).long()
dataset = TensorDataset(features, labels)
dataloader = DataLoader(dataset, batch_size=16, shuffle=True, generator=torch.Generator().manual_seed(0))

# zh: 1. 把模型发送到设备（移动它的全部参数和缓冲区）
# en: 1. send the model to the device (moves all its parameters and buffers)
model = MyModel().to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
print("parameters on:", next(model.parameters()).device)

for epoch in range(3):
    model.train()
    total = 0.0
    # zh: 2. 每一批数据也发送到同一个设备
    # en: 2. send every batch to the same device
    for inputs, targets in dataloader:
        inputs, targets = inputs.to(device), targets.to(device)
        loss = loss_fn(model(inputs), targets)  # zh: 前向传播 # en: forward pass
        optimizer.zero_grad()
        loss.backward()  # zh: 反向传播 # en: backward pass
        optimizer.step()  # zh: 更新参数 # en: update the parameters
        total += loss.item() * len(inputs)
    print(f"epoch {epoch}: mean loss {total / len(dataset):.3f}")
