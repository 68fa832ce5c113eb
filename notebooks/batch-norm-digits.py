# %% [markdown] lang="zh"
# # 实战：有无批归一化的训练对比
#
# [批归一化](../batch-norm/)一页讲了 BN 的原理：按小批量标准化每个特征，再用可学习的 γ 和 β 缩放与平移；训练时用批次统计量，推理时用运行统计量。这个 notebook 在真实的小数据集上做一个对照实验：**两个除了 BN 以外完全相同的网络**，用同样的初始权重、同样的数据顺序、同样的优化器训练，看 BN 到底带来了什么。
#
# 我们会依次看到：
#
# 1. 数据：scikit-learn 自带的手写数字 `load_digits`，不需要下载；
# 2. 学习率 0.1 时，两个网络的训练损失和测试准确率；
# 3. 把学习率调大到 2.0：不带 BN 的网络训练失败，带 BN 的网络照常收敛；
# 4. `train()` 与 `eval()` 模式为什么重要；
# 5. 训练后隐藏层激活前的值（预激活）的分布。
#
# > **前置知识**：[批归一化](../batch-norm/)、[参数初始化](../initialization/)、[训练工作流](../training-workflow/)（`train()` 与 `eval()`）。

# %% [markdown] lang="en" translated_from="23d347ca6304"
# # Walkthrough: Training With and Without Batch Normalization
#
# The [Batch Normalization](../batch-norm/) page explains the theory: standardize each feature over the mini-batch, then scale and shift it with the learnable γ and β; use the batch statistics during training and the running statistics at inference. This notebook runs a controlled experiment on a small real dataset: **two networks that are identical except for BN**, trained from the same initial weights, on the same data order, with the same optimizer, to see what BN actually changes.
#
# In order, we look at:
#
# 1. the data: scikit-learn's bundled handwritten digits, `load_digits`, no download needed;
# 2. the training loss and test accuracy of both networks at learning rate 0.1;
# 3. a larger learning rate, 2.0: the network without BN fails to train, the one with BN converges as usual;
# 4. why `train()` and `eval()` mode matter;
# 5. the distribution of a hidden layer's values before the activation (its pre-activations) after training.
#
# > **Prerequisites**: [Batch Normalization](../batch-norm/), [Weight Initialization](../initialization/), [Training Workflow](../training-workflow/) (`train()` and `eval()`).

# %% [markdown] lang="zh"
# ## 数据
#
# `load_digits` 有 1797 张 8×8 的灰度图，每个像素是 0 到 16 的整数，共 10 个类别（0 到 9），每类约 180 张。我们按类别分层（`stratify`）划分出 25% 作为测试集，`random_state=0` 保证每次划分相同；再把像素除以 16，缩放到 [0, 1]。
#
# 本页的张量都用双精度（`float64`）。这不是训练的需要（实际中用 `float32`），而是为了让页面上打印的数字在任何一台 CPU 上都一样：不同的 CPU 做浮点运算时，最后一位的舍入可能不同，训练几百步以后，这点差别有时会被放大到看得见的程度（见练习 1）。

# %% [markdown] lang="en" translated_from="f914d2bb6f73"
# ## The data
#
# `load_digits` holds 1797 grayscale images of 8×8 pixels, each pixel an integer from 0 to 16, in 10 classes (0 to 9), about 180 per class. We hold out 25% as a test set, stratified by class (`stratify`), with `random_state=0` so that the split is the same every time; then we divide the pixels by 16 to scale them to [0, 1].
#
# All tensors on this page are double precision (`float64`). Training does not need it (in practice you would use `float32`); it makes the numbers printed on this page the same on every CPU. Different CPUs may round the last bit of a floating-point operation differently, and after a few hundred training steps that difference is sometimes amplified until it shows (see exercise 1).

# %%
import copy
import math

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
np.random.seed(0)
# zh: 网络很小，单线程反而更快，结果也不随机器的核数变化
# en: the network is tiny: one thread is faster, and the results do not depend on the machine's core count
torch.set_num_threads(1)
# zh: 双精度：打印的数字在不同的 CPU 上保持一致（见上文）
# en: double precision, so that the printed numbers agree across CPUs (see above)
torch.set_default_dtype(torch.float64)

digits = load_digits()
X_train, X_test, y_train, y_test = train_test_split(
    digits.data, digits.target, test_size=0.25, stratify=digits.target, random_state=0
)
print("images:", digits.images.shape, " pixel range:", digits.data.min(), "to", digits.data.max())
print("train:", X_train.shape, " test:", X_test.shape)
print("test images per class:", np.bincount(y_test))
assert digits.images.shape == (1797, 8, 8)
assert len(X_train) == 1347 and len(X_test) == 450

# zh: 像素除以 16，缩放到 [0, 1]
# en: divide by 16 to scale the pixels to [0, 1]
X_train = torch.tensor(X_train / 16, dtype=torch.float64)
X_test = torch.tensor(X_test / 16, dtype=torch.float64)
y_train = torch.tensor(y_train)
y_test = torch.tensor(y_test)

# %%
#| figures:
#|   - alt: {zh: "两行共 20 张 8×8 的手写数字灰度图，每个数字 0 到 9 各两张，标题是它们的标签。", en: "Two rows of 20 grayscale 8×8 handwritten digits, two of each digit 0 to 9, titled with their labels."}
#|     caption: {zh: "load_digits 中的样本", en: "Samples from load_digits"}
fig, axes = plt.subplots(2, 10, figsize=(8, 2))
for d in range(10):
    first_two = np.flatnonzero(digits.target == d)[:2]  # zh: 每个数字取前两张 # en: the first two images of each digit
    for row, idx in enumerate(first_two):
        ax = axes[row, d]
        ax.imshow(digits.images[idx], cmap="gray_r", interpolation="nearest")
        ax.set_title(str(digits.target[idx]), fontsize=9)
        ax.axis("off")
plt.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 两个只差 BN 的网络
#
# 两个多层感知机都是 64 → 64 → 64 → 64 → 10，三个隐藏层，激活函数都是 ReLU：
#
# - **不带 BN**：每个隐藏层是 `Linear → ReLU`；
# - **带 BN**：每个隐藏层是 `Linear(bias=False) → BatchNorm1d → ReLU`。BN 会减去批次均值，前面的偏置会被抵消，它的作用由 BN 的 β 承担，所以去掉偏置（见[批归一化](../batch-norm/)一页“在 PyTorch 的 MLP 中使用 BN”一节）。
#
# 为了让对比公平，带 BN 的网络**复制**不带 BN 的网络的全部线性层权重，两者从完全相同的起点出发。

