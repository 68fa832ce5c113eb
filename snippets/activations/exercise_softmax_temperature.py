import torch

z = torch.tensor([1.0, 2.0, 3.0])

# zh: 平移不变：每个 logit 都加上同一个常数，概率不变
# en: shift invariance: adding the same constant to every logit changes nothing
print("softmax(z)      :", torch.softmax(z, dim=0))
print("softmax(z + 100):", torch.softmax(z + 100, dim=0))
assert torch.allclose(torch.softmax(z, dim=0), torch.softmax(z + 100, dim=0))

# zh: 缩放则不然：除以温度 T
# en: scaling is another matter: divide by a temperature T
for T in [0.1, 0.5, 1.0, 2.0, 10.0]:
    p = torch.softmax(z / T, dim=0)
    print(f"T = {T:>4}: {[round(v, 4) for v in p.tolist()]}")

# zh: T → 0：趋向独热向量（argmax）；T → ∞：趋向均匀分布 1/K
# en: T → 0 tends to a one-hot vector (the argmax); T → ∞ tends to the uniform 1/K
assert torch.softmax(z / 0.1, dim=0)[2] > 0.9999
assert torch.allclose(torch.softmax(z / 1000, dim=0), torch.full((3,), 1 / 3), atol=1e-3)
