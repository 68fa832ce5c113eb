#| figures:
#|   - alt: {zh: "两幅图，横轴都是正则化强度 α（对数刻度，向右越强），纵轴是 10 个特征的系数，每个特征一条曲线。左图 Lasso（L1）：随着 α 增大，系数一条接一条地精确变成 0，bmi 和 s5 最后变成 0，α 约大于 45 时所有系数都是 0。右图 Ridge（L2）：所有系数都平滑地向 0 收缩，但没有一个恰好等于 0。", en: "Two panels with the regularization strength α on the horizontal axis (log scale, stronger to the right) and the coefficients of the 10 features on the vertical axis, one line per feature. Left, lasso (L1): as α grows the coefficients become exactly 0 one after another; bmi and s5 are the last to go, and beyond α ≈ 45 every coefficient is 0. Right, ridge (L2): all coefficients shrink smoothly towards 0, but none of them reaches exactly 0."}
#|     caption: {zh: "糖尿病数据上的 Lasso 路径与 Ridge 路径：L1 产生精确的 0，L2 只收缩", en: "Lasso and ridge paths on the diabetes data: L1 gives exact zeros, L2 only shrinks"}
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, Ridge, lasso_path

data = load_diabetes()  # zh: 442 个病人，10 个特征，目标是一年后的病情指标 # en: 442 patients, 10 features, the target is a disease measure one year later
X = (data.data - data.data.mean(0)) / data.data.std(0)  # zh: 标准化，惩罚对每个特征才公平 # en: standardized, so that the penalty treats the features alike
y = data.target - data.target.mean()

# zh: Lasso 最小化 1/(2n)·‖y − Xw‖² + α‖w‖₁；Ridge 最小化 ‖y − Xw‖² + α‖w‖²
# en: lasso minimizes 1/(2n)·‖y − Xw‖² + α‖w‖₁; ridge minimizes ‖y − Xw‖² + α‖w‖²
for alpha in [1, 10, 30]:
    lasso = Lasso(alpha=alpha, fit_intercept=False).fit(X, y).coef_
    ridge = Ridge(alpha=alpha * len(y), fit_intercept=False).fit(X, y).coef_
    kept = [name for name, c in zip(data.feature_names, lasso) if c != 0]
    print(f"alpha {alpha:2d}: lasso keeps {len(kept):2d} of 10 {kept}, ridge keeps {np.count_nonzero(ridge)} of 10")
    assert np.count_nonzero(ridge) == 10
assert kept == ["bmi", "s5"]

alphas_l1, coefs_l1, _ = lasso_path(X, y, alphas=np.logspace(-1, 2, 100))
alphas_l2 = np.logspace(0, 5, 100)
coefs_l2 = np.array([Ridge(alpha=a, fit_intercept=False).fit(X, y).coef_ for a in alphas_l2]).T

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
for j, name in enumerate(data.feature_names):
    ax1.plot(alphas_l1, coefs_l1[j], label=name)
    ax2.plot(alphas_l2, coefs_l2[j], label=name)
ax1.set_title("lasso (L1): exact zeros", fontsize=10)
ax2.set_title("ridge (L2): shrinks, never exactly 0", fontsize=10)
for ax in (ax1, ax2):
    ax.set_xscale("log")
    ax.axhline(0, color="0.5", lw=0.8)
    ax.set_xlabel("alpha")
ax1.set_ylabel("coefficient")
ax2.legend(fontsize=7, ncol=2, loc="upper right")
plt.tight_layout()
plt.show()
