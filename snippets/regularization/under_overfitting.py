#| figures:
#|   - alt: {zh: "三幅并排的图，都画着同样 10 个带噪声的训练点（蓝点）和真实函数 sin(2πx)（灰色虚线）。左图：1 次多项式是一条直线，离大多数点都很远（欠拟合）。中图：3 次多项式贴近真实曲线。右图：9 次多项式穿过每一个训练点，但在点与点之间剧烈摆动（过拟合）。每幅图的标题给出训练 MSE 和测试 MSE。", en: "Three side-by-side panels, each with the same 10 noisy training points (blue dots) and the true function sin(2πx) (grey dashed line). Left: the degree-1 polynomial is a straight line far from most points (underfitting). Middle: the degree-3 polynomial follows the true curve closely. Right: the degree-9 polynomial passes through every training point but swings wildly between them (overfitting). Each title gives the training and test MSE."}
#|     caption: {zh: "同样的数据，三种容量的模型：欠拟合、合适、过拟合", en: "The same data and three model capacities: underfitting, a good fit, overfitting"}
import numpy as np
import matplotlib.pyplot as plt
from numpy.polynomial import Polynomial

rng = np.random.default_rng(2)


def f(x):
    return np.sin(2 * np.pi * x)


# zh: 10 个训练点和 200 个测试点，来自同一个分布：y = sin(2πx) + 噪声
# en: 10 training points and 200 test points from the same distribution: y = sin(2πx) + noise
x_train = np.linspace(0, 1, 10)
y_train = f(x_train) + rng.normal(0, 0.2, size=10)
x_test = rng.uniform(0, 1, size=200)
y_test = f(x_test) + rng.normal(0, 0.2, size=200)

fig, axes = plt.subplots(1, 3, figsize=(12, 3.6), sharey=True)
grid = np.linspace(0, 1, 400)
mse = {}
for ax, degree in zip(axes, [1, 3, 9]):
    poly = Polynomial.fit(x_train, y_train, degree)  # zh: 最小二乘拟合 # en: least-squares fit
    train_mse = np.mean((poly(x_train) - y_train) ** 2)
    test_mse = np.mean((poly(x_test) - y_test) ** 2)
    mse[degree] = (train_mse, test_mse)
    print(f"degree {degree}: train MSE {train_mse:.4f}, test MSE {test_mse:.4f}")
    ax.plot(grid, f(grid), "--", color="0.6", label="sin(2πx)")
    ax.plot(grid, poly(grid), color="C1", label=f"degree {degree}")
    ax.scatter(x_train, y_train, color="C0", zorder=3, label="training data")
    ax.set_title(f"degree {degree}: train {train_mse:.3f}, test {test_mse:.3f}", fontsize=10)
    ax.set_ylim(-1.8, 1.8)
    ax.set_xlabel("x")
axes[0].legend(fontsize=8, loc="lower left")
plt.tight_layout()
plt.show()

# zh: 训练误差随次数单调下降；测试误差先降后升
# en: the training error falls with the degree; the test error falls, then rises
assert mse[1][0] > mse[3][0] > mse[9][0] and mse[9][0] < 1e-12
assert mse[3][1] < mse[1][1] and mse[3][1] < mse[9][1]
