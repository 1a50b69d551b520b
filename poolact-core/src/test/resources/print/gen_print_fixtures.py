#!/usr/bin/env python3
"""Generates print_fixtures.txt: tensors and the exact string PyTorch prints for each.

Run with a Python that has torch (Debian's python3-torch 1.13 was used):
    /usr/bin/python3 gen_print_fixtures.py > print_fixtures.txt

torch/_tensor_str.py (_Formatter, _vector_str, _tensor_str_with_formatter, get_summarized_data,
_add_suffixes and the non-sparse branch of _str_intern) is the same in 1.13 and 2.7.1 for every
case below (dense CPU float32/float64/int64 tensors, default print options), so the strings are
what 2.7.1 prints too.

File format (read by TensorPrinterTest / TensorTextTest), one block per case:
    case <name>
    dtype <float32|float64|int64>
    shape <sizes...>                 (empty after 'shape' for a 0-d tensor)
    autograd <none|requires_grad|grad_fn:NAME>
    data <element bits in hex, row-major>   (float32: 8 hex digits, float64/int64: 16)
    expected <number of lines>
    <the lines of repr(tensor)>
"""
import math
import struct
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_printoptions(profile="default")
CASES = []


def hexdata(t):
    flat = t.detach().reshape(-1).tolist()
    if t.dtype == torch.float32:
        return [struct.pack(">f", v).hex() for v in flat]
    if t.dtype == torch.float64:
        return [struct.pack(">d", v).hex() for v in flat]
    if t.dtype == torch.int64:
        return [struct.pack(">q", v).hex() for v in flat]
    raise ValueError(t.dtype)


def add(name, t):
    if t.grad_fn is not None:
        autograd = "grad_fn:" + type(t.grad_fn).__name__
    elif t.requires_grad:
        autograd = "requires_grad"
    else:
        autograd = "none"
    dtype = str(t.dtype).replace("torch.", "")
    CASES.append((name, dtype, list(t.shape), autograd, hexdata(t), repr(t)))


def leaf(values, dtype=torch.float32):
    return torch.tensor(values, dtype=dtype, requires_grad=True)


def with_fn(t, fn="relu"):
    """A non-leaf with a real grad_fn whose values are exactly t's values."""
    x = t.detach().clone().requires_grad_(True)
    if fn == "relu":
        y = x.relu() if bool((t >= 0).all()) else x * 1.0
    elif fn == "mul":
        y = x * 1.0
    else:
        raise ValueError(fn)
    return y


# ---------------------------------------------------------------- the post's shapes
for seed in (0, 1, 2, 7, 42):
    torch.manual_seed(seed)
    image = torch.randn(1, 1, 7, 7)
    conv = nn.Conv2d(1, 1, 3, 1)
    out = conv(image)
    add(f"post_conv_out_seed{seed}", out)
    add(f"post_max_act_pool_seed{seed}", nn.MaxPool2d(2)(nn.ReLU()(out)))
    add(f"post_max_pool_act_seed{seed}", nn.ReLU()(nn.MaxPool2d(2)(out)))
    add(f"post_avg_act_pool_seed{seed}", nn.AvgPool2d(2)(nn.ReLU()(out)))
    add(f"post_avg_pool_act_seed{seed}", nn.ReLU()(nn.AvgPool2d(2)(out)))
    add(f"post_image_seed{seed}", image)
    # NOTE: repr(nn.Parameter) is "Parameter containing:\n" + the tensor's repr; poolact has no
    # Parameter type, so the fixture holds a plain leaf with the same values.
    add(f"post_weight_seed{seed}", conv.weight.detach().clone().requires_grad_(True))
    add(f"post_bias_seed{seed}", conv.bias.detach().clone().requires_grad_(True))
    add(f"post_sum_seed{seed}", out.sum())
    add(f"post_no_grad_seed{seed}", out.detach())

# ---------------------------------------------------------------- scalars (0-d)
for i, v in enumerate([3.0, 0.1, -0.0, 0.0, 1e-5, -2.5, 123456.789, 1e9, float("nan"), float("inf"),
                       -float("inf"), 0.00015, 1.00005, -7.0]):
    add(f"scalar_{i}", torch.tensor(v))
add("scalar_f64", torch.tensor(0.1, dtype=torch.float64))
add("scalar_f64_int", torch.tensor(2.0, dtype=torch.float64))
add("scalar_requires_grad", leaf(1.5))
add("scalar_grad_fn", leaf([1.0, 2.0, 0.25]).sum())
add("scalar_mean_grad_fn", leaf([1.0, 2.0, 0.25]).mean())

