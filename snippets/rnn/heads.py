import torch
import torch.nn as nn

torch.manual_seed(0)
vocab_size, embed_dim, hidden = 1000, 100, 64


# zh: 多对一：只用最后一步的 h_L 做分类
# en: many-to-one: classify from the last step's h_L only
class SentimentRNN(nn.Module):
    def __init__(self, n_classes=2):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.rnn = nn.RNN(embed_dim, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, n_classes)

    def forward(self, ids):  # zh: (N, L) 的词索引 # en: word indices, (N, L)
        output, h_n = self.rnn(self.embedding(ids))
        return self.fc(h_n[-1])  # zh: (N, n_classes) 的 logits # en: logits, (N, n_classes)


# zh: 多对多：每个时间步的 h_t 都输出一个标签
# en: many-to-many: every time step's h_t gives a tag
class TaggerRNN(nn.Module):
    def __init__(self, n_tags=5):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.rnn = nn.RNN(embed_dim, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, n_tags)

    def forward(self, ids):
        output, h_n = self.rnn(self.embedding(ids))  # zh: output: (N, L, H) # en: output: (N, L, H)
        return self.fc(output)  # zh: (N, L, n_tags)：Linear 作用在最后一维上 # en: (N, L, n_tags): Linear acts on the last dimension


ids = torch.randint(0, vocab_size, (2, 4))  # zh: 2 个句子，每句 4 个词 # en: 2 sentences of 4 words
logits = SentimentRNN()(ids)
probs = torch.softmax(logits, dim=1)  # zh: 未训练的模型：概率接近 50/50 # en: an untrained model: probabilities near 50/50
print("many-to-one: ", tuple(ids.shape), "->", tuple(logits.shape), " probabilities", [[round(p, 3) for p in row] for row in probs.tolist()])
tags = TaggerRNN()(ids)
print("many-to-many:", tuple(ids.shape), "->", tuple(tags.shape), " predicted tags", tags.argmax(dim=-1).tolist())
assert logits.shape == (2, 2) and tags.shape == (2, 4, 5)
assert torch.allclose(probs.sum(dim=1), torch.ones(2))
