#| figures:
#|   - alt: {zh: "一元线性回归：散点是真实值 y，直线是模型预测 ŷ，每个点到直线的竖直线段是误差；标题给出由这些误差算出的一个标量 MSE", en: "A one-variable linear regression: the dots are the targets y, the line is the model's prediction ŷ, and the vertical segment from each dot to the line is its error; the title gives the single scalar MSE computed from those errors"}
#|     caption: {zh: "损失函数把所有样本的预测误差汇总成一个标量", en: "A loss function condenses the prediction errors of all samples into one scalar"}
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.linspace(0, 5, 12)
y = 1.5 * x + 1 + torch.randn(12)  # zh: 真实值：一条直线加噪声 # en: targets: a line plus noise

# zh: 最小二乘拟合 y ≈ w·x + b，得到预测值 ŷ
# en: least-squares fit y ≈ w·x + b gives the predictions ŷ
X = torch.stack([x, torch.ones_like(x)], dim=1)
w, b = torch.linalg.lstsq(X, y.unsqueeze(1)).solution.squeeze(1)
y_hat = w * x + b

loss = F.mse_loss(y_hat, y)  # zh: 12 个误差 -> 1 个数 # en: 12 errors -> 1 number
print(f"w = {w:.3f}, b = {b:.3f}, MSE = {loss:.4f}")

plt.figure(figsize=(6, 4))
plt.vlines(x, y, y_hat, colors="tab:red", label="error $e = \\hat{y} - y$")
plt.plot(x, y_hat, color="tab:blue", label="prediction $\\hat{y}$")
plt.scatter(x, y, color="black", zorder=3, label="target $y$")
plt.xlabel("$x$")
plt.ylabel("$y$")
plt.title(f"MSE = {loss:.3f}")
plt.legend()
plt.show()
