# %% [markdown] lang="zh"
# # 实战：手机价格分类
#
# 这一章把前面学过的零件拼成一条完整的流水线：读取 CSV → 划分训练集和测试集 → 转成张量 → 封装成数据集 → 数据加载器 → 搭建模型 → 训练并保存 → 加载并测试。任务是根据手机的 20 项硬件参数（运行内存 `ram`、电池容量 `battery_power`、屏幕像素 `px_height`/`px_width` 等）预测它的价格档位 `price_range`：0（低）、1（中）、2（高）、3（很高），是一个四分类问题。
#
# 笔记里的原始代码最后打印出“准确率：27.0%”。四个类别各占四分之一，闭着眼睛全猜同一类也有 25%，所以 27% 其实就是**瞎猜的水平**：模型什么也没学到。下面先原样复现这个结果，找出原因，再把流水线修好，让测试准确率超过 80%。
#
# **关于数据：本页用的是合成数据。** 笔记读取的是 Kaggle 竞赛数据集“Mobile Price Classification”的 `train.csv`（笔记中改名为 `手机价格预测.csv`）：2000 行，20 个特征，标签 `price_range` 取 0–3，每类正好 500 行。网站在构建时不能联网，无法下载这个文件，所以我们用 `dlref.phone_data.make_phone_prices` 生成一份“替身”：列名、列的顺序和每列的取值范围都与 Kaggle 文件相同，四个类别同样各 500 行；标签是一个带噪声的“价格分数”的四分位档，这个分数主要由 `ram` 决定，电池容量和像素尺寸也有贡献（与真实数据的规律一致）。生成的数据先写成 CSV 文件，再用真正的读取代码 `pd.read_csv` 读回来。因此本页的准确率是合成数据上的数字，不是 Kaggle 数据上的结果。如果你下载了真实的 `train.csv`，只需把 `csv_path` 换成它的路径，其余代码都不用改。
#
# > **前置知识**：[用 nn.Module 搭建网络](../building-models/)、[损失函数](../loss-functions/)（交叉熵）、[梯度下降](../gradient-descent/)、[训练工作流](../training-workflow/)（保存与加载、`train()` 与 `eval()`）、[正则化与 Dropout](../dropout/)。

# %% [markdown] lang="en" translated_from="618a67999a5e"
# # Project: Mobile-Phone Price Classification
#
# This chapter assembles the parts met so far into one complete pipeline: read a CSV → split it into a training and a test set → convert to tensors → wrap them in datasets → data loaders → build the model → train and save it → load it and test it. The task is to predict a phone's price band `price_range` — 0 (low), 1 (medium), 2 (high), 3 (very high) — from 20 hardware features (RAM `ram`, battery capacity `battery_power`, screen resolution `px_height`/`px_width`, and so on): a four-class classification problem.
#
# The notes' original code ends by printing "accuracy: 27.0%". Each of the four classes makes up a quarter of the data, so guessing the same class for every phone already scores 25%: 27% is **chance level**, and the model has learned nothing. Below we first reproduce that result exactly, find out why it happens, and then fix the pipeline until the test accuracy is above 80%.
#
# **About the data: this page uses synthetic data.** The notes read `train.csv` from the Kaggle competition dataset "Mobile Price Classification" (renamed `手机价格预测.csv` in the notes): 2000 rows, 20 features and a label `price_range` in 0–3, with exactly 500 rows per class. The site is built without network access and cannot download that file, so `dlref.phone_data.make_phone_prices` generates a stand-in: the same column names, in the same order, with the same value range in every column, and again 500 rows per class. The label is the quartile of a noisy "price score" that depends mostly on `ram`, with smaller contributions from the battery capacity and the pixel dimensions (the same pattern as in the real data). The generated data is written to a CSV file and read back with the real loading code, `pd.read_csv`. The accuracies on this page are therefore numbers for the synthetic data, not results on the Kaggle data. If you have downloaded the real `train.csv`, point `csv_path` at it; the rest of the code stays the same.
#
# > **Prerequisites**: [Building Networks with `nn.Module`](../building-models/), [Loss Functions](../loss-functions/) (cross-entropy), [Gradient Descent](../gradient-descent/), [Training Workflow](../training-workflow/) (saving and loading, `train()` and `eval()`), [Regularization and Dropout](../dropout/).

# %% [markdown] lang="zh"
# ## 1. 工具包
#
# 与笔记相比有三处改动：用维护中的 `torchinfo` 代替早已停止维护的 `torchsummary`；删掉没有用到的 `make_regression`；不再设置只有 Windows 才有的 `SimHei` 字体（本页的图只用英文和数学标签；若要在图里写中文，可安装 Noto Sans CJK SC 字体，用 `matplotlib.font_manager.fontManager.addfont` 注册后设为 `font.sans-serif`）。另外新加了 `StandardScaler`，修正流水线时要用到它。

# %% [markdown] lang="en" translated_from="5557c8ead75c"
# ## 1. Imports
#
# Three changes from the notes: the maintained `torchinfo` replaces `torchsummary`, which has long been unmaintained; the unused `make_regression` import is gone; and there is no `SimHei` font setting, a font that exists only on Windows (the figures on this page use English and math labels only; to put Chinese text in a figure, install the Noto Sans CJK SC font, register it with `matplotlib.font_manager.fontManager.addfont` and set it as `font.sans-serif`). `StandardScaler` is new: the fixed pipeline needs it.

# %%
import math
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset
from torchinfo import summary

from dlref.phone_data import write_csv  # zh: 合成数据的生成器（见上文） # en: the synthetic-data generator (see above)

SEED = 0  # zh: 所有随机性（数据、划分、初始化、打乱）都由它固定 # en: fixes every random source: data, split, initialization, shuffling
torch.set_num_threads(1)  # zh: 网络和批次都很小，多线程的调度开销反而拖慢速度 # en: tiny network, tiny batches: extra threads cost more than they save
torch.set_default_dtype(torch.float64)  # zh: 双精度：打印的数字在不同的 CPU 上保持一致（见下文） # en: double precision, so that the printed numbers agree across CPUs (see below)

# %% [markdown] lang="zh"
# ## 2. 数据获取
#
# ### 2.1 读取数据
#
# 先把合成数据写进一个临时文件夹里的 CSV 文件，再像读取真实文件一样用 `pd.read_csv` 读回来。路径用 `pathlib` 拼接，不要写 `'data\手机价格预测.csv'` 这样的 Windows 反斜杠路径：在 Linux 和 macOS 上它找不到文件，而且反斜杠在 Python 字符串里还是转义符。最后一列是标签，前 20 列是特征。

# %% [markdown] lang="en" translated_from="a61b825a5a5a"
# ## 2. Getting the data
#
# ### 2.1 Reading the data
#
# First the synthetic data is written to a CSV file in a temporary folder, then read back with `pd.read_csv`, exactly as the real file would be. The path is built with `pathlib`; avoid a Windows backslash path such as `'data\手机价格预测.csv'`: it is not found on Linux or macOS, and a backslash is also an escape character in Python strings. The last column is the label, the first 20 are the features.

