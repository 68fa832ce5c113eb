import torch

# zh: 有 GPU 就用 GPU，否则用 CPU（构建本站的机器没有 GPU，所以下面打印的是 cpu）
# en: use the GPU if there is one, else the CPU (the machine that builds this site has none, so it prints cpu)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"Using device: {device}")

# zh: PyTorch 2.7 起的通用写法：任何可用的加速器（CUDA、MPS、XPU……），否则 CPU
# en: the general form since PyTorch 2.7: any available accelerator (CUDA, MPS, XPU, ...), else the CPU
accelerator = torch.accelerator.current_accelerator(check_available=True)
device = accelerator if accelerator is not None else torch.device("cpu")
print(f"Using device: {device}")

x = torch.ones(2, 3)  # zh: 新建的张量默认在 CPU 上 # en: new tensors live on the CPU by default
print("x.device:", x.device, "-> x.to(device).device:", x.to(device).device)
