import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(8, 32), nn.BatchNorm1d(32), nn.ReLU(),
    nn.Dropout(p=0.5),
    nn.Linear(32, 3),
)
model(torch.randn(64, 8))  # zh: 一次训练模式的前向传播，更新 BN 的运行统计量 # en: one training-mode forward pass updates BN's running statistics

# zh: MC Dropout：整个模型切到 eval()，再只把 Dropout 层切回 train()
# en: MC dropout: put the whole model in eval(), then switch only the dropout layers back to train()
model.eval()
for module in model.modules():
    if isinstance(module, nn.Dropout):
        module.train()
running_mean = model[1].running_mean.clone()

x = torch.randn(5, 8)  # zh: 5 个要预测的样本 # en: 5 samples to predict
with torch.no_grad():
    probs = torch.stack([model(x).softmax(dim=1) for _ in range(200)])  # zh: 200 次随机前向传播 # en: 200 random forward passes
mean, std = probs.mean(dim=0), probs.std(dim=0)
print("mean probabilities of sample 0:", mean[0])
print("their std over the 200 passes: ", std[0])

print("BN still in eval mode:", not model[1].training,
      "| running mean unchanged:", torch.equal(model[1].running_mean, running_mean))
assert not model[1].training and torch.equal(model[1].running_mean, running_mean)
assert (std > 0).all() and torch.allclose(mean.sum(dim=1), torch.ones(5))
