#| claims: [N27]
#| figures:
#|   - alt: {zh: "MSE（L2）损失随误差 e 变化的抛物线 e²，顶点在原点；下方是它的导数 2e，一条过原点、斜率为 2 的直线", en: "The MSE (L2) loss e² as a parabola in the error e, with its vertex at the origin; below it, the derivative 2e, a straight line through the origin with slope 2"}
#|     caption: {zh: "MSE：损失随误差平方增长，梯度 2e 与误差成正比", en: "MSE: the loss grows with the square of the error, and the gradient 2e is proportional to it"}
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

e = torch.linspace(-3, 3, 601, requires_grad=True)
loss = F.mse_loss(e, torch.zeros_like(e), reduction="none")  # zh: 逐点 e² # en: e² point by point
loss.sum().backward()

# zh: 斜率随误差变大：误差 1 时为 2，误差 10 时为 20
# en: the slope grows with the error: 2 at an error of 1, 20 at an error of 10
for err in (1.0, 10.0):
    t = torch.tensor(err, requires_grad=True)
    F.mse_loss(t, torch.tensor(0.0)).backward()
    print(f"error {err:4.1f}: loss {err ** 2:5.1f}, slope {t.grad.item():4.1f}")
    assert t.grad.item() == 2 * err

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(6, 5), sharex=True)
ax1.plot(e.detach(), loss.detach())
ax1.set_ylabel("$e^2$")
ax1.set_title("MSELoss")
ax2.plot(e.detach(), e.grad, color="tab:orange")
ax2.set_ylabel("$d(e^2)/de = 2e$")
ax2.set_xlabel("error $e$")
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
plt.tight_layout()
plt.show()
