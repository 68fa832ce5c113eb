#| claims: [N22]
import torch
import torch.nn as nn
from torchinfo import summary


class Net(nn.Module):
    # zh: __init__ 定义层，并在这里按设计做初始化
    # en: __init__ defines the layers and initializes them as designed
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Linear(in_features=3, out_features=3)
        nn.init.xavier_uniform_(self.layer1.weight)  # zh: 后接 sigmoid -> Xavier # en: followed by sigmoid -> Xavier
        self.layer2 = nn.Linear(in_features=3, out_features=2)
        nn.init.kaiming_normal_(self.layer2.weight, nonlinearity="relu")  # zh: 后接 ReLU -> He # en: followed by ReLU -> He
        self.out = nn.Linear(in_features=2, out_features=2)  # zh: 输出层保留 nn.Linear 的默认初始化 # en: the output layer keeps nn.Linear's default init

    # zh: forward 定义前向传播；返回 logits（原始分数），不在这里做 softmax
    # en: forward defines the forward pass; it returns logits (raw scores), no softmax here
    def forward(self, x):
        x = torch.sigmoid(self.layer1(x))
        x = torch.relu(self.layer2(x))
        return self.out(x)


torch.manual_seed(0)
model = Net()
x = torch.randn(10, 3)  # zh: 10 个样本，每个 3 个特征 # en: 10 samples with 3 features each
with torch.no_grad():
    logits = model(x)
    probs = torch.softmax(logits, dim=-1)  # zh: 只有需要概率时才做 softmax # en: softmax only when probabilities are wanted
print(logits.shape)
print(probs[:3])  # zh: 每行之和为 1 # en: each row sums to 1

stats = summary(model, input_size=(8, 3), verbose=1)  # zh: batch 为 8；verbose=1：在 notebook 里也打印 # en: a batch of 8; verbose=1: printed in a notebook too
per_layer = [sum(p.numel() for p in m.parameters()) for m in (model.layer1, model.layer2, model.out)]
assert per_layer == [12, 8, 6] and stats.total_params == 26

for name, param in model.named_parameters():
    print(name)
    print(param)