# %% [markdown] lang="en" translated_from="2e817d6041e3"
# ## Two networks that differ only in BN
#
# Both multilayer perceptrons are 64 → 64 → 64 → 64 → 10: three hidden layers, all with ReLU:
#
# - **without BN**: each hidden layer is `Linear → ReLU`;
# - **with BN**: each hidden layer is `Linear(bias=False) → BatchNorm1d → ReLU`. BN subtracts the batch mean, which cancels any bias before it; BN's β does that job, so the bias is dropped (see "Using BN in a PyTorch MLP" on the [Batch Normalization](../batch-norm/) page).
#
# For a fair comparison, the BN network **copies** all the linear-layer weights of the plain network, so both start from exactly the same point.

# %%
HIDDEN = 64


def make_mlp(batch_norm: bool) -> nn.Sequential:
    layers = []
    width_in = 64
    for _ in range(3):
        if batch_norm:
            layers += [nn.Linear(width_in, HIDDEN, bias=False), nn.BatchNorm1d(HIDDEN), nn.ReLU()]
        else:
            layers += [nn.Linear(width_in, HIDDEN), nn.ReLU()]
        width_in = HIDDEN
    layers.append(nn.Linear(HIDDEN, 10))  # zh: 输出层：10 个类别的 logits # en: output layer: logits for the 10 classes
    return nn.Sequential(*layers)


# zh: 一对初始权重相同的网络
# en: a pair of networks with the same initial weights
def make_pair(seed: int = 0):
    torch.manual_seed(seed)
    plain = make_mlp(batch_norm=False)
    with_bn = make_mlp(batch_norm=True)
    linears_plain = [m for m in plain if isinstance(m, nn.Linear)]
    linears_bn = [m for m in with_bn if isinstance(m, nn.Linear)]
    with torch.no_grad():
        for src, dst in zip(linears_plain, linears_bn):
            dst.weight.copy_(src.weight)  # zh: 复制权重 # en: copy the weights
            if dst.bias is not None:
                dst.bias.copy_(src.bias)  # zh: 只有输出层两边都有偏置 # en: only the output layer has a bias in both
    return plain, with_bn


plain, with_bn = make_pair()
print(plain)
print(with_bn)
n_plain = sum(p.numel() for p in plain.parameters())
n_bn = sum(p.numel() for p in with_bn.parameters())
print(f"parameters: plain {n_plain:,}, with BN {n_bn:,}")
# zh: BN 的网络每个隐藏层少 64 个偏置、多 64 个 γ 和 64 个 β
# en: per hidden layer, the BN network has 64 fewer biases and 64 γ plus 64 β more
assert n_bn - n_plain == 3 * HIDDEN
linears = zip([m for m in plain if isinstance(m, nn.Linear)], [m for m in with_bn if isinstance(m, nn.Linear)])
assert all(torch.equal(a.weight, b.weight) for a, b in linears)

# %% [markdown] lang="zh"
# ## 训练函数
#
# 两个网络用同一个函数训练：普通的 SGD（不带动量），批次大小 64，交叉熵损失。`DataLoader` 的 `generator` 用同一个种子，所以两个网络看到的批次顺序完全相同。每个 epoch 结束时，把网络切到 `eval()` 模式，在测试集上算准确率。
#
# 训练集有 1347 个样本，1347 = 21 × 64 + 3：最后一个批次只有 3 个样本。用 3 个值估计的均值和方差噪声很大，还会以 10% 的权重进入运行统计量；所以这里设 `drop_last=True`，丢掉这个不完整的批次。（只剩 1 个样本时，训练模式的 BN 会直接报错，见下文。）

# %% [markdown] lang="en" translated_from="aa60f33cae86"
# ## The training function
#
# Both networks are trained by the same function: plain SGD (no momentum), batch size 64, cross-entropy loss. The `DataLoader`'s `generator` uses the same seed, so both networks see the batches in exactly the same order. At the end of each epoch, the network is switched to `eval()` mode and its accuracy is measured on the test set.
#
# The training set has 1347 samples, and 1347 = 21 × 64 + 3: the last batch would hold only 3 samples. A mean and a variance estimated from 3 values are very noisy, and they would enter the running statistics with a weight of 10%; so we set `drop_last=True` to drop that incomplete batch. (With a single sample left, BN in training mode fails outright; see below.)

# %%
EPOCHS = 20
BATCH_SIZE = 64


def accuracy(model, X, y):
    model.eval()  # zh: 评估前切到推理模式 # en: switch to evaluation mode before evaluating
    with torch.no_grad():
        return (model(X).argmax(dim=1) == y).float().mean().item()


# zh: 训练 model，返回每个 epoch 的平均训练损失和测试准确率
# en: train model; return each epoch's mean training loss and test accuracy
def train(model, lr, epochs=EPOCHS):
    loader = DataLoader(
        TensorDataset(X_train, y_train),
        batch_size=BATCH_SIZE,
        shuffle=True,
        drop_last=True,  # zh: 丢掉最后 3 个样本的小批次 # en: drop the last batch of 3 samples
        generator=torch.Generator().manual_seed(0),  # zh: 两个网络的批次顺序相同 # en: the same batch order for both networks
    )
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    losses, accs = [], []
    for epoch in range(epochs):
        model.train()  # zh: 训练模式：BN 用批次统计量 # en: training mode: BN uses the batch statistics
        total, count = 0.0, 0
        for xb, yb in loader:
            loss = loss_fn(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(xb)
            count += len(xb)
        losses.append(total / count)
        accs.append(accuracy(model, X_test, y_test))
    return losses, accs


# zh: 测试准确率第一次达到 level 的 epoch（从 1 数起）；没有达到则返回 None
# en: the first epoch (counting from 1) whose test accuracy reaches level; None if none does
def first_epoch_reaching(accs, level):
    return next((i + 1 for i, a in enumerate(accs) if a >= level), None)


def plot_curves(histories, lr):
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.6))
    n_epochs = len(next(iter(histories.values()))[0])
    epochs = range(1, n_epochs + 1)
    for (name, (losses, accs)), style in zip(histories.items(), ["o--", "s-"]):
        ax_loss.plot(epochs, losses, style, ms=4, label=name)
        ax_acc.plot(epochs, accs, style, ms=4, label=name)
    ax_loss.set(xlabel="epoch", ylabel="training loss", title=f"training loss (SGD, lr={lr})", ylim=(0, None))
    ax_acc.set(xlabel="epoch", ylabel="test accuracy", title=f"test accuracy (SGD, lr={lr})", ylim=(0, 1.02))
    for ax in (ax_loss, ax_acc):
        ax.set_xticks(range(0, n_epochs + 1, 5 if n_epochs > 10 else 2))
        ax.grid(alpha=0.3)
    fig.legend(*ax_loss.get_legend_handles_labels(), loc="upper center", ncol=2, frameon=False)
    plt.tight_layout(rect=(0, 0, 1, 0.9))
    plt.show()

# %% [markdown] lang="zh"
# ## 学习率 0.1
#
# 先用一个常见的学习率 0.1 训练 20 个 epoch。

# %% [markdown] lang="en" translated_from="c903d8cdac96"
# ## Learning rate 0.1
#
# First, a common learning rate, 0.1, for 20 epochs.

