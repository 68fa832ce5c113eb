#| figures:
#|   - alt: {zh: "五幅 8×8 手写数字图：原始的 6；旋转 180° 后像 9；垂直翻转后是镜像的 9；水平翻转后是镜像的 6；数据集里一个真正的 9", en: "Five 8×8 handwritten digits: the original 6; rotated by 180° it looks like a 9; flipped vertically it is a mirrored 9; flipped horizontally a mirrored 6; and a real 9 from the dataset"}
#|     caption: {zh: "会改变标签的增强：数字 6 的旋转与翻转", en: "Augmentations that change the label: rotating and flipping a 6"}
import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from torchvision.transforms import v2
from torchvision.transforms.v2 import functional as TF

digits = load_digits()  # zh: 1797 张 8×8 手写数字 # en: 1797 handwritten digits, 8×8


def typical(digit: int) -> torch.Tensor:
    """The image of `digit` closest to the average of its class, shape (1, 8, 8)."""
    images = torch.tensor(digits.images[digits.target == digit])
    return images[((images - images.mean(0)) ** 2).sum(dim=(1, 2)).argmin()][None]


six, nine = typical(6), typical(9)

panels = {
    "6": six,
    "rotate 180°": TF.rotate(six, 180),
    "vertical flip": v2.RandomVerticalFlip(p=1.0)(six),
    "horizontal flip": v2.RandomHorizontalFlip(p=1.0)(six),
    "a real 9": nine,
}
# zh: 180° 旋转 = 上下翻转 + 左右翻转；所以垂直翻转得到的是“镜像的 9”
# en: a 180° rotation = an up-down flip + a left-right flip, so a vertical flip gives a mirrored 9
assert torch.equal(panels["rotate 180°"], TF.horizontal_flip(panels["vertical flip"]))

fig, axes = plt.subplots(1, len(panels), figsize=(7.5, 1.9))
for ax, (title, img) in zip(axes, panels.items()):
    ax.imshow(img[0].numpy(), cmap="gray_r", interpolation="none")
    ax.set_title(title, fontsize=9)
    ax.set_axis_off()
plt.tight_layout()
plt.show()