# ---------------------------------------------------------------- integral values (int_mode)
add("int_small", torch.tensor([1.0, 2.0]))
add("int_mixed_sign", torch.tensor([0.0, -3.0, 100.0, 7.0]))
add("int_2d", torch.arange(12.0).reshape(3, 4))
add("int_sci_ratio", torch.tensor([1.0, 1e5]))
add("int_sci_big", torch.tensor([1e9]))
add("int_ratio_1000_exact", torch.tensor([1.0, 1000.0]))
add("int_ratio_1001", torch.tensor([1.0, 1001.0]))
add("int_1e8_exact", torch.tensor([1e8, 3.0e7]))
add("int_large_not_sci", torch.tensor([16777216.0, 65536.0]))
add("int_wide", torch.arange(50.0))
add("int_neg_zero", torch.tensor([-0.0, 1.0, 2.0]))
add("int_nan_inf", torch.tensor([1.0, float("nan"), -float("inf"), 12.0]))
add("int_zeros", torch.zeros(2, 3))
add("int_ones_4d", torch.ones(1, 1, 2, 2))

# ---------------------------------------------------------------- fixed point, rounding traps
add("point_one", torch.tensor([0.1, 0.2, 0.3]))
add("half_even_traps", torch.tensor([0.00015, 0.00025, 0.12345, 0.12355, 1.00005, 2.50005, 0.99995, 9.99995]))
add("ratio_just_under_1000", torch.tensor([0.001, 1.0]))
add("ratio_1000_exact", torch.tensor([0.5, 500.0]))
add("min_exactly_1e-4", torch.tensor([1e-4, 0.5]))
add("below_1e-4", torch.tensor([9.9e-5, 0.5]))
add("f64_min_exactly_1e-4", torch.tensor([1e-4, 0.5], dtype=torch.float64))
add("negatives", torch.tensor([-1.5, 2.25, -0.125, 10.0625]))
add("tens", torch.tensor([10.5, -99.25, 999.125]))

# ---------------------------------------------------------------- scientific mode
add("sci_small", torch.tensor([1e-5, 1.0]))
add("sci_only_small", torch.tensor([1e-5]))
add("sci_ratio", torch.tensor([0.1, 200.5]))
add("sci_big", torch.tensor([123456789.5, 1.5]))
add("sci_neg", torch.tensor([-1e-7, 3.25, -4e6]))
add("sci_zero_and_neg_zero", torch.tensor([0.0, -0.0, 1e-6, 2.5]))
add("sci_round_up_exponent", torch.tensor([9.99995e-5, 0.5]))
add("sci_f64_big_exponent", torch.tensor([1e-100, 1.0, 1e200], dtype=torch.float64))
add("sci_f32_extremes", torch.tensor([1.4e-45, 3.4028235e38]))
add("sci_nan_inf", torch.tensor([1e-5, float("nan"), float("inf"), -float("inf"), 2.0]))
add("sci_2d", torch.tensor([[1e-3, 2.0], [3e5, -4.5]]))

# ---------------------------------------------------------------- nan / inf / zero
add("nan_only", torch.tensor([float("nan")]))
add("nan_inf_fixed", torch.tensor([float("nan"), 1.5, -float("inf")]))
add("inf_zero", torch.tensor([float("inf"), -float("inf"), 0.0]))
add("zero_nan", torch.tensor([0.0, float("nan")]))
add("all_nonfinite_2d", torch.tensor([[float("nan"), float("inf")], [-float("inf"), float("nan")]]))
add("neg_zero_only", torch.tensor([-0.0, 0.0]))
add("neg_zero_fixed", torch.tensor([-0.0, 1.5]))
add("neg_nan", -torch.tensor([float("nan"), 0.5]))

# ---------------------------------------------------------------- float64
torch.manual_seed(3)
add("f64_randn", torch.randn(4, 5, dtype=torch.float64))
add("f64_int", torch.tensor([1.0, 2.0], dtype=torch.float64))
add("f64_requires_grad", leaf([0.5, -1.25], dtype=torch.float64))
add("f64_grad_fn", with_fn(torch.randn(2, 3, dtype=torch.float64), "mul"))
add("f64_precise", torch.tensor([0.1, 1.0 / 3.0, 2.0 / 3.0], dtype=torch.float64))

# ---------------------------------------------------------------- wrapping and suffix wrapping
torch.manual_seed(4)
add("wide_1d", torch.randn(30))
add("wide_2d", torch.randn(2, 20))
add("wide_sci", torch.randn(15) * 1e-5)
add("wide_4d_grad_fn", with_fn(torch.randn(1, 1, 5, 30), "mul"))
add("suffix_wraps_requires_grad", leaf(torch.randn(8).tolist()))
add("suffix_wraps_grad_fn", with_fn(torch.randn(8), "mul"))
add("suffix_wraps_dtype_and_grad", with_fn(torch.randn(8, dtype=torch.float64), "mul"))
add("suffix_exactly_fits", leaf([0.5] * 6))
add("suffix_7_fixed", leaf([0.1234] * 7))
for n in range(1, 12):
    add(f"suffix_len_{n}", with_fn(-torch.rand(n) - 1.0, "mul"))