# %%
#| figures:
#|   - alt: {zh: "两幅并排的曲线图，横轴是 epoch 1 到 20，学习率 0.1。左图是训练损失：带 BN 的网络第 1 个 epoch 就降到约 1.3，之后很快接近 0；不带 BN 的网络前 5 个 epoch 停在 2.2 以上，之后才慢慢下降，到第 20 个 epoch 约 0.26。右图是测试准确率：带 BN 的网络第 2 个 epoch 就超过 90%，最后约 98%；不带 BN 的网络爬升缓慢，第 17 个 epoch 才第一次达到 90%，最后约 89%。", en: "Two side-by-side plots over epochs 1 to 20 at learning rate 0.1. Left, training loss: the network with BN drops to about 1.3 in the first epoch and soon approaches 0; the plain network stays above 2.2 for the first 5 epochs, then slowly declines to about 0.26 at epoch 20. Right, test accuracy: the network with BN passes 90% in epoch 2 and ends at about 98%; the plain network climbs slowly, first reaching 90% in epoch 17 and ending at about 89%."}
#|     caption: {zh: "学习率 0.1：训练损失与测试准确率", en: "Learning rate 0.1: training loss and test accuracy"}
plain, with_bn = make_pair()
history_01 = {"Linear+ReLU": train(plain, lr=0.1), "Linear+BatchNorm1d+ReLU": train(with_bn, lr=0.1)}
plot_curves(history_01, lr=0.1)

(loss_plain, acc_plain), (loss_bn, acc_bn) = history_01.values()
print("epoch  loss(plain)  loss(BN)  acc(plain)  acc(BN)")
for e in [1, 2, 3, 5, 10, 15, 20]:
    print(f"{e:5d}  {loss_plain[e - 1]:11.3f}  {loss_bn[e - 1]:8.3f}  {acc_plain[e - 1]:10.3f}  {acc_bn[e - 1]:7.3f}")
reach_plain, reach_bn = first_epoch_reaching(acc_plain, 0.9), first_epoch_reaching(acc_bn, 0.9)
print(f"first epoch with test accuracy >= 90%: plain {reach_plain}, BN {reach_bn}")
print(f"final test accuracy: plain {acc_plain[-1]:.3f}, BN {acc_bn[-1]:.3f}")

# zh: 带 BN 的网络第 1 个 epoch 就超过 80%、第 2 个超过 90%，不带 BN 的要到第 15 个以后；带 BN 的每个 epoch 训练损失都更低
# en: the BN network is above 80% after epoch 1 and 90% after epoch 2, the plain one only after epoch 15; the BN network's training loss is lower at every epoch
assert acc_bn[0] > 0.8 and reach_bn <= 2 and reach_plain > 15
assert all(b < p for b, p in zip(loss_bn, loss_plain))
# zh: 不带 BN：前 5 个 epoch 损失都在 2.2 以上（在 10 个类别里随机猜，损失是 ln 10 ≈ 2.30）；最终准确率约 89%，带 BN 约 98%
# en: without BN, the loss stays above 2.2 for the first 5 epochs (guessing among 10 classes gives ln 10 ≈ 2.30); the final accuracy is about 89%, with BN about 98%
assert min(loss_plain[:5]) > 2.2
assert abs(acc_plain[-1] - 0.89) < 0.01 and abs(acc_bn[-1] - 0.98) < 0.01

# %% [markdown] lang="zh"
# 同样的初始权重、同样的批次顺序、同样的学习率，差别却很大：带 BN 的网络第 1 个 epoch 结束时测试准确率已经超过 80%，第 2 个 epoch 就超过 90%，20 个 epoch 后约 98%；不带 BN 的网络前 5 个 epoch 的训练损失都还在 2.2 以上（在 10 个类别里随机猜，交叉熵是 ln 10 ≈ 2.30），要到第 17 个 epoch 才第一次达到 90%，20 个 epoch 后约 89%。
#
# ## 初始化时的信号
#
# 不带 BN 的网络为什么起步这么慢？看一眼初始化时（还没有训练）每个隐藏层预激活（送进 ReLU 的值）的标准差，以及一个批次上每个线性层权重梯度的范数。

# %% [markdown] lang="en" translated_from="aba56602af0d"
# Same initial weights, same batch order, same learning rate, and yet a large difference: the network with BN is above 80% test accuracy after the first epoch, above 90% after the second, and at about 98% after 20 epochs; the plain network's training loss is still above 2.2 for the first 5 epochs (guessing at random among 10 classes gives a cross-entropy of ln 10 ≈ 2.30), it first reaches 90% in epoch 17, and it ends at about 89% after 20 epochs.
#
# ## The signal at initialization
#
# Why is the plain network so slow to start? Look at the standard deviation of each hidden layer's pre-activations (the values fed into ReLU) at initialization, before any training, and at the norm of each linear layer's weight gradient on one batch.

# %%
# zh: 每个 ReLU 的输入的标准差
# en: the standard deviation of each ReLU's input
def pre_activation_stds(model, X):
    stds = []
    h = X
    with torch.no_grad():
        for layer in model:
            if isinstance(layer, nn.ReLU):
                stds.append(h.std().item())
            h = layer(h)
    return stds


# zh: 一个批次上，每个线性层权重梯度的范数
# en: the norm of each linear layer's weight gradient on one batch
def weight_grad_norms(model, xb, yb):
    model.zero_grad()
    nn.functional.cross_entropy(model(xb), yb).backward()
    return [layer.weight.grad.norm().item() for layer in model if isinstance(layer, nn.Linear)]


plain0, with_bn0 = make_pair()  # zh: 未训练的一对网络 # en: an untrained pair
with_bn0.train()  # zh: 训练模式：BN 用这一批的统计量 # en: training mode: BN uses this batch's statistics
std_plain = pre_activation_stds(plain0, X_train)
std_bn = pre_activation_stds(with_bn0, X_train)
grad_plain = weight_grad_norms(plain0, X_train[:64], y_train[:64])
grad_bn = weight_grad_norms(with_bn0, X_train[:64], y_train[:64])
print("pre-activation std, hidden layers 1-3:   plain", [round(v, 3) for v in std_plain], " BN", [round(v, 3) for v in std_bn])
print("weight-gradient norm, linear layers 1-4: plain", [round(v, 3) for v in grad_plain], " BN", [round(v, 3) for v in grad_bn])

# zh: 不带 BN：信号一层比一层小，第 3 层不到第 1 层的一半，第 1 层的梯度不到带 BN 时的十分之一；带 BN：每层都被拉回标准差 1
# en: without BN, the signal shrinks layer after layer, to less than half by layer 3, and the first layer's gradient is less than a tenth of the BN network's; with BN, every layer is pulled back to std 1
assert std_plain[0] > std_plain[1] > std_plain[2] and std_plain[2] < 0.5 * std_plain[0]
assert all(abs(v - 1) < 0.01 for v in std_bn)
assert grad_bn[0] > 10 * grad_plain[0]

