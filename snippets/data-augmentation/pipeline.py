import torch
from PIL import Image
from sklearn.datasets import load_sample_image
from torchvision.transforms import v2

# zh: scikit-learn 自带的一张照片（427×640，RGB）
# en: a photo bundled with scikit-learn (427×640, RGB)
photo = Image.fromarray(load_sample_image("china.jpg"))

# zh: 定义一个数据增强的组合操作
# en: the augmentation pipeline
data_transform = v2.Compose([
    v2.RandomResizedCrop(224),  # zh: 随机裁剪并缩放到 224x224 # en: random crop, resized to 224x224
    v2.RandomHorizontalFlip(),  # zh: 50% 的概率水平翻转 # en: horizontal flip with probability 0.5
    v2.RandomRotation(15),  # zh: 在 (-15, 15) 度之间随机旋转 # en: random rotation in (-15, 15) degrees
    v2.ColorJitter(brightness=0.2, contrast=0.2),  # zh: 随机调整亮度和对比度 # en: random brightness and contrast
    v2.ToImage(),  # zh: PIL 图像 -> uint8 张量 (C, H, W) # en: PIL image -> uint8 tensor (C, H, W)
    v2.ToDtype(torch.float32, scale=True),  # zh: -> float32，[0, 255] 缩放到 [0, 1] # en: -> float32, [0, 255] scaled to [0, 1]
    v2.Normalize(mean=[0.485, 0.456, 0.406],  # zh: 标准化 # en: standardize
                 std=[0.229, 0.224, 0.225]),
])
print(data_transform)

torch.manual_seed(0)  # zh: v2 的随机变换使用 torch 的随机数生成器 # en: v2 random transforms draw from torch's RNG
out = data_transform(photo)
print(type(out).__name__, out.shape, out.dtype)
assert out.shape == (3, 224, 224)

# zh: 每次调用都会重新抽取随机参数：同一张照片，两次得到不同的样本
# en: every call draws new random parameters: the same photo gives a different sample each time
print("two calls give the same tensor:", torch.equal(out, data_transform(photo)))
