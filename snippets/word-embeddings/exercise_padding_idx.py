import torch
import torch.nn as nn

torch.manual_seed(0)
PAD = 0
embedding = nn.Embedding(6, 3, padding_idx=PAD)
print("row 0 (padding) at initialization:", embedding.weight[PAD].tolist())
assert torch.equal(embedding.weight[PAD], torch.zeros(3))

# zh: 两个句子，长度 3 和 5，短的用 0 填充到 5
# en: two sentences of lengths 3 and 5; the shorter one is padded with 0 up to 5
batch = torch.tensor([[3, 1, 4, PAD, PAD],
                      [2, 5, 1, 3, 4]])
optimizer = torch.optim.SGD(embedding.parameters(), lr=0.5)
embedding(batch).pow(2).sum().backward()
print("gradient of row 0:", embedding.weight.grad[PAD].tolist())
optimizer.step()
assert torch.equal(embedding.weight.grad[PAD], torch.zeros(3))
assert torch.equal(embedding.weight[PAD], torch.zeros(3))  # zh: 更新之后还是 0 # en: still 0 after the update

# zh: 句子的平均向量：填充的 0 向量仍然算进了分母
# en: the mean vector of a sentence: the padding's zero vectors still count in the denominator
with torch.no_grad():
    vectors = embedding(batch)
    mask = (batch != PAD).unsqueeze(-1)  # zh: (N, L, 1)，真实的词为 True # en: (N, L, 1), True for real words
    naive = vectors.mean(dim=1)
    masked = (vectors * mask).sum(dim=1) / mask.sum(dim=1)
print("sentence 1, mean over 5 positions:", naive[0].numpy().round(3))
print("sentence 1, mean over its 3 words: ", masked[0].numpy().round(3))
assert torch.allclose(naive[0], masked[0] * 3 / 5)
assert torch.allclose(masked[0], embedding.weight[[3, 1, 4]].mean(dim=0).detach())
