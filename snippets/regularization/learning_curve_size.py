#| figures:
#|   - alt: {zh: "两幅图，横轴是训练集大小（25 到 1257 张图像，对数刻度）；左图纵轴也是对数刻度。左图：训练 100 轮后的训练损失（蓝）随数据增多而上升，验证损失（橙）大幅下降，两者之间的差距逐渐缩小。右图：训练准确率始终是或接近 100%，验证准确率从约 67% 升到约 98%。", en: "Two panels with the training-set size (25 to 1257 images, log scale) on the horizontal axis; the left panel has a log vertical axis too. Left: after 100 epochs the training loss (blue) rises with more data while the validation loss (orange) falls steeply, and the gap between them narrows. Right: the training accuracy stays at or near 100% while the validation accuracy climbs from about 67% to about 98%."}
#|     caption: {zh: "随训练集大小变化的学习曲线：数据越多，泛化差距越小", en: "Learning curve against the training-set size: the more data, the smaller the generalization gap"}
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)  # zh: 让打印的数字在不同 CPU 上一致 # en: the same printed numbers on every CPU

X, y = load_digits(return_X_y=True)
X_pool, X_val, y_pool, y_val = train_test_split(X / 16, y, test_size=0.3, stratify=y, random_state=0)
X_val, y_val = torch.tensor(X_val), torch.tensor(y_val)
loss_fn = nn.CrossEntropyLoss()


def train(n, epochs=100):
    """Train the same MLP on the first n training images; return (train loss, val loss, train acc, val acc)."""
    torch.manual_seed(0)
    X_train, y_train = torch.tensor(X_pool[:n]), torch.tensor(y_pool[:n])
    model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(epochs):
        optimizer.zero_grad()
        loss_fn(model(X_train), y_train).backward()
        optimizer.step()
    with torch.no_grad():
        results = []
        for X_, y_ in ((X_train, y_train), (X_val, y_val)):
            logits = model(X_)
            results.append((loss_fn(logits, y_).item(), (logits.argmax(1) == y_).double().mean().item()))
    (train_loss, train_acc), (val_loss, val_acc) = results
    return train_loss, val_loss, train_acc, val_acc


sizes = [25, 50, 100, 200, 400, 800, len(X_pool)]
curves = [train(n) for n in sizes]
for n, (train_loss, val_loss, train_acc, val_acc) in zip(sizes, curves):
    print(f"n = {n:4d}: train loss {train_loss:.4f}, val loss {val_loss:.3f}, "
          f"train accuracy {train_acc:.3f}, val accuracy {val_acc:.3f}")
train_loss, val_loss, train_acc, val_acc = map(list, zip(*curves))
# zh: 数据越多：训练损失上升，验证损失下降，差距缩小
# en: with more data the training loss rises, the validation loss falls and the gap narrows
assert train_loss == sorted(train_loss) and val_loss == sorted(val_loss, reverse=True)
gaps = [v - t for t, v in zip(train_loss, val_loss)]
assert gaps == sorted(gaps, reverse=True)
assert abs(val_acc[0] - 0.667) < 1e-3 and abs(val_acc[-1] - 0.978) < 1e-3

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.8))
ax1.plot(sizes, train_loss, "o-", label="training loss")
ax1.plot(sizes, val_loss, "o-", label="validation loss")
ax1.set_xscale("log")
ax1.set_yscale("log")
ax1.set_xlabel("training-set size")
ax1.set_ylabel("cross-entropy after 100 epochs")
ax1.legend(fontsize=8)
ax2.plot(sizes, train_acc, "o-", label="training accuracy")
ax2.plot(sizes, val_acc, "o-", label="validation accuracy")
ax2.set_xscale("log")
ax2.set_xlabel("training-set size")
ax2.set_ylabel("accuracy")
ax2.legend(fontsize=8, loc="lower right")
plt.tight_layout()
plt.show()
