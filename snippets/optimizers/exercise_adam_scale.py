import torch


def first_step(make_optimizer, scale):
    w = torch.tensor([1.0, 1.0], requires_grad=True)
    optimizer = make_optimizer([w])
    # zh: 两个参数的梯度相差 100 倍；整个损失再乘以 scale
    # en: the two parameters' gradients differ by a factor of 100; the whole loss is multiplied by scale
    loss = scale * (0.5 * w[0] ** 2 + 0.005 * w[1] ** 2)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return (1.0 - w.detach()).tolist()  # zh: 每个参数走了多远 # en: how far each parameter moved


for name, make in [("SGD ", lambda p: torch.optim.SGD(p, lr=0.01)), ("Adam", lambda p: torch.optim.Adam(p, lr=0.01))]:
    for scale in (1.0, 1000.0):
        step = first_step(make, scale)
        print(f"{name} loss x {scale:6.0f}: step sizes {step[0]:.3g}, {step[1]:.3g}")

# zh: Adam 的第一步对每个参数都是 lr·g/|g| = lr，与梯度大小和损失的缩放无关
# en: Adam's first step is lr·g/|g| = lr for every parameter, whatever the gradient's size and the loss's scale
assert all(abs(s - 0.01) < 1e-6 for s in first_step(lambda p: torch.optim.Adam(p, lr=0.01), 1.0))
assert all(abs(s - 0.01) < 1e-6 for s in first_step(lambda p: torch.optim.Adam(p, lr=0.01), 1000.0))
assert abs(first_step(lambda p: torch.optim.SGD(p, lr=0.01), 1000.0)[0] - 10.0) < 1e-4