# %%
workdir = tempfile.TemporaryDirectory()  # zh: 临时文件夹，本页最后删除 # en: a temporary folder, removed at the end of the page
csv_path = write_csv(Path(workdir.name) / "phone_prices.csv", n=2000, seed=SEED)

data = pd.read_csv(csv_path)
x = data.iloc[:, :-1]  # zh: 20 个特征 # en: the 20 features
y = data.iloc[:, -1]  # zh: 标签 price_range # en: the label, price_range
print("rows, columns:", data.shape)
print("rows per class:", y.value_counts().sort_index().to_dict())
print(x.describe().T[["min", "max", "mean", "std"]].round(1))

# %% [markdown] lang="zh"
# 注意各列的量级：`ram` 在 256 到 3998 之间，标准差约 1000；`m_dep`（机身厚度）和 `clock_speed`（主频）却都不超过 3，标准差只有零点几；`blue`、`wifi` 这类开关只有 0 和 1。这个差别后面会变得很关键。
#
# ### 2.2 分割数据
#
# 用 `train_test_split` 留出 20% 作测试集。与笔记相比加了两个参数：`random_state=0` 让每次划分都相同（结果可复现），`stratify=y` 让训练集和测试集里四个类别的比例都与整体一致（分层抽样），所以测试集 400 行里每类正好 100 行。

# %% [markdown] lang="en" translated_from="147288fc7d26"
# Note the scales of the columns: `ram` lies between 256 and 3998 with a standard deviation of about 1000, while `m_dep` (the phone's depth) and `clock_speed` (the CPU clock) never exceed 3 and have standard deviations of a few tenths, and switches such as `blue` or `wifi` are only 0 or 1. This difference will matter a great deal later on.
#
# ### 2.2 Splitting the data
#
# `train_test_split` keeps 20% aside as the test set. Two arguments are new compared with the notes: `random_state=0` makes the split the same every time (reproducible results), and `stratify=y` gives the training and the test set the same class proportions as the whole data (stratified sampling), so the 400 test rows hold exactly 100 rows of each class.

# %%
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=0, stratify=y)
print("train / test rows:", len(x_train), "/", len(x_test))
print("test rows per class:", y_test.value_counts().sort_index().to_dict())

# %% [markdown] lang="zh"
# ### 2.3 转换数据
#
# PyTorch 的模型吃的是张量：特征转成浮点数，类别标签转成 `int64`（`nn.CrossEntropyLoss` 要求类别索引是整数）。这里先照笔记的做法，**不做任何缩放**，直接把原始数值转成张量，好复现笔记的结果。
#
# 本页的浮点张量和模型参数都用双精度（`float64`，第 1 节的 `torch.set_default_dtype` 把它设成了默认类型）。这不是训练的需要（实际中用 `float32`），而是为了让页面上打印的数字在任何一台 CPU 上都一样：不同的 CPU 做浮点运算时，最后一位的舍入可能不同，训练几千步以后，`float32` 里的这点差别就足以让某部测试手机的预测翻转，改变打印出的准确率。

# %% [markdown] lang="en" translated_from="0e04496e50f1"
# ### 2.3 Converting the data
#
# A PyTorch model consumes tensors: the features become floating-point numbers, the class labels `int64` (`nn.CrossEntropyLoss` expects integer class indices). For now we follow the notes and **do no scaling at all**: the raw values go straight into tensors, so that we can reproduce the notes' result.
#
# All floating-point tensors and model parameters on this page are double precision (`float64`; `torch.set_default_dtype` in section 1 makes it the default type). Training does not need it (in practice you would use `float32`); it makes the numbers printed on this page the same on every CPU. Different CPUs may round the last bit of a floating-point operation differently, and after a few thousand training steps in `float32` that difference is enough to flip the prediction for some test phone and change the printed accuracy.

# %%
x_train_t = torch.tensor(x_train.values, dtype=torch.float64)
x_test_t = torch.tensor(x_test.values, dtype=torch.float64)
y_train_t = torch.tensor(y_train.values, dtype=torch.int64)
y_test_t = torch.tensor(y_test.values, dtype=torch.int64)
print(x_train_t.shape, x_train_t.dtype, y_train_t.shape, y_train_t.dtype)

# %% [markdown] lang="zh"
# ### 2.4 封装张量
#
# `TensorDataset` 把特征张量和标签张量按行配对：`dataset[i]` 返回第 i 部手机的 `(特征, 标签)`。

# %% [markdown] lang="en" translated_from="b60b733415be"
# ### 2.4 Wrapping the tensors
#
# `TensorDataset` pairs the feature tensor with the label tensor row by row: `dataset[i]` returns the `(features, label)` of the i-th phone.

# %%
train_dataset = TensorDataset(x_train_t, y_train_t)
test_dataset = TensorDataset(x_test_t, y_test_t)
print(len(train_dataset), len(test_dataset))
print(train_dataset[0])

# %% [markdown] lang="zh"
# ### 2.5 创建数据加载器
#
# `DataLoader` 每次取出一个小批量（笔记用 `batch_size=8`，这里保持不变）。训练集每轮都打乱顺序，测试集不用打乱。给打乱用的随机数生成器一个种子（`generator=`），每次运行的批次顺序就都一样。后面每次训练都会新建一对加载器，所以把这一步写成一个小函数。

# %% [markdown] lang="en" translated_from="b54b7b44b005"
# ### 2.5 Creating the data loaders
#
# A `DataLoader` hands out one mini-batch at a time (the notes use `batch_size=8`, and so do we). The training set is reshuffled every epoch; the test set needs no shuffling. Giving the shuffling its own seeded random-number generator (`generator=`) makes the order of the batches the same on every run. Every training run below builds a fresh pair of loaders, so this step becomes a small function.

# %%
def make_loaders(train_dataset, test_dataset, batch_size=8):
    train_loader = DataLoader(train_dataset, batch_size=batch_size, shuffle=True,
                              generator=torch.Generator().manual_seed(SEED))
    test_loader = DataLoader(test_dataset, batch_size=batch_size, shuffle=False)
    return train_loader, test_loader


train_loader, test_loader = make_loaders(train_dataset, test_dataset)
print(len(train_loader), "training batches per epoch,", len(test_loader), "test batches")

# %% [markdown] lang="zh"
# ## 3. 模型构建
#
# 一个三层全连接网络：20 个输入特征 → 64 个隐藏单元 → 128 个隐藏单元 → 4 个输出（每个价格档位一个分数，即 logits；softmax 由 `nn.CrossEntropyLoss` 在内部完成，所以 `forward` 里不用再加）。两个隐藏层后面各有 ReLU 和 Dropout。丢弃概率 `p_dropout` 做成参数：笔记用的是 0.9，修正后用 0.2。类名改成 `PhonePriceNet`：笔记里的小写类名 `model` 很容易和同名的变量混在一起。
#
# 笔记先做 Dropout 再做 ReLU，这里先 ReLU 后 Dropout（更常见的写法）。两种顺序结果完全相同：Dropout 只是把一些值置零、把其余值乘以正数 1/(1−p)，这两种操作都和 ReLU 可以交换次序。

