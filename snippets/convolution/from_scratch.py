import torch
import torch.nn.functional as F

from dlref.conv import conv2d


def my_conv2d(x, w, b=None, stride=1, padding=0, dilation=1):
    """The core of dlref.conv.conv2d, without its argument checks (square settings only)."""
    s, p, d = stride, padding, dilation
    c_out, c_in, kh, kw = w.shape
    xp = F.pad(x, (p, p, p, p))  # zh: 四周补 p 圈零 # en: p rings of zeros around the input
    h_out = (x.shape[2] + 2 * p - d * (kh - 1) - 1) // s + 1
    w_out = (x.shape[3] + 2 * p - d * (kw - 1) - 1) // s + 1
    out = torch.zeros(x.shape[0], c_out, h_out, w_out)
    for u in range(kh):  # zh: 只循环卷积核的 kh·kw 个位置 # en: loop over the kh·kw kernel positions only
        for v in range(kw):
            # zh: 卷积核元素 (u, v) 在所有输出位置上碰到的输入：一个带步长的切片
            # en: the inputs that kernel entry (u, v) meets at every output position: one strided slice
            patch = xp[:, :, d * u: d * u + s * (h_out - 1) + 1: s, d * v: d * v + s * (w_out - 1) + 1: s]
            # zh: (C_out, C_in) 矩阵乘每个位置的通道向量，即对输入通道求和
            # en: a (C_out, C_in) matrix times each position's channel vector: the sum over input channels
            out += torch.einsum("oc,nchw->nohw", w[:, :, u, v], patch)
    return out if b is None else out + b.view(1, -1, 1, 1)


torch.manual_seed(0)
for shape, k, s, p, d in [((2, 3, 9, 9), 3, 1, 1, 1), ((1, 4, 10, 12), 3, 2, 0, 1),
                          ((2, 2, 11, 11), 3, 1, 2, 2), ((1, 3, 16, 16), 5, 3, 2, 1)]:
    x = torch.randn(shape)
    w = torch.randn(5, shape[1], k, k) / (shape[1] * k * k) ** 0.5
    b = torch.randn(5)
    ref = F.conv2d(x, w, b, stride=s, padding=p, dilation=d)
    ours = my_conv2d(x, w, b, stride=s, padding=p, dilation=d)
    lib = conv2d(x, w, b, stride=s, padding=p, dilation=d)
    ok = (ours - ref).abs().max().item() < 1e-5 and (lib - ref).abs().max().item() < 1e-5
    print(f"x {shape} k={k} s={s} p={p} d={d} -> {tuple(ref.shape)}  matches F.conv2d: {ok}")
    assert ok

# zh: dlref.conv.conv2d 检查参数，出错时说清楚哪里不对
# en: dlref.conv.conv2d checks its arguments and says what is wrong
for bad in [lambda: conv2d(torch.randn(1, 3, 8, 8), torch.randn(4, 2, 3, 3)),
            lambda: conv2d(torch.randn(1, 3, 4, 4), torch.randn(4, 3, 3, 3), dilation=2),
            lambda: conv2d(torch.randn(1, 3, 8, 8), torch.randn(4, 3, 3, 3), stride=0)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
