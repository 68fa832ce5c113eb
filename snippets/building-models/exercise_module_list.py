import torch
import torch.nn as nn


class PlainList(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(8, 8) for _ in range(3)]  # zh: 普通 Python 列表 # en: a plain Python list

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return x


class WithModuleList(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(8, 8) for _ in range(3))  # zh: 会被注册 # en: registered

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return x


torch.manual_seed(0)
for model in (PlainList(), WithModuleList()):
    n = sum(p.numel() for p in model.parameters())
    print(f"{type(model).__name__:15s} parameters(): {n:3d}   state_dict keys: {list(model.state_dict())[:2]}")

# zh: 两个模型都能前向计算，但普通列表里的层对优化器、state_dict 和 .to(device) 都是不可见的
# en: both models run forward, but the layers in the plain list are invisible to the optimizer, state_dict and .to(device)
assert sum(p.numel() for p in PlainList().parameters()) == 0
assert sum(p.numel() for p in WithModuleList().parameters()) == 3 * (8 * 8 + 8) == 216

# zh: 优化器拿到空的参数列表会直接报错
# en: an optimizer given an empty parameter list refuses outright
try:
    torch.optim.SGD(PlainList().parameters(), lr=0.1)
except ValueError as err:
    print("ValueError:", err)
else:
    raise AssertionError("expected a ValueError")