# %% [markdown] lang="en" translated_from="d4d0cccb1a1d"
# ## 3. Building the model
#
# A three-layer fully connected network: 20 input features → 64 hidden units → 128 hidden units → 4 outputs (one score per price band, i.e. logits; `nn.CrossEntropyLoss` applies the softmax internally, so `forward` must not add one). Each of the two hidden layers is followed by a ReLU and by dropout. The dropout probability `p_dropout` is a parameter: the notes use 0.9, the fixed version 0.2. The class is renamed `PhonePriceNet`: the notes' lower-case class name `model` is easily confused with variables of the same name.
#
# The notes apply dropout before the ReLU; here the ReLU comes first (the more common order). Both orders give exactly the same result: dropout only sets some values to zero and multiplies the others by the positive number 1/(1−p), and both operations commute with ReLU.

# %%
class PhonePriceNet(nn.Module):
    def __init__(self, p_dropout=0.2):
        super().__init__()
        self.layer1 = nn.Linear(in_features=20, out_features=64)
        self.layer2 = nn.Linear(in_features=64, out_features=128)
        self.layer3 = nn.Linear(in_features=128, out_features=4)
        self.dropout = nn.Dropout(p=p_dropout)

    def forward(self, x):
        x = self.dropout(torch.relu(self.layer1(x)))
        x = self.dropout(torch.relu(self.layer2(x)))
        return self.layer3(x)  # zh: 4 个 logits，不加 softmax # en: 4 logits, no softmax

# %% [markdown] lang="zh"
# 用 `torchinfo.summary` 查看每层的输出形状和参数量，`input_size=(10, 20)` 表示一批 10 部手机、每部 20 个特征。参数量可以手算：第一层 20×64 个权重加 64 个偏置，共 1,344；第二层 64×128+128 = 8,320；第三层 128×4+4 = 516；合计 10,180 个参数。本页每个参数是 8 字节的 `float64`（见第 2.3 节），一共约 0.08 MB；用通常的 4 字节 `float32` 时减半，约 0.04 MB。Dropout 没有参数。

# %% [markdown] lang="en" translated_from="c1b277feb8ca"
# `torchinfo.summary` shows each layer's output shape and parameter count; `input_size=(10, 20)` means a batch of 10 phones with 20 features each. The counts are easy to check by hand: the first layer has 20×64 weights plus 64 biases, 1,344 in all; the second 64×128+128 = 8,320; the third 128×4+4 = 516; 10,180 parameters in total. On this page each parameter is an 8-byte `float64` (see section 2.3), about 0.08 MB altogether; with the usual 4-byte `float32` it would be half that, about 0.04 MB. Dropout has no parameters.

# %%
#| claims: [N38]
torch.manual_seed(SEED)
model = PhonePriceNet()
print(summary(model, input_size=(10, 20), dtypes=[torch.float64], verbose=0))

per_layer = [sum(p.numel() for p in layer.parameters()) for layer in (model.layer1, model.layer2, model.layer3)]
total = sum(p.numel() for p in model.parameters())
bytes_per_param = model.layer1.weight.element_size()  # zh: float64 是 8 字节 # en: 8 bytes for float64
print("per layer:", per_layer, " total:", total, f" size: {total * bytes_per_param / 1e6:.2f} MB")
assert per_layer == [1344, 8320, 516] and total == 10180
assert bytes_per_param == 8 and round(total * bytes_per_param / 1e6, 2) == 0.08

# %% [markdown] lang="zh"
# ## 4. 模型训练
#
# `train()` 与笔记的结构相同：交叉熵损失、SGD 优化器、20 轮；每个小批量依次做前向传播 → 计算损失 → 梯度清零 → 反向传播 → 参数更新，每轮打印平均损失，最后把模型的状态字典保存到文件。几处改动：
#
# - 模型、加载器、学习率和保存路径都作为参数传进来，同一个函数既能跑笔记的配置，也能跑修正后的配置；
# - 保存前用 `mkdir(parents=True, exist_ok=True)` 创建文件夹（笔记里的 `model/` 文件夹从未创建，`torch.save` 会报错）；
# - 每轮结束时顺便记下测试准确率，只用来画下面的曲线。真实项目里挑选模型、调参要用单独的验证集，测试集只在最后用一次。

# %% [markdown] lang="en" translated_from="90b144952792"
# ## 4. Training the model
#
# `train()` has the structure of the notes' version: cross-entropy loss, an SGD optimizer, 20 epochs; for each mini-batch, forward pass → loss → zero the gradients → backward pass → update the parameters; it prints the mean loss of each epoch and finally saves the model's state dict to a file. A few changes:
#
# - the model, the loaders, the learning rate and the save path are parameters, so the same function runs both the notes' configuration and the fixed one;
# - the folder is created with `mkdir(parents=True, exist_ok=True)` before saving (the notes never create their `model/` folder, so `torch.save` fails);
# - after each epoch it also records the test accuracy, only to draw the curves below. In a real project, model selection and tuning use a separate validation set, and the test set is used once, at the end.

# %%
def evaluate(model, loader, use_eval=True):
    # zh: 模型在 loader 上的准确率；use_eval=False 复现笔记的测试方式（不调用 eval()）
    # en: the model's accuracy on loader; use_eval=False reproduces the notes' test (no eval())
    if use_eval:
        model.eval()  # zh: 评估模式：Dropout 不再丢弃任何单元 # en: evaluation mode: dropout drops nothing
    correct = 0
    with torch.no_grad():  # zh: 测试不需要梯度，省内存也省时间 # en: testing needs no gradients: saves memory and time
        for x, y in loader:
            y_index = torch.argmax(model(x), dim=1)  # zh: 分数最高的类别 # en: the class with the highest score
            correct += (y_index == y).sum().item()
    return correct / len(loader.dataset)


def train(model, train_loader, test_loader, path, lr=0.1, epochs=20, use_eval=True, verbose=True):
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    history = {"loss": [], "test_acc": []}
    for epoch in range(epochs):
        model.train()  # zh: 训练模式：Dropout 生效 # en: training mode: dropout is active
        loss_sum, batches = 0.0, 0
        for x, y in train_loader:
            y_pred = model(x)  # zh: 前向传播 # en: forward pass
            loss = criterion(y_pred, y)  # zh: 计算损失 # en: compute the loss
            optimizer.zero_grad()  # zh: 梯度清零 # en: zero the gradients
            loss.backward()  # zh: 反向传播 # en: backward pass
            optimizer.step()  # zh: 参数更新 # en: update the parameters
            loss_sum += loss.item()
            batches += 1
        history["loss"].append(loss_sum / batches)
        history["test_acc"].append(evaluate(model, test_loader, use_eval))  # zh: 只为画曲线 # en: for the plot only
        if verbose:
            print(f"epoch {epoch + 1:2d}  mean loss {history['loss'][-1]:<10.4g}  test acc {history['test_acc'][-1]:.3f}")
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), path)
    return history

