import math

import torch


def first_epoch_below(make_scheduler, threshold=0.01, epochs=400):
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    scheduler = make_scheduler(optimizer)
    for epoch in range(epochs):
        if scheduler.get_last_lr()[0] < threshold:
            return epoch
        optimizer.step()
        scheduler.step()


# zh: StepLR：0.1·0.8^k < 0.01 ⇔ k > ln 0.1 / ln 0.8 ≈ 10.3，所以 k = 11，第 11·20 = 220 个 epoch
# en: StepLR: 0.1·0.8^k < 0.01 ⇔ k > ln 0.1 / ln 0.8 ≈ 10.3, so k = 11, at epoch 11·20 = 220
k = math.floor(math.log(0.1) / math.log(0.8)) + 1
step = first_epoch_below(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=20, gamma=0.8))
print(f"StepLR(20, 0.8):      predicted epoch {20 * k}, observed {step}")
# zh: ExponentialLR：0.98^e < 0.1 ⇔ e > ln 0.1 / ln 0.98 ≈ 114.0
# en: ExponentialLR: 0.98^e < 0.1 ⇔ e > ln 0.1 / ln 0.98 ≈ 114.0
e = math.floor(math.log(0.1) / math.log(0.98)) + 1
exponential = first_epoch_below(lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.98))
print(f"ExponentialLR(0.98):  predicted epoch {e}, observed {exponential}")
assert (20 * k, e) == (step, exponential) == (220, 114)

# zh: 学习率减半所需的 epoch 数
# en: epochs needed to halve the learning rate
half_step = 20 * math.log(0.5) / math.log(0.8)
half_exponential = math.log(0.5) / math.log(0.98)
print(f"halving time: StepLR about {half_step:.0f} epochs on average, ExponentialLR(0.98) {half_exponential:.1f} epochs")
assert round(half_step) == 62 and round(half_exponential) == 34
