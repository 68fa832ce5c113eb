import torch
import torch.nn as nn

from dlref.batchnorm import batch_norm_eval, batch_norm_train

torch.manual_seed(0)
bn = nn.BatchNorm1d(4)
# zh: 从零实现的 BN 使用同一份 γ、β 和运行统计量
# en: the from-scratch BN starts from the same γ, β and running statistics
gamma, beta = bn.weight.detach().clone(), bn.bias.detach().clone()
running_mean, running_var = bn.running_mean.clone(), bn.running_var.clone()

diffs = []
bn.train()
for step in range(3):
    x = 10 + 5 * torch.randn(16, 4)  # zh: 每一步一个新的 mini-batch # en: a new mini-batch at every step
    y_torch = bn(x)
    y_ours, running_mean, running_var = batch_norm_train(x, gamma, beta, running_mean, running_var)
    diffs += [(y_ours - y_torch).abs().max(), (running_mean - bn.running_mean).abs().max(),
              (running_var - bn.running_var).abs().max()]
print("first row, nn.BatchNorm1d:   ", y_torch[0].detach())
print("first row, batch_norm_train: ", y_ours[0])
print("running_var, nn.BatchNorm1d: ", bn.running_var)
print("running_var, ours:           ", running_var)

bn.eval()
x = 10 + 5 * torch.randn(2, 4)
diffs.append((batch_norm_eval(x, gamma, beta, running_mean, running_var) - bn(x)).abs().max())
max_diff = max(diffs).item()
# zh: 两者只差浮点舍入误差（约 1e-7 量级，具体数值随 CPU 略有不同，所以打印它的上界）
# en: the two differ only by float rounding (around 1e-7; the exact value varies a little between CPUs, so print a bound)
print(f"max |difference| over 3 training steps and 1 eval step < 1e-5: {max_diff < 1e-5}")
assert max_diff < 1e-5
