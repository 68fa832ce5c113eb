#| claims: [N60, N61]
import torch
import torch.nn as nn


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(
            # zh: bias=False：紧跟着的 BatchNorm 会减去均值，偏置被抵消；BN 自己的 β 承担平移的作用
            # en: bias=False: the BatchNorm right after subtracts the mean, which cancels a bias; BN's own β does the shifting
            nn.Linear(28 * 28, 128, bias=False),
            nn.BatchNorm1d(128),
            nn.ReLU(),

            nn.Linear(128, 128, bias=False),
            nn.BatchNorm1d(128),
            nn.ReLU(),

            nn.Linear(128, 128, bias=False),
            nn.BatchNorm1d(128),
            nn.ReLU(),

            nn.Linear(128, 64, bias=False),
            nn.BatchNorm1d(64),
            nn.ReLU(),

            nn.Linear(64, 10),  # zh: 输出层后面没有 BN，保留偏置 # en: no BN after the output layer, so it keeps its bias
        )

    def forward(self, x):
        return self.model(x)


torch.manual_seed(0)
model = NeuralNetwork()
n_params = sum(p.numel() for p in model.parameters())
print(f"parameters: {n_params:,}")
assert n_params == 142_858

model.train()
print("batch of 4, train():", tuple(model(torch.randn(4, 28 * 28)).shape))

one_sample = torch.randn(1, 28 * 28)
try:
    model(one_sample)  # zh: 训练模式下，一个样本算不出方差 # en: in training mode, one sample has no variance
except ValueError as err:
    print("batch of 1, train(): ValueError:", err)
else:
    raise AssertionError("expected a ValueError")

model.eval()  # zh: 推理模式用运行统计量，一个样本也可以 # en: evaluation mode uses the running statistics, so one sample is fine
with torch.no_grad():
    print("batch of 1, eval(): ", tuple(model(one_sample).shape))
