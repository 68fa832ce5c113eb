import torch
import torch.nn as nn

from dlref.rnn import rnn_forward

# zh: 与上面逐步计算相同的种子、词向量和 RNN
# en: the same seed, word vectors and RNN as the step-by-step computation above
torch.manual_seed(0)
embedding = nn.Embedding(4, 4)
rnn = nn.RNN(input_size=4, hidden_size=3)
x = embedding(torch.arange(4)).detach()  # I, love, this, movie
weights = rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0

with torch.no_grad():
    hs = rnn_forward(x, None, *weights)  # zh: 返回所有隐藏状态 h_1 … h_4 # en: returns every hidden state h_1 … h_4
    print(hs.numpy().round(4))
    assert torch.allclose(hs, rnn(x)[0], atol=1e-6)

    # zh: 批量输入 (L, N, H_in) 同样一致
    # en: a batched input (L, N, H_in) agrees as well
    batch = torch.randn(6, 2, 4)
    hs = rnn_forward(batch, None, *weights)
    output, h_n = rnn(batch)
print("batch:", tuple(hs.shape), "allclose to nn.RNN:", torch.allclose(hs, output, atol=1e-6))
assert torch.allclose(hs, output, atol=1e-6) and torch.allclose(hs[-1], h_n[0], atol=1e-6)
