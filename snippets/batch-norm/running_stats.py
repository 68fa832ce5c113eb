#| claims: [N43, N46]
import inspect

import torch
import torch.nn as nn

print(inspect.signature(nn.BatchNorm1d))
bn = nn.BatchNorm1d(3)
print(f"momentum = {bn.momentum}, eps = {bn.eps}")
print("buffers:", [name for name, _ in bn.named_buffers()])
assert bn.momentum == 0.1 and bn.eps == 1e-5

torch.manual_seed(0)
x = 1 + 2 * torch.randn(8, 3)  # zh: 一个 m = 8 的 mini-batch # en: a mini-batch of m = 8 samples
old_mean, old_var = bn.running_mean.clone(), bn.running_var.clone()  # zh: 初始为 0 和 1 # en: initially 0 and 1
bn(x)  # zh: 新建的层处于训练模式 # en: a new layer is in training mode

batch_mean = x.mean(dim=0)
var_biased = x.var(dim=0, unbiased=False)  # zh: 除以 m：用于标准化 # en: divides by m: used to normalize
var_unbiased = x.var(dim=0, unbiased=True)  # zh: 除以 m-1：用于更新 running_var # en: divides by m - 1: used for running_var

print("running_mean             ", bn.running_mean)
print("0.9*old + 0.1*batch mean ", 0.9 * old_mean + 0.1 * batch_mean)
print("running_var              ", bn.running_var)
print("0.9*old + 0.1*unbiased   ", 0.9 * old_var + 0.1 * var_unbiased)
print("0.9*old + 0.1*biased     ", 0.9 * old_var + 0.1 * var_biased)
print("num_batches_tracked      ", bn.num_batches_tracked)
assert torch.allclose(bn.running_mean, 0.9 * old_mean + 0.1 * batch_mean)
assert torch.allclose(bn.running_var, 0.9 * old_var + 0.1 * var_unbiased)
assert not torch.allclose(bn.running_var, 0.9 * old_var + 0.1 * var_biased)
