#| figures:
#|   - alt: {zh: "左上是缩小后的 china.jpg（湖边树丛中的一座中式楼阁），其余 8 个小图是随机初始化的 Conv2d(3, 8, 5) 输出的 8 个通道，红蓝两色表示正负响应：有几张图中天空与楼阁、树木的响应符号相反，像是亮度或颜色的对比；另几张主要突出边缘和纹理；有些图的边界上有一圈细框", en: "Top left, china.jpg scaled down (a Chinese pavilion tower among trees by a lake); the other 8 panels are the 8 output channels of a randomly initialized Conv2d(3, 8, 5), with red and blue marking positive and negative responses: in several the sky has the opposite sign from the tower and the trees, like a brightness or colour contrast; others mainly bring out edges and texture; some have a thin frame along the border"}
#|     caption: {zh: "随机初始化的卷积层输出的 8 张特征图", en: "The 8 feature maps of a randomly initialized convolution layer"}
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib import colormaps
from sklearn.datasets import load_sample_image
from torch import nn

torch.manual_seed(0)
# zh: scikit-learn 自带的照片 (427, 640, 3)，转成 (1, 3, H, W)、缩小到 1/5，再标准化
# en: a photo bundled with scikit-learn (427, 640, 3), as (1, 3, H, W), at 1/5 size, standardized
img = F.avg_pool2d(torch.tensor(load_sample_image("china.jpg")).permute(2, 0, 1)[None].float() / 255, 5)
x = (img - img.mean()) / img.std()

conv = nn.Conv2d(3, 8, kernel_size=5, padding=2)  # zh: 8 个 5×5×3 的随机卷积核 # en: 8 random 5×5×3 kernels
with torch.no_grad():
    maps = conv(x)
n_params = sum(p.numel() for p in conv.parameters())
print("input", tuple(x.shape), "-> feature maps", tuple(maps.shape), f"| {n_params} parameters")
assert maps.shape == (1, 8, 85, 128) and n_params == 8 * (5 * 5 * 3 + 1) == 608

fig, axes = plt.subplots(3, 3, figsize=(9, 6.2))
axes[0, 0].imshow(img[0].permute(1, 2, 0).numpy(), interpolation="none")
axes[0, 0].set_title("input", fontsize=10)
for c, ax in enumerate(axes.flat[1:]):
    m = maps[0, c]
    lim = m.abs().max().item()
    # zh: 16 级颜色：网页上的图因此小得多
    # en: 16 colour levels keep the figure small on the web page
    ax.imshow(m.numpy(), cmap=colormaps["RdBu_r"].resampled(16), vmin=-lim, vmax=lim, interpolation="none")
    ax.set_title(f"channel {c}", fontsize=10)
for ax in axes.flat:
    ax.set_axis_off()
plt.tight_layout()
plt.show()
