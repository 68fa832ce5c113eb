#| claims: [N34]
#| figures:
#|   - alt: {zh: "StepLR 的学习率随 epoch 变化的阶梯曲线：从 0.1 开始，每 20 个 epoch 乘以 0.8，共 10 级台阶，到第 199 个 epoch 降到约 0.0134", en: "Staircase curve of the StepLR learning rate over the epochs: it starts at 0.1 and is multiplied by 0.8 every 20 epochs, ten levels in all, reaching about 0.0134 at epoch 199"}
#|     caption: {zh: "StepLR(step_size=20, gamma=0.8)：等间隔衰减", en: "StepLR(step_size=20, gamma=0.8): step decay"}
import torch
import matplotlib.pyplot as plt

w = torch.zeros(1, requires_grad=True)  # zh: 代替模型参数 # en: stands in for the model's parameters
optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=20, gamma=0.8)

epochs = 200
lrs = []
for epoch in range(epochs):
    lrs.append(scheduler.get_last_lr()[0])  # zh: 本轮使用的学习率 # en: the learning rate of this epoch
    # zh: 真实训练时，这里是一整轮的 mini-batch 循环：前向、loss.backward()、optimizer.step()
    # en: in real training, a whole epoch of mini-batches goes here: forward, loss.backward(), optimizer.step()
    optimizer.step()
    scheduler.step()  # zh: 每轮结束调用一次，放在 optimizer.step() 之后 # en: once per epoch, after optimizer.step()

for epoch in (0, 19, 20, 39, 40, 199):
    print(f"epoch {epoch:3}: lr = {lrs[epoch]:.7f}")

assert lrs[19] == 0.1 and abs(lrs[20] - 0.08) < 1e-12
assert abs(lrs[199] - 0.0134218) < 1e-7
# zh: 闭式解：lr_e = lr_0 · γ^⌊e / step_size⌋
# en: closed form: lr_e = lr_0 · γ^⌊e / step_size⌋
assert all(abs(lr - 0.1 * 0.8 ** (e // 20)) < 1e-12 for e, lr in enumerate(lrs))

plt.figure(figsize=(7, 3.6))
plt.plot(range(epochs), lrs)
plt.xlabel("epoch")
plt.ylabel("learning rate")
plt.title("StepLR(step_size=20, gamma=0.8)")
plt.grid(alpha=0.3)
plt.tight_layout()
plt.show()
