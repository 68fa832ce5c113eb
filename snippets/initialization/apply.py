import math

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(784, 256), nn.ReLU(),
    nn.Linear(256, 128), nn.ReLU(),
    nn.Linear(128, 10),
)


def init_weights(module):
    # zh: 只处理 Linear 层：权重用 Kaiming（配合 ReLU），偏置置 0
    # en: only Linear layers: Kaiming weights (for ReLU), zero biases
    if isinstance(module, nn.Linear):
        nn.init.kaiming_normal_(module.weight, nonlinearity="relu")
        nn.init.zeros_(module.bias)


# zh: apply 会对每个子模块（以及模型本身）调用一次 init_weights
# en: apply calls init_weights on every submodule (and on the model itself)
model.apply(init_weights)
for name, p in model.named_parameters():
    if name.endswith("weight"):
        fan_in = p.shape[1]
        print(f"{name}: std = {p.std().item():.4f}, √(2/{fan_in}) = {math.sqrt(2 / fan_in):.4f}")
        assert abs(p.std().item() - math.sqrt(2 / fan_in)) < 0.1 * math.sqrt(2 / fan_in)
    else:
        assert (p == 0).all()
