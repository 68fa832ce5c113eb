#| figures:
#|   - alt: {zh: "五个小图：Grace Hopper 照片的灰度图，以及它经过三个手工设计的 3×3 卷积核后的特征图。Sobel x 在竖直边缘（脸和上衣的左右轮廓、旗子上星星的侧边）处有红蓝两色的强响应，Sobel y 在水平边缘（眼镜、帽檐、胸前的勋表）处响应强烈，两者合成的梯度幅值在黑底上用白线勾出所有轮廓，拉普拉斯核的响应是沿每条边缘的细双线，在平坦区域接近 0", en: "Five panels: the Grace Hopper photo in grey levels and its feature maps under three hand-designed 3×3 kernels. Sobel x responds strongly, in red and blue, at vertical edges (the sides of the face and jacket, the sides of the stars on the flag), Sobel y at horizontal edges (the glasses, the cap's brim, the ribbons on the chest), their combined gradient magnitude draws every contour as white lines on black, and the Laplacian gives a thin double line along each edge and nearly 0 in flat regions"}
#|     caption: {zh: "手工设计的卷积核：边缘检测", en: "Hand-designed kernels: edge detection"}
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from matplotlib import cbook, colormaps
from PIL import Image

# zh: matplotlib 自带的照片，转灰度、缩小到 1/4，形状 (1, 1, H, W)，取值 [0, 1]
# en: a photo bundled with matplotlib, in grey levels at 1/4 size, shape (1, 1, H, W), values in [0, 1]
with cbook.get_sample_data("grace_hopper.jpg") as f:
    gray = np.asarray(Image.open(f).convert("L"), dtype=np.float32) / 255
x = F.avg_pool2d(torch.from_numpy(gray)[None, None], 4)

sobel_x = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])  # zh: 左右之差 # en: right minus left
kernels = {
    "Sobel x": sobel_x,
    "Sobel y": sobel_x.T,  # zh: 下减上 # en: bottom minus top
    "Laplacian": torch.tensor([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]),
}
# zh: 三个核叠成一个卷积层的权重 (C_out=3, C_in=1, 3, 3)，一次算出三张特征图
# en: the three kernels stacked into one layer's weight (C_out=3, C_in=1, 3, 3): three feature maps at once
weight = torch.stack(list(kernels.values())).unsqueeze(1)
maps = F.conv2d(x, weight)  # zh: 不填充，避免边界处的假边缘 # en: no padding: no false edges at the border
print("input", tuple(x.shape), "weight", tuple(weight.shape), "-> feature maps", tuple(maps.shape))
print("kernel sums:", [k.sum().item() for k in kernels.values()])
# zh: 每个核的元素之和为 0：在亮度均匀的区域输出 0，只对变化有响应
# en: each kernel sums to 0: a region of uniform brightness gives 0, only changes give a response
assert all(k.sum() == 0 for k in kernels.values())

gx, gy, lap = maps[0]
panels = {"input": x[0, 0], "Sobel x": gx, "Sobel y": gy,
          "sqrt(gx² + gy²)": (gx**2 + gy**2).sqrt(), "Laplacian": lap}
fig, axes = plt.subplots(1, 5, figsize=(11, 2.9))
for ax, (title, img) in zip(axes, panels.items()):
    signed = title in ("Sobel x", "Sobel y", "Laplacian")
    lim = img.abs().quantile(0.99).item()  # zh: 按 99% 分位数定色标，少数极值不至于压暗全图 # en: scale colours to the 99th percentile so a few extremes do not wash out the rest
    # zh: 特征图只用 16 级颜色，网页上的图因此小得多
    # en: 16 colour levels for the feature maps keep the figure small on the web page
    cmap = colormaps["RdBu_r"].resampled(16) if signed else colormaps["gray"].resampled(16 if title != "input" else 256)
    ax.imshow(img, cmap=cmap, vmin=-lim if signed else 0, vmax=lim, interpolation="none")
    ax.set_title(title, fontsize=10)
    ax.set_axis_off()
plt.tight_layout()
plt.show()
