import io

import torch
import torch.nn as nn

# zh: GloVe 的文本格式：每行一个词，后面跟它的向量。真实文件有几十万行、每行 50 到 300 个数；
# zh: 本站构建时不能下载，这里用一个 4 维的小“文件”演示同样的加载步骤
# en: GloVe's text format: one word per line, followed by its vector. Real files have hundreds of thousands
# en: of lines of 50 to 300 numbers; the site cannot download one at build time, so a tiny 4-dimensional "file" shows the same steps
glove_txt = io.StringIO(
    "cat 0.9 0.8 0.0 0.1\n"
    "dog 0.9 0.9 0.0 0.2\n"
    "king 0.0 0.0 0.9 0.3\n"
    "queen 0.0 0.0 0.9 -0.3\n"
)
vocab, rows = {}, []
for line in glove_txt:
    word, *numbers = line.split()
    vocab[word] = len(rows)
    rows.append([float(v) for v in numbers])
weights = torch.tensor(rows)  # zh: (词典大小, 维度) # en: (vocabulary size, dimension)
print("vocab:", vocab, " weights:", tuple(weights.shape))

# zh: 用这个矩阵初始化 Embedding 层；freeze=True 表示训练时不更新它
# en: initialize an Embedding layer with the matrix; freeze=True keeps it fixed during training
embedding = nn.Embedding.from_pretrained(weights, freeze=True)
print("requires_grad:", embedding.weight.requires_grad)
assert not embedding.weight.requires_grad
assert torch.equal(embedding.weight, weights)

ids = torch.tensor([vocab["dog"], vocab["queen"]])
print(embedding(ids))
assert torch.equal(embedding(ids), weights[ids])  # zh: 查到的就是文件里那两行 # en: exactly those two rows of the file

# zh: 想在自己的任务上继续微调，就用 freeze=False
# en: to fine-tune the vectors on your own task, use freeze=False
print("freeze=False -> requires_grad:", nn.Embedding.from_pretrained(weights, freeze=False).weight.requires_grad)
