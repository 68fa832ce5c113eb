#| claims: [N55]
import torch
import torch.nn.functional as F

vocab = ["king", "queen", "man", "woman", "tractor"]
# zh: 每个词一个“开关”：只有自己那一位是 1
# en: one "switch" per word: only its own position is 1
one_hot = F.one_hot(torch.arange(len(vocab)), num_classes=len(vocab)).float()
print(one_hot)

dots = one_hot @ one_hot.T  # zh: 任意两个词向量的点积 # en: the dot product of every pair of word vectors
cos = F.cosine_similarity(one_hot[:, None, :], one_hot[None, :, :], dim=-1)
print("dot products:\n", dots)
print("cos(king, queen) =", cos[0, 1].item(), " cos(king, tractor) =", cos[0, 4].item())
# zh: 不同的词两两正交：“国王”离“王后”和离“拖拉机”一样远
# en: different words are pairwise orthogonal: "king" is exactly as far from "queen" as from "tractor"
assert torch.equal(dots, torch.eye(len(vocab)))
assert torch.equal(cos, torch.eye(len(vocab)))

# zh: 词典有 5 万个词时，每个向量有 5 万维，其中只有一个 1
# en: with a 50,000-word vocabulary, every vector has 50,000 entries and a single 1
v = F.one_hot(torch.tensor(123), num_classes=50_000).float()
print(f"{v.numel():,} entries, {int(v.count_nonzero())} non-zero ({v.count_nonzero() / v.numel():.3%})")
