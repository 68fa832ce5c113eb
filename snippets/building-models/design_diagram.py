#| show-code: false
#| per-language: true
#| depends: [model_design.py]
#| figures:
#|   - alt: {zh: "3-3-2-2 全连接网络示意图：输入层 3 个特征；隐藏层 1 为 Linear(3, 3)，激活 sigmoid，Xavier 初始化；隐藏层 2 为 Linear(3, 2)，激活 ReLU，He（Kaiming）初始化；输出层 Linear(2, 2) 输出 logits", en: "Diagram of the fully connected 3-3-2-2 network: an input layer of 3 features; hidden layer 1 is Linear(3, 3) with sigmoid activation and Xavier initialization; hidden layer 2 is Linear(3, 2) with ReLU activation and Kaiming (He) initialization; the output layer Linear(2, 2) produces logits"}
#|     caption: {zh: "模型设计：每层的激活函数与初始化方法都读自下面 model_design.py 中的代码", en: "The model design: each layer's activation and initialization are read from the code of model_design.py below"}
# Figure generator for I22. The layer captions are not typed here: they are read
# from the model in model_design.py (its Linear layers, the activation that
# forward() applies after each one, and the nn.init call in __init__), so the
# picture cannot disagree with the code.
import contextlib
import io
import runpy
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import torch.fx
import torch.nn as nn

from dlref.diagrams import draw_network
from dlref.figures import tr

source = Path(__file__).with_name("model_design.py")
with contextlib.redirect_stdout(io.StringIO()):
    namespace = runpy.run_path(str(source), run_name="model_design")
Net = namespace["Net"]

# Which nn.init function the model's own code applied to each weight.
inits = {}
originals = {}
for fname in [n for n in dir(nn.init) if n.endswith("_") and not n.startswith("_")]:
    originals[fname] = getattr(nn.init, fname)

    def wrapper(tensor, *args, _f=fname, **kwargs):
        if sys._getframe(1).f_code.co_filename == str(source):
            inits[id(tensor)] = _f
        return originals[_f](tensor, *args, **kwargs)

    setattr(nn.init, fname, wrapper)
try:
    model = Net()
finally:
    for fname, fn in originals.items():
        setattr(nn.init, fname, fn)

# Which activation forward() applies to each Linear layer's output.
graph = torch.fx.symbolic_trace(model).graph
modules = dict(model.named_modules())
layers = []
for node in graph.nodes:
    if node.op == "call_module" and isinstance(modules[node.target], nn.Linear):
        act = None
        for user in node.users:
            if user.op == "call_function":
                act = user.target.__name__
            elif user.op == "call_module":
                act = type(modules[user.target]).__name__
        layers.append((node.target, modules[node.target], act))

sizes = [layers[0][1].in_features] + [lin.out_features for _, lin, _ in layers]
assert sizes == [3, 3, 2, 2], sizes

labels = [tr(zh=f"输入层\n{sizes[0]} 个特征", en=f"input layer\n{sizes[0]} features")]
for i, (name, lin, act) in enumerate(layers):
    init = inits.get(id(lin.weight), tr(zh="默认", en="default"))
    head = (tr(zh=f"隐藏层 {i + 1}", en=f"hidden layer {i + 1}") if i < len(layers) - 1
            else tr(zh="输出层", en="output layer"))
    lines = [head, f"{name} = Linear({lin.in_features}, {lin.out_features})"]
    lines.append(tr(zh=f"激活：{act}", en=f"activation: {act}") if act else tr(zh="输出 logits", en="outputs logits"))
    lines.append(tr(zh=f"初始化：{init}", en=f"init: {init}"))
    labels.append("\n".join(lines))

fig, ax = plt.subplots(figsize=(9, 4.2))
fig.subplots_adjust(left=0, right=1, top=1, bottom=0)
draw_network(sizes, ax=ax)
for i, text in enumerate(labels):  # captions on one baseline under the columns
    ax.text(i * 2.5, -2.1, text, ha="center", va="top", fontsize=8.5, linespacing=1.5)
ax.set_xlim(-1.4, 2.5 * (len(sizes) - 1) + 1.4)
ax.set_ylim(-4.1, 1.9)
plt.show()
