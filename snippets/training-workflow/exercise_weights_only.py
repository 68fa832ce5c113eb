import argparse
import pickle
import tempfile
from pathlib import Path

import torch
from torch import nn

model = nn.Linear(4, 2)
args = argparse.Namespace(hidden=8, lr=0.1)  # zh: 很多旧代码把命令行参数也存进检查点 # en: much older code stores its command-line arguments in the checkpoint too

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "checkpoint.pth"
    torch.save({"model": model.state_dict(), "args": args}, path)

    # zh: 1. 只含张量和普通容器的 state_dict：weights_only=True 直接加载
    # en: 1. a state_dict of tensors and plain containers loads with weights_only=True
    torch.save(model.state_dict(), Path(folder) / "weights.pth")
    state = torch.load(Path(folder) / "weights.pth", weights_only=True)
    print("state_dict only:", list(state))

    # zh: 2. 含任意 Python 对象：weights_only=True 拒绝加载，而不是执行它的 pickle 代码
    # en: 2. with an arbitrary Python object inside, weights_only=True refuses instead of running its pickle code
    try:
        torch.load(path, weights_only=True)
    except pickle.UnpicklingError as err:
        print("weights_only=True:", type(err).__name__, "-", str(err).split(".")[0])
    else:
        raise AssertionError("expected an UnpicklingError")

    # zh: 3. 信任这个类型时，显式把它加入允许列表
    # en: 3. if you trust the type, add it to the allowlist explicitly
    with torch.serialization.safe_globals([argparse.Namespace]):
        checkpoint = torch.load(path, weights_only=True)
    print("with safe_globals([argparse.Namespace]):", checkpoint["args"])
    assert checkpoint["args"].lr == 0.1
