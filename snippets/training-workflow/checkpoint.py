import tempfile
from pathlib import Path

import torch
import torch.nn as nn


class MyModel(nn.Module):
    def __init__(self, in_features=4, hidden=8, classes=3):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(in_features, hidden, bias=False),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Linear(hidden, classes),
        )

    def forward(self, x):
        return self.net(x)


torch.manual_seed(0)
model = MyModel()
model(torch.randn(16, 4))  # zh: 一次训练模式的前向传播，让 BN 的运行统计量不再是初始值 # en: one training-mode forward pass, so BN's running statistics move away from their initial values

# zh: state_dict：参数（weight、bias）和缓冲区（BN 的 running_mean 等），不含模型代码
# en: the state_dict: parameters (weight, bias) and buffers (BN's running_mean, ...), no model code
for name, tensor in model.state_dict().items():
    print(f"{name:28s} {tuple(tensor.shape)}")

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "my_model_weights.pth"
    # zh: 1. 保存：推荐只保存 state_dict
    # en: 1. save: the recommended way is to save only the state_dict
    torch.save(model.state_dict(), path)

    # zh: 2. 加载：先创建同样结构的模型实例，再加载状态字典
    # en: 2. load: first build an instance of the same model, then load the state dict into it
    restored = MyModel()
    state = torch.load(path, map_location="cpu", weights_only=True)
    print(restored.load_state_dict(state))

# zh: 3. 用于推理前，切换到评估模式
# en: 3. before inference, switch to evaluation mode
restored.eval()

same = all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), restored.state_dict().values()))
print("every parameter and buffer restored:", same)
assert same
