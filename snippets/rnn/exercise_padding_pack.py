import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=3, batch_first=True)
long = torch.randn(4, 4)  # zh: 4 个词的句子 # en: a 4-word sentence
short = torch.randn(2, 4)  # zh: 2 个词的句子 # en: a 2-word sentence
batch = torch.stack([long, torch.cat([short, torch.zeros(2, 4)])])  # zh: 短句用 0 填充到 4 # en: the short one padded with zeros to 4
lengths = torch.tensor([4, 2])

with torch.no_grad():
    _, h_alone = rnn(short)  # zh: 短句单独输入 # en: the short sentence on its own
    _, h_padded = rnn(batch)  # zh: 填充后一起输入 # en: padded and batched
    packed = pack_padded_sequence(batch, lengths, batch_first=True, enforce_sorted=False)
    _, h_packed = rnn(packed)

print("short sentence alone:  h_n =", h_alone[0].numpy().round(4))
print("padded batch:          h_n =", h_padded[0, 1].numpy().round(4))
print("packed batch:          h_n =", h_packed[0, 1].numpy().round(4))
assert not torch.allclose(h_padded[0, 1], h_alone[0], atol=1e-3)  # zh: 多读了两个填充符 # en: it read two padding steps too
assert torch.allclose(h_packed[0, 1], h_alone[0], atol=1e-6)  # zh: 打包后停在第 2 个词 # en: packed, it stops at word 2
