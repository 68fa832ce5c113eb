#| claims: [N58]
import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=100, hidden_size=64)
sizes = {name: p.numel() for name, p in rnn.named_parameters()}
n_params = sum(sizes.values())
print(sizes, "total", n_params)
assert n_params == 64 * 100 + 64 * 64 + 64 + 64 == 10_624

# zh: 同一个模块处理长度为 5 和 50 的序列：参数一个也没多
# en: the same module reads sequences of length 5 and 50, without a single extra parameter
for length in (5, 50):
    output, h_n = rnn(torch.randn(length, 1, 100))
    print(f"length {length:2d}: output {tuple(output.shape)}, parameters {sum(p.numel() for p in rnn.parameters()):,}")
    assert sum(p.numel() for p in rnn.parameters()) == 10_624

# zh: 对比：把整句展平后接全连接层，每个位置一套权重，参数随长度增长
# en: compare: flatten the whole sentence into a fully connected layer, one set of weights per position; the parameters grow with the length
for length in (5, 50):
    fc = nn.Linear(length * 100, 64)
    print(f"Linear({length * 100}, 64) for length {length}: {sum(p.numel() for p in fc.parameters()):,} parameters")
