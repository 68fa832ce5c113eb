import torch

z = torch.tensor([1000.0, 1001.0, 1002.0])

# zh: 直接按公式算：exp(1000) 超出 float32 范围，得到 inf / inf = nan
# en: the formula as written: exp(1000) overflows float32, giving inf / inf = nan
naive = torch.exp(z) / torch.exp(z).sum()
print(f"naive:  {naive}")

# zh: 先减去最大值：结果不变（分子分母同乘 e^(-max)），但指数都 <= 0，不会溢出
# en: subtract the maximum first: the result is unchanged (numerator and denominator both gain e^(-max)), but every exponent is <= 0, so nothing overflows
shifted = z - z.max()
stable = torch.exp(shifted) / torch.exp(shifted).sum()
print(f"stable: {stable}")
print(f"torch.softmax: {torch.softmax(z, dim=0)}")

assert torch.isnan(naive).all()
assert torch.allclose(stable, torch.softmax(z, dim=0))
assert torch.allclose(stable, torch.softmax(torch.tensor([1.0, 2.0, 3.0]), dim=0))
