#| claims: [N57]
import torch
import torch.nn as nn

torch.manual_seed(0)
vocab_size, embedding_dim = 10_000, 300
embedding = nn.Embedding(vocab_size, embedding_dim)

# zh: 一批 2 个句子，每句 5 个词（词典中的编号）
# en: a batch of 2 sentences of 5 words each (indices into the vocabulary)
batch = torch.randint(0, vocab_size, (2, 5))
print("indices:", tuple(batch.shape), "(batch_size, sequence_length)")
vectors = embedding(batch)
print("vectors:", tuple(vectors.shape), "(batch_size, sequence_length, embedding_dim)")
assert vectors.shape == (2, 5, 300)

n_params = sum(p.numel() for p in embedding.parameters())
print(f"parameters: {vocab_size:,} x {embedding_dim} = {n_params:,}")
assert n_params == 10_000 * 300 == 3_000_000
# zh: 在 1 万维的 one-hot 输入上接一个 300 个单元的全连接层（不带偏置），权重矩阵也是这么大；
# zh: Embedding 省掉的是那次几乎全在乘 0 的矩阵乘法
# en: a 300-unit fully connected layer (without bias) on 10,000-dimensional one-hot inputs has a weight
# en: matrix of the same size; what Embedding saves is the matrix multiplication, almost all of it times zero
linear = nn.Linear(vocab_size, embedding_dim, bias=False)
assert linear.weight.numel() == n_params
