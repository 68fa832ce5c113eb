#| figures:
#|   - alt: {zh: "两幅并排的对数纵轴折线图，横轴是时间间隔 t（1 到 50），纵轴是 ‖∂h_t/∂h_0‖。右图（线性循环）：四条直线，谱范数 0.5 的一路降到约 1e-15，1.0 的保持在 1，1.5 的升到约 6e8，3.0 的升到约 7e23，正好是 s 的 t 次方。左图（tanh）：谱范数 0.5、1.0 和 1.5 的曲线全部下降，其中 1.5 的在第 50 步约为 2e-3；只有 3.0 的曲线上升，在第 50 步约为 1e6。每条 tanh 曲线都在对应的虚线 s^t 之下。", en: "Two side-by-side line charts with a log-scale y-axis; the x-axis is the time lag t (1 to 50), the y-axis ‖∂h_t/∂h_0‖. Right (linear recurrence): four straight lines; spectral norm 0.5 falls to about 1e-15, 1.0 stays at 1, 1.5 rises to about 6e8 and 3.0 to about 7e23, exactly s to the power t. Left (tanh): the curves for spectral norms 0.5, 1.0 and 1.5 all fall, the one for 1.5 reaching about 2e-3 at step 50; only the curve for 3.0 rises, to about 1e6 at step 50. Every tanh curve stays below its dashed line s^t."}
#|     caption: {zh: "梯度穿越时间时的放大或衰减：线性循环严格按 s^t 变化；tanh 的导数让谱范数 1.5 的 RNN 照样梯度消失", en: "How the gradient grows or shrinks through time: a linear recurrence follows s^t exactly; tanh's derivative makes the gradient vanish even with spectral norm 1.5"}
import torch
import matplotlib.pyplot as plt

from dlref.rnn import bptt_jacobian_norms, rnn_forward

torch.manual_seed(0)
# zh: 双精度：s = 3 时雅可比矩阵把误差放大约 10^6 倍，float32 的舍入误差（约 1e-7）会变成百分之几，换一台 CPU 结果就不同
# en: double precision: with s = 3 the Jacobian amplifies errors about 10^6-fold, which turns float32 rounding errors (about 1e-7)
# en: into a few percent, enough to change the result from one CPU to another
torch.set_default_dtype(torch.float64)
H, T = 32, 50
Q, _ = torch.linalg.qr(torch.randn(H, H))  # zh: 随机正交矩阵：所有奇异值都是 1 # en: a random orthogonal matrix: every singular value is 1
x = torch.randn(T, H)  # zh: 输入项，取 W_ih = I # en: the input term, with W_ih = I
w_ih = torch.eye(H)

norms = {}
for s in (0.5, 1.0, 1.5, 3.0):
    w_hh = s * Q  # zh: 谱范数（最大奇异值）为 s # en: spectral norm (largest singular value) s
    assert abs(torch.linalg.matrix_norm(w_hh, ord=2) - s) < 1e-4
    for nl in ("tanh", "linear"):
        hs = rnn_forward(x, None, w_ih, w_hh, nonlinearity=nl)  # zh: h_1 … h_T # en: h_1 … h_T
        norms[nl, s] = bptt_jacobian_norms(w_hh, hs, nonlinearity=nl)  # zh: ‖∂h_t/∂h_0‖，t = 1 … T # en: ‖∂h_t/∂h_0‖, t = 1 … T

print("||dh_50/dh_0||   tanh      linear    s^50")
for s in (0.5, 1.0, 1.5, 3.0):  # zh: 两位有效数字：只看数量级 # en: two significant digits: the orders of magnitude are the point
    print(f"s = {s}:          {norms['tanh', s][-1]:8.1e}  {norms['linear', s][-1]:8.1e}  {s ** T:8.1e}")

t = torch.arange(1, T + 1)
for s in (0.5, 1.0, 1.5, 3.0):
    # zh: |tanh'| ≤ 1，所以 tanh 的曲线不会超过 s^t：s < 1 足以保证梯度消失
    # en: |tanh'| ≤ 1, so the tanh curve never exceeds s^t: s < 1 is enough for vanishing
    assert torch.all(norms["tanh", s] <= s ** t * (1 + 1e-9))
    assert torch.allclose(norms["linear", s], s ** t.double(), rtol=1e-9)  # zh: 线性循环：正好 s^t # en: linear: exactly s^t
# zh: s > 1 只是梯度爆炸的必要条件：tanh 在 s = 1.5 时仍然消失，线性循环则爆炸
# en: s > 1 is only necessary for exploding: with tanh, s = 1.5 still vanishes, while the linear recurrence explodes
assert 1e-4 < norms["tanh", 1.5][-1] < 1e-2 and abs(norms["linear", 1.5][-1] / 6.4e8 - 1) < 0.01
assert norms["tanh", 3.0][-1] > 1e5  # zh: s 足够大时，tanh 的 RNN 也会爆炸 # en: with s large enough, the tanh RNN explodes too

fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
for ax, nl in zip(axes, ("tanh", "linear")):
    for i, s in enumerate((0.5, 1.0, 1.5, 3.0)):
        ax.plot(t, norms[nl, s], color=f"C{i}", label=f"s = {s}")
        if nl == "tanh":
            ax.plot(t, s ** t, color=f"C{i}", ls="--", lw=0.8)
    ax.set_yscale("log")
    ax.axhline(1, color="k", lw=0.5)
    ax.set_xlabel("time lag t")
    ax.set_title(r"$h_t = \tanh(W_{hh} h_{t-1} + u_t)$" if nl == "tanh" else r"$h_t = W_{hh} h_{t-1} + u_t$")
axes[0].set_ylabel(r"$\|\partial h_t / \partial h_0\|_2$")
axes[0].plot([], [], color="0.4", ls="--", lw=0.8, label="$s^t$")
axes[0].legend(title=r"$\|W_{hh}\|_2$", fontsize=8)
axes[0].set_ylim(1e-30, 1e25)
plt.tight_layout()
plt.show()
