import math

import torch
import torch.nn as nn

y_true = torch.tensor([2.0, 3.0, 1.0])
y_pred = torch.tensor([1.0, 5.0, 4.0])
var = torch.ones(3)  # zh: 假设噪声方差为 1 # en: assume noise variance 1

mse = nn.MSELoss()(y_pred, y_true)
nll = nn.GaussianNLLLoss(full=True)(y_pred, y_true, var)  # zh: 高斯负对数似然（含常数项） # en: Gaussian negative log-likelihood (with the constant)
print(f"MSE = {mse:.4f}")
print(f"Gaussian NLL = {nll:.4f} = 0.5 * MSE + 0.5 * ln(2*pi) = {0.5 * mse + 0.5 * math.log(2 * math.pi):.4f}")
assert torch.allclose(nll, 0.5 * mse + 0.5 * math.log(2 * math.pi))

# zh: 拉普拉斯分布 p(e) = exp(-|e|/b) / (2b) 的负对数似然（b = 1）= MAE + ln 2
# en: the negative log-likelihood of a Laplace distribution p(e) = exp(-|e|/b) / (2b) (b = 1) = MAE + ln 2
e = y_pred - y_true
laplace_nll = -torch.distributions.Laplace(0.0, 1.0).log_prob(e).mean()
mae = nn.L1Loss()(y_pred, y_true)
print(f"Laplace NLL = {laplace_nll:.4f} = MAE + ln 2 = {mae + math.log(2):.4f}")
assert torch.allclose(laplace_nll, mae + math.log(2))
