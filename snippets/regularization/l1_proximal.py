import torch
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso

from dlref.regularization import l1_penalty, soft_threshold

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
data = load_diabetes()
X = (data.data - data.data.mean(0)) / data.data.std(0)
y = data.target - data.target.mean()
Xt, yt = torch.tensor(X), torch.tensor(y)
alpha, lr, steps = 10.0, 0.05, 1000


def data_loss(w):
    return ((yt - Xt @ w) ** 2).mean() / 2  # zh: 1/(2n)·‖y − Xw‖²，与 sklearn 的 Lasso 相同 # en: 1/(2n)·‖y − Xw‖², as in sklearn's Lasso


# zh: (a) 次梯度下降：把 α‖w‖₁ 加进损失，autograd 对 |w| 给出 sign(w)
# en: (a) subgradient descent: add α‖w‖₁ to the loss; autograd differentiates |w| as sign(w)
w_sub = torch.zeros(10, requires_grad=True)
for _ in range(steps):
    loss = data_loss(w_sub) + l1_penalty([w_sub], alpha)
    (grad,) = torch.autograd.grad(loss, w_sub)
    with torch.no_grad():
        w_sub -= lr * grad

# zh: (b) 近端梯度下降（ISTA）：只对数据损失走一步梯度，再软阈值 sign(w)·max(|w| − lr·α, 0)
# en: (b) proximal gradient descent (ISTA): a gradient step on the data loss only, then soft thresholding sign(w)·max(|w| − lr·α, 0)
w_prox = torch.zeros(10, requires_grad=True)
for _ in range(steps):
    (grad,) = torch.autograd.grad(data_loss(w_prox), w_prox)
    with torch.no_grad():
        w_prox.copy_(soft_threshold(w_prox - lr * grad, lr * alpha))

w_sub, w_prox = w_sub.detach(), w_prox.detach()
w_sklearn = torch.tensor(Lasso(alpha=alpha, fit_intercept=False, tol=1e-10).fit(X, y).coef_)
zero = w_sklearn == 0  # zh: Lasso 的解里为 0 的系数 # en: the coefficients that are 0 in the lasso solution
print(f"sklearn Lasso  : exactly 0: {int(zero.sum())} of 10")
print(f"proximal (ISTA): exactly 0: {int((w_prox == 0).sum())} of 10, "
      f"same solution as sklearn: {torch.allclose(w_prox, w_sklearn, atol=1e-4)}")
print(f"subgradient    : exactly 0: {int((w_sub == 0).sum())} of 10, "
      f"lasso's 6 zeros are here between {w_sub[zero].abs().min():.2f} and {w_sub[zero].abs().max():.2f} in size")
assert torch.equal(w_prox == 0, zero) and zero.sum() == 6 and torch.allclose(w_prox, w_sklearn, atol=1e-4)
# zh: 次梯度法每步把 0 附近的权重推过 0 点，在 ±lr·α 以内来回跳，却落不到 0 上
# en: subgradient steps push the small weights back and forth across 0 within about ±lr·α, never landing on it
assert (w_sub == 0).sum() == 0 and w_sub[zero].abs().max() < lr * alpha
assert abs(w_sub[zero].abs().min() - 0.03) < 0.005 and abs(w_sub[zero].abs().max() - 0.47) < 0.005
