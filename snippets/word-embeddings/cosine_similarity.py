import torch
import torch.nn.functional as F

# zh: 一个手工编的小“语义地图”：5 个维度分别表示 动物、宠物、王室、男性、形状
# zh: 真实的词向量是训练出来的（如 300 维），单个维度通常没有这么清楚的含义
# en: a small hand-made "semantic map": the 5 dimensions stand for animal, pet, royal, male, shape
# en: real word vectors are learned (e.g. 300 dimensions), and a single dimension rarely has such a clear meaning
words = ["cat", "dog", "concave", "king", "queen", "man", "woman"]
vectors = torch.tensor([
    [0.9, 0.8, 0.0, 0.1, 0.0],   # zh: cat：猫 # en: cat
    [0.9, 0.9, 0.0, 0.2, 0.0],   # zh: dog：狗 # en: dog
    [0.1, 0.0, 0.0, 0.0, 0.9],   # zh: concave：凹 # en: concave
    [0.0, 0.0, 0.9, 0.3, 0.0],   # king
    [0.0, 0.0, 0.9, -0.3, 0.0],  # queen
    [0.1, 0.0, 0.0, 0.3, 0.0],   # man
    [0.1, 0.0, 0.0, -0.3, 0.0],  # woman
])
idx = {w: i for i, w in enumerate(words)}


def cos(a, b):
    return F.cosine_similarity(vectors[idx[a]], vectors[idx[b]], dim=0).item()


for a, b in [("cat", "dog"), ("cat", "concave"), ("king", "queen"), ("king", "concave")]:
    print(f"cos({a}, {b}) = {cos(a, b):.3f}")
assert cos("cat", "dog") > 0.95 and cos("cat", "concave") < 0.1

# zh: 类比：king - man + woman 最接近哪个词？（不算参与运算的三个词）
# en: analogy: which word is closest to king - man + woman? (leaving out the three words used)
query = vectors[idx["king"]] - vectors[idx["man"]] + vectors[idx["woman"]]
sims = F.cosine_similarity(query[None, :], vectors, dim=1)
ranking = [words[i] for i in sims.argsort(descending=True) if words[i] not in ("king", "man", "woman")]
print("king - man + woman ≈", ranking[0], f"(cos = {sims[idx[ranking[0]]]:.3f})")
assert ranking[0] == "queen"