# %% [markdown] lang="zh"
# 用 PyTorch 默认的初始化，不带 BN 的网络里，信号每经过一层就缩小一截，第 3 层预激活的标准差已经不到第 1 层的一半；各层权重收到的梯度也很小，第 1 层的梯度范数不到带 BN 时的十分之一，所以前几个 epoch 几乎学不动。带 BN 的网络不管权重的尺度如何，每一层都把预激活重新标准化到均值 0、标准差 1，信号和梯度从第一步起就是健康的。（怎样靠初始化本身让信号保持稳定，见[参数初始化](../initialization/)。）

# %% [markdown] lang="en" translated_from="6663bb2c6269"
# With PyTorch's default initialization, the signal in the plain network shrinks at every layer: by the third layer, the standard deviation of the pre-activations is less than half that of the first. The weights receive small gradients too: the first layer's gradient norm is less than a tenth of the BN network's, so the first epochs barely learn anything. The network with BN, whatever the scale of its weights, re-standardizes every layer's pre-activations to mean 0 and standard deviation 1, so its signal and gradients are healthy from the first step. (How initialization alone can keep the signal stable is covered in [Weight Initialization](../initialization/).)

# %% [markdown] lang="zh"
# ## 学习率 2.0
#
# BN 的另一个好处是能承受更大的学习率。把学习率调到 2.0，其余一切不变，重新训练两个网络 10 个 epoch。
#
# 为什么不是 1.0？学习率 1.0 时，不带 BN 的网络的损失上下乱跳，有时跳了十几个 epoch 之后又开始学习，有时一直学不会；它走哪条路，敏感到连浮点舍入的最后一位都能改变结果（练习 1 会验证这一点）。学习率 2.0 时它稳定地失败，结论不依赖运气。

# %% [markdown] lang="en" translated_from="cdc8871cc590"
# ## Learning rate 2.0
#
# Another benefit of BN is that it tolerates larger learning rates. Set the learning rate to 2.0, keep everything else unchanged, and train both networks again, for 10 epochs.
#
# Why not 1.0? At learning rate 1.0 the plain network's loss jumps around erratically: sometimes it starts learning after a dozen epochs, sometimes it never does, and which path it takes is so sensitive that the last bit of floating-point rounding can change the outcome (exercise 1 checks this). At 2.0 it fails every time, so the conclusion does not depend on luck.

# %%
#| figures:
#|   - alt: {zh: "学习率 2.0 时的两幅曲线图，横轴是 epoch 1 到 10。左图训练损失：不带 BN 的网络从第 3 个 epoch 起停在约 2.31，也就是 ln 10，一动不动；带 BN 的网络从约 0.8 降到 0.05 以下。右图测试准确率：不带 BN 的网络停在 10% 左右，即随机猜的水平；带 BN 的网络第 1 个 epoch 约 88%，之后都在 90% 以上。", en: "Two plots at learning rate 2.0 over epochs 1 to 10. Left, training loss: from epoch 3 on, the plain network stays flat at about 2.31, that is ln 10; the network with BN falls from about 0.8 to below 0.05. Right, test accuracy: the plain network stays at about 10%, chance level; the network with BN is at about 88% after the first epoch and above 90% after that."}
#|     caption: {zh: "学习率 2.0：不带 BN 的网络训练失败", en: "Learning rate 2.0: the plain network fails to train"}
plain_lr2, with_bn_lr2 = make_pair()
history_2 = {"Linear+ReLU": train(plain_lr2, lr=2.0, epochs=10), "Linear+BatchNorm1d+ReLU": train(with_bn_lr2, lr=2.0, epochs=10)}
plot_curves(history_2, lr=2.0)

(loss_plain2, acc_plain2), (loss_bn2, acc_bn2) = history_2.values()
print("epoch  loss(plain)  loss(BN)  acc(plain)  acc(BN)")
for e in [1, 2, 3, 5, 10]:
    print(f"{e:5d}  {loss_plain2[e - 1]:11.3f}  {loss_bn2[e - 1]:8.3f}  {acc_plain2[e - 1]:10.3f}  {acc_bn2[e - 1]:7.3f}")
# zh: 不带 BN：从第 3 个 epoch 起损失停在 ln 10 附近，准确率约 10%；带 BN：第 2 个 epoch 起都在 90% 以上
# en: without BN, the loss sits near ln 10 from epoch 3 on and the accuracy is about 10%; with BN, every epoch from the second on is above 90%
assert all(abs(v - math.log(10)) < 0.02 for v in loss_plain2[2:]) and max(acc_plain2[2:]) < 0.11
assert acc_bn2[0] > 0.85 and min(acc_bn2[1:]) > 0.9 and loss_bn2[-1] < 0.05

# %% [markdown] lang="zh"
# 步子太大，不带 BN 的网络从第 3 个 epoch 起损失就停在 2.31 附近，也就是 ln 10 ≈ 2.303，测试准确率约 10%，正是在 10 个类别里随机猜的水平。带 BN 的网络在同样的学习率下照常收敛，从第 2 个 epoch 起测试准确率都在 90% 以上。
#
# 不带 BN 的网络出了什么事？看一看训练后每个隐藏层里有多少个 ReLU 单元至少对一张测试图像输出大于 0，以及它预测的类别。

# %% [markdown] lang="en" translated_from="bb32d6dc88b5"
# With steps this large, the plain network's loss sits at about 2.31 from epoch 3 on, that is ln 10 ≈ 2.303, and its test accuracy is about 10%: exactly what guessing among 10 classes gives. The network with BN converges as usual at the same learning rate, with test accuracy above 90% from the second epoch on.
#
# What happened to the plain network? Count, in each hidden layer, the ReLU units that output something above 0 for at least one test image, and look at the classes it predicts.

# %%
plain_lr2.eval()
with torch.no_grad():
    h = X_test
    for i, layer in enumerate(plain_lr2[:-1]):  # zh: 三个隐藏层，不含输出层 # en: the three hidden layers, without the output layer
        h = layer(h)
        if isinstance(layer, nn.ReLU):
            print(f"hidden layer {i // 2 + 1}: ReLU units active for some test image: {int((h > 0).any(dim=0).sum()):2d} of {HIDDEN}")
    logits = plain_lr2(X_test)
print("predicted classes:", torch.bincount(logits.argmax(dim=1), minlength=10).tolist())
# zh: 第 3 个隐藏层的 ReLU 全部“死亡”：输出层只看得到 0，每张图像的 logits 都一样
# en: every ReLU of the third hidden layer has died: the output layer sees only zeros, and every image gets the same logits
assert int((h > 0).sum()) == 0  # zh: h 是第 3 个 ReLU 的输出 # en: h is the output of the third ReLU
assert torch.allclose(logits, logits[:1].expand_as(logits))

