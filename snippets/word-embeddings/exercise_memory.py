import torch
import torch.nn as nn

vocab_size, dim = 400_000, 300  # zh: glove.6B 的词典大小和最大维度 # en: glove.6B's vocabulary size and largest dimension
# zh: device="meta" 只记录形状，不分配内存
# en: device="meta" records the shapes without allocating any memory
embedding = nn.Embedding(vocab_size, dim, device="meta")
n_params = embedding.weight.numel()
table_bytes = n_params * 4  # zh: float32 每个数 4 字节 # en: 4 bytes per float32
print(f"table: {n_params:,} parameters, {table_bytes / 1e6:,.0f} MB")
assert n_params == 120_000_000 and table_bytes == 480_000_000

batch, length = 32, 50  # zh: 一批 32 句，每句 50 个词 # en: a batch of 32 sentences of 50 words
one_hot_bytes = batch * length * vocab_size * 4  # zh: 稠密的 one-hot 输入 # en: dense one-hot inputs
lookup_bytes = batch * length * dim * 4  # zh: 查表的输出 # en: the output of the lookup
out = embedding(torch.zeros(batch, length, dtype=torch.long, device="meta"))
print(f"one-hot batch as float32: {one_hot_bytes / 1e9:.2f} GB; looked-up vectors {tuple(out.shape)}: {lookup_bytes / 1e6:.2f} MB")
assert out.shape == (batch, length, dim)
assert one_hot_bytes == 2_560_000_000 and lookup_bytes == 1_920_000
# zh: 乘法次数：one-hot 乘矩阵要做 B·L·V·D 次乘法，查表只需复制 B·L 行
# en: multiplications: one-hot times the matrix takes B·L·V·D of them; the lookup only copies B·L rows
print(f"one-hot @ weight: {batch * length * vocab_size * dim:.2e} multiplications; lookup: {batch * length:,} row copies")