# %% [markdown] lang="zh"
# ## 5. 模型测试
#
# `test()` 和笔记一样新建一个模型、加载保存的参数，再统计测试集上预测正确的比例。加载时写 `torch.load(path, map_location="cpu", weights_only=True)`：`weights_only=True` 只允许读出张量、数字、字典等普通数据，不像普通的 pickle 那样调用文件指定的任意函数（笔记的输出里那条很长的 FutureWarning 说的就是这件事；从 PyTorch 2.6 起它已经是默认值）。它缩小了攻击面，但不能让来路不明的文件变得安全，只加载你信任的文件（见[训练工作流](../training-workflow/)）。`map_location="cpu"` 让在 GPU 上保存的参数也能在只有 CPU 的机器上加载。
#
# 笔记的 `test()` 漏了两样东西：`model.eval()` 和 `torch.no_grad()`。`use_eval=False` 复现前一个疏漏，此时 Dropout 在测试时照样随机丢弃单元。`torch.no_grad()` 这里总是加上：它不改变预测结果，只是不再为反向传播记录计算图，省下内存和时间。

# %% [markdown] lang="en" translated_from="6cc561dc40d4"
# ## 5. Testing the model
#
# Like the notes' version, `test()` builds a new model, loads the saved parameters and counts the fraction of test phones it classifies correctly. Loading uses `torch.load(path, map_location="cpu", weights_only=True)`: `weights_only=True` reads only plain data such as tensors, numbers and dictionaries, instead of calling whatever functions the file names, as plain pickle does (this is what the long FutureWarning in the notes' output is about; it has been the default since PyTorch 2.6). It narrows the attack surface but does not make a file of unknown origin safe: load only files you trust (see [Training Workflow](../training-workflow/)). Finally, `map_location="cpu"` lets parameters saved on a GPU load on a CPU-only machine.
#
# The notes' `test()` misses two things: `model.eval()` and `torch.no_grad()`. `use_eval=False` reproduces the first omission: dropout then keeps dropping units at random at test time. `torch.no_grad()` is always used here: it does not change the predictions; it only stops recording the computation graph for a backward pass, which saves memory and time.

# %%
def test(path, test_loader, p_dropout, use_eval=True):
    model = PhonePriceNet(p_dropout)
    model.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
    acc = evaluate(model, test_loader, use_eval)
    print(f"accuracy: {acc:.1%}")
    return acc

# %% [markdown] lang="zh"
# ## 6. 按笔记的原始配置运行
#
# 笔记的主程序先打印模型摘要再调用 `test()`，而 `train()` 被注释掉了，所以直接运行会因为找不到 `.pth` 文件而失败。这里先训练再测试，其余完全照搬笔记的配置：**原始特征不做缩放、Dropout p=0.9、SGD 学习率 0.1、测试时不调用 `eval()`**。

# %% [markdown] lang="en" translated_from="9befc09ab353"
# ## 6. Running the notes' configuration
#
# The notes' main program prints the model summary and then calls `test()`, but `train()` is commented out, so running it fails because the `.pth` file does not exist. Here we train first, then test, and otherwise copy the notes' configuration exactly: **raw, unscaled features, dropout p=0.9, SGD with learning rate 0.1, and no `eval()` at test time**.

# %%
#| claims: [N39]
train_loader, test_loader = make_loaders(train_dataset, test_dataset)
notes_path = Path(workdir.name) / "model" / "phone_model_notes.pth"
torch.manual_seed(SEED)
notes_history = train(PhonePriceNet(p_dropout=0.9), train_loader, test_loader, notes_path, lr=0.1, use_eval=False)
notes_acc = test(notes_path, test_loader, p_dropout=0.9, use_eval=False)

assert notes_acc < 0.35  # zh: 瞎猜水平 # en: chance level
assert notes_history["loss"][0] > 1e20  # zh: 第一轮损失爆炸 # en: the loss explodes in the first epoch
assert all(abs(epoch_loss - math.log(4)) < 0.01 for epoch_loss in notes_history["loss"][5:])  # zh: 从第 6 轮起卡在 ln 4 附近 # en: and is stuck near ln 4 from epoch 6 on
print(f"ln 4 = {math.log(4):.4f}")

# %% [markdown] lang="zh"
# 第一轮的平均损失是一个天文数字（10 的二十几次方），接下来三轮仍有几百到几千，从第 6 轮起损失就一直停在 1.386 = ln 4 附近，测试准确率是 25%。笔记在它的数据上得到 27% = 108/400，同样是瞎猜的水平。
#
# ## 7. 为什么正好是 25%
#
# 先看这两个数字是什么意思。
#
# - **ln 4**：如果模型对每部手机都输出均匀的概率（四个类别各 1/4），交叉熵损失就是 −ln(1/4) = ln 4 ≈ 1.386。损失停在 ln 4，说明模型的输出已经和输入无关了。四个类别数量相等，“永远输出均匀分布”恰好是常数预测里损失最小的一种，SGD 能学会的也就只剩这个。
# - **25%**：输出和输入无关，`argmax` 就对每部手机都选同一个类别，测试集每类 100 行，于是正好猜对 100/400 = 25%。
#
# 下面的代码检查训练完的模型：第一个隐藏层的 64 个 ReLU 单元里，有多少个对至少一部测试手机输出大于 0？再数一数它预测的类别。

# %% [markdown] lang="en" translated_from="a24607531786"
# The mean loss of the first epoch is astronomical (ten to the power of twenty-something) and stays in the hundreds or thousands for the next three epochs; from epoch 6 on the loss stays near 1.386 = ln 4, and the test accuracy is 25%. The notes got 27% = 108/400 on their data: chance level as well.
#
# ## 7. Why exactly 25%
#
# First, what the two numbers mean.
#
# - **ln 4**: if the model outputs uniform probabilities for every phone (1/4 per class), the cross-entropy loss is −ln(1/4) = ln 4 ≈ 1.386. A loss stuck at ln 4 says that the model's output no longer depends on its input. With four classes of equal size, "always output the uniform distribution" is exactly the constant prediction with the lowest loss, and it is all that SGD can still learn.
# - **25%**: when the output does not depend on the input, `argmax` picks the same class for every phone; the test set has 100 rows per class, so exactly 100/400 = 25% are right.
#
# The code below inspects the trained model: of the 64 ReLU units in the first hidden layer, how many output something above 0 for at least one test phone? It also counts the classes the model predicts.

# %%
broken = PhonePriceNet(p_dropout=0.9)
broken.load_state_dict(torch.load(notes_path, map_location="cpu", weights_only=True))
broken.eval()
with torch.no_grad():
    h1 = torch.relu(broken.layer1(x_test_t))
    logits = broken(x_test_t)
