import math

import torch
from torchvision.transforms import v2
from torchvision.transforms.v2 import functional as TF

white = torch.ones(1, 224, 224)  # zh: 全白的 224×224 图 # en: an all-white 224×224 image


def black_fraction(img: torch.Tensor) -> float:
    return (img == 0).float().mean().item()


# zh: 推导：正方形旋转 θ 后，四个角各露出一个直角三角形，总面积占 t(1 - t)/(1 + t)，t = tan(θ/2)
# en: derivation: rotating a square by θ uncovers a right triangle in each corner,
# en: t(1 - t)/(1 + t) of the area in all, with t = tan(θ/2)
for degrees in [5, 10, 15]:
    t = math.tan(math.radians(degrees) / 2)
    formula = t * (1 - t) / (1 + t)
    measured = black_fraction(TF.rotate(white, degrees))
    print(f"{degrees:2d} degrees: formula {formula:.3f}, measured {measured:.3f}")
    assert abs(measured - formula) < 0.005

# zh: RandomRotation(15) 在 [-15, 15] 上均匀取角度：平均损失多少像素？
# en: RandomRotation(15) draws the angle uniformly from [-15, 15]: how many pixels are lost on average?
torch.manual_seed(0)
rotate = v2.RandomRotation(15)
average = sum(black_fraction(rotate(white)) for _ in range(200)) / 200
print(f"RandomRotation(15), average over 200 draws: {average:.3f}")
assert 0.04 < average < 0.06
