#| claims: [N37]
import torch
import torch.nn as nn

torch.manual_seed(1)
x = torch.randn(1, 4)
layer = nn.Linear(in_features=4, out_features=5)
output = layer(x)
print("without dropout:", output.detach())

dropout = nn.Dropout(p=0.75)  # zh: 新建的模块处于训练模式 # en: a new module is in training mode
dropped = dropout(output)
print("with dropout:   ", dropped.detach())

# zh: 保留下来的值被放大 1/(1-p) = 4 倍，其余为 0
# en: the kept values are scaled by 1/(1-p) = 4, the rest are 0
kept = dropped != 0
print("kept / original:", (dropped[kept] / output[kept]).detach())
assert torch.allclose(dropped[kept], 4 * output[kept])

# zh: 大量单元上：约 25% 被保留，均值（期望）不变
# en: over many units: about 25% are kept and the mean (the expectation) is unchanged
ones = torch.ones(100_000)
y = dropout(ones)
print(f"kept fraction: {(y != 0).float().mean():.3f}, mean: {y.mean():.3f} (input mean 1.0)")
assert abs((y != 0).float().mean() - 0.25) < 0.01 and abs(y.mean() - 1.0) < 0.02

# zh: eval() 模式下 Dropout 是恒等映射
# en: in eval() mode dropout is the identity
dropout.eval()
print("eval() returns its input unchanged:", torch.equal(dropout(output), output))
assert torch.equal(dropout(output), output)
