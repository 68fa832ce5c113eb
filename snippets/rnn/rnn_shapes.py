import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=100, hidden_size=64)  # zh: 默认 nonlinearity="tanh"，batch_first=False # en: defaults: nonlinearity="tanh", batch_first=False
for name, p in rnn.named_parameters():
    print(f"{name:13s} {tuple(p.shape)}")

# zh: 默认布局 (L, N, H_in)：4 个词、一批 2 个句子、每个词 100 维
# en: the default layout (L, N, H_in): 4 words, a batch of 2 sentences, 100 dimensions per word
x = torch.randn(4, 2, 100)
output, h_n = rnn(x)  # zh: 不传 h0 时，初始隐藏状态为全零 # en: without h0, the initial hidden state is all zeros
print("output:", tuple(output.shape), " = (L, N, H): h_t at every time step")
print("h_n:   ", tuple(h_n.shape), "  = (num_layers, N, H): the last time step")
assert output.shape == (4, 2, 64) and h_n.shape == (1, 2, 64)
assert torch.equal(output[-1], h_n[0])  # zh: 单层时，h_n 就是 output 的最后一步 # en: for one layer, h_n is the last step of output

# zh: batch_first=True 时输入和 output 是 (N, L, ·)；h_n 的形状不变
# en: with batch_first=True, the input and output are (N, L, ·); h_n keeps its shape
rnn_bf = nn.RNN(100, 64, batch_first=True)
output, h_n = rnn_bf(torch.randn(2, 4, 100))
print("batch_first=True: output", tuple(output.shape), " h_n", tuple(h_n.shape))
assert output.shape == (2, 4, 64) and h_n.shape == (1, 2, 64)
