import torch
import torch.nn as nn

from dlref import init as ref

# zh: 一个 (300, 500) 的权重：fan_in = 500，fan_out = 300
# en: a weight of shape (300, 500): fan_in = 500, fan_out = 300
shape = (300, 500)
fan_in, fan_out = ref.fan_in_fan_out(shape)
print(f"fan_in = {fan_in}, fan_out = {fan_out}")

# zh: 均匀分布 U(-c, c) 的标准差是 c/√3
# en: the std of U(-c, c) is c/√3
formula_std = {
    "default nn.Linear": ref.default_linear_bound(fan_in) / 3**0.5,
    "kaiming_uniform_": ref.kaiming_uniform_bound(fan_in) / 3**0.5,
    "kaiming_normal_": ref.kaiming_normal_std(fan_in),
    "xavier_uniform_": ref.xavier_uniform_bound(fan_in, fan_out) / 3**0.5,
    "xavier_normal_": ref.xavier_normal_std(fan_in, fan_out),
}

g = torch.Generator().manual_seed(0)
torch.manual_seed(0)
samples = {
    "default nn.Linear": nn.Linear(fan_in, fan_out).weight.detach(),
    "kaiming_uniform_": nn.init.kaiming_uniform_(torch.empty(shape), generator=g),
    "kaiming_normal_": nn.init.kaiming_normal_(torch.empty(shape), generator=g),
    "xavier_uniform_": nn.init.xavier_uniform_(torch.empty(shape), generator=g),
    "xavier_normal_": nn.init.xavier_normal_(torch.empty(shape), generator=g),
}
print(f"{'':18s} {'formula std':>12s} {'sampled std':>12s}")
for name, expected in formula_std.items():
    sampled = samples[name].std().item()
    print(f"{name:18s} {expected:12.5f} {sampled:12.5f}")
    assert abs(sampled - expected) / expected < 0.02
