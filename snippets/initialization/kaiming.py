#| claims: [N19]
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
# zh: 正态分布版本
# en: normal version
linear6 = nn.Linear(in_features=5, out_features=3)
nn.init.kaiming_normal_(linear6.weight)
print(f"linear6: {linear6.weight.data}")
# zh: 均匀分布版本：所有值都在 ±√(6/5) = ±1.0954 以内
# en: uniform version: every value lies within ±√(6/5) = ±1.0954
linear7 = nn.Linear(in_features=5, out_features=3)
nn.init.kaiming_uniform_(linear7.weight)
print(f"linear7: {linear7.weight.data}")
assert linear7.weight.abs().max() <= math.sqrt(6 / 5)

# zh: 在更大的权重上核对公式：fan_in = 1000
# en: check the formulas on a bigger weight: fan_in = 1000
w = torch.empty(500, 1000)
nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu")
std, expected_std = w.std().item(), math.sqrt(2 / 1000)
print(f"kaiming_normal_:  std = {std:.5f}, √(2/fan_in) = {expected_std:.5f}")
assert abs(std - expected_std) / expected_std < 0.02

nn.init.kaiming_uniform_(w, mode="fan_in", nonlinearity="relu")
bound, expected_bound = w.abs().max().item(), math.sqrt(6 / 1000)
print(f"kaiming_uniform_: max |w| = {bound:.5f}, √(6/fan_in) = {expected_bound:.5f}")
assert expected_bound * 0.999 < bound <= expected_bound
