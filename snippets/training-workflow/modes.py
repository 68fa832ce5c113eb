import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(8, 2))
x = torch.randn(6, 4)

# zh: train()/eval() 递归设置每个子模块的 training 标志
# en: train()/eval() set the `training` flag of every submodule, recursively
model.train()
print("train():", [m.training for m in model])
a, b = model(x), model(x)
print("  two passes give the same output:", torch.equal(a, b))  # zh: Dropout 每次丢弃不同的单元 # en: dropout drops different units each time
assert not torch.equal(a, b)

model.eval()
print("eval(): ", [m.training for m in model])
a, b = model(x), model(x)
print("  two passes give the same output:", torch.equal(a, b))
assert torch.equal(a, b)

# zh: eval() 只切换层的行为，并不关闭梯度记录
# en: eval() only switches layer behaviour; it does not stop gradient tracking
print("eval() alone, output.requires_grad:", model(x).requires_grad)

# zh: 推理时再加 torch.no_grad()（或 torch.inference_mode()）：不建计算图，更省内存、更快
# en: for inference add torch.no_grad() (or torch.inference_mode()): no graph is built, saving memory and time
with torch.no_grad():
    out = model(x)
print("eval() + no_grad(), output.requires_grad:", out.requires_grad)
with torch.inference_mode():
    out = model(x)
print("eval() + inference_mode(), output.requires_grad:", out.requires_grad)
assert not out.requires_grad
