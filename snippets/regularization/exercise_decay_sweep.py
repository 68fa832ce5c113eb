import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
X, y = load_digits(return_X_y=True)
X_train, X_val, y_train, y_val = train_test_split(X / 16, y, test_size=0.3, stratify=y, random_state=0)
X_train, y_train = torch.tensor(X_train[:100]), torch.tensor(y_train[:100])
X_val, y_val = torch.tensor(X_val), torch.tensor(y_val)
loss_fn = nn.CrossEntropyLoss()

print("weight_decay  train loss  val loss  train acc  val acc  ||W||")
results = {}
for wd in [0.0, 0.1, 1.0, 3.0, 10.0, 30.0]:
    torch.manual_seed(0)  # zh: 每次同样的初始权重 # en: the same initial weights every time
    model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=wd)
    for _ in range(200):
        optimizer.zero_grad()
        loss_fn(model(X_train), y_train).backward()
        optimizer.step()
    with torch.no_grad():
        train_logits, val_logits = model(X_train), model(X_val)
        row = (loss_fn(train_logits, y_train).item(), loss_fn(val_logits, y_val).item(),
               (train_logits.argmax(1) == y_train).double().mean().item(),
               (val_logits.argmax(1) == y_val).double().mean().item(),
               torch.sqrt(model[0].weight.pow(2).sum() + model[2].weight.pow(2).sum()).item())
    results[wd] = row
    print(f"{wd:12g}  {row[0]:10.4f}  {row[1]:8.3f}  {row[2]:9.3f}  {row[3]:7.3f}  {row[4]:5.2f}")

norms = [r[4] for r in results.values()]
assert norms == sorted(norms, reverse=True)  # zh: λ 越大，权重越小 # en: the larger λ, the smaller the weights
best = min(results, key=lambda wd: results[wd][1])
assert best == 1.0 and results[1.0][1] < 0.7 * results[0.0][1]  # zh: 适中的衰减让验证损失最低 # en: a moderate decay gives the lowest validation loss
assert abs(results[1.0][1] - 0.296) < 1e-3 and abs(results[0.0][1] - 0.465) < 1e-3
assert results[30.0][2] < 0.8  # zh: 衰减太强：连训练集都拟合不好，欠拟合 # en: far too much decay: even the training set is not fitted, it underfits
