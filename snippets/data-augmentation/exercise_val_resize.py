import torch
from PIL import Image
from sklearn.datasets import load_sample_image
from torchvision.transforms import v2

photo = v2.ToImage()(Image.fromarray(load_sample_image("china.jpg")))  # zh: (3, 427, 640) # en: (3, 427, 640)
print("photo:             ", tuple(photo.shape))

# zh: Resize(256)：一个整数 = 把短边缩放到 256，长边按比例缩放
# en: Resize(256): one integer = scale the shorter side to 256 and the longer side in proportion
resized = v2.Resize(256)(photo)
print("Resize(256):       ", tuple(resized.shape))
assert tuple(resized.shape) == (3, 256, 383)  # zh: 640 * 256 / 427 = 383.7，取整 # en: 640 * 256 / 427 = 383.7, truncated

# zh: Resize((256, 256))：一个二元组 = 直接拉伸到这个尺寸，长宽比被改变
# en: Resize((256, 256)): a pair = stretch to exactly that size, changing the aspect ratio
squashed = v2.Resize((256, 256))(photo)
print("Resize((256, 256)):", tuple(squashed.shape), f"horizontal squeeze {640 / 256 / (427 / 256):.2f}x")

cropped = v2.CenterCrop(224)(resized)
kept = 224 * 224 / (256 * 383)
print("CenterCrop(224):   ", tuple(cropped.shape), f"keeps {kept:.0%} of the resized image")
assert tuple(cropped.shape) == (3, 224, 224)
# zh: 对正方形的图，中心裁剪保留 (224/256)² 的面积
# en: on a square image the centre crop keeps (224/256)² of the area
print(f"on a square image the crop keeps {(224 / 256) ** 2:.0%}")
