import torch
import torch.nn as nn

torch.manual_seed(0)
embedding = nn.Embedding(10, 3)
ids = torch.tensor([2, 5, 2, 7])  # zh: 一句 4 个词，2 号词出现两次 # en: a 4-word sentence in which word 2 appears twice
vectors = embedding(ids)
# zh: 假设从上层传回到每个位置的梯度是 upstream
# en: suppose the gradient arriving at each position from the layers above is upstream
upstream = torch.arange(12.0).reshape(4, 3)
vectors.backward(upstream)

grad = embedding.weight.grad
rows = grad.abs().sum(dim=1).nonzero().flatten().tolist()
print("rows with a non-zero gradient:", rows)
print("gradient of row 2:", grad[2].tolist(), " upstream[0] + upstream[2]:", (upstream[0] + upstream[2]).tolist())
assert rows == [2, 5, 7]  # zh: 只有句子里出现的词 # en: only the words in the sentence
assert torch.equal(grad[2], upstream[0] + upstream[2])  # zh: 出现两次，两个位置的梯度相加 # en: two occurrences: the gradients of both positions add up
assert torch.equal(grad[5], upstream[1]) and torch.equal(grad[7], upstream[3])

# zh: sparse=True 时梯度是稀疏张量，只存有梯度的行
# en: with sparse=True the gradient is a sparse tensor that stores only the rows that have one
sparse_embedding = nn.Embedding(10, 3, sparse=True)
sparse_embedding(ids).backward(upstream)
sparse_grad = sparse_embedding.weight.grad.coalesce()
print("sparse gradient:", sparse_grad.layout, " stored rows:", sparse_grad.indices().flatten().tolist())
assert torch.equal(sparse_grad.to_dense(), grad)