print("hidden-1 units active for some test phone:", int((h1 > 0).any(dim=0).sum()), "of 64")
print("predicted class counts:", torch.bincount(logits.argmax(dim=1), minlength=4).tolist())
print("probabilities for the first test phone:", torch.softmax(logits[0], dim=0).numpy().round(3))
assert int((h1 > 0).sum()) == 0  # zh: 全部死亡 # en: all dead
assert torch.bincount(logits.argmax(dim=1), minlength=4).max() == 400  # zh: 全猜同一类 # en: one class for every phone

# %% [markdown] lang="zh"
# 第一个隐藏层的 ReLU 单元全部“死亡”（对任何输入都输出 0），后面的层收到的永远是 0，网络只剩最后一层的偏置还在起作用，于是对每部手机给出同一个几乎均匀的概率分布。是谁把网络推到这一步的？笔记的配置里有四个问题，前两个各自就足以让训练失败（第 9 节会逐个验证）：
#
# 1. **特征没有标准化。** `ram` 的数值上千，`m_dep` 不到 1。初始化的权重是为量级约为 1 的输入设计的，喂进上千的数值，网络输出的 logits 就有上百，第一个小批量的损失远大于 ln 4，梯度也跟着巨大（见下面的代码）。学习率 0.1 乘上这样的梯度，一步就把权重推到离谱的位置，接下来几步损失越滚越大（梯度爆炸），直到某一步把第一层的权重和偏置推到让所有预激活值都为负的地方，ReLU 从此对所有输入都输出 0。死掉的 ReLU 梯度为 0，再也活不过来。
# 2. **Dropout p=0.9 太大。** 每次前向传播随机丢掉 90% 的单元，留下的 10% 乘以 1/(1−0.9) = 10 来补偿。输出的期望虽然不变，但每个值要么变成 0、要么放大 10 倍，它的方差是原值平方的 p/(1−p) = 9 倍，也就是说噪声的标准差是信号的 3 倍；两层叠加，噪声完全盖过了信号，反向传播的梯度也被同样放大，即使特征标准化了，SGD 学习率 0.1 仍会发散。常用的 p 在 0.1 到 0.5 之间，这个小网络用 0.2 就够了。详见 [Dropout](../dropout/)。
# 3. **测试时没有 `model.eval()`。** Dropout 在测试时仍在随机丢弃单元，预测带有随机性，同一个模型测两次会得到不同的准确率。`eval()` 让 Dropout（以及批归一化）切换到推理行为，见 [训练工作流](../training-workflow/)。
# 4. **测试时没有 `torch.no_grad()`。** 它不影响准确率，但白白为每次前向传播记录计算图。
#
# 此外，学习率 0.1 只有在输入已经标准化时才合适；对未缩放的输入，它正是引爆训练的那只手。

# %% [markdown] lang="en" translated_from="0eb32454686f"
# Every ReLU unit of the first hidden layer has "died" (it outputs 0 for every input), so the later layers always receive zeros; only the bias of the last layer still does anything, and the network gives every phone the same, almost uniform probability distribution. What pushed the network there? The notes' configuration has four problems, and each of the first two is enough on its own to make training fail (section 9 checks them one by one):
#
# 1. **The features are not standardized.** `ram` is in the thousands, `m_dep` below 1. The initial weights are designed for inputs of order 1; fed values in the thousands, the network produces logits of a hundred or more, the loss of the very first mini-batch is far above ln 4, and the gradients are huge as well (see the code below). A learning rate of 0.1 times such a gradient throws the weights far off in a single step; over the next steps the loss snowballs (exploding gradients) until one step pushes the first layer's weights and biases to where every pre-activation is negative, and the ReLUs output 0 for every input from then on. A dead ReLU has zero gradient and never comes back.
# 2. **Dropout p=0.9 is far too strong.** Each forward pass drops 90% of the units at random and multiplies the remaining 10% by 1/(1−0.9) = 10 to compensate. The expected output is unchanged, but each value either becomes 0 or grows tenfold: its variance is p/(1−p) = 9 times its square, so the noise has three times the standard deviation of the signal. Over two layers the noise drowns the signal, the gradients of the backward pass are amplified in the same way, and even with standardized features SGD with learning rate 0.1 diverges. Common values of p lie between 0.1 and 0.5; 0.2 is enough for this small network. See [Dropout](../dropout/).
# 3. **No `model.eval()` at test time.** Dropout keeps dropping units at random during the test, so the predictions are random and testing the same model twice gives two different accuracies. `eval()` switches dropout (and batch normalization) to their inference behaviour; see [Training Workflow](../training-workflow/).
# 4. **No `torch.no_grad()` at test time.** It does not change the accuracy, but every forward pass records a computation graph for nothing.
#
# Moreover, a learning rate of 0.1 is reasonable only once the inputs are standardized; on unscaled inputs it is exactly what sets training off.

# %%
torch.manual_seed(SEED)
fresh = PhonePriceNet().eval()  # zh: 刚初始化、未训练的网络 # en: a freshly initialized, untrained network
scaler = StandardScaler().fit(x_train)  # zh: 标准化，见第 8 节 # en: standardization, see section 8
with torch.no_grad():
    logits_raw = fresh(x_train_t[:8])
    logits_std = fresh(torch.tensor(scaler.transform(x_train[:8]), dtype=torch.float64))
criterion = nn.CrossEntropyLoss()
print(f"first batch, raw features:          max |logit| {logits_raw.abs().max():8.1f}   loss {criterion(logits_raw, y_train_t[:8]):8.2f}")
print(f"first batch, standardized features: max |logit| {logits_std.abs().max():8.1f}   loss {criterion(logits_std, y_train_t[:8]):8.2f}")
assert logits_raw.abs().max() > 50 and criterion(logits_raw, y_train_t[:8]) > 10
assert logits_std.abs().max() < 1 and abs(criterion(logits_std, y_train_t[:8]) - math.log(4)) < 0.1

# %% [markdown] lang="zh"
# 同一个刚初始化的网络，对原始特征的第一个小批量，logits 就有上百，损失是 ln 4 的几十倍；换成标准化后的特征，logits 小于 1，损失接近 ln 4，这才是训练正常的起点。
#
# ## 8. 修正后的流水线
#
# 改动只有几处：
#
# - 用 `StandardScaler` 把每个特征变成均值 0、标准差 1（标准化）。**只在训练集上 `fit`**，再用同一组均值和标准差去 `transform` 训练集和测试集。如果在全部数据上拟合，测试集的统计量就“泄漏”进了训练过程，测得的准确率可能偏乐观（对这种只算均值和标准差的缩放器，影响通常很小，见练习 3；对要从数据里学更多东西的预处理，比如特征选择，影响可能很大）；真正上线时，新数据也只能用训练时算好的均值和标准差来处理。
# - Dropout 从 0.9 降到 0.2。
# - 测试时调用 `model.eval()` 并包在 `torch.no_grad()` 里（`evaluate` 里已经写好了）。
#
# 张量、数据集、加载器三步和前面一模一样，只是输入换成了标准化后的特征。

