#| figures:
#|   - alt: {zh: "对数纵轴折线图：50 层宽 512 的 ReLU 网络中，每层激活值的标准差。kaiming_normal_ 一直保持在 1 附近；xavier_normal_ 每层约缩小为 1/√2，到第 50 层约 1e-8；PyTorch 默认初始化每层约缩小为 1/√6，到第 50 层约 1e-20；normal_(std=1) 每层放大约 16 倍，三十多层后超出 float32 范围", en: "Line chart with a log y-axis: the standard deviation of the activations in each layer of a 50-layer ReLU network of width 512. kaiming_normal_ stays near 1; xavier_normal_ shrinks by about 1/√2 per layer, to about 1e-8 at layer 50; PyTorch's default init shrinks by about 1/√6 per layer, to about 1e-20; normal_(std=1) grows about 16-fold per layer and overflows float32 after some thirty layers"}
#|     caption: {zh: "50 层 ReLU 网络（宽 512）中各层激活值的标准差", en: "Standard deviation of the activations in each layer of a 50-layer ReLU network (width 512)"}
import math

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

torch.manual_seed(0)
width, depth = 512, 50
x0 = torch.randn(128, width)  # zh: 128 个样本，标准差 1 # en: 128 samples, std 1

inits = {
    "default (kaiming_uniform_, a=√5)": None,  # zh: nn.Linear 自带的初始化 # en: nn.Linear's own init
    "kaiming_normal_(nonlinearity='relu')": lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu"),
    "xavier_normal_": nn.init.xavier_normal_,
    "normal_(std=1)": lambda w: nn.init.normal_(w, std=1.0),
}
stds = {}
with torch.no_grad():
    for name, init in inits.items():
        x, stds[name] = x0, []
        for _ in range(depth):
            layer = nn.Linear(width, width, bias=False)
            if init is not None:
                init(layer.weight)
            x = torch.relu(layer(x))
            stds[name].append(x.std().item())

for name, s in stds.items():
    print(f"{name:38s} layer 1: {s[0]:9.3g}   layer 10: {s[9]:9.3g}   layer 50: {s[-1]:9.3g}")
default, kaiming, xavier, normal1 = stds.values()
assert 0.3 < kaiming[-1] < 3  # zh: 保持稳定 # en: stays stable
assert xavier[-1] < 1e-6 and default[-1] < 1e-15  # zh: 逐层衰减 # en: vanishes layer by layer
assert not math.isfinite(normal1[-1])  # zh: 溢出成 inf/nan # en: overflows to inf/nan

fig, ax = plt.subplots(figsize=(7, 4))
for name, s in stds.items():
    s = [v if math.isfinite(v) else float("nan") for v in s]
    ax.semilogy(range(1, depth + 1), s, marker=".", label=name)
ax.set_xlabel("layer")
ax.set_ylabel("std of activations")
ax.set_title(f"{depth} Linear + ReLU layers, width {width}")
ax.grid(True, which="major", alpha=0.3)
ax.legend(fontsize=8, loc="lower left")
plt.show()
