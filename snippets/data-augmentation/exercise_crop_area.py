import torch
from torchvision.transforms import v2

# zh: 一张 427×427 的正方形图（只用到它的尺寸）
# en: a 427×427 square image (only its size matters)
image = torch.zeros(3, 427, 427)
scale, ratio = (0.08, 1.0), (3 / 4, 4 / 3)

torch.manual_seed(0)
areas, aspects = [], []
for _ in range(5000):
    # zh: get_params 返回一次随机裁剪框 (top, left, height, width)
    # en: get_params returns one random crop box (top, left, height, width)
    top, left, h, w = v2.RandomResizedCrop.get_params(image, list(scale), list(ratio))
    areas.append(h * w / (427 * 427))
    aspects.append(w / h)
areas, aspects = torch.tensor(areas), torch.tensor(aspects)

print(f"area fraction: mean {areas.mean():.2f}, median {areas.median():.2f}, "
      f"min {areas.min():.3f}, share below 25%: {(areas < 0.25).float().mean():.0%}")
print(f"aspect ratio w/h: min {aspects.min():.2f}, max {aspects.max():.2f}, median {aspects.median():.2f}")
# zh: 面积比例在 [0.08, 1] 上均匀抽取时均值是 0.54；实测更小，因为又大又不方的框放不进图里，会被重抽
# en: drawn uniformly from [0.08, 1] the area fraction would average 0.54; it comes out smaller,
# en: because large boxes that are not square do not fit in the image and are drawn again
uniform_mean = (scale[0] + scale[1]) / 2
print(f"uniform area would average {uniform_mean:.2f}")
assert 0.45 < areas.mean() < 0.51 < uniform_mean and areas.min() >= 0.079
assert 0.74 < aspects.min() and aspects.max() < 1.35
