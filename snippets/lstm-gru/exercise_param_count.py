import torch.nn as nn

from dlref.lstm import param_count

# zh: 预测：每层每个方向 3 个门，每个门 H*in + H*H + 2H 个参数
# en: prediction: 3 gates per layer and direction, each with H*in + H*H + 2H parameters
H = 16
layer1 = 2 * 3 * (H * 8 + H * H + 2 * H)  # zh: 第 1 层读 8 个输入特征 # en: layer 1 reads the 8 input features
layer2 = 2 * 3 * (H * 2 * H + H * H + 2 * H)  # zh: 第 2 层读两个方向拼接的 2H = 32 个特征 # en: layer 2 reads the 2H = 32 features of both directions
print("predicted:", layer1, "+", layer2, "=", layer1 + layer2)

gru = nn.GRU(input_size=8, hidden_size=H, num_layers=2, bidirectional=True)
actual = sum(p.numel() for p in gru.parameters())
print("nn.GRU:   ", actual)
assert actual == layer1 + layer2 == param_count("gru", 8, H, num_layers=2, bidirectional=True) == 7296
# zh: 同样配置的 LSTM 正好多 4/3 倍
# en: the LSTM with the same configuration has exactly 4/3 as many
lstm = param_count("lstm", 8, H, num_layers=2, bidirectional=True)
print("nn.LSTM:  ", lstm)
assert lstm * 3 == 4 * actual and lstm == 9728
