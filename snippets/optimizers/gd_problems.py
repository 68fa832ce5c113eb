#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "梯度下降的三个难题，三幅子图。左：平缓区域，函数 1 − exp(−x²/2) 在 x = 3.5 附近几乎是平的，梯度下降走了 30 步仍挤在起点附近；中：鞍点，f = x² − y² 的等高线，从 (1.5, 0.001) 出发的路径先滑向原点附近的鞍点，在那里停留许多步，之后才沿 y 方向离开；右：局部最小值，双井函数 x⁴ − 3x² + x，从 x = 2 出发的梯度下降停在右侧较浅的局部最小值（x ≈ 1.13），而不是左侧更深的全局最小值（x ≈ −1.30）", en: "The three problems of gradient descent in three panels. Left: a plateau; the function 1 − exp(−x²/2) is almost flat near x = 3.5, and 30 steps of gradient descent stay bunched near the start. Middle: a saddle point; contours of f = x² − y², with a path from (1.5, 0.001) that slides towards the saddle at the origin, lingers there for many steps and only then leaves along y. Right: a local minimum; on the double well x⁴ − 3x² + x, gradient descent from x = 2 stops in the shallower local minimum on the right (x ≈ 1.13) instead of the deeper global minimum on the left (x ≈ −1.30)"}
#|     caption: {zh: "平缓区域、鞍点与局部最小值", en: "Plateau, saddle point and local minimum"}
import matplotlib.pyplot as plt
import torch

from dlref.figures import tr


def descend(f, start, lr, steps):
    p = torch.tensor(start, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=lr)
    path = [p.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        f(p).backward()
        optimizer.step()
        path.append(p.detach().clone())
    return torch.stack(path)


fig, axes = plt.subplots(1, 3, figsize=(13, 3.9))

# zh: 平缓区域
# en: plateau
ax = axes[0]
plateau = lambda x: 1 - torch.exp(-x**2 / 2)  # noqa: E731
x = torch.linspace(-5, 5, 401)
path = descend(lambda p: plateau(p).sum(), [3.5], lr=1.0, steps=30)[:, 0]
ax.plot(x, plateau(x), color="0.3")
ax.plot(path, plateau(path), "o", ms=4, color="tab:red", label=tr(zh="梯度下降 30 步", en="30 steps of GD"))
ax.set_title(tr(zh="平缓区域：梯度极小，几乎原地踏步", en="plateau: tiny gradient, barely moving"), fontsize=10)
ax.set_xlabel("$x$")
ax.legend(loc="lower left", fontsize=9)

# zh: 鞍点
# en: saddle point
ax = axes[1]
X, Y = torch.meshgrid(torch.linspace(-2, 2, 161), torch.linspace(-2, 2, 161), indexing="xy")
ax.contour(X, Y, X**2 - Y**2, levels=14, colors="0.75", linewidths=0.8)
path = descend(lambda p: p[0] ** 2 - p[1] ** 2, [1.5, 0.001], lr=0.1, steps=40)
path = path[path[:, 1].abs() < 2]
ax.plot(path[:, 0], path[:, 1], "o-", ms=3, color="tab:red")
ax.plot(0, 0, "kx", ms=9, mew=2)
ax.set_title(tr(zh="鞍点：梯度为零，长时间停滞", en="saddle point: zero gradient, long stall"), fontsize=10)
ax.set_xlabel("$x$")
ax.set_ylabel("$y$")
ax.set_aspect("equal")

# zh: 局部最小值
# en: local minimum
ax = axes[2]
well = lambda x: x**4 - 3 * x**2 + x  # noqa: E731
x = torch.linspace(-2.1, 2.2, 401)
path = descend(lambda p: well(p).sum(), [2.0], lr=0.01, steps=100)[:, 0]
ax.plot(x, well(x), color="0.3")
ax.plot(path, well(path), "o", ms=3, color="tab:red")
ax.annotate(tr(zh="局部最小值", en="local minimum"), (path[-1], well(path[-1])), (0.2, 2.5),
            arrowprops=dict(arrowstyle="->"), fontsize=9)
ax.annotate(tr(zh="全局最小值", en="global minimum"), (-1.30, well(torch.tensor(-1.30))), (-1.9, 1.5),
            arrowprops=dict(arrowstyle="->"), fontsize=9)
ax.set_title(tr(zh="局部最小值：困在浅谷", en="local minimum: stuck in a shallow valley"), fontsize=10)
ax.set_xlabel("$x$")
fig.tight_layout()
plt.show()
