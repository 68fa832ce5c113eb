import torch
import torch.nn as nn

from dlref.lstm import param_count

torch.manual_seed(0)
N, L, H_in, H = 3, 5, 10, 20
lstm = nn.LSTM(input_size=H_in, hidden_size=H, num_layers=2, batch_first=True, bidirectional=True)
x = torch.randn(N, L, H_in)  # zh: batch_first=True：(N, L, H_in) # en: batch_first=True: (N, L, H_in)
output, (h_n, c_n) = lstm(x)  # zh: 初始状态省略时为全零 # en: the initial state defaults to zeros
print("output:", tuple(output.shape))  # zh: 最上层每个时间步的 h，两个方向拼接 # en: the top layer's h at every step, both directions concatenated
print("h_n:   ", tuple(h_n.shape))  # zh: 每层、每个方向最后的 h # en: the last h of every layer and direction
print("c_n:   ", tuple(c_n.shape))  # zh: 细胞状态只在这里出现 # en: the cell state appears only here
assert output.shape == (N, L, 2 * H)
assert h_n.shape == c_n.shape == (2 * 2, N, H)  # zh: h_n 不受 batch_first 影响 # en: h_n ignores batch_first

# zh: h_n 的第 0 维按 (层, 方向) 排列：下标 = 层 * 2 + 方向
# en: the first dimension of h_n is ordered by (layer, direction): index = layer * 2 + direction
assert torch.allclose(output[:, -1, :H], h_n[2])  # zh: 第 2 层正向：最后一个时间步 # en: layer 2, forward: the last time step
assert torch.allclose(output[:, 0, H:], h_n[3])  # zh: 第 2 层反向：它读完序列时停在第一个时间步 # en: layer 2, backward: it finishes at the first time step
print("output[:, -1, :H] == h_n[2] and output[:, 0, H:] == h_n[3]: True")

for name, p in lstm.named_parameters():
    if name.endswith("l0") or name.endswith("l1_reverse"):
        print(f"{name:22s}", tuple(p.shape))
n_params = sum(p.numel() for p in lstm.parameters())
print("parameters:", n_params)
assert n_params == param_count("lstm", H_in, H, num_layers=2, bidirectional=True) == 15_040

# zh: 同样大小的 nn.RNN、nn.GRU、nn.LSTM：参数量是 1 : 3 : 4
# en: nn.RNN, nn.GRU and nn.LSTM of the same size: the parameters are in the ratio 1 : 3 : 4
counts = {m.__name__: sum(p.numel() for p in m(100, 64).parameters()) for m in (nn.RNN, nn.GRU, nn.LSTM)}
print(counts)
assert counts == {"RNN": 10_624, "GRU": 3 * 10_624, "LSTM": 4 * 10_624}

gru = nn.GRU(input_size=H_in, hidden_size=H, batch_first=True)
output, h_n = gru(x)  # zh: GRU 没有细胞状态：只返回 h_n # en: the GRU has no cell state: it returns h_n only
print("GRU output:", tuple(output.shape), "h_n:", tuple(h_n.shape))