# %% [markdown] lang="en" translated_from="a32ab01b8282"
# The same freshly initialized network produces logits of a hundred or more on the first mini-batch of raw features, and a loss dozens of times ln 4; on standardized features its logits stay below 1 and the loss is close to ln 4, which is where healthy training starts.
#
# ## 8. The fixed pipeline
#
# Only a few things change:
#
# - `StandardScaler` rescales every feature to mean 0 and standard deviation 1 (standardization). It is **fitted on the training set only**; the same means and standard deviations then `transform` both the training and the test set. Fitting on all the data would leak statistics of the test set into training and can make the measured accuracy optimistic (for a scaler that only computes means and standard deviations the effect is usually small, see exercise 3; for preprocessing that learns more from the data, such as feature selection, it can be large); in production, new data can only be processed with the means and standard deviations computed at training time, too.
# - Dropout goes down from 0.9 to 0.2.
# - The test calls `model.eval()` and runs inside `torch.no_grad()` (both already in `evaluate`).
#
# The tensor, dataset and loader steps are exactly the same as before; only the input is now the standardized features.

# %%
#| claims: [N39]
scaler = StandardScaler().fit(x_train)  # zh: 只用训练集的均值和标准差 # en: means and standard deviations of the training set only
x_train_s = torch.tensor(scaler.transform(x_train), dtype=torch.float64)
x_test_s = torch.tensor(scaler.transform(x_test), dtype=torch.float64)
print("train means ≈ 0:", bool(x_train_s.mean(dim=0).abs().max() < 1e-5),
      " train stds ≈ 1:", bool((x_train_s.std(dim=0, unbiased=False) - 1).abs().max() < 1e-4))

train_dataset_s = TensorDataset(x_train_s, y_train_t)
test_dataset_s = TensorDataset(x_test_s, y_test_t)
train_loader_s, test_loader_s = make_loaders(train_dataset_s, test_dataset_s)

fixed_path = Path(workdir.name) / "model" / "phone_model.pth"
torch.manual_seed(SEED)
fixed_history = train(PhonePriceNet(p_dropout=0.2), train_loader_s, test_loader_s, fixed_path, lr=0.1)
fixed_acc = test(fixed_path, test_loader_s, p_dropout=0.2)
assert fixed_acc > 0.8

# %% [markdown] lang="zh"
# 损失从第一轮开始稳步下降，测试准确率超过 80%。再看混淆矩阵（行是真实档位，列是预测档位）：错误全都紧挨着对角线，也就是把手机错判成相邻的价格档位，没有一部手机被判错两档或更多。

# %% [markdown] lang="en" translated_from="cd05e06311b4"
# The loss falls steadily from the first epoch on, and the test accuracy is above 80%. The confusion matrix (rows: true band, columns: predicted band) shows that every error lies right next to the diagonal: a phone mistaken for a neighbouring price band. No phone is off by two bands or more.

# %%
model = PhonePriceNet(p_dropout=0.2)
model.load_state_dict(torch.load(fixed_path, map_location="cpu", weights_only=True))
model.eval()
with torch.no_grad():
    predicted = model(x_test_s).argmax(dim=1)
cm = confusion_matrix(y_test_t, predicted)
print(cm)
assert all(cm[i, j] == 0 for i in range(4) for j in range(4) if abs(i - j) >= 2)  # zh: 只错到相邻档位 # en: errors only between neighbouring bands

# %% [markdown] lang="zh"
# ## 9. 每一处修正各起多大作用
#
# 从修正后的流水线出发，每次只退回笔记的一个设置：
#
# - 不做标准化（其余都修正）；
# - Dropout 改回 0.9（其余都修正）；
# - 测试时不调用 `eval()`：不用重新训练，直接把上面训练好的模型在训练模式下测两次。

# %% [markdown] lang="en" translated_from="92c86f0fd01f"
# ## 9. How much each fix matters
#
# Starting from the fixed pipeline, each run reverts exactly one setting to the notes' choice:
#
# - no standardization (everything else fixed);
# - dropout back at 0.9 (everything else fixed);
# - no `eval()` at test time: no retraining needed; the trained model from above is simply tested twice in training mode.

# %%
rows = []

loaders = make_loaders(train_dataset, test_dataset)  # zh: 原始特征 # en: raw features
torch.manual_seed(SEED)
history = train(PhonePriceNet(p_dropout=0.2), *loaders, Path(workdir.name) / "model" / "no_scaling.pth", verbose=False)
rows.append(("no standardization", history["loss"][-1], history["test_acc"][-1]))

loaders = make_loaders(train_dataset_s, test_dataset_s)
torch.manual_seed(SEED)
history = train(PhonePriceNet(p_dropout=0.9), *loaders, Path(workdir.name) / "model" / "p09.pth", verbose=False)
rows.append(("dropout p=0.9", history["loss"][-1], history["test_acc"][-1]))

for run in (1, 2):
    rows.append((f"no eval(), test run {run}", None, test(fixed_path, test_loader_s, 0.2, use_eval=False)))
rows.append(("all fixes", fixed_history["loss"][-1], fixed_acc))

print(f"\n{'setting':<24}{'last mean loss':>16}{'test acc':>10}")
for name, loss, acc in rows:
    print(f"{name:<24}{'-' if loss is None else f'{loss:.4g}':>16}{acc:>10.3f}")

assert rows[0][2] < 0.35 and rows[1][2] < 0.35  # zh: 各自就足以让训练失败 # en: each is enough on its own to break training
assert rows[2][2] != rows[3][2]  # zh: 不调用 eval()，同一模型两次测试结果不同 # en: without eval(), two tests of one model disagree
assert all(0 < fixed_acc - acc < 0.04 for _, _, acc in rows[2:4])  # zh: 只低两个百分点左右 # en: only about two points lower

# %% [markdown] lang="zh"
# - **不做标准化**：即使 Dropout 已经改成 0.2、测试时也调用了 `eval()`，准确率仍然是 25%，损失同样卡在 ln 4。
# - **Dropout 0.9**：即使特征已经标准化，训练依旧发散，损失甚至溢出成 `nan`（不是一个数），准确率还是 25%。
# - **不调用 `eval()`**：模型本身训练得很好，所以准确率只低了两个百分点左右；但两次测试给出两个不同的数字，这样的“准确率”没法复现，也没法用来比较模型。Dropout 越大，这个问题越严重。

# %% [markdown] lang="en" translated_from="40a1e818345d"
# - **No standardization**: even with dropout at 0.2 and `eval()` at test time, the accuracy stays at 25% and the loss again gets stuck at ln 4.
# - **Dropout 0.9**: even with standardized features, training still diverges; the loss even overflows to `nan` (not a number), and the accuracy is again 25%.
# - **No `eval()`**: the model itself is well trained, so the accuracy drops by only about two percentage points; but two tests give two different numbers, and such an "accuracy" can be neither reproduced nor used to compare models. The larger the dropout, the worse this gets.

