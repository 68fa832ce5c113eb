#| figures:
#|   - alt: {zh: "起伏地形 f(x, y) = sin x · cos y + 0.05(x² + y²) 的等高线图，有多个山谷和马鞍形区域；六条从不同起点（黑点）出发的梯度下降路径各自滚进离自己最近的山谷（白星）：只有一条到达了最深的山谷（约 (−1.43, 0)，f ≈ −0.89），其余停在更浅的局部最小值上", en: "Contour plot of the hilly landscape f(x, y) = sin x · cos y + 0.05(x² + y²), with several valleys and saddle-shaped passes; six gradient-descent paths from different starting points (black dots) each roll into the nearest valley (white stars): only one reaches the deepest valley (near (−1.43, 0), f ≈ −0.89); the others stop in shallower local minima"}
#|     caption: {zh: "非凸函数上的梯度下降：起点决定了落入哪个山谷", en: "Gradient descent on a non-convex function: the starting point decides which valley it ends in"}
import torch
import matplotlib.pyplot as plt


def f(p):
    x, y = p[..., 0], p[..., 1]
    return torch.sin(x) * torch.cos(y) + 0.05 * (x**2 + y**2)


starts = torch.tensor([[-4.0, 3.5], [1.0, 4.0], [2.0, -0.5], [-2.5, -4.5], [4.5, 2.5], [-0.5, 1.5]])
plt.figure(figsize=(6.4, 5.6))
x, y = torch.meshgrid(torch.linspace(-6, 6, 121), torch.linspace(-6, 6, 121), indexing="xy")
z = f(torch.stack([x, y], dim=-1))
plt.imshow(z, extent=(-6, 6, -6, 6), origin="lower", cmap="Greys_r", alpha=0.6)
plt.colorbar(label="$f(x, y)$")
plt.contour(x, y, z, levels=12, colors="0.4", linewidths=0.5)

ends = []
for start in starts:
    p = start.clone().requires_grad_(True)
    optimizer = torch.optim.SGD([p], lr=0.1)
    path = [p.detach().clone()]
    for _ in range(200):
        optimizer.zero_grad()
        f(p).backward()
        optimizer.step()
        path.append(p.detach().clone())
    path = torch.stack(path)
    plt.plot(path[:, 0], path[:, 1], "-", lw=2)
    plt.plot(*path[0], "ko", ms=5)
    plt.plot(*path[-1], "w*", ms=12, mec="k")
    ends.append(f(path[-1]).item())
    print(f"start ({start[0]:5.1f}, {start[1]:5.1f}) -> end ({path[-1, 0]:6.3f}, {path[-1, 1]:6.3f}), f = {ends[-1]:.4f}")

assert len({round(e, 3) for e in ends}) >= 3  # zh: 终点的损失各不相同：不同的局部最小值 # en: different final losses: different local minima
plt.xlabel("$x$")
plt.ylabel("$y$")
plt.title(r"$f(x,y) = \sin x \cos y + 0.05(x^2+y^2)$, SGD lr = 0.1")
plt.show()
