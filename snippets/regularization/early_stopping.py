import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from dlref.regularization import EarlyStopping

torch.manual_seed(0)
torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)  # zh: 让打印的数字在不同 CPU 上一致 # en: the same printed numbers on every CPU

# zh: 与上面学习曲线相同的设置：100 张训练图像，同样的网络和优化器
# en: the same set-up as the learning curves above: 100 training images, the same network and optimizer
X, y = load_digits(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(X / 16, y, test_size=0.3, stratify=y, random_state=0)
X_train, y_train = torch.tensor(X_train[:100]), torch.tensor(y_train[:100])
X_val, y_val = torch.tensor(X_val), torch.tensor(y_val)
model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()


def val_loss():
    model.eval()
    with torch.no_grad():
        return loss_fn(model(X_val), y_val).item()


stopper = EarlyStopping(patience=20)  # zh: 连续 20 轮没有改进就停 # en: stop after 20 epochs in a row without improvement
for epoch in range(1, 1001):
    model.train()
    optimizer.zero_grad()
    loss_fn(model(X_train), y_train).backward()
    optimizer.step()
    if stopper.step(val_loss(), model):  # zh: 每当验证损失创新低，就复制一份权重 # en: copies the weights whenever the validation loss reaches a new low
        break

print(f"stopped after epoch {epoch} of at most 1000; best epoch {stopper.best_epoch}")
now = val_loss()
print(f"validation loss now: {now:.4f}")
assert abs(now - 0.4116) < 1e-4
stopper.restore(model)  # zh: 换回最佳轮次的权重 # en: load the weights of the best epoch back
print(f"after restore():     {val_loss():.4f} (the best seen: {stopper.best:.4f})")
assert epoch == stopper.best_epoch + 20 and val_loss() == stopper.best
assert stopper.best_epoch == 26 and abs(stopper.best - 0.3506) < 1e-4
