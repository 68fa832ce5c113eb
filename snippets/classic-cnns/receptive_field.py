#| figures:
#|   - alt: {zh: "三幅 9×9 网格热图：经过 1、2、3 层 3×3 卷积后，中心输出像素的梯度分别覆盖输入的 3×3、5×5、7×7 区域；格子里的数字是路径条数，中心最大（1、9、49）", en: "Three 9×9 heat maps: through 1, 2 and 3 stacked 3×3 convolutions the gradient of the centre output pixel covers a 3×3, 5×5 and 7×7 input patch; the numbers in the cells count the paths and peak at the centre (1, 9, 49)"}
#|     caption: {zh: "堆叠 3×3 卷积的感受野：两层等于 5×5，三层等于 7×7", en: "Receptive field of stacked 3×3 convolutions: two layers see 5×5, three see 7×7"}
#| claims: [N51]
import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)


def gradient_footprint(n_layers, size=9):
    """d(centre output pixel) / d(input) through n stacked 3×3 convolutions."""
    convs = [nn.Conv2d(1, 1, kernel_size=3, padding=1, bias=False) for _ in range(n_layers)]
    for conv in convs:
        nn.init.ones_(conv.weight)  # zh: 权重全为 1：梯度 = 输入像素到输出像素的路径条数 # en: all-ones weights: gradient = number of paths
    net = nn.Sequential(*convs)
    x = torch.zeros(1, 1, size, size, requires_grad=True)
    y = net(x)
    y[0, 0, size // 2, size // 2].backward()  # zh: 只对中心的一个输出像素求导 # en: differentiate one centre output pixel
    return x.grad[0, 0]


fig, axes = plt.subplots(1, 3, figsize=(10.5, 3.8))
for n_layers, ax in zip([1, 2, 3], axes):
    grad = gradient_footprint(n_layers)
    touched = grad != 0
    height = int(touched.any(dim=1).sum())  # zh: 梯度非零的行数 # en: rows with a non-zero gradient
    width = int(touched.any(dim=0).sum())   # zh: 梯度非零的列数 # en: columns with a non-zero gradient
    print(f"{n_layers} x Conv2d(3x3): receptive field {height}x{width}, centre weight {grad.max():.0f}")
    assert height == width == 2 * n_layers + 1

    ax.imshow(grad.masked_fill(~touched, float("nan")), cmap="Blues", vmin=0)  # zh: 梯度为 0 的格子留白 # en: zero-gradient cells stay white
    for i, j in touched.nonzero().tolist():
        value = int(grad[i, j])
        ax.text(j, i, value, ha="center", va="center", fontsize=7,
                color="white" if value > 0.6 * grad.max() else "black")
    ax.set_xticks([t - 0.5 for t in range(1, 9)], minor=True)
    ax.set_yticks([t - 0.5 for t in range(1, 9)], minor=True)
    ax.grid(which="minor", color="0.85", linewidth=0.5)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    ax.set_title(f"{n_layers} × Conv2d(3×3) → {height}×{width}")
plt.tight_layout()
plt.show()