# %% [markdown] lang="zh"
# 第 3 个隐藏层的 64 个 ReLU 单元全部“死亡”：它们对任何输入都输出 0，梯度也是 0，再也活不过来。输出层收到的永远是 0，只剩它的偏置还在起作用，于是每张图像得到同样的 logits，网络对所有图像都预测同一个类别；损失停在 ln 10 附近，是因为对一个常数预测来说，最好的就是接近均匀的分布。[手机价格分类](../project-phone-price/)一页里，未缩放的输入把网络推进了同样的死胡同。
#
# 带 BN 的网络为什么没事？BN 把每层的预激活重新标准化，一大步更新把权重放大或缩小，预激活的尺度都不跟着变，ReLU 总有大约一半的输入落在导通的一侧。这正是[批归一化](../batch-norm/)一页说的“允许更大的学习率”。

# %% [markdown] lang="en" translated_from="5a3d02d5521e"
# All 64 ReLU units of the third hidden layer have "died": they output 0 for every input, their gradient is 0 as well, and they never come back. The output layer always receives zeros and only its bias still does anything, so every image gets the same logits and the network predicts the same class for every image; the loss settles near ln 10 because, for a constant prediction, a nearly uniform distribution is the best there is. On the [phone-price project](../project-phone-price/) page, unscaled inputs push a network into the same dead end.
#
# Why is the network with BN unharmed? BN re-standardizes every layer's pre-activations: when a large step scales the weights up or down, the scale of the pre-activations does not follow, and about half of each ReLU's inputs stay on its open side. This is the "allows larger learning rates" of the [Batch Normalization](../batch-norm/) page.

# %% [markdown] lang="zh"
# ## train() 与 eval()：为什么必须切换
#
# 下面用学习率 0.1 训练好的带 BN 网络。训练模式下，BN 用**当前批次**的均值和方差做标准化：
#
# - 批次里只有一个样本时，每个特征只有一个值，算不出方差，PyTorch 直接报错；
# - 同一个样本的输出取决于它和哪些样本在同一批；
# - 即使在 `torch.no_grad()` 里，训练模式的前向传播也会更新运行统计量。
#
# 为了不改动训练好的网络，这些实验都在它的一个副本上做。

# %% [markdown] lang="en" translated_from="b7e961fe9d12"
# ## train() and eval(): why switching matters
#
# We now use the BN network trained at learning rate 0.1. In training mode, BN standardizes with the mean and variance of the **current batch**:
#
# - with a single sample in the batch, each feature has a single value and no variance, and PyTorch raises an error;
# - a sample's output depends on which other samples share its batch;
# - even inside `torch.no_grad()`, a forward pass in training mode updates the running statistics.
#
# To leave the trained network untouched, these experiments run on a copy of it.

# %%
probe = copy.deepcopy(with_bn)
probe.train()
one_sample = X_test[:1]
try:
    probe(one_sample)
except ValueError as err:
    print("train(), batch of 1: ValueError:", err)
else:
    raise AssertionError("expected a ValueError")

with torch.no_grad():
    # zh: 同一个样本 X_test[0]，分别和两组不同的样本放在同一批
    # en: the same sample X_test[0], batched with two different groups of samples
    out_a = probe(X_test[0:8])[0]
    out_b = probe(torch.cat([X_test[:1], X_test[100:107]]))[0]
    print("train(), same sample in two batches, max |difference| of its logits:", round((out_a - out_b).abs().max().item(), 2))
    assert (out_a - out_b).abs().max() > 0.1

    bn_layer = probe[1]  # zh: 第 1 个 BatchNorm1d # en: the first BatchNorm1d
    before = bn_layer.running_mean.clone()
    probe(X_test[:64])
    print("train() under no_grad changed running_mean:", not torch.equal(before, bn_layer.running_mean))
    assert not torch.equal(before, bn_layer.running_mean)

# %% [markdown] lang="zh"
# 推理模式下，BN 改用训练中积累的运行统计量，它们是固定的数。所以一个样本也能预测，而且每个样本的输出与它是单独输入、还是和别的样本一起输入无关。这就是为什么上面的 `train()` 函数每个 epoch 开始时调用 `model.train()`，而 `accuracy()` 在评估前调用 `model.eval()`。

# %% [markdown] lang="en" translated_from="6a9494aea245"
# In evaluation mode, BN uses the running statistics accumulated during training, which are fixed numbers. So a single sample can be predicted, and each sample's output is the same whether it comes alone or together with other samples. That is why the `train()` function above calls `model.train()` at the start of every epoch, and `accuracy()` calls `model.eval()` before evaluating.

# %%
with_bn.eval()
with torch.no_grad():
    batch_logits = with_bn(X_test)  # zh: 整个测试集一批 # en: the whole test set as one batch
    alone_logits = torch.cat([with_bn(X_test[i : i + 1]) for i in range(len(X_test))])  # zh: 一次一个样本 # en: one sample at a time
    single = with_bn(one_sample)  # zh: 推理模式下一个样本也可以 # en: in evaluation mode, one sample is fine
same_logits = torch.allclose(batch_logits, alone_logits, atol=1e-5)
same_predictions = torch.equal(batch_logits.argmax(1), alone_logits.argmax(1))
print("eval(), batch of 1:", tuple(single.shape))
print("eval(), each sample alone vs. all 450 in one batch: same logits", same_logits, "| same predictions", same_predictions)
assert same_logits and same_predictions

# %% [markdown] lang="zh"
# ## 训练后的预激活分布
#
# 最后看第 2 个隐藏层的预激活，也就是送进 ReLU 的值，在测试集上（推理模式）的分布。带 BN 的网络有两处可看：线性层的输出（BN 之前）和 BN 的输出（ReLU 之前）。

# %% [markdown] lang="en" translated_from="77efb2b723cb"
# ## Pre-activations after training
#
# Finally, look at the pre-activations of the second hidden layer, the values fed into ReLU, on the test set (in evaluation mode). The BN network has two places to look: the output of the linear layer (before BN) and the output of BN (before ReLU).

# %%
#| figures:
#|   - alt: {zh: "三个并排的直方图，都是第 2 个隐藏层在测试集上的值。左：不带 BN 的网络的预激活，均值约 0.55，大多在 -1 到 3 之间，右侧拖着长尾；中：带 BN 的网络在 BN 之前的线性层输出，集中在 0 附近，较窄，标准差约 0.5；右：BN 之后的预激活，均值约 0、标准差约 1，大约一半大于 0。", en: "Three side-by-side histograms, all of the second hidden layer on the test set. Left: the plain network's pre-activations, with mean about 0.55, mostly between -1 and 3, with a long tail on the right. Middle: the BN network's linear-layer output before BN, narrow and centred near 0, with standard deviation about 0.5. Right: the pre-activations after BN, with mean about 0 and standard deviation about 1, roughly half of them above 0."}
#|     caption: {zh: "第 2 个隐藏层的预激活（测试集，推理模式）", en: "Pre-activations of the second hidden layer (test set, evaluation mode)"}
plain.eval()
with_bn.eval()
with torch.no_grad():
    z_plain = plain[:3](X_test)  # zh: Linear → ReLU → Linear：第 2 个 ReLU 的输入 # en: Linear → ReLU → Linear: the input of the second ReLU
    z_linear = with_bn[:4](X_test)  # zh: 第 2 个 Linear 的输出，BN 之前 # en: the second Linear's output, before BN
    z_bn = with_bn[:5](X_test)  # zh: 第 2 个 BN 的输出：第 2 个 ReLU 的输入 # en: the second BN's output: the input of the second ReLU

