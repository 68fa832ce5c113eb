#| claims: [N41]
import inspect

import torch
import torch.nn.functional as F

print(inspect.signature(F.interpolate))

torch.manual_seed(0)
# zh: 假设有一个低分辨率的特征图
# en: a low-resolution feature map
low_res_feature_map = torch.randn(1, 64, 32, 32)  # (N, C, H, W)

# zh: 使用双线性插值将其放大 2 倍
# en: upsample it 2× with bilinear interpolation
high_res_feature_map = F.interpolate(
    low_res_feature_map,
    scale_factor=2,
    mode="bilinear",
    align_corners=False,  # zh: 默认值 None 的行为与 False 相同 # en: the default None behaves like False
)

print(high_res_feature_map.shape)
assert high_res_feature_map.shape == (1, 64, 64, 64)
# zh: 也可以直接给出目标尺寸 size=(H, W)
# en: or give the target size=(H, W) directly
print(F.interpolate(low_res_feature_map, size=(48, 40), mode="bilinear").shape)
