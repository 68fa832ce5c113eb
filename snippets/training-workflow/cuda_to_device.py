#| requires: cuda
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.device("cuda")
print(f"GPU: {torch.cuda.get_device_name(device)}")

# zh: 模型只需搬一次：.to() 会原地移动它的参数和缓冲区
# en: move the model once: .to() moves its parameters and buffers in place
model = nn.Sequential(nn.Linear(20, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 4)).to(device)
print("model on", next(model.parameters()).device)

# zh: pin_memory=True 让批次放在锁页内存里，之后 non_blocking=True 的拷贝可以与计算重叠
# en: pin_memory=True keeps batches in page-locked memory, so non_blocking=True copies can overlap compute
data = TensorDataset(torch.randn(512, 20), torch.randint(0, 4, (512,)))
loader = DataLoader(data, batch_size=64, shuffle=True, pin_memory=True,
                    generator=torch.Generator().manual_seed(0))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.CrossEntropyLoss()

model.train()
for step, (x, y) in enumerate(loader):
    x = x.to(device, non_blocking=True)
    y = y.to(device, non_blocking=True)
    loss = loss_fn(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(f"batch on {x.device}, pinned source: {loader.pin_memory}, last loss {loss.item():.4f}")
assert x.is_cuda and torch.isfinite(loss)

# zh: 常见错误：输入还在 CPU 上，模型在 GPU 上
# en: the usual mistake: the input is still on the CPU while the model is on the GPU
try:
    model(torch.randn(8, 20))
except RuntimeError as err:
    print("RuntimeError:", str(err).splitlines()[0])
