import torch
import torch.nn as nn

torch.manual_seed(0)
width, depth = 256, 30
x0 = torch.randn(256, width)  # zh: 均值 0、方差 1 的输入 # en: inputs with mean 0 and variance 1

inits = {
    "LeCun: kaiming_normal_(nonlinearity='linear')": lambda w: nn.init.kaiming_normal_(w, nonlinearity="linear"),
    "He: kaiming_normal_(nonlinearity='relu')": lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu"),
    "PyTorch default": lambda w: None,
}
final = {}
with torch.no_grad():
    for name, init in inits.items():
        x = x0
        for _ in range(depth):
            layer = nn.Linear(width, width, bias=False)
            init(layer.weight)
            x = torch.selu(layer(x))
        final[name] = (x.mean().item(), x.std().item())
        print(f"{name:46s} std after {depth} SELU layers: {final[name][1]:.3g}")

lecun_mean, lecun_std = final["LeCun: kaiming_normal_(nonlinearity='linear')"]
assert abs(lecun_mean) < 0.05 and abs(lecun_std - 1) < 0.05  # zh: 自归一化：保持在 (0, 1) 附近 # en: self-normalizing: stays near (0, 1)
assert final["He: kaiming_normal_(nonlinearity='relu')"][1] > 5  # zh: 方差翻倍：逐层变大 # en: doubled variance: keeps growing
assert final["PyTorch default"][1] < 0.01  # zh: 方差只有 1/3：逐层衰减 # en: a third of the variance: keeps fading
