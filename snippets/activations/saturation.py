#| figures:
#|   - alt: {zh: "左图是 Sigmoid 曲线 σ(z)，右图是它的导数 σ′(z)。两图中 |z| ≤ 3 的线性区涂成绿色，|z| ≥ 5 的饱和区涂成红色：绿色区内曲线陡、导数大，导数在 z = 0 处达到峰值 0.25；红色区内曲线几乎水平，导数几乎为 0", en: "Left, the sigmoid curve σ(z); right, its derivative σ′(z). In both panels the linear region |z| ≤ 3 is shaded green and the saturation regions |z| ≥ 5 are shaded red: in the green band the curve is steep and the derivative large, peaking at 0.25 at z = 0; in the red bands the curve is almost flat and the derivative almost 0"}
#|     caption: {zh: "Sigmoid 与它的导数：绿色为线性区（反应区），红色为饱和区（麻木区）", en: "Sigmoid and its derivative: the linear region in green, the saturation regions in red"}
#| claims: [N06]
import torch
import matplotlib.pyplot as plt

# zh: 在 [-10, 10] 上取 1001 个点，并让 autograd 记录计算
# en: 1001 points on [-10, 10], tracked by autograd
z = torch.linspace(-10, 10, 1001, requires_grad=True)
s = torch.sigmoid(z)
# zh: 每个 s_i 只依赖 z_i，所以 s.sum() 对 z 的梯度就是逐点的导数 σ'(z_i)
# en: each s_i depends on z_i only, so the gradient of s.sum() is the point-wise derivative σ'(z_i)
s.sum().backward()
ds = z.grad

peak = ds.argmax()
print(f"max sigma'(z) = {ds[peak]:.4f} at z = {z[peak]:.2f}")
assert abs(ds[peak] - 0.25) < 1e-6 and abs(z[peak]) < 0.02

# zh: 几个典型位置的导数，以及它们是峰值 0.25 的百分之几
# en: the derivative at a few typical points, and what fraction of the 0.25 peak it is
points = torch.tensor([0.0, 1.0, 2.0, 3.0, 5.0, 6.0, 10.0], requires_grad=True)
torch.sigmoid(points).sum().backward()
for p, g in zip(points.tolist(), points.grad.tolist()):
    print(f"sigma'({p:>2.0f}) = {g:.5f} = {g / 0.25:7.2%} of the peak")
grad = dict(zip(points.tolist(), points.grad.tolist()))
assert abs(grad[3.0] - 0.0452) < 1e-4 and abs(grad[5.0] - 0.0066) < 1e-4 and abs(grad[6.0] - 0.0025) < 1e-4

fig, axes = plt.subplots(1, 2, figsize=(10, 3.6), sharex=True)
for ax, y, name in zip(axes, [s.detach(), ds], [r"$\sigma(z)$", r"$\sigma'(z)$"]):
    ax.axvspan(-3, 3, color="tab:green", alpha=0.15, label=r"$|z| \leq 3$")
    ax.axvspan(5, 10, color="tab:red", alpha=0.15, label=r"$|z| \geq 5$")
    ax.axvspan(-10, -5, color="tab:red", alpha=0.15)
    ax.plot(z.detach(), y, color="tab:blue", label=name)
    ax.set_xlabel("z")
    ax.set_xlim(-10, 10)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left")
axes[1].annotate("0.25", xy=(0, 0.25), xytext=(2.5, 0.22), arrowprops={"arrowstyle": "->"})
axes[1].set_ylim(0, 0.3)
plt.tight_layout()
plt.show()
