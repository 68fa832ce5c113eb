#| figures:
#|   - alt: {zh: "两幅图。左图：12 个单元的柱状图，对比 eval() 模式的输出（等于输入）和一次 train() 模式的输出（约一半单元为 0，其余是原值的 2 倍）。右图：每个单元在 train() 模式下 5000 次前向传播的平均输出与 eval() 输出的散点图，所有点都落在对角线 y = x 上。", en: "Two panels. Left: bars for 12 units comparing the eval()-mode output (equal to the input) with one train()-mode output (about half the units zero, the others twice the input). Right: for each unit, the mean train()-mode output over 5000 forward passes plotted against the eval() output; every point lies on the diagonal y = x."}
#|     caption: {zh: "训练模式下 Dropout 是随机的，但 1/(1-p) 的缩放让期望等于推理模式的输出", en: "Dropout is random in training mode, but the 1/(1-p) scaling makes its expectation equal the eval-mode output"}
import torch
import torch.nn as nn
import matplotlib.pyplot as plt

torch.manual_seed(2)
x = torch.rand(12) * 3  # zh: 12 个单元的激活值 # en: activations of 12 units
dropout = nn.Dropout(p=0.5)

dropout.eval()
y_eval = dropout(x)  # zh: 恒等映射 # en: the identity

dropout.train()
y_once = dropout(x)
y_mean = torch.stack([dropout(x) for _ in range(5000)]).mean(dim=0)  # zh: 5000 次前向传播的平均 # en: mean over 5000 forward passes

err = (y_mean - y_eval).abs().max()
print("eval output == input:", torch.equal(y_eval, x))
print(f"max |mean of train outputs - eval output| = {err:.3f}")
assert torch.equal(y_eval, x) and err < 0.15

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.8))
units = torch.arange(12)
ax1.bar(units - 0.2, y_eval, width=0.4, label="eval(): output = input")
ax1.bar(units + 0.2, y_once, width=0.4, label="train(): one forward pass")
ax1.set_xlabel("unit")
ax1.set_ylabel("output")
ax1.legend(fontsize=8)
ax2.plot([0, 3], [0, 3], color="0.6", lw=1, label="y = x")
ax2.scatter(y_eval, y_mean, color="C1", zorder=3, label="mean of 5000 train() passes")
ax2.set_xlabel("eval() output")
ax2.set_ylabel("train() output, averaged")
ax2.legend(fontsize=8)
plt.tight_layout()
plt.show()
