import math

import torch
import torch.nn as nn

# zh: kaiming_uniform_ 的边界是 gain·√(3/fan_in)，LeakyReLU 的增益是 √(2/(1+a²))
# en: the bound of kaiming_uniform_ is gain·√(3/fan_in), and LeakyReLU's gain is √(2/(1+a²))
a = math.sqrt(5)
gain = nn.init.calculate_gain("leaky_relu", a)
print(f"gain(leaky_relu, a=√5) = {gain:.6f}, √(1/3) = {math.sqrt(1 / 3):.6f}")
assert abs(gain - math.sqrt(2 / (1 + a**2))) < 1e-12 and abs(gain - math.sqrt(1 / 3)) < 1e-12

for fan_in in (64, 300, 1024):
    bound = gain * math.sqrt(3 / fan_in)  # zh: = 1/√fan_in # en: = 1/√fan_in
    torch.manual_seed(0)
    w = nn.Linear(fan_in, 4096).weight.detach()
    print(f"fan_in {fan_in:5d}: bound {bound:.5f}, 1/√fan_in {1 / math.sqrt(fan_in):.5f}, "
          f"max |w| {w.abs().max().item():.5f}, Var(w)·3·fan_in {w.var().item() * 3 * fan_in:.3f}")
    assert abs(bound - 1 / math.sqrt(fan_in)) < 1e-12
    assert w.abs().max().item() <= bound and abs(w.var().item() * 3 * fan_in - 1) < 0.01
