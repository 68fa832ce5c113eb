#| figures:
#|   - alt: {zh: "Grace Hopper 照片中眼镜部位的 112×112 局部，缩小到 28×28 后用 nearest、bilinear、bicubic 放大 4 倍：nearest 呈马赛克块，bilinear 平滑但偏模糊，bicubic 边缘略更锐利", en: "A 112×112 patch around the glasses in the Grace Hopper photo, shrunk to 28×28 and enlarged 4× with nearest, bilinear and bicubic: nearest is blocky, bilinear is smooth but soft, bicubic keeps edges slightly sharper"}
#|     caption: {zh: "同一张 28×28 小图的三种插值放大（×4）", en: "One 28×28 image upsampled 4× with three interpolation modes"}
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from matplotlib import cbook
from PIL import Image

# zh: matplotlib 自带的照片；取眼镜附近 112×112 的局部，转成 (1, 3, H, W)、取值 [0, 1]
# en: a photo bundled with matplotlib; a 112×112 patch around the glasses as (1, 3, H, W) in [0, 1]
with cbook.get_sample_data("grace_hopper.jpg") as f:
    photo = np.asarray(Image.open(f).convert("RGB"))
patch = torch.from_numpy(photo[158:270, 198:310].copy()).permute(2, 0, 1)[None].float() / 255

small = F.interpolate(patch, size=(28, 28), mode="area")  # zh: 缩小：每 4×4 块取平均 # en: shrink: average each 4×4 block
results = {"original 112×112": patch, "input 28×28": small}
for mode in ["nearest", "bilinear", "bicubic"]:
    up = F.interpolate(small, scale_factor=4, mode=mode)
    err = (up - patch).abs().mean().item()
    print(f"{mode:8s} -> {tuple(up.shape)}  range [{up.min():.3f}, {up.max():.3f}]  mean abs error {err:.4f}")
    results[mode] = up
# zh: bicubic 的三次多项式会“过冲”出输入的取值范围，显示前要截断到 [0, 1]
# en: bicubic's cubic polynomials overshoot the input range; clamp to [0, 1] before showing
assert results["bicubic"].min() < small.min() or results["bicubic"].max() > small.max()

fig, axes = plt.subplots(1, 5, figsize=(10, 2.4))
for ax, (title, img) in zip(axes, results.items()):
    ax.imshow(img[0].clamp(0, 1).permute(1, 2, 0).numpy(), interpolation="none")  # zh: 按原像素显示 # en: show the pixels as they are
    ax.set_title(title, fontsize=10)
    ax.set_axis_off()
plt.tight_layout()
plt.show()
