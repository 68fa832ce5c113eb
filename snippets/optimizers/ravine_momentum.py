#| figures:
#|   - alt: {zh: "狭长山谷 f = ½(x² + 20y²) 的等高线图，两条从 (−10, 1) 出发、学习率都是 0.01 的 80 步路径：普通 SGD（红色）先很快落到谷底，然后沿平缓的谷底缓慢爬行，80 步后仍停在 x ≈ −4.5；动量 0.9 的 SGD（蓝色）沿谷底越走越快，冲过最低点后折返，80 步后已在最低点附近", en: "Contour plot of the narrow valley f = ½(x² + 20y²) with two 80-step paths from (−10, 1), both with learning rate 0.01: plain SGD (red) quickly drops to the valley floor, then crawls along the gentle floor and is still at x ≈ −4.5 after 80 steps; SGD with momentum 0.9 (blue) gains speed along the floor, overshoots the minimum, swings back and is close to the minimum after 80 steps"}
#|     caption: {zh: "同样的学习率，动量在平缓的谷底方向不断积累速度", en: "With the same learning rate, momentum keeps gathering speed along the gentle valley floor"}
import torch
import matplotlib.pyplot as plt


def f(p):
    return 0.5 * (p[0] ** 2 + 20 * p[1] ** 2)  # zh: 一个狭长的山谷 # en: a long, narrow valley


def descend(momentum, lr=0.01, steps=80):
    p = torch.tensor([-10.0, 1.0], requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=lr, momentum=momentum)
    path = [p.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        f(p).backward()
        optimizer.step()
        path.append(p.detach().clone())
    return torch.stack(path)


plain, heavy = descend(momentum=0.0), descend(momentum=0.9)
print(f"after 80 steps  plain SGD: f = {f(plain[-1]):.4f}   momentum 0.9: f = {f(heavy[-1]):.4f}")
assert f(heavy[-1]) < f(plain[-1]) / 100

x, y = torch.meshgrid(torch.linspace(-11, 3, 281), torch.linspace(-1.5, 1.5, 121), indexing="xy")
plt.figure(figsize=(8, 3.6))
plt.contour(x, y, f(torch.stack([x, y])), levels=[0.5, 2, 5, 10, 20, 35, 50], colors="0.75")
plt.plot(plain[:, 0], plain[:, 1], "o-", ms=2.5, color="tab:red", label="SGD(lr=0.01)")
plt.plot(heavy[:, 0], heavy[:, 1], "o-", ms=2.5, color="tab:blue", label="SGD(lr=0.01, momentum=0.9)")
plt.plot(0, 0, "k*", ms=10)
plt.xlabel("$x$")
plt.ylabel("$y$")
plt.title(r"$f = \frac{1}{2}(x^2 + 20y^2)$, 80 steps")
plt.legend(loc="lower right", fontsize=9)
plt.show()
