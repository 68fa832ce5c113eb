import torch
import torch.nn as nn

torch.manual_seed(0)
T, k = 12, 4  # zh: 12 步的序列，每段 k = 4 步 # en: a sequence of 12 steps, in chunks of k = 4
cell = nn.LSTMCell(input_size=3, hidden_size=8)
head = nn.Linear(8, 1)
x = torch.randn(T, 1, 3, requires_grad=True)


def steps_reached():  # zh: 梯度到达了多少个时间步的输入 # en: how many time steps' inputs the gradient reached
    return int((x.grad.abs().sum(dim=(1, 2)) > 0).sum())


def run(detach, retain_graph=False):
    h = c = torch.zeros(1, 8)
    reached, finals = [], []
    for start in range(0, T, k):
        if detach:
            h, c = h.detach(), c.detach()  # zh: 截断：保留数值，切断计算图 # en: truncate: keep the values, cut the graph
        for t in range(start, start + k):
            h, c = cell(x[t], (h, c))
        loss = head(h).sum()  # zh: 每段末尾一个损失 # en: one loss at the end of each chunk
        x.grad = None
        loss.backward(retain_graph=retain_graph)  # zh: 这里通常接 clip_grad_norm_ 和 optimizer.step() # en: clip_grad_norm_ and optimizer.step() usually follow here
        reached.append(steps_reached())
        finals.append(h.detach())
    return reached, finals


reached, finals = run(detach=True)
print("truncated BPTT, steps reached by each chunk's gradient:", reached)
assert reached == [4, 4, 4]

# zh: 不截断：第 2 段的 backward 要穿过第 1 段的计算图，而它已经在第 1 次 backward 后释放了
# en: without truncation, chunk 2's backward has to go through chunk 1's graph, which the first backward already freed
try:
    run(detach=False)
    message = "no error"
except RuntimeError as err:
    message = str(err)
print("without detach:", message.split(" (")[0])
assert "backward through the graph a second time" in message

# zh: 用 retain_graph=True 保留计算图可以绕过报错，但计算图越来越长：每段的 backward 都要走回序列开头
# en: retain_graph=True avoids the error, but the graph keeps growing: every chunk's backward walks back to the start
reached, _ = run(detach=False, retain_graph=True)
print("without detach, retain_graph=True:", reached)
assert reached == [4, 8, 12]

# zh: 完整的 BPTT：整条序列只做一次 backward，梯度到达全部 12 步
# en: full BPTT: one backward over the whole sequence reaches all 12 steps
h = c = torch.zeros(1, 8)
for t in range(T):
    h, c = cell(x[t], (h, c))
x.grad = None
head(h).sum().backward()
print("full BPTT, steps reached:", steps_reached())
assert steps_reached() == T

# zh: detach 只切断梯度，不改变前向的数值：两种做法最后的隐藏状态相同
# en: detach cuts only the gradient, not the forward values: both ways end in the same hidden state
assert torch.equal(finals[-1], h.detach())
print("same final hidden state with and without truncation:", torch.equal(finals[-1], h.detach()))
