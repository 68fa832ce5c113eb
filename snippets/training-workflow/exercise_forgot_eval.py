import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2))
for _ in range(20):  # zh: 在训练数据上走几步前向，积累运行统计量 # en: a few forward passes on training data build up the running statistics
    model(torch.randn(32, 4))
validation = 3 + torch.randn(64, 4)  # zh: 验证集的分布与训练集不同 # en: the validation data has a different distribution


def check(mode):
    model.train() if mode == "train" else model.eval()
    before = model[1].running_mean.clone()
    with torch.no_grad():  # zh: 两种情况都关闭了梯度 # en: gradients are off in both cases
        first = model(validation[:16])[0]
        again = model(validation[:2])[0]  # zh: 同一个样本，换一批“同伴” # en: the same sample with different batch mates
    moved = (model[1].running_mean - before).abs().max().item()
    print(f"{mode:5s} + no_grad: running_mean moved by {moved:.3f}; same sample, two batches: "
          f"{'same' if torch.allclose(first, again) else 'different'} output")
    return moved, torch.allclose(first, again)


moved_train, same_train = check("train")
moved_eval, same_eval = check("eval")
assert moved_train > 0.01 and not same_train  # zh: 忘了 eval()：验证本身改动了模型 # en: without eval() the validation run itself changes the model
assert moved_eval == 0.0 and same_eval
