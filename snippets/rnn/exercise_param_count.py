import torch
import torch.nn as nn

from dlref.rnn import rnn_param_count

# zh: 手算：每层每个方向 H·in + H·H + 2H；第 2 层的输入是第 1 层两个方向拼起来的 2H 维
# en: by hand: per layer and direction H·in + H·H + 2H; layer 2 reads the 2H outputs of both directions of layer 1
H = 64
layer1 = 2 * (H * 100 + H * H + 2 * H)
layer2 = 2 * (H * 2 * H + H * H + 2 * H)
print(f"layer 1: 2 x (64*100 + 64*64 + 128) = {layer1:,}")
print(f"layer 2: 2 x (64*128 + 64*64 + 128) = {layer2:,}")

rnn = nn.RNN(input_size=100, hidden_size=H, num_layers=2, bidirectional=True)
total = sum(p.numel() for p in rnn.parameters())
print(f"total {layer1 + layer2:,}; nn.RNN has {total:,}; dlref.rnn.rnn_param_count: {rnn_param_count(100, H, 2, bidirectional=True):,}")
assert layer1 == 21_248 and layer2 == 24_832 and total == layer1 + layer2 == 46_080
assert rnn_param_count(100, H, num_layers=2, bidirectional=True) == total

output, h_n = rnn(torch.randn(7, 3, 100))  # zh: L=7，N=3 # en: L=7, N=3
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
assert output.shape == (7, 3, 2 * H)  # zh: 两个方向拼在最后一维 # en: both directions side by side in the last dimension
assert h_n.shape == (2 * 2, 3, H)  # zh: (num_layers × 方向数, N, H) # en: (num_layers × directions, N, H)
