#| claims: [N36]
#| figures:
#|   - alt: {zh: "ExponentialLR 的学习率曲线，纵轴为对数刻度：γ = 0.8 时是一条陡峭下降的直线，200 个 epoch 后从 0.1 降到约 5×10⁻²¹；γ = 0.98 时是一条平缓的直线，200 个 epoch 后约为 0.0018", en: "ExponentialLR learning rate on a logarithmic y-axis: with γ = 0.8 it is a steeply falling straight line, from 0.1 down to about 5×10⁻²¹ after 200 epochs; with γ = 0.98 it is a gentle straight line that ends at about 0.0018"}
#|     caption: {zh: "ExponentialLR：对数坐标下是一条直线，γ 决定斜率", en: "ExponentialLR: a straight line on a log scale, with γ setting the slope"}
import torch
import matplotlib.pyplot as plt


def schedule(gamma, epochs=200):
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=gamma)
    lrs = []
    for epoch in range(epochs):
        lrs.append(scheduler.get_last_lr()[0])
        optimizer.step()  # zh: 一轮训练 # en: one epoch of training
        scheduler.step()
    return lrs


lrs = {gamma: schedule(gamma) for gamma in (0.8, 0.98)}
print("gamma=0.8, epochs 0-3:", [round(lr, 4) for lr in lrs[0.8][:4]])
print(f"gamma=0.8,  epoch 199: {lrs[0.8][199]:.3g}")
print(f"gamma=0.98, epoch 199: {lrs[0.98][199]:.3g}")
print(f"gamma=0.8, lr at epoch 20 / lr at epoch 0: {lrs[0.8][20] / lrs[0.8][0]:.4f}")

# zh: lr_e = lr_0 · γ^e：每轮乘一次 γ，而不是每轮乘 γ^e
# en: lr_e = lr_0 · γ^e: multiply by γ once per epoch, not by γ^e
for gamma, values in lrs.items():
    assert all(abs(lr - 0.1 * gamma**e) <= 1e-12 * 0.1 * gamma**e for e, lr in enumerate(values))
assert [round(lr, 4) for lr in lrs[0.8][:4]] == [0.1, 0.08, 0.064, 0.0512]
assert abs(lrs[0.8][199] - 5.19e-21) < 0.01e-21
assert abs(lrs[0.8][20] / lrs[0.8][0] - 0.0115) < 1e-4  # zh: 20 轮后只剩约 1% # en: about 1% left after 20 epochs

plt.figure(figsize=(7, 3.6))
for gamma, values in lrs.items():
    plt.semilogy(range(200), values, label=f"ExponentialLR(gamma={gamma})")
plt.xlabel("epoch")
plt.ylabel("learning rate (log scale)")
plt.grid(alpha=0.3, which="both")
plt.legend()
plt.tight_layout()
plt.show()
