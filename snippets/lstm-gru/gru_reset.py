import torch
import torch.nn as nn

from dlref.lstm import gru_cell

torch.manual_seed(0)
H = 3
cell = nn.GRUCell(input_size=2, hidden_size=H)
x, h = torch.randn(2), torch.randn(H)
W_ir, W_iz, W_in = cell.weight_ih.detach().chunk(3)  # zh: 行的顺序是 r、z、n # en: the rows come in the order r, z, n
W_hr, W_hz, W_hn = cell.weight_hh.detach().chunk(3)
b_ir, b_iz, b_in = cell.bias_ih.detach().chunk(3)
b_hr, b_hz, b_hn = cell.bias_hh.detach().chunk(3)

r = torch.sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)
z = torch.sigmoid(W_iz @ x + b_iz + W_hz @ h + b_hz)
# zh: PyTorch：r 乘在 W_hn h + b_hn 上（先做矩阵乘法）
# en: PyTorch: r multiplies W_hn h + b_hn (after the matrix product)
n_torch = torch.tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
# zh: Cho 等人 (2014) 的写法：r 先乘 h，再做矩阵乘法
# en: the form of Cho et al. (2014): r multiplies h first, then the matrix product
n_cho = torch.tanh(W_in @ x + b_in + W_hn @ (r * h) + b_hn)

h_torch = (1 - z) * n_torch + z * h  # zh: z 是旧状态的权重 # en: z weighs the old state
h_cho = (1 - z) * n_cho + z * h
with torch.no_grad():
    h_ref = cell(x, h)
    h_ours = gru_cell(x, h, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
print("nn.GRUCell:              ", h_ref)
print("by hand, r*(W_hn h+b_hn):", h_torch)
print("by hand, W_hn (r*h)+b_hn:", h_cho)
assert torch.allclose(h_torch, h_ref, atol=1e-6) and torch.allclose(h_ours, h_ref, atol=1e-6)
assert not torch.allclose(h_cho, h_ref, atol=1e-3)  # zh: 两种写法是不同的模型 # en: the two forms are different models
