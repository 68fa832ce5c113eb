#| figures:
#|   - alt: {zh: "颐和园佛香阁照片的六个版本：原图、RandomResizedCrop 裁出的局部、水平翻转后树木换到左边、小角度旋转后四角露出黑边、ColorJitter 后亮度和对比度略有变化、以及经过整条流水线（反标准化后显示）的结果", en: "Six versions of a photo of a pagoda: the original, a RandomResizedCrop close-up, a horizontal flip that moves the trees to the left, a small rotation that leaves black corners, a ColorJitter with slightly changed brightness and contrast, and the output of the whole pipeline (shown after undoing the normalization)"}
#|     caption: {zh: "流水线中的每个随机变换，单独作用于同一张照片", en: "Each random transform of the pipeline, applied alone to the same photo"}
import matplotlib.pyplot as plt
import torch
from PIL import Image
from sklearn.datasets import load_sample_image
from torchvision.transforms import v2

# zh: 取照片中间 427×427 的正方形
# en: the central 427×427 square of the photo
photo = Image.fromarray(load_sample_image("china.jpg")).crop((60, 0, 487, 427))
mean, std = torch.tensor([0.485, 0.456, 0.406]), torch.tensor([0.229, 0.224, 0.225])
pipeline = v2.Compose([
    v2.RandomResizedCrop(224),
    v2.RandomHorizontalFlip(),
    v2.RandomRotation(15),
    v2.ColorJitter(brightness=0.2, contrast=0.2),
    v2.ToImage(),
    v2.ToDtype(torch.float32, scale=True),
    v2.Normalize(mean=mean.tolist(), std=std.tolist()),
])
steps = {
    "original\n": v2.Identity(),
    "RandomResized\nCrop(224)": v2.RandomResizedCrop(224),
    "RandomHorizontal\nFlip(p=1)": v2.RandomHorizontalFlip(p=1.0),  # zh: p=1：一定翻转 # en: p=1: always flip
    "Random\nRotation(15)": v2.RandomRotation(15),
    "ColorJitter\n(0.2, 0.2)": v2.ColorJitter(brightness=0.2, contrast=0.2),
    "whole\npipeline": pipeline,
}

torch.manual_seed(0)
fig, axes = plt.subplots(1, len(steps), figsize=(5.6, 1.4))
for ax, (name, transform) in zip(axes, steps.items()):
    img = transform(photo)
    if isinstance(img, torch.Tensor):  # zh: 反标准化，才能显示 # en: undo Normalize for display
        img = (img * std[:, None, None] + mean[:, None, None]).clamp(0, 1).permute(1, 2, 0).numpy()
    ax.imshow(img)
    ax.set_title(name, fontsize=6.5)
    ax.set_axis_off()
plt.tight_layout()
plt.show()
