#| claims: [N59]
import torch
import torch.nn as nn

torch.manual_seed(0)
words = ["I", "love", "this", "movie"]
# zh: 第 0 步：词嵌入，把每个词映射为一个 4 维向量（实际中常用 100 维或更多）
# en: step 0: word embedding maps each word to a 4-dimensional vector (100 or more in practice)
embedding = nn.Embedding(len(words), 4)
rnn = nn.RNN(input_size=4, hidden_size=3)
x = embedding(torch.arange(len(words))).detach()  # zh: x_1 … x_4，形状 (L, H_in) = (4, 4) # en: x_1 … x_4, shape (L, H_in) = (4, 4)

W_ih, W_hh = rnn.weight_ih_l0.detach(), rnn.weight_hh_l0.detach()
b_ih, b_hh = rnn.bias_ih_l0.detach(), rnn.bias_hh_l0.detach()

h = torch.zeros(3)  # zh: h_0：全零 # en: h_0: all zeros
states = []
for t, (word, x_t) in enumerate(zip(words, x), start=1):
    # zh: 每一步都用同一套 W_ih、W_hh、b_ih、b_hh
    # en: every step uses the same W_ih, W_hh, b_ih, b_hh
    h = torch.tanh(W_ih @ x_t + b_ih + W_hh @ h + b_hh)
    states.append(h)
    print(f"t={t}  {word:6s} h_{t} = {[round(v, 4) for v in h.tolist()]}")

output, h_n = rnn(x)  # zh: 不带批维度的输入 (L, H_in) # en: an unbatched input (L, H_in)
print("same as nn.RNN:", torch.allclose(torch.stack(states), output, atol=1e-6))
assert torch.allclose(torch.stack(states), output, atol=1e-6)
assert torch.allclose(h, h_n[0], atol=1e-6)  # zh: h_4 概括了整句话 # en: h_4 summarizes the whole sentence
assert all(s.abs().max() < 1 for s in states)  # zh: tanh 让每个 h_t 都在 (-1, 1) 内 # en: tanh keeps every h_t inside (-1, 1)
