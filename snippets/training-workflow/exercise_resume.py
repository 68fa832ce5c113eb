import tempfile
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
data = TensorDataset(torch.randn(64, 4), torch.randint(0, 3, (64,)))


def make():
    torch.manual_seed(1)  # zh: 每次得到同样的初始权重 # en: the same initial weights every time
    model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
    generator = torch.Generator().manual_seed(2)  # zh: 决定每个 epoch 的打乱顺序 # en: decides the shuffling of every epoch
    loader = DataLoader(data, batch_size=16, shuffle=True, generator=generator)
    return model, optimizer, scheduler, generator, loader


def train(model, optimizer, scheduler, loader, epochs):
    for _ in range(epochs):
        for x, y in loader:
            loss = nn.functional.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()


# zh: 一口气训练 6 个 epoch
# en: 6 epochs in one go
model, optimizer, scheduler, generator, loader = make()
train(model, optimizer, scheduler, loader, 6)
reference = [p.detach().clone() for p in model.parameters()]

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "checkpoint.pth"
    for keep in ("model only", "model + optimizer + scheduler + generator"):
        model, optimizer, scheduler, generator, loader = make()
        train(model, optimizer, scheduler, loader, 3)  # zh: 训练 3 个 epoch 后“中断” # en: "interrupted" after 3 epochs
        torch.save({"epoch": 3, "model": model.state_dict(), "optimizer": optimizer.state_dict(),
                    "scheduler": scheduler.state_dict(), "generator": generator.get_state()}, path)

        # zh: 新的进程：重新创建所有对象，再从文件恢复
        # en: a new process: create every object afresh, then restore from the file
        model, optimizer, scheduler, generator, loader = make()
        checkpoint = torch.load(path, weights_only=True)
        model.load_state_dict(checkpoint["model"])
        if keep != "model only":
            optimizer.load_state_dict(checkpoint["optimizer"])  # zh: 动量缓冲区 # en: the momentum buffers
            scheduler.load_state_dict(checkpoint["scheduler"])  # zh: 当前的学习率 # en: the current learning rate
            generator.set_state(checkpoint["generator"])  # zh: 接下来的打乱顺序 # en: the shuffling to come
        train(model, optimizer, scheduler, loader, 6 - checkpoint["epoch"])
        gap = max((p.detach() - r).abs().max().item() for p, r in zip(model.parameters(), reference))
        print(f"resumed with {keep:42s} identical to uninterrupted run: {gap == 0.0}")
        assert (gap == 0.0) == (keep != "model only")
