import torch
from torch.autograd.functional import jacobian

from dlref.lstm import lstm_cell

torch.manual_seed(0)
D, H, T = 3, 4, 50
w_ih = torch.randn(4 * H, D, dtype=torch.float64)
w_hh = torch.zeros(4 * H, H, dtype=torch.float64)  # zh: 没有循环权重 # en: no recurrent weights
b = torch.zeros(4 * H, dtype=torch.float64)
b[H:2 * H] = 100.0  # zh: f = σ(100) 在浮点数中正好是 1：没有遗忘门的 1997 年 LSTM # en: f = σ(100) is exactly 1 in floating point: the 1997 LSTM without a forget gate
x = torch.randn(D, dtype=torch.float64)  # zh: 每一步都是同一个输入 # en: the same input at every step


def run(c0):
    h, c = torch.zeros(H, dtype=torch.float64), c0
    norms = []
    for _ in range(T):
        h, c = lstm_cell(x, (h, c), w_ih, w_hh, b)
        norms.append(c.norm())
    return c, torch.stack(norms)


c0 = torch.zeros(H, dtype=torch.float64)
J = jacobian(lambda c: run(c)[0], c0)
print("dc_50/dc_0 == identity:", torch.equal(J, torch.eye(H, dtype=torch.float64)))
assert torch.equal(J, torch.eye(H, dtype=torch.float64))

_, norms = run(c0)
print("||c_t|| at t = 1, 10, 50:", [round(norms[t - 1].item(), 3) for t in (1, 10, 50)])
assert abs(norms[0] - 1.171) < 1e-3
assert torch.allclose(norms, norms[0] * torch.arange(1, T + 1, dtype=torch.float64))  # zh: 线性增长 # en: linear growth
