import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from matplotlib import cbook

path = cbook.get_sample_data("Stocks.csv", asfileobj=False)
df = pd.read_csv(path, comment="#", index_col="Date", parse_dates=True)
series = np.log(df["^GSPC"].dropna().resample("MS").first().to_numpy())
series = (series - series.mean()) / series.std()
window = 12
X = torch.tensor(np.lib.stride_tricks.sliding_window_view(series[:-1], window), dtype=torch.float32)
y = torch.tensor(series[window:], dtype=torch.float32).unsqueeze(1)

# zh: 把 12 个时间步打乱：每个窗口都用同一个打乱顺序
# en: shuffle the 12 time steps: the same shuffle for every window
perm = torch.randperm(window, generator=torch.Generator().manual_seed(0))
X_shuffled = X[:, perm]
print("time order:   ", list(range(window)))
print("shuffled into:", perm.tolist())


def fit(inputs, column_order=None, steps=150):
    torch.manual_seed(0)
    mlp = nn.Sequential(nn.Linear(window, 16), nn.ReLU(), nn.Linear(16, 1))
    if column_order is not None:  # zh: 同一个初始化，只是第一层的列跟着输入一起换位 # en: the same initialization, with the first layer's columns moved along with the inputs
        with torch.no_grad():
            mlp[0].weight.copy_(mlp[0].weight[:, column_order])
    opt = torch.optim.Adam(mlp.parameters(), lr=0.02)
    for _ in range(steps):
        opt.zero_grad()
        loss = nn.functional.mse_loss(mlp(inputs), y)
        loss.backward()
        opt.step()
    return mlp, loss.item()


mlp_a, loss_a = fit(X)
mlp_b, loss_b = fit(X_shuffled, column_order=perm)
print(f"MSE, time steps in order: {loss_a:.6f}")
print(f"MSE, time steps shuffled: {loss_b:.6f}")
# zh: 第一层只是“每个输入位置一个权重”：把位置重新编号，网络学到的是同一个函数
# en: the first layer is just "one weight per input position": renumber the positions and the network learns the same function
same = torch.allclose(mlp_a(X), mlp_b(X_shuffled), atol=1e-4)
print("same predictions:", same)
assert abs(loss_a - loss_b) < 1e-5 * max(loss_a, 1e-3) + 1e-7 and same
