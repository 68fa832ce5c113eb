#| figures:
#|   - alt: {zh: "两幅图，横轴都是训练轮次（1 到 200）。左图：训练损失（蓝）一路降到接近 0；验证损失（橙）先下降，在竖直虚线标出的最佳轮次处最低，之后缓慢上升。右图：训练准确率很快达到 100%，验证准确率停在约 91% 附近不再提高，两条曲线之间留下一段差距。", en: "Two panels with the training epoch (1 to 200) on the horizontal axis. Left: the training loss (blue) falls steadily to almost 0; the validation loss (orange) falls, reaches its minimum at the best epoch marked by a dashed vertical line, then slowly rises. Right: the training accuracy quickly reaches 100% while the validation accuracy levels off near 91% and stops improving, leaving a gap between the two curves."}
#|     caption: {zh: "100 张训练图像上的学习曲线：验证损失的最低点之后就是过拟合", en: "Learning curves on 100 training images: after the minimum of the validation loss, the model overfits"}
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.manual_seed(0)
torch.set_num_threads(1)
# zh: float64：网络很小，双精度让打印的数字在不同 CPU 上保持一致
# en: float64: the network is tiny, and double precision keeps the printed numbers the same on every CPU
torch.set_default_dtype(torch.float64)

X, y = load_digits(return_X_y=True)  # zh: 1797 张 8×8 手写数字 # en: 1797 handwritten digits, 8×8 pixels
X_train, X_val, y_train, y_val = train_test_split(X / 16, y, test_size=0.3, stratify=y, random_state=0)
# zh: 只用 100 张训练图像，过拟合在几秒内就能看到
# en: keep only 100 training images, so that overfitting shows within seconds
X_train, y_train = torch.tensor(X_train[:100]), torch.tensor(y_train[:100])
X_val, y_val = torch.tensor(X_val), torch.tensor(y_val)

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()


def evaluate(X, y):
    model.eval()
    with torch.no_grad():
        logits = model(X)
        return loss_fn(logits, y).item(), (logits.argmax(1) == y).double().mean().item()


history = []  # zh: 每轮：(训练损失, 验证损失, 训练准确率, 验证准确率) # en: per epoch: (train loss, val loss, train acc, val acc)
for epoch in range(1, 201):
    model.train()
    optimizer.zero_grad()
    loss_fn(model(X_train), y_train).backward()  # zh: 全批量：一轮一步 # en: full batch: one step per epoch
    optimizer.step()
    (train_loss, train_acc), (val_loss, val_acc) = evaluate(X_train, y_train), evaluate(X_val, y_val)
    history.append((train_loss, val_loss, train_acc, val_acc))

train_loss, val_loss, train_acc, val_acc = map(torch.tensor, zip(*history))
best = int(val_loss.argmin()) + 1  # zh: 轮次从 1 开始 # en: epochs count from 1
print(f"best epoch {best}: val loss {val_loss[best - 1]:.3f}, val accuracy {val_acc[best - 1]:.3f}")
print(f"epoch 200: train loss {train_loss[-1]:.4f}, val loss {val_loss[-1]:.3f}, "
      f"train accuracy {train_acc[-1]:.3f}, val accuracy {val_acc[-1]:.3f}")
assert train_loss[-1] < 0.01 and train_acc[-1] == 1.0
assert val_loss[-1] > 1.3 * val_loss[best - 1]  # zh: 最低点之后验证损失回升 # en: the validation loss rises after its minimum
assert best == 26 and abs(val_loss[best - 1] - 0.351) < 1e-3 and abs(val_loss[-1] - 0.465) < 1e-3
assert abs(val_acc[best - 1] - val_acc[-1]) < 0.01  # zh: 准确率几乎不变 # en: the accuracy hardly changes

epochs = range(1, 201)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.8))
ax1.plot(epochs, train_loss, label="training loss")
ax1.plot(epochs, val_loss, label="validation loss")
ax1.axvline(best, color="0.5", ls="--", lw=1, label=f"best epoch ({best})")
ax1.set_ylim(0, 1.2)  # zh: 前几轮的损失更高，截掉 # en: the first epochs are higher; cut off
ax1.set_xlabel("epoch")
ax1.set_ylabel("cross-entropy")
ax1.legend(fontsize=8)
ax2.plot(epochs, train_acc, label="training accuracy")
ax2.plot(epochs, val_acc, label="validation accuracy")
ax2.axvline(best, color="0.5", ls="--", lw=1)
ax2.set_ylim(0.5, 1.02)
ax2.set_xlabel("epoch")
ax2.set_ylabel("accuracy")
ax2.legend(fontsize=8, loc="lower right")
plt.tight_layout()
plt.show()
