import warnings

import torch


def lrs_used(scheduler_first, epochs=4):
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
    used = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(epochs):
            w.grad = torch.ones(1)  # zh: 代替一轮训练的梯度 # en: stands in for an epoch's gradient
            if scheduler_first:
                scheduler.step()  # zh: 错误的顺序 # en: the wrong order
            used.append(optimizer.param_groups[0]["lr"])  # zh: 这一轮 optimizer.step() 用的学习率 # en: the learning rate this epoch's optimizer.step() uses
            optimizer.step()
            if not scheduler_first:
                scheduler.step()
    return used, [str(w.message).split(". ")[0] for w in caught]  # zh: 只取第一句 # en: first sentence only


right, right_warnings = lrs_used(scheduler_first=False)
wrong, wrong_warnings = lrs_used(scheduler_first=True)
print("optimizer.step(), then scheduler.step():", right, f"({len(right_warnings)} warnings)")
print("scheduler.step(), then optimizer.step():", wrong)
print("UserWarning:", wrong_warnings[0])
assert right == [0.1, 0.05, 0.025, 0.0125] and not right_warnings
assert wrong == [0.05, 0.025, 0.0125, 0.00625]  # zh: 初始学习率 0.1 一次也没用上 # en: the initial learning rate 0.1 is never used
