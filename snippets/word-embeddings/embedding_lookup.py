#| claims: [N56]
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# zh: 1. 准备数据
# en: 1. the data
vocab = {"king": 0, "queen": 1, "man": 2, "woman": 3}
sentence_indices = torch.tensor([0, 2, 3], dtype=torch.long)  # king, man, woman

# zh: 2. 定义 Embedding 层：词典大小为 4，每个词用 8 维向量表示
# en: 2. the Embedding layer: a vocabulary of 4 words, each represented by an 8-dimensional vector
embedding_layer = nn.Embedding(num_embeddings=4, embedding_dim=8)
print("lookup table (weight):", tuple(embedding_layer.weight.shape))

# zh: 3. 获取词向量
# en: 3. look up the word vectors
word_vectors = embedding_layer(sentence_indices)
print("word vectors:", word_vectors.shape)  # zh: 3 个词，每个词 8 维 # en: 3 words, 8 dimensions each
assert word_vectors.shape == torch.Size([3, 8])

# zh: “查表”就是按索引取出权重矩阵的行……
# en: "looking up" just takes rows of the weight matrix by index ...
assert torch.equal(word_vectors, embedding_layer.weight[sentence_indices])
# zh: ……等价于 one-hot 向量乘以这个矩阵，只是不用真的做这次乘法
# en: ... which equals multiplying the one-hot vectors by that matrix, without doing the multiplication
one_hot = F.one_hot(sentence_indices, num_classes=4).float()
assert torch.allclose(one_hot @ embedding_layer.weight, word_vectors)
print("rows 0, 2, 3 of the table; equal to one_hot @ weight")
# zh: 这张表是可学习的参数，会随训练更新
# en: the table is a learnable parameter, updated by training
print("requires_grad:", embedding_layer.weight.requires_grad)
