import warnings

import numpy as np
import torch
from PIL import Image
from sklearn.datasets import load_sample_image
from torchvision import transforms
from torchvision.transforms import v2

photo = Image.fromarray(load_sample_image("china.jpg"))
array = np.asarray(photo)


def describe(name, t):
    print(f"{name:22s} shape {tuple(t.shape)!s:15s} {str(t.dtype):15s} "
          f"min {t.min():7.3f}  max {t.max():7.3f}  mean {np.asarray(t, dtype=np.float64).mean():7.3f}")


describe("PIL image as NumPy", array)  # zh: (H, W, C)，uint8，0..255 # en: (H, W, C), uint8, 0..255

image = v2.ToImage()(photo)  # zh: 只换成张量并把通道移到最前，数值不变 # en: only becomes a tensor, channels first; values unchanged
describe("ToImage", image)

x = v2.ToDtype(torch.float32, scale=True)(image)  # zh: 除以 255 # en: divided by 255
describe("ToDtype(scale=True)", x)
assert x.min() >= 0 and x.max() <= 1

mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
y = v2.Normalize(mean=mean, std=std)(x)  # zh: 每个通道 (x - mean) / std # en: per channel (x - mean) / std
describe("Normalize", y)
print("channel means after Normalize:", [round(m, 3) for m in y.mean(dim=(1, 2)).tolist()])
print("channel stds after Normalize: ", [round(s, 3) for s in y.std(dim=(1, 2)).tolist()])
# zh: 可能的取值范围：(0 - mean) / std 到 (1 - mean) / std
# en: the possible range: (0 - mean) / std to (1 - mean) / std
low = [round(-m / s, 3) for m, s in zip(mean, std)]
high = [round((1 - m) / s, 3) for m, s in zip(mean, std)]
print("possible range per channel:", low, high)

# zh: v1 的 ToTensor 一步完成 ToImage + ToDtype(scale=True)，结果相同
# en: v1's ToTensor does ToImage + ToDtype(scale=True) in one step, with the same result
assert torch.allclose(transforms.ToTensor()(photo), x)

# zh: 而 v2.ToTensor 已被弃用
# en: whereas v2.ToTensor is deprecated
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    v2.ToTensor()
print(f"{caught[0].category.__name__}: {caught[0].message}")
