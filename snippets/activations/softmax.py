import torch

# zh: 10 个类别的原始输出分数（logits）
# en: raw scores (logits) for 10 classes
scores = torch.tensor([0.2, 0.02, 0.15, 0.15, 1.3, 0.5, 0.06, 1.1, 0.05, 3.75])
print(f"scores: {scores}")

probabilities = torch.softmax(scores, dim=0)  # zh: 沿类别维度 # en: along the class dimension
print(f"probabilities: {probabilities}")
print(f"sum: {probabilities.sum():.4f}")
