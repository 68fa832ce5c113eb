from dlref.conv import conv2d_cost

base = dict(in_channels=64, out_channels=64, kernel_size=3, input_size=56, padding=1, bias=False)
variants = {
    "baseline 64->64, 3x3, 56x56": {},
    "input 112x112": dict(input_size=112),
    "channels 128->128": dict(in_channels=128, out_channels=128),
    "stride 2": dict(stride=2),
    "kernel 5x5 (padding 2)": dict(kernel_size=5, padding=2),
}
b = conv2d_cost(**base)
ratios = {}
for name, change in variants.items():
    c = conv2d_cost(**{**base, **change})
    ratios[name] = (c.params / b.params, c.macs / b.macs)
    print(f"{name:28s} params {c.params:>7,} x{c.params / b.params:<5.3g} MACs {c.macs:>11,} x{c.macs / b.macs:.3g}")

assert ratios["input 112x112"] == (1, 4)
assert ratios["channels 128->128"] == (4, 4)
assert ratios["stride 2"] == (1, 0.25)
assert all(abs(r - 25 / 9) < 1e-12 for r in ratios["kernel 5x5 (padding 2)"])
