import torch
import torch.nn.functional as F

x = torch.arange(6.0).reshape(1, 1, 1, 6)  # zh: 6 个像素，值就是下标 # en: 6 pixels whose values are their indices

# zh: 缩小到 4 个像素：输出像素 i 的中心落在输入坐标 (i + 0.5) * 6/4 - 0.5 处
# en: shrink to 4 pixels: output pixel i has its centre at input coordinate (i + 0.5) * 6/4 - 0.5
centres = (torch.arange(4) + 0.5) * 6 / 4 - 0.5
print("output centres on the input:", centres.tolist())
print("truly nearest input pixels :", centres.round().int().tolist())
for mode in ["nearest", "nearest-exact"]:
    print(f"{mode:13s} picks          :", F.interpolate(x, size=(1, 4), mode=mode).int().flatten().tolist())
assert F.interpolate(x, size=(1, 4), mode="nearest-exact").flatten().tolist() == [0, 2, 3, 5]

# zh: 整数倍放大时两者一致
# en: for an integer upscaling factor the two agree
same = torch.equal(F.interpolate(x, scale_factor=2, mode="nearest"), F.interpolate(x, scale_factor=2, mode="nearest-exact"))
print("x2 upscaling, both modes equal:", same)
assert same
