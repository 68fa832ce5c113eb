#| figures:
#|   - alt: {zh: "碗状函数 f(w) = w₁² + 3w₂² 的等高线图，上面画着三条从 (−4, 2) 出发、各走 30 步的梯度下降路径：学习率 0.01 的路径 30 步后还在半山腰（f ≈ 5）；学习率 0.1 的路径平稳地滑到中心的最低点，开始步子大、越靠近谷底步子越小；学习率 0.34 的路径在 w₂ 方向来回跳动、越跳越远，最终发散", en: "Contour plot of the bowl f(w) = w₁² + 3w₂² with three 30-step gradient-descent paths starting at (−4, 2): with learning rate 0.01 the path is still halfway down after 30 steps (f ≈ 5); with 0.1 it slides smoothly to the minimum at the centre, taking big steps first and smaller ones near the bottom; with 0.34 it bounces back and forth across the valley in the w₂ direction, further each time, and diverges"}
#|     caption: {zh: "凸函数上的梯度下降：学习率过小、合适与过大", en: "Gradient descent on a convex bowl: a learning rate too small, about right, and too large"}
import torch
import matplotlib.pyplot as plt


def f(w):
    return w[0] ** 2 + 3 * w[1] ** 2  # zh: 一个光滑的“碗” # en: a smooth bowl


def descend(lr, steps=30):
    w = torch.tensor([-4.0, 2.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr)
    path = [w.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        f(w).backward()  # zh: 计算梯度 ∂f/∂w # en: compute the gradient ∂f/∂w
        optimizer.step()  # zh: w ← w − lr·∂f/∂w # en: w ← w − lr·∂f/∂w
        path.append(w.detach().clone())
    return torch.stack(path)


paths = {lr: descend(lr) for lr in (0.01, 0.1, 0.34)}
for lr, path in paths.items():
    print(f"lr={lr:<5} f(start)={f(path[0]):8.3f}   f(after 30 steps)={f(path[-1]):10.4g}")

assert f(paths[0.1][-1]) < 1e-4  # zh: 合适的学习率：到达谷底 # en: a good learning rate reaches the bottom
assert f(paths[0.01][-1]) > 1.0  # zh: 太小：还在半山腰 # en: too small: still halfway down
assert f(paths[0.34][-1]) > f(paths[0.34][0])  # zh: 太大：损失不降反升 # en: too large: the loss goes up

w1, w2 = torch.meshgrid(torch.linspace(-5, 5, 201), torch.linspace(-3.5, 3.5, 141), indexing="xy")
plt.figure(figsize=(7, 4.8))
plt.contour(w1, w2, w1**2 + 3 * w2**2, levels=[0.5, 2, 5, 10, 20, 35, 50], colors="0.75")
for (lr, path), color in zip(paths.items(), ["tab:orange", "tab:blue", "tab:red"]):
    plt.plot(path[:, 0], path[:, 1], "o-", ms=3, color=color, label=f"lr = {lr}")
plt.plot(0, 0, "k*", ms=12)
plt.xlim(-5, 5)
plt.ylim(-3.5, 3.5)
plt.xlabel("$w_1$")
plt.ylabel("$w_2$")
plt.title(r"$f(w) = w_1^2 + 3 w_2^2$, SGD, 30 steps")
plt.legend(loc="lower right")
plt.show()
