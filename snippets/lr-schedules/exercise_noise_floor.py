import torch

torch.set_num_threads(1)


def run(make_scheduler, lr, steps=300, runs=2000):
    generator = torch.Generator().manual_seed(0)
    # zh: 2000 次独立的运行并排放在一个张量里；损失 ½w²，最优点 w = 0
    # en: 2000 independent runs side by side in one tensor; loss ½w², optimum w = 0
    w = torch.full((runs,), 5.0, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr)
    scheduler = make_scheduler(optimizer) if make_scheduler else None
    history = []
    for _ in range(steps):
        noise = torch.randn(runs, dtype=torch.float64, generator=generator)
        w.grad = w.detach() + noise  # zh: 真梯度 w 加上小批量带来的噪声 # en: the true gradient w plus mini-batch noise
        optimizer.step()
        if scheduler:
            scheduler.step()
        history.append((w.detach() ** 2).mean().item())  # zh: 到最优点距离的平方，取平均 # en: mean squared distance to the optimum
    return history


results = {
    "constant lr 0.1 ": run(None, 0.1),
    "constant lr 0.01": run(None, 0.01),
    "StepLR 0.1, x0.5 every 50": run(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=50, gamma=0.5), 0.1),
}
for name, h in results.items():
    print(f"{name:27s} mean w² after 50 steps {h[49]:.4f}, after 300 steps {h[-1]:.4f}")

final = {name: h[-1] for name, h in results.items()}
# zh: 学习率固定为 η 时，w² 的平均值停在 η/(2 - η) 附近（噪声方差为 1），不再下降
# en: with a fixed learning rate η the mean of w² levels off near η/(2 - η) (noise variance 1) and stops falling
assert abs(final["constant lr 0.1 "] - 0.1 / 1.9) < 0.01
assert final["StepLR 0.1, x0.5 every 50"] < final["constant lr 0.1 "] / 10
assert final["StepLR 0.1, x0.5 every 50"] < final["constant lr 0.01"] / 10
