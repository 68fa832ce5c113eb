import torch

from dlref.rnn import bptt_jacobian_norms, rnn_forward

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
H, T = 32, 50
Q, _ = torch.linalg.qr(torch.randn(H, H))
x = torch.randn(T, H)
w_ih, w_hh = torch.eye(H), 3.0 * Q  # zh: 与正文的图相同：s = 3 # en: as in the figure above: s = 3

print("input scale   mean of 1 - h^2   ||dh_50/dh_0||")
results = {}
for scale in (1, 5):  # zh: 输入放大 5 倍 # en: the inputs made 5 times stronger
    hs = rnn_forward(scale * x, None, w_ih, w_hh)
    norms = bptt_jacobian_norms(w_hh, hs)
    results[scale] = (1 - hs**2).mean().item(), norms[-1].item()
    print(f"{scale:11d}   {results[scale][0]:15.2f}   {results[scale][1]:14.1e}")

# zh: 输入越强，单元越饱和，tanh' = 1 - h^2 越小：同一个 W_hh，梯度从爆炸变成消失
# en: stronger inputs saturate the units and shrink tanh' = 1 - h^2: the same W_hh now makes the gradient vanish instead of explode
assert abs(results[1][0] - 0.28) < 0.01 and abs(results[5][0] - 0.13) < 0.01
assert 1e5 < results[1][1] < 1e7 and 1e-7 < results[5][1] < 1e-6
