import torch
import torch.nn as nn

torch.manual_seed(0)
vocab = {"dog": 0, "bites": 1, "man": 2}
embedding = nn.Embedding(len(vocab), 4)
rnn = nn.RNN(input_size=4, hidden_size=8)

sentences = {"dog bites man": ["dog", "bites", "man"], "man bites dog": ["man", "bites", "dog"]}
reps = {}
with torch.no_grad():
    for text, words in sentences.items():
        x = embedding(torch.tensor([vocab[w] for w in words]))  # zh: (L, 4) # en: (L, 4)
        reps[text] = {
            "mean of word vectors": x.mean(dim=0),  # zh: 词袋：不管顺序 # en: bag of words: order ignored
            "concatenation": x.flatten(),  # zh: 拼接：每个位置占固定的一段 # en: concatenation: each position has its own slice
            "RNN h_n": rnn(x)[1][0],  # zh: 最后一步的隐藏状态 # en: the last hidden state
        }

a, b = reps["dog bites man"], reps["man bites dog"]
for name in a:
    print(f"{name:22s} same for both sentences: {torch.allclose(a[name], b[name])}")
assert torch.allclose(a["mean of word vectors"], b["mean of word vectors"])
assert not torch.allclose(a["concatenation"], b["concatenation"])
assert not torch.allclose(a["RNN h_n"], b["RNN h_n"])