# %% [markdown] lang="zh"
# ## 10. 训练曲线
#
# 左图是每轮的平均训练损失（纵轴是对数刻度），右图是每轮结束时的测试准确率。笔记的配置在第一轮就爆炸，几轮之后贴在 ln 4 的虚线上不再动，准确率一直在 25% 上下；修正后的配置损失持续下降，准确率很快升到 80% 以上。

# %% [markdown] lang="en" translated_from="eef50787067c"
# ## 10. Training curves
#
# The left panel shows the mean training loss of each epoch (on a log scale), the right panel the test accuracy after each epoch. The notes' configuration explodes in the first epoch and a few epochs later settles on the dashed ln 4 line for good, the accuracy staying at about 25% throughout; with the fixes, the loss keeps falling and the accuracy soon climbs above 80%.

# %%
#| figures:
#|   - alt: {zh: "两幅并排的折线图。左图：每轮平均训练损失（对数纵轴），笔记配置的损失第一轮约为 10 的 24 次方，接下来三轮在几百到几千之间，从第 6 轮起停在 ln 4 ≈ 1.386 的虚线上；修正后的配置从约 0.9 降到 0.2 左右。右图：每轮测试准确率，笔记配置一直在 0.25（瞎猜水平的虚线）上下，修正后的配置在几轮内升到 0.85 以上。", en: "Two line charts side by side. Left: mean training loss per epoch on a log axis; the notes' configuration starts around 10 to the 24th, stays in the hundreds or thousands for the next three epochs, and from epoch 6 on stays on the dashed line at ln 4 ≈ 1.386, while the fixed configuration falls from about 0.9 to about 0.2. Right: test accuracy per epoch; the notes' configuration stays at about 0.25 (the dashed chance line), the fixed one rises above 0.85 within a few epochs."}
#|     caption: {zh: "笔记的配置与修正后的配置：训练损失与测试准确率", en: "The notes' configuration vs the fixed one: training loss and test accuracy"}
epochs = range(1, len(fixed_history["loss"]) + 1)
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.8))
ax_loss.semilogy(epochs, notes_history["loss"], "o-", label="notes: raw x, p=0.9, no eval()")
ax_loss.semilogy(epochs, fixed_history["loss"], "s-", label="fixed: standardized x, p=0.2, eval()")
ax_loss.axhline(math.log(4), color="gray", linestyle="--", label="ln 4")
ax_loss.set_xlabel("epoch")
ax_loss.set_ylabel("mean training loss")
ax_loss.legend()

ax_acc.plot(epochs, notes_history["test_acc"], "o-", label="notes")
ax_acc.plot(epochs, fixed_history["test_acc"], "s-", label="fixed")
ax_acc.axhline(0.25, color="gray", linestyle="--", label="chance (0.25)")
ax_acc.set_ylim(0, 1)
ax_acc.set_xlabel("epoch")
ax_acc.set_ylabel("test accuracy")
ax_acc.legend()
for ax in (ax_loss, ax_acc):
    ax.set_xticks([1, 5, 10, 15, 20])
fig.tight_layout()
plt.show()

# %% [markdown] lang="zh"
# ## 11. 小结
#
# 一个能跑通、却只有 25% 准确率的流水线，往往不是模型“不够深”，而是流水线本身有问题。动手调结构之前，先检查这几项：
#
# - 准确率接近 1/类别数、损失停在 ln(类别数)（各类一样多时；一般情况见练习 2）：模型在瞎猜，先查数据和训练设置，不要急着加层；
# - 输入特征的量级差别很大时先标准化，而且只在训练集上拟合缩放器；
# - Dropout 的 p 取 0.1–0.5，不要让它吞掉大部分单元；
# - 测试前调用 `model.eval()`，并把推理包在 `torch.no_grad()` 里；
# - 划分数据时固定 `random_state` 并分层（`stratify`），给 `DataLoader` 的打乱传入带种子的 `generator`，结果才能复现；
# - 保存前创建文件夹，加载时用 `torch.load(path, map_location="cpu", weights_only=True)`。

# %% [markdown] lang="en" translated_from="0ae11bfd103d"
# ## 11. Summary
#
# When a pipeline runs end to end but scores only 25%, the model is usually not "too shallow": the pipeline itself is wrong. Before changing the architecture, check these points:
#
# - accuracy close to 1/(number of classes) and a loss stuck at ln(number of classes) (with classes of equal size; exercise 2 has the general case) mean the model is guessing: check the data and the training settings before adding layers;
# - when the input features have very different scales, standardize them, and fit the scaler on the training set only;
# - keep dropout's p between 0.1 and 0.5; do not let it swallow most of the units;
# - call `model.eval()` before testing and run inference inside `torch.no_grad()`;
# - fix `random_state` and stratify (`stratify`) when splitting the data, and give the `DataLoader` a seeded `generator` for its shuffling, so that results can be reproduced;
# - create the folder before saving, and load with `torch.load(path, map_location="cpu", weights_only=True)`.

# %% [markdown] lang="zh"
# ## 12. 练习
#
# **练习 1：Dropout 的噪声有多大？** 反向 Dropout 以概率 p 把一个值 x 置零，否则把它乘以 1/(1−p)。推导输出的期望和方差，算出 p = 0.2、0.5、0.9 时方差是 x² 的几倍，再用 `nn.Dropout` 对 100 万个 1 验证。
#
# **练习 2：类别不均衡时，“瞎猜”的损失是多少？** 本页四个类别一样多，死掉的网络停在 ln 4。如果四个档位的比例是 40%、30%、20%、10%，一个输出与输入无关的网络能达到的最低交叉熵是多少，准确率是多少？先推导，再只训练 4 个 logits（不看输入）验证。
#
# **练习 3：在全部数据上拟合缩放器，泄漏了多少？** 用全部 2000 行而不是训练集的 1600 行拟合 `StandardScaler`，均值和标准差会差多少？标准化后的测试集特征最多变化多少个标准差？

# %% [markdown] lang="en" translated_from="0ad486c9e021"
# ## 12. Exercises
#
# **Exercise 1: how noisy is dropout?** Inverted dropout sets a value x to zero with probability p and multiplies it by 1/(1−p) otherwise. Derive the mean and the variance of the output, work out how many times x² the variance is for p = 0.2, 0.5 and 0.9, and check with `nn.Dropout` on a million ones.
#
# **Exercise 2: the loss of "guessing" when the classes are imbalanced.** On this page the four classes are equally large, and the dead network settles at ln 4. If the four bands made up 40%, 30%, 20% and 10% of the data, what is the lowest cross-entropy a network whose output ignores its input can reach, and what accuracy does it get? Derive it first, then check by training just 4 logits that never look at the input.
#
# **Exercise 3: how much does fitting the scaler on all the data leak?** Fit `StandardScaler` on all 2000 rows instead of the 1600 training rows. How much do the means and standard deviations change? By how many standard deviations do the standardized test features move at most?

