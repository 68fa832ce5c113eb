#| claims: [N14, N15]
import torch

# zh: 10 个类别的原始输出分数（logits）
# en: raw scores (logits) for 10 classes
scores = torch.tensor([0.2, 0.02, 0.15, 0.15, 1.3, 0.5, 0.06, 1.1, 0.05, 3.75])
print(f"scores: {scores}")

probabilities = torch.softmax(scores, dim=0)  # zh: 沿类别维度 # en: along the class dimension
print(f"probabilities: {probabilities}")
print(f"sum: {probabilities.sum():.4f}, predicted class: {probabilities.argmax().item()}")

expected = torch.tensor([0.0212, 0.0177, 0.0202, 0.0202, 0.0638, 0.0287, 0.0185, 0.0522, 0.0183, 0.7392])
assert torch.allclose(probabilities, expected, atol=1e-4)
assert abs(probabilities.sum() - 1) < 1e-6
# zh: 单调性：分数的大小顺序在概率中保持不变
# en: monotonicity: the scores' order is kept in the probabilities
assert torch.equal(scores.argsort(stable=True), probabilities.argsort(stable=True))

# zh: 正文中的例子：[1, 2, 3] -> [0.09, 0.24, 0.67]
# en: the example from the text: [1, 2, 3] -> [0.09, 0.24, 0.67]
small = torch.softmax(torch.tensor([1.0, 2.0, 3.0]), dim=0)
print(f"softmax([1, 2, 3]) = {small}")
assert torch.allclose(small, torch.tensor([0.090031, 0.244728, 0.665241]), atol=1e-6)
