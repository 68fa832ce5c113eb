import math

import torch
import torch.nn as nn

torch.manual_seed(0)
for C in (2, 10, 1000):
    logits = torch.zeros(8, C, requires_grad=True)  # zh: 所有 logits 相等：均匀分布 # en: all logits equal: a uniform distribution
    labels = torch.randint(0, C, (8,))
    loss = nn.CrossEntropyLoss()(logits, labels)
    loss.backward()
    print(f"C = {C:4d}: loss {loss.item():.4f}, ln C {math.log(C):.4f}")
    assert abs(loss.item() - math.log(C)) < 1e-5

# zh: 梯度是 (p - y) / N：正确类别 (1/C - 1)/N，其余 (1/C)/N
# en: the gradient is (p - y) / N: (1/C - 1)/N for the true class, (1/C)/N for the others
g = logits.grad[0]
print(f"gradient of sample 0: true class {g[labels[0]].item():.6f}, others {g[(labels[0] + 1) % C].item():.6f}")
assert abs(g[labels[0]].item() - (1 / C - 1) / 8) < 1e-7 and abs(g[(labels[0] + 1) % C].item() - 1 / C / 8) < 1e-9
