#| figures:
#|   - alt: {zh: "三幅热力图，每幅 8 行 16 列：左图是一层的激活值；中图是 p=0.5 的随机掩码，黑色格子表示被丢弃的单元、白色表示保留；右图是 Dropout 的输出，被丢弃的位置为 0，保留的位置是原值的 2 倍。", en: "Three heat maps of 8 rows by 16 columns: left, the activations of a layer; middle, a random mask with p=0.5 where black cells are dropped units and white cells kept ones; right, the dropout output, zero where a unit was dropped and twice the original value where it was kept."}
#|     caption: {zh: "反向 Dropout：乘以随机掩码，再除以 1-p", en: "Inverted dropout: multiply by a random mask, then divide by 1 - p"}
import torch
import matplotlib.pyplot as plt

torch.manual_seed(0)
p = 0.5
x = torch.rand(8, 16)  # zh: 某一层的激活值（8 个样本 × 16 个单元） # en: activations of a layer (8 samples × 16 units)

# zh: 从零实现反向 Dropout：每个单元以 1-p 的概率保留，保留的值除以 1-p
# en: inverted dropout from scratch: keep each unit with probability 1 - p, divide the kept values by 1 - p
mask = torch.bernoulli(torch.full_like(x, 1 - p))
y = x * mask / (1 - p)
print(f"kept: {int(mask.sum())} of {mask.numel()} units")

fig, axes = plt.subplots(1, 3, figsize=(12, 2.8))
panels = [(x, "activations $x$", "viridis", 0, 2), (mask, f"mask ($p={p}$): black = dropped", "gray", 0, 1),
          (y, r"output $x \cdot mask / (1-p)$", "viridis", 0, 2)]
for ax, (values, title, cmap, vmin, vmax) in zip(axes, panels):
    image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax)
    ax.set_title(title, fontsize=10)
    ax.set_xticks([])
    ax.set_yticks([])
    fig.colorbar(image, ax=ax, fraction=0.025)
plt.tight_layout()
plt.show()
