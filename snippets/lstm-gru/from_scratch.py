import torch
import torch.nn as nn

from dlref.lstm import gru_cell, lstm_cell

torch.manual_seed(0)
lstm = nn.LSTMCell(input_size=3, hidden_size=2)
gru = nn.GRUCell(input_size=3, hidden_size=2)
# zh: 各门的权重按行堆叠：LSTM 是 i、f、g、o 四块，GRU 是 r、z、n 三块
# en: the gates' weights are stacked by rows: four blocks i, f, g, o for the LSTM, three blocks r, z, n for the GRU
for cell in (lstm, gru):
    for name, p in cell.named_parameters():
        print(f"{type(cell).__name__ + '.' + name:19s}", tuple(p.shape))

x = torch.randn(5, 4, 3)  # zh: 5 个时间步，批大小 4 # en: 5 time steps, batch size 4
h_ref = c_ref = torch.zeros(4, 2)
h, c = h_ref, c_ref
g_ref = g = torch.zeros(4, 2)
diff = 0.0
with torch.no_grad():
    for x_t in x:  # zh: 同一个单元、同一套权重，逐步运行 # en: the same cell, the same weights, step after step
        h_ref, c_ref = lstm(x_t, (h_ref, c_ref))
        h, c = lstm_cell(x_t, (h, c), lstm.weight_ih, lstm.weight_hh, lstm.bias_ih, lstm.bias_hh)
        g_ref = gru(x_t, g_ref)
        g = gru_cell(x_t, g, gru.weight_ih, gru.weight_hh, gru.bias_ih, gru.bias_hh)
        diff = max(diff, (h - h_ref).abs().max(), (c - c_ref).abs().max(), (g - g_ref).abs().max())
print("h_5, nn.LSTMCell: ", h_ref[0])
print("h_5, lstm_cell:   ", h[0])
print("h_5, nn.GRUCell:  ", g_ref[0])
print("h_5, gru_cell:    ", g[0])
# zh: 只差浮点舍入误差（具体数值随 CPU 不同，所以打印它的上界）
# en: they differ only by float rounding (the exact value depends on the CPU, so print a bound)
print("max |difference| over 5 steps < 1e-6:", bool(diff < 1e-6))
assert diff < 1e-6

# zh: nn.LSTM 的第 0 层用同样的布局：weight_ih_l0 是 (4H, H_in)
# en: layer 0 of nn.LSTM uses the same layout: weight_ih_l0 is (4H, H_in)
seq = nn.LSTM(input_size=3, hidden_size=2)
output, (h_n, c_n) = seq(x)
w = seq.weight_ih_l0, seq.weight_hh_l0, seq.bias_ih_l0, seq.bias_hh_l0
state = None
with torch.no_grad():
    outs = []
    for x_t in x:
        state = lstm_cell(x_t, state, *w)
        outs.append(state[0])
assert torch.allclose(torch.stack(outs), output, atol=1e-6)
assert torch.allclose(state[0], h_n[0], atol=1e-6) and torch.allclose(state[1], c_n[0], atol=1e-6)
print("a loop of lstm_cell reproduces nn.LSTM's output, h_n and c_n: True")