panels = [("Linear+ReLU: Linear output", z_plain), ("with BN: Linear output", z_linear), ("with BN: BatchNorm1d output", z_bn)]
fig, axes = plt.subplots(1, 3, figsize=(12, 3.2), sharex=True, sharey=True)
for ax, (title, z), color in zip(axes, panels, ["C0", "C2", "C1"]):
    ax.hist(z.flatten().numpy(), bins=50, range=(-4, 5), color=color, alpha=0.8)
    ax.axvline(0, color="k", lw=1, ls="--")  # zh: ReLU 的拐点 # en: where ReLU bends
    mean = round(z.mean().item(), 2) + 0.0  # zh: + 0.0 把 -0.0 变成 0.0 # en: + 0.0 turns -0.0 into 0.0
    ax.set_title(f"{title}\nmean {mean:.2f}, std {z.std():.2f}", fontsize=10)
    ax.set_xlabel("pre-activation")
axes[0].set_ylabel("count (450 samples × 64 units)")
plt.tight_layout()
plt.show()

print(f"{'':28s}  {'per-unit mean':>14s}  {'per-unit std':>12s}  ReLU units never active")
for title, z in panels:
    means, stds = z.mean(dim=0), z.std(dim=0)
    # zh: 在整个测试集上都 ≤ 0 的单元：ReLU 输出恒为 0（BN 之前的线性输出不进 ReLU，不算）
    # en: units ≤ 0 on the whole test set: their ReLU output is always 0 (the linear output before BN does not feed a ReLU, so it is skipped)
    dead = "-" if z is z_linear else int(((z > 0).sum(dim=0) == 0).sum())
    print(f"{title:28s}  {means.min():5.2f} to {means.max():4.2f}  {stds.min():4.2f} to {stds.max():4.2f}  {dead:>23}")
gamma, beta = with_bn[4].weight.detach(), with_bn[4].bias.detach()
print(f"learned γ: {gamma.min():.3f} to {gamma.max():.3f}, β: {beta.min():.3f} to {beta.max():.3f}")
positive = (z_bn > 0).float().mean().item()
print(f"fraction of BatchNorm1d outputs > 0: {positive:.2f}")

# zh: 不带 BN：各单元的尺度相差十几倍，有的单元在整个测试集上都不激活；带 BN：每个单元均值约 0、标准差约 1
# en: without BN, the units' scales differ more than tenfold, and some units never fire on the whole test set; with BN, every unit has mean about 0 and std about 1
stds_plain, stds_bn = z_plain.std(dim=0), z_bn.std(dim=0)
assert stds_plain.max() / stds_plain.min() > 10
assert ((z_plain > 0).sum(dim=0) == 0).sum() > 0 and ((z_bn > 0).sum(dim=0) == 0).sum() == 0
assert z_bn.mean(dim=0).abs().max() < 0.3 and ((stds_bn - 1).abs() < 0.2).all()
assert 0.35 < positive < 0.65  # zh: 大约一半 # en: roughly half
means_plain = z_plain.mean(dim=0)
assert abs(means_plain.min() + 0.7) < 0.05 and abs(means_plain.max() - 1.9) < 0.05
assert abs(stds_plain.min() - 0.1) < 0.05 and abs(stds_plain.max() - 1.5) < 0.05
assert (gamma - 1).abs().max() < 0.1 and beta.abs().max() < 0.1

# %% [markdown] lang="zh"
# 不带 BN 的网络，第 2 层各单元的预激活差别很大：各单元的均值从约 -0.7 到约 1.9，标准差从约 0.1 到约 1.5，还有几个单元在整个测试集上都 ≤ 0，它们后面的 ReLU 输出恒为 0，对预测毫无贡献。带 BN 的网络，BN 之前的线性输出较窄，BN 把它的每个单元都重新标准化：均值约 0、标准差约 1，大约一半的值落在 ReLU 的导通一侧，没有一个单元被“饿死”。
#
# 训练后的 γ 仍在 1 附近，β 仍在 0 附近：20 个 epoch、学习率 0.1 的训练只让它们移动了百分之几。这说明在这次训练里，网络用不着大幅改变 BN 给出的标准分布；并不说明 γ 和 β 没有用（它们的作用见[批归一化](../batch-norm/)一页）。
#
# ## 小结
#
# - 初始权重、批次顺序、优化器都相同，只差 BN：学习率 0.1 时，带 BN 的网络第 2 个 epoch 测试准确率就超过 90%，不带 BN 的网络要到第 17 个 epoch；20 个 epoch 后分别约 98% 和 89%。
# - 学习率 2.0 时，不带 BN 的网络第 3 个隐藏层的 ReLU 全部死亡，只会猜同一个类别；带 BN 的网络照常收敛：BN 允许更大的学习率。
# - 原因之一在初始化时就能看到：用 PyTorch 默认的初始化，不带 BN 的网络信号逐层缩小，梯度很小；BN 把每层预激活拉回均值 0、标准差 1。
# - 训练用 `model.train()`，评估用 `model.eval()`：训练模式下一个样本会报错，输出还取决于同批的其他样本；推理模式下每个样本的输出是确定的。批次大小除不尽训练集时，考虑 `drop_last=True`。
# - 高学习率下不带 BN 的训练对微小的扰动极其敏感：连浮点舍入都能改变它的走向。比较两种设置时，要看能复现的差别，不要只看一次运行的小数点后第三位。
# - 这只是一个实验：一个小数据集、一个种子、一种网络结构。差距有多大取决于具体设置（输入的缩放、初始化、学习率；练习 2 换一种初始化再比一次）。原理见[批归一化](../batch-norm/)。

