import torch

from dlref.rnn import bptt_jacobian_norms, rnn_forward

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
H, T = 32, 50
x = torch.rand(T, H)  # zh: 正的输入，取 W_ih = I # en: positive inputs, with W_ih = I
w_ih, w_hh = torch.eye(H), torch.eye(H)  # zh: W_hh = I：所有奇异值都是 1 # en: W_hh = I: every singular value is 1

print("nonlinearity   ||dh_50/dh_0||   max |h_50|")
for nl in ("relu", "tanh"):
    hs = rnn_forward(x, None, w_ih, w_hh, nonlinearity=nl)
    norms = bptt_jacobian_norms(w_hh, hs, nonlinearity=nl)
    print(f"{nl:12s}   {norms[-1]:14.3g}   {hs[-1].abs().max():10.3g}")
    if nl == "relu":
        # zh: 所有单元都导通：每一步的雅可比矩阵正好是 I，梯度既不消失也不爆炸
        # en: every unit is on: each step's Jacobian is exactly I, and the gradient neither vanishes nor explodes
        assert torch.all(hs > 0) and torch.allclose(norms, torch.ones(T))
        # zh: 代价：h_t = h_{t-1} + x_t 一直累加，前向的状态没有上界
        # en: the price: h_t = h_{t-1} + x_t keeps adding up, and the forward state has no bound
        assert hs[-1].min() > 10
    else:
        assert 1e-28 < norms[-1] < 1e-27  # zh: tanh 把状态压在 (-1, 1) 内，代价是 1 - h^2 很小 # en: tanh keeps the state in (-1, 1), at the price of a small 1 - h^2