# %% [markdown] lang="zh"
# ### 练习 1 参考答案
#
# 输出以概率 1−p 等于 x/(1−p)，以概率 p 等于 0。期望是 (1−p)·x/(1−p) = x，不变；二阶矩是 (1−p)·x²/(1−p)² = x²/(1−p)，所以方差是 x²/(1−p) − x² = p/(1−p)·x²：p = 0.2 时 0.25 倍，0.5 时 1 倍，0.9 时 9 倍。

# %% [markdown] lang="en" translated_from="b3bf84b57d07"
# ### Solution to exercise 1
#
# The output equals x/(1−p) with probability 1−p and 0 with probability p. Its mean is (1−p)·x/(1−p) = x, unchanged; its second moment is (1−p)·x²/(1−p)² = x²/(1−p), so its variance is x²/(1−p) − x² = p/(1−p)·x²: 0.25 times x² for p = 0.2, once for 0.5, 9 times for 0.9.

# %%
torch.manual_seed(SEED)
ones = torch.ones(1_000_000)
print("   p    mean   variance   p/(1-p)")
for p in (0.2, 0.5, 0.9):
    out = nn.Dropout(p)(ones)  # zh: 新建的模块默认处于训练模式 # en: a new module is in training mode
    predicted = p / (1 - p)
    print(f"{p:4.1f}   {out.mean():.3f}   {out.var():8.2f}   {predicted:7.2f}")
    assert abs(out.mean() - 1) < 0.02 and abs(out.var() / predicted - 1) < 0.02

# %% [markdown] lang="zh"
# p = 0.9 时噪声的标准差是信号的 3 倍。每个值的相对噪声与网络无关，只取决于 p；这就是 0.9 的 Dropout 能把网络的信号淹没的原因。

# %% [markdown] lang="en" translated_from="6342860e7e90"
# At p = 0.9 the noise has three times the standard deviation of the signal. The relative noise of each value depends only on p, not on the network, which is why dropout at 0.9 can drown the network's signal.

# %% [markdown] lang="zh"
# ### 练习 2 参考答案
#
# 对常数输出，交叉熵是 −Σₖ πₖ ln qₖ，其中 πₖ 是各类的比例，qₖ 是模型给出的概率。它在 q = π 时最小，最小值就是类别分布的熵 H(π) = −Σₖ πₖ ln πₖ。比例为 0.4、0.3、0.2、0.1 时 H ≈ 1.280，比 ln 4 ≈ 1.386 低；`argmax` 总选最多的那一类，准确率 40%。

# %% [markdown] lang="en" translated_from="7382551794c3"
# ### Solution to exercise 2
#
# For a constant output, the cross-entropy is −Σₖ πₖ ln qₖ, where πₖ are the class proportions and qₖ the model's probabilities. It is smallest at q = π, and its minimum is the entropy of the class distribution, H(π) = −Σₖ πₖ ln πₖ. For proportions 0.4, 0.3, 0.2 and 0.1, H ≈ 1.280, below ln 4 ≈ 1.386; `argmax` always picks the most frequent class, so the accuracy is 40%.

# %%
proportions = torch.tensor([0.4, 0.3, 0.2, 0.1])
labels = torch.repeat_interleave(torch.arange(4), (proportions * 1000).long())  # zh: 400、300、200、100 行 # en: 400, 300, 200 and 100 rows
entropy = -(proportions * proportions.log()).sum().item()

logits = torch.zeros(4, requires_grad=True)  # zh: 只有 4 个 logits，不看输入 # en: just 4 logits that never see the input
optimizer = optim.SGD([logits], lr=1.0)
for step in range(500):
    loss = nn.functional.cross_entropy(logits.expand(len(labels), 4), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
probs = torch.softmax(logits.detach(), dim=0)
accuracy_const = (labels == probs.argmax()).float().mean().item()
print(f"entropy H = {entropy:.4f}   ln 4 = {math.log(4):.4f}")
print(f"trained constant model: loss {loss.item():.4f}, probabilities {probs.numpy().round(3)}, accuracy {accuracy_const:.2f}")
assert abs(loss.item() - entropy) < 1e-4 and torch.allclose(probs, proportions, atol=1e-3)
assert abs(accuracy_const - 0.4) < 1e-6

# %% [markdown] lang="zh"
# 训练出的 4 个概率正好是类别比例，损失等于熵。所以“损失停在 ln(类别数)”只在各类一样多时成立；一般的判据是：损失停在类别分布的熵，准确率等于最大类的比例，模型就在瞎猜。

# %% [markdown] lang="en" translated_from="6213238228e1"
# The 4 trained probabilities are exactly the class proportions, and the loss equals the entropy. So "the loss is stuck at ln(number of classes)" holds only when the classes are equally large; the general test is: a loss stuck at the entropy of the class distribution and an accuracy equal to the share of the largest class mean that the model is guessing.

# %% [markdown] lang="zh"
# ### 练习 3 参考答案

# %% [markdown] lang="en" translated_from="60d199aa63ae"
# ### Solution to exercise 3

# %%
scaler_train = StandardScaler().fit(x_train)  # zh: 正确做法：只用训练集 # en: the right way: training set only
scaler_all = StandardScaler().fit(x)  # zh: 泄漏：也用了测试集 # en: the leak: the test set is used too
mean_shift = abs(scaler_all.mean_ - scaler_train.mean_) / scaler_train.scale_  # zh: 以标准差为单位 # en: in standard deviations
scale_ratio = scaler_all.scale_ / scaler_train.scale_
moved = abs(scaler_all.transform(x_test) - scaler_train.transform(x_test)).max()
print(f"largest mean shift: {mean_shift.max():.2f} standard deviations")
print(f"standard deviations change by a factor between {scale_ratio.min():.2f} and {scale_ratio.max():.2f}")
print(f"largest change of a standardized test value: {moved:.2f}")
assert mean_shift.max() < 0.025 and abs(scale_ratio - 1).max() < 0.015 and moved < 0.04

# %% [markdown] lang="zh"
# 用 1600 行和用 2000 行估计出的均值最多相差约 0.02 个标准差，标准差最多相差约 1%，标准化后的测试集数值最多只挪动约 0.03，对准确率几乎没有影响。这次泄漏很小，是因为缩放器只从数据里学了 40 个数；但“只在训练集上拟合”这个习惯不能丢：特征选择、目标编码这类从数据里学得更多的预处理，在全部数据上拟合会让测试准确率明显虚高。

# %% [markdown] lang="en" translated_from="c0e3f96230e3"
# The means estimated from 1600 and from 2000 rows differ by about 0.02 standard deviations at most, the standard deviations by about 1%, and the standardized test values move by about 0.03 at most, which barely affects the accuracy. This leak is small because the scaler learns only 40 numbers from the data; but keep the habit of fitting on the training set only: preprocessing that learns more from the data, such as feature selection or target encoding, fitted on all the data can inflate the test accuracy noticeably.

# %%
workdir.cleanup()  # zh: 删除临时文件夹（CSV 与模型文件） # en: remove the temporary folder (the CSV and the model files)