# %% [markdown] lang="en" translated_from="31cc2a85e35f"
# In the plain network, the second layer's units differ a lot: their mean pre-activations range from about -0.7 to about 1.9, their standard deviations from about 0.1 to about 1.5, and a few units are ≤ 0 on the whole test set, so the ReLU after them always outputs 0 and contributes nothing to the prediction. In the BN network, the linear output before BN is narrower, and BN re-standardizes each of its units: mean about 0, standard deviation about 1, roughly half of the values on the open side of ReLU, and not a single unit starved.
#
# After training, γ is still close to 1 and β close to 0: 20 epochs at learning rate 0.1 moved them by a few percent. In this run the network had no need to change much of the standard distribution that BN produces; that does not make γ and β useless (their role is explained on the [Batch Normalization](../batch-norm/) page).
#
# ## Summary
#
# - Same initial weights, same batch order, same optimizer, the only difference being BN: at learning rate 0.1, the network with BN passes 90% test accuracy in epoch 2, the plain network only in epoch 17; after 20 epochs they are at about 98% and 89%.
# - At learning rate 2.0, every ReLU in the plain network's third hidden layer dies and the network predicts a single class; the network with BN converges as usual: BN allows larger learning rates.
# - Part of the reason is visible at initialization: with PyTorch's default initialization, the signal in the plain network shrinks layer by layer and the gradients are small; BN pulls every layer's pre-activations back to mean 0 and standard deviation 1.
# - Train with `model.train()`, evaluate with `model.eval()`: in training mode a single sample raises an error and the output depends on the other samples in the batch; in evaluation mode each sample's output is deterministic. When the batch size does not divide the training set, consider `drop_last=True`.
# - At a high learning rate, training without BN is extremely sensitive to tiny perturbations: even floating-point rounding can change its course. When comparing two setups, look at differences that reproduce, not at the third decimal of a single run.
# - This is one experiment: one small dataset, one seed, one architecture. How large the gap is depends on the setup (input scaling, initialization, learning rate; exercise 2 repeats the comparison with another initialization). For the theory, see [Batch Normalization](../batch-norm/).

# %% [markdown] lang="zh"
# ## 练习
#
# **练习 1：混沌的训练。** 前面说，学习率 1.0 时不带 BN 的训练对微小的扰动极其敏感。把两个网络第一层的权重都乘以 1 + 10⁻¹²（这个相对扰动比 `float32` 的舍入误差 6×10⁻⁸ 还小几万倍），不带 BN 的网络用学习率 1.0、带 BN 的网络用学习率 0.1 各训练 20 个 epoch，再和不扰动的训练比较。先预测：两条损失曲线最多相差多少？
#
# **练习 2：换一种初始化。** 初始化时的信号说明，不带 BN 的网络起步慢，一部分要怪 PyTorch 默认的初始化（权重方差 1/(3·n_in)，见[参数初始化](../initialization/)）。把它的线性层改用 Kaiming 初始化（`nn.init.kaiming_normal_(weight, nonlinearity="relu")`，偏置置 0），预测三个隐藏层预激活的标准差会怎样变化，再用学习率 0.1 训练 20 个 epoch：它第几个 epoch 达到 90%？还追得上带 BN 的网络吗？
#
# **练习 3：不丢掉最后一个批次。** 如果训练集只有 1345 个样本、`drop_last=False`，带 BN 的网络训练第一个 epoch 时会发生什么？在第几个批次？
#
# **练习 4：忘了调用 `eval()`。** 用学习率 0.1 训练好的带 BN 网络，在**训练模式**下评估测试集，每批分别送入 450、64、8、2 个样本。预测准确率怎样随批次大小变化，哪一种和 `eval()` 的结果一样？

# %% [markdown] lang="en" translated_from="bd0d3d15a77e"
# ## Exercises
#
# **Exercise 1: chaotic training.** We claimed above that at learning rate 1.0, training without BN is extremely sensitive to tiny perturbations. Multiply the first-layer weights of both networks by 1 + 10⁻¹² (a relative perturbation tens of thousands of times smaller than `float32`'s rounding error, 6×10⁻⁸), train the plain network at learning rate 1.0 and the BN network at learning rate 0.1 for 20 epochs each, and compare with the unperturbed runs. Predict first: how far apart can the two loss curves get?
#
# **Exercise 2: another initialization.** The signal at initialization suggests that part of the plain network's slow start is the fault of PyTorch's default initialization (weight variance 1/(3·n_in), see [Weight Initialization](../initialization/)). Switch its linear layers to Kaiming initialization (`nn.init.kaiming_normal_(weight, nonlinearity="relu")`, biases set to 0), predict what happens to the standard deviations of the three hidden layers' pre-activations, then train it for 20 epochs at learning rate 0.1: in which epoch does it reach 90%? Does it catch up with the BN network?
#
# **Exercise 3: keeping the last batch.** With a training set of only 1345 samples and `drop_last=False`, what happens while the BN network trains its first epoch? In which batch?
#
# **Exercise 4: forgetting `eval()`.** Evaluate the BN network trained at learning rate 0.1 on the test set in **training mode**, feeding it 450, 64, 8 and 2 samples per batch. Predict how the accuracy changes with the batch size, and which batch size gives the same result as `eval()`.

# %% [markdown] lang="zh"
# ### 练习 1 参考答案

# %% [markdown] lang="en" translated_from="7b7c8776d900"
# ### Solution to exercise 1

# %%
def perturbed_pair(eps):
    plain, with_bn = make_pair()
    with torch.no_grad():
        plain[0].weight.mul_(1 + eps)  # zh: 第一层权重的相对扰动 eps # en: a relative perturbation eps of the first layer's weights
        with_bn[0].weight.mul_(1 + eps)
    return plain, with_bn


runs = {}
for eps in (0.0, 1e-12):
    plain_e, with_bn_e = perturbed_pair(eps)
    runs[eps] = train(plain_e, lr=1.0)[0], train(with_bn_e, lr=0.1)[0]  # zh: 每个 epoch 的训练损失 # en: the training loss of each epoch
gap_plain = max(abs(a - b) for a, b in zip(runs[0.0][0], runs[1e-12][0]))
gap_bn = max(abs(a - b) for a, b in zip(runs[0.0][1], runs[1e-12][1]))
# zh: 只打印比较的结论：不带 BN 的差值本身就是混沌的，每台机器都不一样
# en: print only the outcome of the comparison: the plain network's gap is itself chaotic and differs from machine to machine
print("plain, lr=1.0: largest loss difference between the two runs > 0.1: ", gap_plain > 0.1)
print("BN,    lr=0.1: largest loss difference between the two runs < 1e-9:", gap_bn < 1e-9)
assert gap_plain > 0.1 and gap_bn < 1e-9

# %% [markdown] lang="zh"
# 扰动只有 10⁻¹²，不带 BN 的两条损失曲线却在十几个 epoch 之后相差 0.1 以上，完全是两次不同的训练：每一步的误差都被放大，几百步后放大了 10¹¹ 倍以上。带 BN 的两次训练相差不到 10⁻⁹，扰动没有被放大。不同的 CPU 做浮点运算时舍入略有不同，效果就像这样一个扰动，所以不带 BN、学习率 1.0 的那条曲线在另一台机器上会是另一个样子；这也是正文改用学习率 2.0 的原因。

# %% [markdown] lang="en" translated_from="ade4291fb524"
# The perturbation is only 10⁻¹², yet after a dozen or so epochs the plain network's two loss curves are more than 0.1 apart: two different trainings altogether, every step amplifying the difference, by more than 10¹¹ after a few hundred steps. The two BN runs differ by less than 10⁻⁹: the perturbation is not amplified. Different CPUs round floating-point operations slightly differently, which acts like such a perturbation, so the plain network's curve at learning rate 1.0 looks different on another machine; this is why the main text uses learning rate 2.0 instead.

