#| show-code: false
#| per-language: true
#| figures:
#|   - alt: {zh: "沿时间展开的 RNN，处理句子 “I love this movie”。上图（多对一）：四个相同的 RNN 单元从左到右排成一行，每个单元从下方读入一个词向量 x₁ 到 x₄，从左边接收上一步的隐藏状态（h₀ 到 h₃），再把新的隐藏状态传给右边；只有最后的 h₄ 送入 Linear 和 softmax，输出“正面 / 负面”的概率。下图（多对多）：同样的四个单元，但每个 h₁ 到 h₄ 都向上送入一个 Linear 层，分别输出词性标签 PRON、VERB、DET、NOUN。两图都注明四个单元共用同一套权重 W_ih、W_hh、b_ih、b_hh。", en: "An RNN unrolled in time over the sentence 'I love this movie'. Top (many-to-one): four identical RNN cells in a row, each reading one word vector x₁ to x₄ from below, receiving the previous hidden state (h₀ to h₃) from the left and passing its new hidden state to the right; only the final h₄ goes into Linear and softmax, which output the probabilities of positive and negative. Bottom (many-to-many): the same four cells, but each of h₁ to h₄ goes up into a Linear layer that outputs a part-of-speech tag: PRON, VERB, DET, NOUN. Both panels note that the four cells share the same weights W_ih, W_hh, b_ih, b_hh."}
#|     caption: {zh: "沿时间展开的 RNN：同一个单元按顺序读入每个词，隐藏状态 h 携带上下文向右传递", en: "An RNN unrolled in time: the same cell reads the words in order, and the hidden state h carries the context to the right"}
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from dlref.figures import tr

words = ["I", "love", "this", "movie"]
tags = ["PRON", "VERB", "DET", "NOUN"]
dx = 2.2


def box(ax, x, y, text, color, w=1.3, h=0.6):
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.05", fc=color, ec="0.25", zorder=2))
    ax.text(x, y, text, ha="center", va="center", fontsize=10, zorder=3)


def arrow(ax, start, end, label=None, label_xy=None):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color="0.2", zorder=1))
    if label:
        ax.text(*label_xy, label, ha="center", va="bottom", fontsize=10)


fig, axes = plt.subplots(2, 1, figsize=(10, 6.6), gridspec_kw={"height_ratios": [3.9, 5.5]})
for ax, many_to_many in zip(axes, [False, True]):
    ax.set_axis_off()
    arrow(ax, (-1.5, 0), (-0.7, 0), "$h_0$", (-1.15, 0.08))
    for t, word in enumerate(words):
        x = t * dx
        box(ax, x, 0, tr(zh="RNN 单元", en="RNN cell"), "#deebf7")
        ax.text(x, -1.55, f"“{word}”", ha="center", va="center", fontsize=11)
        arrow(ax, (x, -1.3), (x, -0.35), f"$x_{t + 1}$", (x + 0.3, -0.95))
        if t < len(words) - 1:
            arrow(ax, (x + 0.7, 0), (x + dx - 0.7, 0), f"$h_{t + 1}$", (x + dx / 2, 0.08))
        if many_to_many:
            arrow(ax, (x, 0.35), (x, 1.05), f"$h_{t + 1}$", (x + 0.3, 0.6))
            box(ax, x, 1.35, "Linear", "#fdd0a2", w=1.1, h=0.5)
            arrow(ax, (x, 1.65), (x, 2.05))
            ax.text(x, 2.25, tags[t], ha="center", va="center", fontsize=10, fontweight="bold")
    last = (len(words) - 1) * dx
    if not many_to_many:
        arrow(ax, (last + 0.7, 0), (last + 1.5, 0), "$h_4$", (last + 1.1, 0.08))
        box(ax, last + 2.55, 0, "Linear + softmax", "#fdd0a2", w=1.9)
        ax.text(last + 2.55, 0.75, tr(zh="正面 0.95 / 负面 0.05", en="positive 0.95 / negative 0.05"),
                ha="center", va="center", fontsize=9)
        arrow(ax, (last + 2.55, 0.35), (last + 2.55, 0.6))
    title = tr(zh="多对一（情感分析）", en="many-to-one (sentiment analysis)") if not many_to_many else \
        tr(zh="多对多（词性标注）", en="many-to-many (part-of-speech tagging)")
    top = 2.9 if many_to_many else 1.5
    ax.text(-1.6, top - 0.2, title, ha="left", va="center", fontsize=12)
    ax.text(1.5 * dx, -2.15, tr(zh="四个单元是同一个单元：共用 W_ih、W_hh、b_ih、b_hh",
                                en="the four cells are one cell: they share W_ih, W_hh, b_ih, b_hh"),
            ha="center", va="center", fontsize=9, color="0.3")
    ax.set_xlim(-1.8, last + 3.7)
    ax.set_ylim(-2.4, top)
plt.tight_layout()
plt.show()
