import tempfile
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from sklearn.datasets import load_sample_image
from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder
from torchvision.transforms import v2

# zh: 定义训练集的数据增强流程
# en: the training pipeline, with augmentation
train_transforms = v2.Compose([
    v2.RandomResizedCrop(224),
    v2.RandomHorizontalFlip(),
    v2.ToImage(),
    v2.ToDtype(torch.float32, scale=True),
    v2.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
])

# zh: 定义验证/测试集的数据处理流程（无随机增强）
# en: the validation/test pipeline (no random augmentation)
val_transforms = v2.Compose([
    v2.Resize(256),
    v2.CenterCrop(224),
    v2.ToImage(),
    v2.ToDtype(torch.float32, scale=True),
    v2.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
])


def make_image_folder(root: Path, per_class: int, rng) -> None:
    """root/cat/*.png and root/dog/*.png: random 256×256 crops of two bundled photos."""
    sources = {"cat": load_sample_image("china.jpg"), "dog": load_sample_image("flower.jpg")}
    for label, photo in sources.items():
        (root / label).mkdir(parents=True)
        for i in range(per_class):
            top, left = rng.integers(0, 427 - 256), rng.integers(0, 640 - 256)
            Image.fromarray(photo[top:top + 256, left:left + 256]).save(root / label / f"{i}.png")


torch.manual_seed(0)  # zh: 随机增强用 torch 的随机数 # en: the random transforms use torch's RNG
rng = np.random.default_rng(0)
with tempfile.TemporaryDirectory() as tmp:
    # zh: ImageFolder 期望的目录结构：每个类别一个子文件夹
    # en: the layout ImageFolder expects: one sub-folder per class
    make_image_folder(Path(tmp, "train"), per_class=12, rng=rng)
    make_image_folder(Path(tmp, "val"), per_class=4, rng=rng)

    # zh: 在创建 Dataset 时传入 transform
    # en: pass the transform when creating the Dataset
    train_dataset = ImageFolder(root=Path(tmp, "train"), transform=train_transforms)
    val_dataset = ImageFolder(root=Path(tmp, "val"), transform=val_transforms)
    print("classes:", train_dataset.classes, train_dataset.class_to_idx)
    print("train/val images:", len(train_dataset), len(val_dataset))

    # zh: 每取一次样本，都会重新应用一次 transform
    # en: the transform is applied afresh every time a sample is loaded
    train_loader = DataLoader(train_dataset, batch_size=8, shuffle=True,
                              generator=torch.Generator().manual_seed(0))
    val_loader = DataLoader(val_dataset, batch_size=8, shuffle=False)

    images, labels = next(iter(train_loader))
    print("train batch:", images.shape, "labels:", labels.tolist())
    assert images.shape == (8, 3, 224, 224) and train_dataset.classes == ["cat", "dog"]

    # zh: 同一张训练图取两次：两个不同的版本；验证图取两次：完全相同
    # en: the same training image loaded twice gives two versions; a validation image gives the same tensor
    print("train sample, loaded twice, equal:", torch.equal(train_dataset[0][0], train_dataset[0][0]))
    print("val sample, loaded twice, equal:  ", torch.equal(val_dataset[0][0], val_dataset[0][0]))
    print("val batches:", [tuple(x.shape) for x, _ in val_loader])