# %% [markdown] lang="zh"
# ### 练习 2 参考答案

# %% [markdown] lang="en" translated_from="0302d3aada0a"
# ### Solution to exercise 2

# %%
plain_he, _ = make_pair()
for layer in plain_he:
    if isinstance(layer, nn.Linear):
        nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")  # zh: 方差 2 / n_in # en: variance 2 / n_in
        nn.init.zeros_(layer.bias)
std_he = pre_activation_stds(plain_he, X_train)
print("pre-activation std, hidden layers 1-3: default", [round(v, 3) for v in std_plain], " Kaiming", [round(v, 3) for v in std_he])
loss_he, acc_he = train(plain_he, lr=0.1)
reach_he = first_epoch_reaching(acc_he, 0.9)
print(f"first epoch with test accuracy >= 90%: default {reach_plain}, Kaiming {reach_he}, BN {reach_bn}")
print(f"final test accuracy: default {acc_plain[-1]:.3f}, Kaiming {acc_he[-1]:.3f}, BN {acc_bn[-1]:.3f}")
# zh: Kaiming 初始化让信号不再逐层缩小，差距大大缩小，但 BN 仍然更快、更好
# en: with Kaiming initialization the signal no longer shrinks layer by layer and the gap narrows a lot, but BN is still faster and better
assert max(std_he) / min(std_he) < 2 and std_he[2] > 3 * std_plain[2]
assert reach_bn < reach_he == 6 < reach_plain and acc_plain[-1] < acc_he[-1] < acc_bn[-1]
assert abs(acc_he[-1] - 0.97) < 0.01

# %% [markdown] lang="zh"
# Kaiming 初始化的权重方差是 2/n_in，正好补上 ReLU 把一半的值置零造成的损失，三层预激活的标准差保持在同一量级，不再一层比一层小。不带 BN 的网络因此起步快得多，第 6 个 epoch 就达到 90%，最后约 97%；带 BN 的网络仍然更快（第 2 个 epoch）、更好（约 98%）。所以正文的差距有一部分来自初始化，BN 的作用之一正是让网络不那么依赖初始化。

# %% [markdown] lang="en" translated_from="0db63c0f789f"
# Kaiming initialization uses the weight variance 2/n_in, which makes up for ReLU setting half of the values to zero: the pre-activations of the three layers keep standard deviations of the same order instead of shrinking layer by layer. The plain network now starts much faster, reaching 90% in epoch 6 and ending at about 97%; the BN network is still faster (epoch 2) and better (about 98%). So part of the gap in the main text comes from the initialization, and one thing BN does is make the network less dependent on it.

# %% [markdown] lang="zh"
# ### 练习 3 参考答案

# %% [markdown] lang="en" translated_from="60d199aa63ae"
# ### Solution to exercise 3

# %%
_, with_bn_small = make_pair()
with_bn_small.train()
loader_small = DataLoader(TensorDataset(X_train[:1345], y_train[:1345]), batch_size=BATCH_SIZE, shuffle=True,
                          drop_last=False, generator=torch.Generator().manual_seed(0))
optimizer = torch.optim.SGD(with_bn_small.parameters(), lr=0.1)
print(f"1345 = {1345 // BATCH_SIZE} x {BATCH_SIZE} + {1345 % BATCH_SIZE}: {len(loader_small)} batches")
try:
    for batch_no, (xb, yb) in enumerate(loader_small, start=1):
        loss = nn.functional.cross_entropy(with_bn_small(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
except ValueError as err:
    print(f"batch {batch_no} of {len(loader_small)}, {len(xb)} sample: ValueError: {err}")
else:
    raise AssertionError("expected a ValueError")
assert batch_no == 22 and len(xb) == 1

# %% [markdown] lang="zh"
# 1345 = 21 × 64 + 1，前 21 个批次一切正常，第 22 个批次只剩 1 个样本：训练模式的 `BatchNorm1d` 算不出方差，直接报错，这个 epoch 就中断了。`drop_last=True` 会丢掉这个样本（每个 epoch 打乱后丢掉的是不同的样本，所以不会有数据永远用不上）。

# %% [markdown] lang="en" translated_from="25c0c80e70d7"
# 1345 = 21 × 64 + 1: the first 21 batches go through, and the 22nd holds a single sample, for which `BatchNorm1d` in training mode cannot compute a variance, so it raises an error and the epoch stops there. `drop_last=True` drops that sample (a different one each epoch, since the data is reshuffled, so no sample is left out for good).

# %% [markdown] lang="zh"
# ### 练习 4 参考答案

# %% [markdown] lang="en" translated_from="3e95abab33ec"
# ### Solution to exercise 4

# %%
acc_eval = accuracy(with_bn, X_test, y_test)
print(f"eval():                     test accuracy {acc_eval:.3f}")
acc_train_mode = {}
for batch_size in (450, 64, 8, 2):
    probe = copy.deepcopy(with_bn).train()  # zh: 副本：训练模式会改动运行统计量 # en: a copy: training mode changes the running statistics
    with torch.no_grad():
        predicted = torch.cat([probe(X_test[i : i + batch_size]).argmax(dim=1) for i in range(0, len(X_test), batch_size)])
    acc_train_mode[batch_size] = (predicted == y_test).double().mean().item()
    print(f"train(), {batch_size:3d} samples per batch: test accuracy {acc_train_mode[batch_size]:.3f}")
# zh: 整个测试集一批时，批次统计量接近运行统计量；批次越小，统计量的噪声越大
# en: with the whole test set in one batch, the batch statistics are close to the running statistics; the smaller the batch, the noisier they are
assert abs(acc_train_mode[450] - acc_eval) < 0.01
assert acc_train_mode[450] >= acc_train_mode[64] > acc_train_mode[8] > acc_train_mode[2]
assert acc_train_mode[2] < 0.5

# %% [markdown] lang="zh"
# 训练模式下，BN 用的是每一批自己的均值和方差。整个测试集一批（450 个样本）时，这些统计量和训练中积累的运行统计量很接近，准确率与 `eval()` 相同；每批 64 个时只差一点；每批 8 个时掉了十几个百分点；每批 2 个时，每个特征都被标准化成 ±1，只剩下“两个样本谁大谁小”的信息，准确率跌到一半以下。所以忘了 `eval()` 的后果取决于评估时的批次大小，这种错误在大批次上几乎看不出来，换成小批次或单个样本才暴露。

# %% [markdown] lang="en" translated_from="503f30f69e23"
# In training mode, BN uses each batch's own mean and variance. With the whole test set in one batch (450 samples), those statistics are close to the running statistics accumulated during training, and the accuracy equals that of `eval()`; with 64 per batch it is only slightly lower; with 8 per batch it drops by more than ten points; with 2 per batch every feature is standardized to ±1, which keeps only "which of the two samples is larger", and the accuracy falls below one half. So the damage done by a forgotten `eval()` depends on the evaluation batch size: the mistake is almost invisible with large batches and shows up only with small batches or single samples.
