import torch.nn as nn

# zh: 各激活函数的推荐增益：xavier_*_(w, gain=...) 与 kaiming_*_ 都用它缩放标准差
# en: the recommended gain of each non-linearity: xavier_*_(w, gain=...) and kaiming_*_ scale the std by it
for name, param in [("linear", None), ("sigmoid", None), ("tanh", None), ("relu", None),
                    ("leaky_relu", 0.01), ("selu", None)]:
    print(f"{name:10s} gain = {nn.init.calculate_gain(name, param):.4f}")
assert abs(nn.init.calculate_gain("tanh") - 5 / 3) < 1e-12
assert abs(nn.init.calculate_gain("relu") - 2**0.5) < 1e-12

# zh: 用于 Tanh 网络的 Xavier 初始化
# en: Xavier initialization for a Tanh network
layer = nn.Linear(256, 256)
nn.init.xavier_uniform_(layer.weight, gain=nn.init.calculate_gain("tanh"))
nn.init.zeros_(layer.bias)
