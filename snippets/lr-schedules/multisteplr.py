#| claims: [N35]
#| figures:
#|   - alt: {zh: "MultiStepLR 的学习率阶梯曲线：从 0.1 开始，在第 10、20、40、60、90、120、160 个 epoch（虚线标出的里程碑）各乘以 0.8，台阶越往后越宽，最终降到约 0.021", en: "Staircase curve of the MultiStepLR learning rate: it starts at 0.1 and is multiplied by 0.8 at epochs 10, 20, 40, 60, 90, 120 and 160 (the milestones, marked by dashed lines), so the steps get wider later on; it ends at about 0.021"}
#|     caption: {zh: "MultiStepLR(milestones=[10, 20, 40, 60, 90, 120, 160], gamma=0.8)：指定间隔衰减", en: "MultiStepLR(milestones=[10, 20, 40, 60, 90, 120, 160], gamma=0.8): multi-step decay"}
import torch
import matplotlib.pyplot as plt

milestones = [10, 20, 40, 60, 90, 120, 160]
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=milestones, gamma=0.8)

epochs = 200
lrs = []
for epoch in range(epochs):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # zh: 一轮训练 # en: one epoch of training
    scheduler.step()

for epoch in (0, 9, 10, 19, 20, 160, 199):
    print(f"epoch {epoch:3}: lr = {lrs[epoch]:.7f}")

assert lrs[9] == 0.1 and abs(lrs[10] - 0.08) < 1e-12
assert abs(lrs[199] - 0.1 * 0.8**7) < 1e-12 and abs(lrs[199] - 0.0209715) < 1e-7
# zh: 闭式解：lr_e = lr_0 · γ^(已经过的里程碑个数)
# en: closed form: lr_e = lr_0 · γ^(number of milestones passed)
assert all(abs(lr - 0.1 * 0.8 ** sum(m <= e for m in milestones)) < 1e-12 for e, lr in enumerate(lrs))

plt.figure(figsize=(7, 3.6))
plt.plot(range(epochs), lrs)
for m in milestones:
    plt.axvline(m, color="0.7", ls="--", lw=0.8)
plt.xlabel("epoch")
plt.ylabel("learning rate")
plt.title("MultiStepLR(milestones=[10, 20, 40, 60, 90, 120, 160], gamma=0.8)", fontsize=10)
plt.grid(alpha=0.3)
plt.tight_layout()
plt.show()
