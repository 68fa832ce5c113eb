import io

import torch
import torch.nn as nn

glove_txt = io.StringIO(
    "cat 0.9 0.8 0.0 0.1\n"
    "dog 0.9 0.9 0.0 0.2\n"
    "king 0.0 0.0 0.9 0.3\n"
    "queen 0.0 0.0 0.9 -0.3\n"
)
pretrained = {}
for line in glove_txt:
    word, *numbers = line.split()
    pretrained[word] = torch.tensor([float(v) for v in numbers])
dim = 4

# zh: 自己任务的词典：填充符、未知词，再加 4 个词，其中 tractor 不在预训练文件里
# en: our own task's vocabulary: padding, unknown, and 4 words, one of which (tractor) is not in the pretrained file
vocab = ["<pad>", "<unk>", "cat", "dog", "tractor", "queen"]
torch.manual_seed(0)
known = torch.stack(list(pretrained.values()))
# zh: 找不到的词：按预训练向量的尺度随机初始化；<pad> 用 0
# en: words not found: random vectors on the scale of the pretrained ones; <pad> gets zeros
weights = torch.randn(len(vocab), dim) * known.std()
weights[0] = 0
found = []
for i, word in enumerate(vocab):
    if word in pretrained:
        weights[i] = pretrained[word]
        found.append(word)
print(f"found {len(found)} of {len(vocab) - 2} words: {found}")
assert found == ["cat", "dog", "queen"]

embedding = nn.Embedding.from_pretrained(weights, freeze=False, padding_idx=0)
ids = torch.tensor([vocab.index(w) for w in ["dog", "tractor"]])
print(embedding(ids).detach().numpy().round(3))
assert torch.equal(embedding.weight[vocab.index("dog")], pretrained["dog"])
# zh: freeze=True 会把随机初始化的 tractor 和 <unk> 也冻结住，它们就永远是随机向量
# en: freeze=True would also freeze the randomly initialized tractor and <unk>, leaving them random for good
assert embedding.weight.requires_grad