# last-line lengths around the 80-column limit: a row of n elements of width w at rank r ends a
# line of 5 + 2r + n(w + 2) characters; the suffix stays when that + 2 + len(suffix) + 2 <= 80
torch.manual_seed(10)
for rank in range(1, 5):
    for w, draw in ((2, lambda n: torch.randint(1, 10, (n,)).float()),
                    (3, lambda n: torch.randint(10, 100, (n,)).float()),
                    (6, lambda n: torch.rand(n) * 0.8 + 0.1),
                    (7, lambda n: -(torch.rand(n) * 0.8 + 0.1))):
        for n in range(1, 20):
            last = 5 + 2 * rank + n * (w + 2)
            if 52 <= last <= 62:
                values = draw(n).reshape((1,) * (rank - 1) + (n,))
                add(f"edge_r{rank}_w{w}_n{n}_requires_grad", values.clone().requires_grad_(True))
                add(f"edge_r{rank}_w{w}_n{n}_grad_fn", with_fn(values, "mul"))
add("wide_f64_2d_requires_grad", leaf(torch.randn(3, 9).tolist(), dtype=torch.float64))

# ---------------------------------------------------------------- nesting
torch.manual_seed(5)
add("nest_3d", torch.randn(2, 3, 4))
add("nest_4d", torch.randn(2, 2, 2, 3))
add("nest_3d_int", torch.arange(24.0).reshape(2, 3, 4))
add("nest_5d", torch.randn(2, 1, 2, 1, 2))
add("nest_4d_grad_fn", with_fn(torch.rand(2, 3, 2, 2), "relu"))
add("nest_singletons", torch.randn(1, 1, 1, 1))

# ---------------------------------------------------------------- summarised (numel > 1000)
torch.manual_seed(6)
add("sum_arange", torch.arange(2000.0))
add("sum_1001", torch.randn(1001))
add("sum_1000_not", torch.randn(1000))
add("sum_2d", torch.randn(40, 40))
add("sum_rows_short", torch.randn(3, 400))
add("sum_cols_short", torch.randn(400, 3))
add("sum_3d", torch.randn(10, 10, 20))
add("sum_4d", torch.randn(2, 3, 20, 20))
add("sum_4d_grad_fn", with_fn(torch.randn(1, 2, 30, 30), "mul"))
add("sum_hidden_outlier", torch.cat([torch.full((500,), 0.5), torch.tensor([1e-9]), torch.full((500,), 0.25)]))
add("sum_sci", torch.randn(30, 40) * 1e6)
add("sum_f64", torch.randn(1200, dtype=torch.float64))

# ---------------------------------------------------------------- empty
add("empty_1d", torch.tensor([]))
add("empty_0x3", torch.zeros(0, 3))
add("empty_2x0x4", torch.zeros(2, 0, 4))
add("empty_f64", torch.zeros(0, dtype=torch.float64))
add("empty_f64_2d", torch.zeros(3, 0, dtype=torch.float64))
add("empty_requires_grad", torch.zeros(0, 2, requires_grad=True))

# ---------------------------------------------------------------- int64 (IndexTensor)
add("i64_small", torch.tensor([0, 3, 5]))
add("i64_neg", torch.tensor([-1, 10, 200]))
add("i64_2d", torch.tensor([[0, 12], [5, 6]]))
add("i64_scalar", torch.tensor(7))
add("i64_empty", torch.zeros(0, dtype=torch.int64))
add("i64_empty_2d", torch.zeros(2, 0, dtype=torch.int64))
add("i64_sum", torch.arange(2000))
add("i64_wide", torch.arange(0, 3000, 100))
add("i64_4d", torch.arange(8).reshape(1, 2, 2, 2))
torch.manual_seed(8)
add("i64_argmax", torch.randn(4, 6).argmax(dim=1))
add("i64_pool_indices", F.max_pool2d(torch.randn(1, 1, 5, 5), 2, return_indices=True)[1])

# ---------------------------------------------------------------- random sweep: shapes x scales
torch.manual_seed(9)
shapes = [(5,), (7,), (2, 2), (3, 5), (1, 1, 5, 5), (1, 1, 2, 2), (2, 3, 3), (4, 9), (2, 2, 3, 4), (13,)]
scales = [1e-6, 1e-3, 0.01, 1.0, 10.0, 1000.0, 1e5, 1e9]
k = 0
for shape in shapes:
    for scale in scales:
        t = torch.randn(*shape) * scale
        if k % 3 == 1:
            t = t.relu()
        if k % 4 == 2:
            t = with_fn(t, "mul")
        add(f"sweep_{k}_{'x'.join(map(str, shape))}_{scale:g}", t)
        k += 1

for name, dtype, shape, autograd, data, text in CASES:
    lines = text.split("\n")
    out = sys.stdout
    out.write(f"case {name}\n")
    out.write(f"dtype {dtype}\n")
    out.write("shape" + "".join(" " + str(s) for s in shape) + "\n")
    out.write(f"autograd {autograd}\n")
    out.write("data" + "".join(" " + d for d in data) + "\n")
    out.write(f"expected {len(lines)}\n")
    for line in lines:
        out.write(line + "\n")
sys.stderr.write(f"{len(CASES)} cases, torch {torch.__version__}\n")
