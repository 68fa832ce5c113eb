#| claims: [N20]
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
# zh: 正态分布版本
# en: normal version
linear8 = nn.Linear(in_features=5, out_features=3)
nn.init.xavier_normal_(linear8.weight)
print(f"linear8: {linear8.weight.data}")
# zh: 均匀分布版本：所有值都在 ±√(6/(5+3)) = ±0.8660 以内
# en: uniform version: every value lies within ±√(6/(5+3)) = ±0.8660
linear9 = nn.Linear(in_features=5, out_features=3)
nn.init.xavier_uniform_(linear9.weight)
print(f"linear9: {linear9.weight.data}")
assert linear9.weight.abs().max() <= math.sqrt(6 / 8)

# zh: 核对公式：fan_in = 500，fan_out = 300，权重形状 (300, 500)
# en: check the formulas: fan_in = 500, fan_out = 300, weight shape (300, 500)
w = torch.empty(300, 500)
nn.init.xavier_normal_(w)
std, expected_std = w.std().item(), math.sqrt(2 / (500 + 300))
print(f"xavier_normal_:  std = {std:.5f}, √(2/(fan_in+fan_out)) = {expected_std:.5f}")
assert abs(std - expected_std) / expected_std < 0.02
# zh: 普通正态分布，没有截断：最大的 |w| 超过 4 个标准差
# en: a plain normal, not truncated: the largest |w| is more than 4 standard deviations
print(f"xavier_normal_:  max |w| / std = {w.abs().max().item() / std:.2f}")
assert w.abs().max().item() / std > 4

nn.init.xavier_uniform_(w)
bound, expected_bound = w.abs().max().item(), math.sqrt(6 / (500 + 300))
print(f"xavier_uniform_: max |w| = {bound:.5f}, √(6/(fan_in+fan_out)) = {expected_bound:.5f}")
assert expected_bound * 0.999 < bound <= expected_bound
