import torch
import torch.nn as nn

torch.manual_seed(0)
width, depth = 256, 30
x0 = torch.randn(256, width)


def activation_stds(gain):
    x, stds = x0, []
    with torch.no_grad():
        for _ in range(depth):
            layer = nn.Linear(width, width, bias=False)
            nn.init.xavier_normal_(layer.weight, gain=gain)
            x = torch.tanh(layer(x))
            stds.append(x.std().item())
    return stds


results = {}
for gain in (1.0, 5 / 3):
    results[gain] = activation_stds(gain)
    s = results[gain]
    print(f"gain {gain:.3f}: std at layers 1, 10, 20, 30 = "
          f"{s[0]:.3f}, {s[9]:.3f}, {s[19]:.3f}, {s[29]:.3f}")

# zh: gain = 1 时信号逐层变弱；gain = 5/3 时在第 10 层之后基本稳定
# en: with gain 1 the signal keeps weakening; with gain 5/3 it levels off after about 10 layers
assert results[1.0][29] < 0.5 * results[1.0][4]
assert abs(results[5 / 3][29] - results[5 / 3][9]) < 0.05
