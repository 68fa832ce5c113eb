"""The learner's library rejects bad input clearly, through the one helper ``dlref.validate``.

``BAD_CALLS`` is a table of wrong calls across every module of the library; each must
raise the listed exception with a message that names the offending argument. Where
PyTorch defines the result of an unusual input (NaN propagation, empty tensors, type
promotion), the library matches PyTorch instead of raising. numpy scalars are accepted
wherever a Python ``int``/``float`` is, and give the same result.
"""
from __future__ import annotations

import ast
import math
import re
from pathlib import Path

import matplotlib
import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

matplotlib.use("Agg")

from dlref import activations as A  # noqa: E402
from dlref import batchnorm as B  # noqa: E402
from dlref import diagrams as D  # noqa: E402
from dlref import dropout as DR  # noqa: E402
from dlref import init as I  # noqa: E402
from dlref import losses as L  # noqa: E402
from dlref import optim as O  # noqa: E402
from dlref import params as P  # noqa: E402
from dlref import phone_data as PD  # noqa: E402
from dlref import pooling as PO  # noqa: E402
from dlref import receptive_field as RF  # noqa: E402
from dlref import rnn as R  # noqa: E402

LIBRARY = ["activations", "batchnorm", "diagrams", "dropout", "init", "losses", "optim", "params",
           "phone_data", "pooling", "receptive_field", "rnn"]
PACKAGE = Path(__file__).resolve().parent.parent / "dlref"

NAN, INF = float("nan"), float("inf")
ACTIVATIONS = [A.sigmoid, A.sigmoid_grad, A.tanh_grad, A.relu, A.relu_grad, A.leaky_relu, A.leaky_relu_grad,
               A.elu, A.elu_grad, A.softmax]


def x2():
    return torch.zeros(2)


def leaf(*shape, dtype=torch.float32):
    return torch.zeros(*shape, dtype=dtype, requires_grad=True)


def bn(train=True, **changes):
    """Call batch_norm_train (or _eval) on a valid (4, 2) batch with ``changes`` applied."""
    args = dict(x=torch.randn(4, 2), gamma=torch.ones(2), beta=torch.zeros(2),
                running_mean=torch.zeros(2), running_var=torch.ones(2))
    args.update(changes)
    return (B.batch_norm_train if train else B.batch_norm_eval)(**args)


def rnn(**changes):
    """Call rnn_forward on a valid unbatched sequence (L=5, H_in=3, H=4) with ``changes`` applied."""
    args = dict(x=torch.zeros(5, 3), h0=None, w_ih=torch.zeros(4, 3), w_hh=torch.zeros(4, 4))
    args.update(changes)
    return R.rnn_forward(**args)


def case(name, call, error, argument):
    return pytest.param(call, error, argument, id=name)


# (id, the bad call, the exception, the argument its message must name)
BAD_CALLS = [
    # --- activations --------------------------------------------------------------------
    *[case(f"{fn.__name__}-None", lambda fn=fn: fn(None), TypeError, "x") for fn in ACTIVATIONS],
    *[case(f"{fn.__name__}-int-tensor", lambda fn=fn: fn(torch.tensor([1, 2])), TypeError, "x") for fn in ACTIVATIONS],
    case("sigmoid-list", lambda: A.sigmoid([1.0, 2.0]), TypeError, "x"),
    case("relu-ndarray", lambda: A.relu(np.array([1.0])), TypeError, "x"),
    case("leaky_relu-slope-str", lambda: A.leaky_relu(x2(), "0.1"), TypeError, "negative_slope"),
    case("leaky_relu-slope-nan", lambda: A.leaky_relu(x2(), NAN), ValueError, "negative_slope"),
    case("leaky_relu-slope-inf", lambda: A.leaky_relu(x2(), INF), ValueError, "negative_slope"),
    case("leaky_relu-slope-None", lambda: A.leaky_relu(x2(), None), TypeError, "negative_slope"),
    case("leaky_relu_grad-slope-nan", lambda: A.leaky_relu_grad(x2(), NAN), ValueError, "negative_slope"),
    case("leaky_relu_grad-slope-bool", lambda: A.leaky_relu_grad(x2(), True), TypeError, "negative_slope"),
    case("elu-alpha-nan", lambda: A.elu(x2(), alpha=NAN), ValueError, "alpha"),
    case("elu-alpha-tensor", lambda: A.elu(x2(), alpha=torch.tensor(1.0)), TypeError, "alpha"),
    case("elu_grad-alpha-inf", lambda: A.elu_grad(x2(), alpha=INF), ValueError, "alpha"),
    case("elu_grad-alpha-str", lambda: A.elu_grad(x2(), alpha="1"), TypeError, "alpha"),
    case("softmax-dim-float", lambda: A.softmax(x2(), dim=1.5), TypeError, "dim"),
    case("softmax-dim-None", lambda: A.softmax(x2(), dim=None), TypeError, "dim"),
    case("softmax-dim-bool", lambda: A.softmax(x2(), dim=True), TypeError, "dim"),
    case("softmax-0d", lambda: A.softmax(torch.tensor(1.0)), ValueError, "x"),
    # --- batchnorm ----------------------------------------------------------------------
    case("bn-x-None", lambda: bn(x=None), TypeError, "x"),
    case("bn-x-list", lambda: bn(x=[[1.0, 2.0]]), TypeError, "x"),
    case("bn-x-int", lambda: bn(x=torch.ones(4, 2, dtype=torch.int64)), TypeError, "x"),
    case("bn-x-1d", lambda: bn(x=torch.ones(4)), ValueError, "x"),
    case("bn-x-0d", lambda: bn(x=torch.tensor(1.0)), ValueError, "x"),
    case("bn-gamma-None", lambda: bn(gamma=None), TypeError, "gamma"),
    case("bn-gamma-float", lambda: bn(gamma=1.0), TypeError, "gamma"),
    case("bn-gamma-shape", lambda: bn(gamma=torch.ones(3)), ValueError, "gamma"),
    case("bn-gamma-int", lambda: bn(gamma=torch.ones(2, dtype=torch.int64)), TypeError, "gamma"),
    case("bn-beta-shape", lambda: bn(beta=torch.zeros(2, 1)), ValueError, "beta"),
    case("bn-running_mean-None", lambda: bn(running_mean=None), TypeError, "running_mean"),
    case("bn-running_var-shape", lambda: bn(running_var=torch.ones(3)), ValueError, "running_var"),
    case("bn-running_var-negative", lambda: bn(running_var=torch.tensor([1.0, -1.0])), ValueError, "running_var"),
    case("bn-running_var-nan", lambda: bn(running_var=torch.tensor([1.0, NAN])), ValueError, "running_var"),
    case("bn-mixed-dtypes", lambda: bn(x=torch.randn(4, 2, dtype=torch.float64)), TypeError, "x"),
    case("bn-eps-zero", lambda: bn(eps=0.0), ValueError, "eps"),
    case("bn-eps-negative", lambda: bn(eps=-1e-5), ValueError, "eps"),
    case("bn-eps-nan", lambda: bn(eps=NAN), ValueError, "eps"),
    case("bn-eps-inf", lambda: bn(eps=INF), ValueError, "eps"),
    case("bn-eps-str", lambda: bn(eps="1e-5"), TypeError, "eps"),
    case("bn-eps-None", lambda: bn(eps=None), TypeError, "eps"),
    case("bn-momentum-big", lambda: bn(momentum=1.5), ValueError, "momentum"),
    case("bn-momentum-negative", lambda: bn(momentum=-0.1), ValueError, "momentum"),
    case("bn-momentum-nan", lambda: bn(momentum=NAN), ValueError, "momentum"),
    case("bn-momentum-None", lambda: bn(momentum=None), TypeError, "momentum"),
    case("bn-momentum-str", lambda: bn(momentum="0.1"), TypeError, "momentum"),
    case("bn-momentum-bool", lambda: bn(momentum=True), TypeError, "momentum"),
    case("bn-eval-x-int", lambda: bn(False, x=torch.ones(4, 2, dtype=torch.int64)), TypeError, "x"),
    case("bn-eval-gamma-shape", lambda: bn(False, gamma=torch.ones(3)), ValueError, "gamma"),
    case("bn-eval-eps-zero", lambda: bn(False, eps=0), ValueError, "eps"),
    case("bn-eval-eps-nan", lambda: bn(False, eps=NAN), ValueError, "eps"),
    case("bn-eval-running_var-negative", lambda: bn(False, running_var=torch.tensor([1.0, -0.5])), ValueError,
         "running_var"),
    case("bn-eval-mixed-dtypes", lambda: bn(False, running_mean=torch.zeros(2, dtype=torch.float64)), TypeError,
         "running_mean"),
    # --- dropout ------------------------------------------------------------------------
    case("mask-shape-int", lambda: DR.dropout_mask(3, 0.5), TypeError, "shape"),
    case("mask-shape-str", lambda: DR.dropout_mask("ab", 0.5), TypeError, "shape"),
    case("mask-shape-None", lambda: DR.dropout_mask(None, 0.5), TypeError, "shape"),
    case("mask-shape-negative", lambda: DR.dropout_mask((2, -1), 0.5), ValueError, "shape"),
    case("mask-shape-float", lambda: DR.dropout_mask((2.0,), 0.5), TypeError, "shape"),
    case("mask-p-one", lambda: DR.dropout_mask((2,), 1.0), ValueError, "p"),
    case("mask-p-negative", lambda: DR.dropout_mask((2,), -0.1), ValueError, "p"),
    case("mask-p-nan", lambda: DR.dropout_mask((2,), NAN), ValueError, "p"),
    case("mask-p-inf", lambda: DR.dropout_mask((2,), INF), ValueError, "p"),
    case("mask-p-str", lambda: DR.dropout_mask((2,), "0.5"), TypeError, "p"),
    case("mask-p-None", lambda: DR.dropout_mask((2,), None), TypeError, "p"),
    case("mask-p-bool", lambda: DR.dropout_mask((2,), True), TypeError, "p"),
    case("mask-dtype-int", lambda: DR.dropout_mask((2,), 0.5, dtype=torch.int64), ValueError, "dtype"),
    case("mask-dtype-str", lambda: DR.dropout_mask((2,), 0.5, dtype="float32"), TypeError, "dtype"),
    case("mask-generator-int", lambda: DR.dropout_mask((2,), 0.5, generator=3), TypeError, "generator"),
    case("dropout-x-None", lambda: DR.inverted_dropout(None, 0.5), TypeError, "x"),
    case("dropout-x-list", lambda: DR.inverted_dropout([1.0], 0.5), TypeError, "x"),
    case("dropout-x-int", lambda: DR.inverted_dropout(torch.ones(3, dtype=torch.int64), 0.5), TypeError, "x"),
    case("dropout-p-one", lambda: DR.inverted_dropout(torch.ones(3), 1.0), ValueError, "p"),
    case("dropout-p-nan", lambda: DR.inverted_dropout(torch.ones(3), NAN), ValueError, "p"),
    case("dropout-p-None", lambda: DR.inverted_dropout(torch.ones(3), None), TypeError, "p"),
    case("dropout-generator-str", lambda: DR.inverted_dropout(torch.ones(3), 0.5, generator="g"), TypeError,
         "generator"),
    # --- init ---------------------------------------------------------------------------
    case("fans-int", lambda: I.fan_in_fan_out(12), TypeError, "shape"),
    case("fans-str", lambda: I.fan_in_fan_out("12"), TypeError, "shape"),
    case("fans-None", lambda: I.fan_in_fan_out(None), TypeError, "shape"),
    case("fans-1d", lambda: I.fan_in_fan_out((5,)), ValueError, "shape"),
    case("fans-empty", lambda: I.fan_in_fan_out(()), ValueError, "shape"),
    case("fans-zero", lambda: I.fan_in_fan_out((3, 0)), ValueError, "shape"),
    case("fans-negative", lambda: I.fan_in_fan_out((3, 5, -1)), ValueError, "shape"),
    case("fans-float", lambda: I.fan_in_fan_out((3.0, 5)), TypeError, "shape"),
    case("gain-unknown", lambda: I.calculate_gain("swish"), ValueError, "nonlinearity"),
    case("gain-None", lambda: I.calculate_gain(None), TypeError, "nonlinearity"),
    case("gain-param-nan", lambda: I.calculate_gain("leaky_relu", NAN), ValueError, "param"),
    case("gain-param-inf", lambda: I.calculate_gain("leaky_relu", INF), ValueError, "param"),
    case("gain-param-str", lambda: I.calculate_gain("leaky_relu", "0.1"), TypeError, "param"),
    case("gain-param-bool", lambda: I.calculate_gain("leaky_relu", True), TypeError, "param"),
    case("xavier-fan_in-zero", lambda: I.xavier_normal_std(0, 3), ValueError, "fan_in"),
    case("xavier-fan_out-zero", lambda: I.xavier_normal_std(3, 0), ValueError, "fan_out"),
    case("xavier-fan_in-float", lambda: I.xavier_normal_std(3.0, 3), TypeError, "fan_in"),
    case("xavier-gain-zero", lambda: I.xavier_normal_std(3, 3, gain=0), ValueError, "gain"),
    case("xavier-gain-nan", lambda: I.xavier_normal_std(3, 3, gain=NAN), ValueError, "gain"),
    case("xavier-gain-inf", lambda: I.xavier_normal_std(3, 3, gain=INF), ValueError, "gain"),
    case("xavier-gain-str", lambda: I.xavier_normal_std(3, 3, gain="1"), TypeError, "gain"),
    case("xavier-gain-None", lambda: I.xavier_normal_std(3, 3, gain=None), TypeError, "gain"),
    case("xavier_uniform-fan_in-negative", lambda: I.xavier_uniform_bound(-1, 3), ValueError, "fan_in"),
    case("xavier_uniform-fan_out-None", lambda: I.xavier_uniform_bound(3, None), TypeError, "fan_out"),
    case("kaiming-fan_in-zero", lambda: I.kaiming_normal_std(0), ValueError, "fan_in"),
    case("kaiming-fan_in-bool", lambda: I.kaiming_normal_std(True), TypeError, "fan_in"),
    case("kaiming-fan_in-str", lambda: I.kaiming_normal_std("100"), TypeError, "fan_in"),
    case("kaiming-a-nan", lambda: I.kaiming_normal_std(10, a=NAN), ValueError, "a"),
    case("kaiming-a-inf", lambda: I.kaiming_normal_std(10, a=INF), ValueError, "a"),
    case("kaiming-a-str", lambda: I.kaiming_normal_std(10, a="0"), TypeError, "a"),
    case("kaiming-nonlinearity-unknown", lambda: I.kaiming_normal_std(10, nonlinearity="gelu"), ValueError,
         "nonlinearity"),
    case("kaiming_uniform-a-None", lambda: I.kaiming_uniform_bound(10, a=None), TypeError, "a"),
    case("kaiming_uniform-nonlinearity-int", lambda: I.kaiming_uniform_bound(10, nonlinearity=3), TypeError,
         "nonlinearity"),
    case("default-fan_in-zero", lambda: I.default_linear_bound(0), ValueError, "fan_in"),
    case("default-fan_in-negative", lambda: I.default_linear_bound(-4), ValueError, "fan_in"),
    case("default-fan_in-float", lambda: I.default_linear_bound(2.5), TypeError, "fan_in"),
    case("default-fan_in-None", lambda: I.default_linear_bound(None), TypeError, "fan_in"),
    # --- losses -------------------------------------------------------------------------
    case("mse-input-None", lambda: L.mse(None, x2()), TypeError, "input"),
    case("mse-target-None", lambda: L.mse(x2(), None), TypeError, "target"),
    case("mse-input-int", lambda: L.mse(torch.tensor([1, 2]), x2()), TypeError, "input"),
    case("mse-shapes", lambda: L.mse(x2(), torch.zeros(4)), ValueError, "target"),
    case("mae-input-list", lambda: L.mae([0.5, 0.5], x2()), TypeError, "input"),
    case("mae-target-float", lambda: L.mae(x2(), 1.0), TypeError, "target"),
    case("smooth_l1-beta-negative", lambda: L.smooth_l1(x2(), x2(), beta=-1.0), ValueError, "beta"),
    case("smooth_l1-beta-nan", lambda: L.smooth_l1(x2(), x2(), beta=NAN), ValueError, "beta"),
    case("smooth_l1-beta-inf", lambda: L.smooth_l1(x2(), x2(), beta=INF), ValueError, "beta"),
    case("smooth_l1-beta-str", lambda: L.smooth_l1(x2(), x2(), beta="1"), TypeError, "beta"),
    case("smooth_l1-beta-None", lambda: L.smooth_l1(x2(), x2(), beta=None), TypeError, "beta"),
    case("huber-delta-zero", lambda: L.huber(x2(), x2(), delta=0.0), ValueError, "delta"),
    case("huber-delta-negative", lambda: L.huber(x2(), x2(), delta=-1.0), ValueError, "delta"),
    case("huber-delta-nan", lambda: L.huber(x2(), x2(), delta=NAN), ValueError, "delta"),
    case("huber-delta-inf", lambda: L.huber(x2(), x2(), delta=INF), ValueError, "delta"),
    case("huber-delta-str", lambda: L.huber(x2(), x2(), delta="1"), TypeError, "delta"),
    case("huber-delta-bool", lambda: L.huber(x2(), x2(), delta=True), TypeError, "delta"),
    case("bce-probs-above-one", lambda: L.binary_cross_entropy(torch.tensor([1.5]), torch.ones(1)), ValueError,
         "probs"),
    case("bce-probs-negative", lambda: L.binary_cross_entropy(torch.tensor([-0.1]), torch.ones(1)), ValueError,
         "probs"),
    case("bce-probs-nan", lambda: L.binary_cross_entropy(torch.tensor([NAN]), torch.ones(1)), ValueError, "probs"),
    case("bce-target-two", lambda: L.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([2.0])), ValueError,
         "target"),
    case("bce-target-negative", lambda: L.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([-1.0])),
         ValueError, "target"),
    case("bce-target-int", lambda: L.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([1])), TypeError,
         "target"),
    case("bce-mixed-dtypes", lambda: L.binary_cross_entropy(torch.tensor([0.5], dtype=torch.float64),
                                                            torch.tensor([1.0])), TypeError, "target"),
    case("bce-probs-int", lambda: L.binary_cross_entropy(torch.tensor([1]), torch.tensor([1.0])), TypeError,
         "probs"),
    case("bce-probs-None", lambda: L.binary_cross_entropy(None, torch.ones(1)), TypeError, "probs"),
    case("bce-shapes", lambda: L.binary_cross_entropy(torch.full((3,), 0.5), torch.ones(2, 3)), ValueError,
         "target"),
    case("ce-logits-None", lambda: L.cross_entropy(None, torch.tensor([0])), TypeError, "logits"),
    case("ce-logits-int", lambda: L.cross_entropy(torch.zeros(2, 3, dtype=torch.int64), torch.tensor([0, 1])),
         TypeError, "logits"),
    case("ce-logits-1d", lambda: L.cross_entropy(torch.zeros(3), torch.tensor([0, 1, 2])), ValueError, "logits"),
    case("ce-target-list", lambda: L.cross_entropy(torch.zeros(4, 3), [0, 1, 2, 0]), TypeError, "target"),
    case("ce-target-length", lambda: L.cross_entropy(torch.zeros(4, 3), torch.tensor([0, 1, 2, 0, 1])),
         ValueError, "target"),
    case("ce-target-too-big", lambda: L.cross_entropy(torch.zeros(2, 3), torch.tensor([0, 3])), ValueError,
         "target"),
    case("ce-target-negative", lambda: L.cross_entropy(torch.zeros(2, 3), torch.tensor([0, -1])), ValueError,
         "target"),
    case("ce-target-bool", lambda: L.cross_entropy(torch.zeros(2, 3), torch.tensor([True, False])), ValueError,
         "target"),
    case("ce-target-prob-shape", lambda: L.cross_entropy(torch.zeros(4, 3), torch.zeros(4, 2)), ValueError,
         "target"),
    case("ce-no-classes", lambda: L.cross_entropy(torch.zeros(2, 0), torch.tensor([0, 0])), ValueError, "target"),
    case("log_softmax-None", lambda: L.log_softmax(None), TypeError, "logits"),
    case("log_softmax-int", lambda: L.log_softmax(torch.tensor([1, 2])), TypeError, "logits"),
    case("log_softmax-dim-float", lambda: L.log_softmax(x2(), dim=1.5), TypeError, "dim"),
    case("log_softmax-dim-None", lambda: L.log_softmax(x2(), dim=None), TypeError, "dim"),
    # --- optim: ema ---------------------------------------------------------------------
    case("ema-values-None", lambda: O.ema(None, 0.5), TypeError, "values"),
    case("ema-values-str", lambda: O.ema("abc", 0.5), TypeError, "values"),
    case("ema-values-int", lambda: O.ema(5, 0.5), TypeError, "values"),
    case("ema-values-item-str", lambda: O.ema([1.0, "2"], 0.5), TypeError, "values"),
    case("ema-values-item-None", lambda: O.ema([1.0, None], 0.5), TypeError, "values"),
    case("ema-values-item-bool", lambda: O.ema([True], 0.5), TypeError, "values"),
    case("ema-values-2d", lambda: O.ema(torch.zeros(2, 2), 0.5), ValueError, "values"),
    case("ema-beta-one", lambda: O.ema([1.0], 1.0), ValueError, "beta"),
    case("ema-beta-negative", lambda: O.ema([1.0], -0.1), ValueError, "beta"),
    case("ema-beta-nan", lambda: O.ema([1.0], NAN), ValueError, "beta"),
    case("ema-beta-str", lambda: O.ema([1.0], "0.9"), TypeError, "beta"),
    case("ema-beta-None", lambda: O.ema([1.0], None), TypeError, "beta"),
    case("ema-bias_correction-str", lambda: O.ema([1.0], 0.5, bias_correction="yes"), TypeError,
         "bias_correction"),
    # --- optim: optimizers --------------------------------------------------------------
    case("sgd-params-tensor", lambda: O.SGD(torch.zeros(3), lr=0.1), TypeError, "params"),
    case("sgd-params-int", lambda: O.SGD(5, lr=0.1), TypeError, "params"),
    case("sgd-params-None", lambda: O.SGD(None, lr=0.1), TypeError, "params"),
    case("sgd-params-empty", lambda: O.SGD([], lr=0.1), ValueError, "params"),
    case("sgd-params-floats", lambda: O.SGD([1.0, 2.0], lr=0.1), TypeError, "params"),
    case("sgd-params-int-tensor", lambda: O.SGD([torch.zeros(2, dtype=torch.long)], lr=0.1), TypeError, "params"),
    case("sgd-params-twice", lambda: O.SGD([w := leaf(1), w], lr=0.1), ValueError, "params"),
    case("sgd-params-non-leaf", lambda: O.SGD([leaf(1) * 2], lr=0.1), ValueError, "params"),
    case("sgd-lr-negative", lambda: O.SGD([leaf(1)], lr=-0.1), ValueError, "lr"),
    case("sgd-lr-inf", lambda: O.SGD([leaf(1)], lr=INF), ValueError, "lr"),
    case("sgd-lr-nan", lambda: O.SGD([leaf(1)], lr=NAN), ValueError, "lr"),
    case("sgd-lr-str", lambda: O.SGD([leaf(1)], lr="0.1"), TypeError, "lr"),
    case("sgd-lr-None", lambda: O.SGD([leaf(1)], lr=None), TypeError, "lr"),
    case("sgd-momentum-one", lambda: O.SGD([leaf(1)], lr=0.1, momentum=1.0), ValueError, "momentum"),
    case("sgd-momentum-negative", lambda: O.SGD([leaf(1)], lr=0.1, momentum=-0.5), ValueError, "momentum"),
    case("sgd-momentum-nan", lambda: O.SGD([leaf(1)], lr=0.1, momentum=NAN), ValueError, "momentum"),
    case("adagrad-eps-negative", lambda: O.AdaGrad([leaf(1)], eps=-1e-10), ValueError, "eps"),
    case("adagrad-eps-zero", lambda: O.AdaGrad([leaf(1)], eps=0), ValueError, "eps"),
    case("adagrad-eps-nan", lambda: O.AdaGrad([leaf(1)], eps=NAN), ValueError, "eps"),
    case("adagrad-lr-inf", lambda: O.AdaGrad([leaf(1)], lr=INF), ValueError, "lr"),
    case("rmsprop-alpha-big", lambda: O.RMSProp([leaf(1)], alpha=1.5), ValueError, "alpha"),
    case("rmsprop-alpha-one", lambda: O.RMSProp([leaf(1)], alpha=1.0), ValueError, "alpha"),
    case("rmsprop-alpha-nan", lambda: O.RMSProp([leaf(1)], alpha=NAN), ValueError, "alpha"),
    case("rmsprop-alpha-str", lambda: O.RMSProp([leaf(1)], alpha="0.9"), TypeError, "alpha"),
    case("rmsprop-eps-zero", lambda: O.RMSProp([leaf(1)], eps=0.0), ValueError, "eps"),
    case("adam-beta2-one", lambda: O.Adam([leaf(1)], betas=(0.9, 1.0)), ValueError, "betas"),
    case("adam-beta1-one", lambda: O.Adam([leaf(1)], betas=(1.0, 0.999)), ValueError, "betas"),
    case("adam-beta1-nan", lambda: O.Adam([leaf(1)], betas=(NAN, 0.999)), ValueError, "betas"),
    case("adam-beta1-str", lambda: O.Adam([leaf(1)], betas=("0.9", 0.999)), TypeError, "betas"),
    case("adam-betas-float", lambda: O.Adam([leaf(1)], betas=0.9), TypeError, "betas"),
    case("adam-betas-None", lambda: O.Adam([leaf(1)], betas=None), TypeError, "betas"),
    case("adam-betas-one-item", lambda: O.Adam([leaf(1)], betas=(0.9,)), ValueError, "betas"),
    case("adam-eps-zero", lambda: O.Adam([leaf(1)], eps=0), ValueError, "eps"),
    case("adam-eps-inf", lambda: O.Adam([leaf(1)], eps=INF), ValueError, "eps"),
    case("adam-lr-inf", lambda: O.Adam([leaf(1)], lr=INF), ValueError, "lr"),
    # --- optim: learning-rate schedules -------------------------------------------------
    case("step_lr-step_size-zero", lambda: O.step_lr(0.1, 0.8, 0, 5), ValueError, "step_size"),
    case("step_lr-step_size-float", lambda: O.step_lr(0.1, 0.8, 2.5, 3), TypeError, "step_size"),
    case("step_lr-gamma-inf", lambda: O.step_lr(0.1, INF, 20, 3), ValueError, "gamma"),
    case("step_lr-gamma-nan", lambda: O.step_lr(0.1, NAN, 20, 3), ValueError, "gamma"),
    case("step_lr-gamma-zero", lambda: O.step_lr(0.1, 0.0, 20, 3), ValueError, "gamma"),
    case("step_lr-gamma-negative", lambda: O.step_lr(0.1, -0.8, 20, 3), ValueError, "gamma"),
    case("step_lr-lr0-str", lambda: O.step_lr("0.1", 0.8, 20, 3), TypeError, "lr0"),
    case("step_lr-lr0-inf", lambda: O.step_lr(INF, 0.8, 20, 3), ValueError, "lr0"),
    case("step_lr-lr0-negative", lambda: O.step_lr(-1.0, 0.8, 20, 3), ValueError, "lr0"),
    case("step_lr-epoch-negative", lambda: O.step_lr(0.1, 0.8, 20, -1), ValueError, "epoch"),
    case("step_lr-epoch-float", lambda: O.step_lr(0.1, 0.8, 20, 1.0), TypeError, "epoch"),
    case("step_lr-epoch-None", lambda: O.step_lr(0.1, 0.8, 20, None), TypeError, "epoch"),
    case("multistep-milestones-int", lambda: O.multistep_lr(0.1, 0.8, 10, 3), TypeError, "milestones"),
    case("multistep-milestones-negative", lambda: O.multistep_lr(0.1, 0.8, [10, -1], 3), ValueError, "milestones"),
    case("multistep-milestones-float", lambda: O.multistep_lr(0.1, 0.8, [10.5], 3), TypeError, "milestones"),
    case("multistep-milestones-None", lambda: O.multistep_lr(0.1, 0.8, None, 3), TypeError, "milestones"),
    case("multistep-milestones-str", lambda: O.multistep_lr(0.1, 0.8, "10", 3), TypeError, "milestones"),
    case("multistep-gamma-inf", lambda: O.multistep_lr(0.1, INF, [10], 3), ValueError, "gamma"),
    case("exponential-gamma-None", lambda: O.exponential_lr(0.1, None, 1), TypeError, "gamma"),
    case("exponential-gamma-nan", lambda: O.exponential_lr(0.1, NAN, 1), ValueError, "gamma"),
    case("exponential-epoch-negative", lambda: O.exponential_lr(0.1, 0.8, -2), ValueError, "epoch"),
    case("exponential-lr0-inf", lambda: O.exponential_lr(INF, 0.8, 1), ValueError, "lr0"),
    # --- params -------------------------------------------------------------------------
    case("count-None", lambda: P.count_parameters(None), TypeError, "module"),
    case("count-int", lambda: P.count_parameters(3), TypeError, "module"),
    case("count-list", lambda: P.count_parameters([nn.Linear(2, 2)]), TypeError, "module"),
    case("count-generator", lambda: P.count_parameters(nn.Linear(2, 2).parameters()), TypeError, "module"),
    case("count-trainable_only-str", lambda: P.count_parameters(nn.Linear(2, 2), trainable_only="yes"), TypeError,
         "trainable_only"),
    case("count-trainable_only-int", lambda: P.count_parameters(nn.Linear(2, 2), trainable_only=1), TypeError,
         "trainable_only"),
    case("linear-n_in-zero", lambda: P.linear_params(0, 3), ValueError, "n_in"),
    case("linear-n_out-negative", lambda: P.linear_params(3, -1), ValueError, "n_out"),
    case("linear-n_in-float", lambda: P.linear_params(3.0, 3), TypeError, "n_in"),
    case("linear-n_in-str", lambda: P.linear_params("3", 3), TypeError, "n_in"),
    case("linear-n_in-bool", lambda: P.linear_params(True, 3), TypeError, "n_in"),
    case("linear-n_out-None", lambda: P.linear_params(3, None), TypeError, "n_out"),
    case("linear-bias-str", lambda: P.linear_params(3, 3, bias="no"), TypeError, "bias"),
    case("linear-bias-int", lambda: P.linear_params(3, 3, bias=1), TypeError, "bias"),
    # --- phone_data ---------------------------------------------------------------------
    case("phones-n-three", lambda: PD.make_phone_prices(3), ValueError, "n"),
    case("phones-n-zero", lambda: PD.make_phone_prices(0), ValueError, "n"),
    case("phones-n-negative", lambda: PD.make_phone_prices(-8), ValueError, "n"),
    case("phones-n-float", lambda: PD.make_phone_prices(2000.0), TypeError, "n"),
    case("phones-n-str", lambda: PD.make_phone_prices("2000"), TypeError, "n"),
    case("phones-n-bool", lambda: PD.make_phone_prices(True), TypeError, "n"),
    case("phones-n-None", lambda: PD.make_phone_prices(None), TypeError, "n"),
    case("phones-seed-negative", lambda: PD.make_phone_prices(8, seed=-1), ValueError, "seed"),
    case("phones-seed-float", lambda: PD.make_phone_prices(8, seed=0.5), TypeError, "seed"),
    case("phones-seed-str", lambda: PD.make_phone_prices(8, seed="0"), TypeError, "seed"),
    case("phones-seed-None", lambda: PD.make_phone_prices(8, seed=None), TypeError, "seed"),
    case("csv-path-int", lambda: PD.write_csv(123), TypeError, "path"),
    case("csv-path-None", lambda: PD.write_csv(None), TypeError, "path"),
    case("csv-n-three", lambda: PD.write_csv("never-written.csv", n=3), ValueError, "n"),
    # --- pooling ------------------------------------------------------------------------
    case("max_pool-x-None", lambda: PO.max_pool2d(None, 2), TypeError, "x"),
    case("max_pool-x-list", lambda: PO.max_pool2d([[1.0, 2.0], [3.0, 4.0]], 2), TypeError, "x"),
    case("max_pool-x-2d", lambda: PO.max_pool2d(torch.zeros(4, 4), 2), ValueError, "x"),
    case("max_pool-x-5d", lambda: PO.max_pool2d(torch.zeros(1, 1, 1, 4, 4), 2), ValueError, "x"),
    case("max_pool-kernel-zero", lambda: PO.max_pool2d(torch.zeros(1, 1, 4, 4), 0), ValueError, "kernel"),
    case("max_pool-kernel-too-big", lambda: PO.max_pool2d(torch.zeros(1, 1, 4, 4), 5), ValueError, "kernel"),
    case("max_pool-kernel-float", lambda: PO.max_pool2d(torch.zeros(1, 1, 4, 4), 2.0), TypeError, "kernel"),
    case("max_pool-kernel-triple", lambda: PO.max_pool2d(torch.zeros(1, 1, 4, 4), (2, 2, 2)), TypeError, "kernel"),
    case("max_pool-kernel-None", lambda: PO.max_pool2d(torch.zeros(1, 1, 4, 4), None), TypeError, "kernel"),
    case("max_pool-kernel-pair-zero", lambda: PO.max_pool2d(torch.zeros(1, 1, 4, 4), (2, 0)), ValueError, "kernel"),
    case("max_pool-kernel-str", lambda: PO.max_pool2d(torch.zeros(1, 1, 4, 4), "2"), TypeError, "kernel"),
    case("max_pool-kernel-bool", lambda: PO.max_pool2d(torch.zeros(1, 1, 4, 4), True), TypeError, "kernel"),
    case("max_pool-stride-zero", lambda: PO.max_pool2d(torch.zeros(1, 1, 4, 4), 2, 0), ValueError, "stride"),
    case("max_pool-stride-float", lambda: PO.max_pool2d(torch.zeros(1, 1, 4, 4), 2, 1.5), TypeError, "stride"),
    case("avg_pool-x-int", lambda: PO.avg_pool2d(torch.ones(1, 1, 4, 4, dtype=torch.long), 2), TypeError, "x"),
    case("avg_pool-x-None", lambda: PO.avg_pool2d(None, 2), TypeError, "x"),
    case("avg_pool-kernel-zero", lambda: PO.avg_pool2d(torch.zeros(1, 1, 4, 4), 0), ValueError, "kernel"),
    case("avg_pool-stride-negative", lambda: PO.avg_pool2d(torch.zeros(1, 1, 4, 4), 2, -1), ValueError, "stride"),
    case("conv-size-float", lambda: PO.conv_output_size(32.0, 3), TypeError, "size"),
    case("conv-size-None", lambda: PO.conv_output_size(None, 3), TypeError, "size"),
    case("conv-size-zero", lambda: PO.conv_output_size(0, 1), ValueError, "size"),
    case("conv-kernel-bool", lambda: PO.conv_output_size(32, True), TypeError, "kernel"),
    case("conv-kernel-str", lambda: PO.conv_output_size(32, "3"), TypeError, "kernel"),
    case("conv-kernel-zero", lambda: PO.conv_output_size(32, 0), ValueError, "kernel"),
    case("conv-kernel-does-not-fit", lambda: PO.conv_output_size(4, 3, dilation=2), ValueError, "kernel"),
    case("conv-stride-zero", lambda: PO.conv_output_size(32, 3, stride=0), ValueError, "stride"),
    case("conv-padding-negative", lambda: PO.conv_output_size(32, 3, padding=-1), ValueError, "padding"),
    case("conv-padding-float", lambda: PO.conv_output_size(32, 3, padding=1.5), TypeError, "padding"),
    case("conv-dilation-zero", lambda: PO.conv_output_size(32, 3, dilation=0), ValueError, "dilation"),
    # --- receptive_field ----------------------------------------------------------------
    case("rf-layers-int", lambda: RF.receptive_field(3), TypeError, "layers"),
    case("rf-layers-str", lambda: RF.receptive_field("331"), TypeError, "layers"),
    case("rf-layers-None", lambda: RF.receptive_field(None), TypeError, "layers"),
    case("rf-layer-pair", lambda: RF.receptive_field([(3, 1)]), ValueError, "layers"),
    case("rf-layer-int", lambda: RF.receptive_field([3]), ValueError, "layers"),
    case("rf-kernel-zero", lambda: RF.receptive_field([(0, 1, 1)]), ValueError, "kernel"),
    case("rf-stride-zero", lambda: RF.receptive_field([(3, 0, 1)]), ValueError, "stride"),
    case("rf-dilation-negative", lambda: RF.receptive_field([(3, 1, -1)]), ValueError, "dilation"),
    case("rf-kernel-float", lambda: RF.receptive_field([(3.0, 1, 1)]), TypeError, "kernel"),
    case("rf-kernel-bool", lambda: RF.receptive_field([(True, 1, 1)]), TypeError, "kernel"),
    case("conv_params-c_in-zero", lambda: RF.conv_params(0, 1, 3), ValueError, "c_in"),
    case("conv_params-c_out-zero", lambda: RF.conv_params(1, 0, 3), ValueError, "c_out"),
    case("conv_params-k-zero", lambda: RF.conv_params(1, 1, 0), ValueError, "k"),
    case("conv_params-c_in-float", lambda: RF.conv_params(1.5, 1, 3), TypeError, "c_in"),
    case("conv_params-c_in-None", lambda: RF.conv_params(None, 1, 3), TypeError, "c_in"),
    case("conv_params-k-str", lambda: RF.conv_params(1, 1, "3"), TypeError, "k"),
    case("conv_params-k-float", lambda: RF.conv_params(1, 1, 3.0), TypeError, "k"),
    case("conv_params-bias-int", lambda: RF.conv_params(1, 1, 3, bias=1), TypeError, "bias"),
    # --- rnn ----------------------------------------------------------------------------
    case("rnn-x-None", lambda: rnn(x=None), TypeError, "x"),
    case("rnn-x-list", lambda: rnn(x=[[0.0, 0.0, 0.0]]), TypeError, "x"),
    case("rnn-x-int", lambda: rnn(x=torch.zeros(5, 3, dtype=torch.long)), TypeError, "x"),
    case("rnn-x-1d", lambda: rnn(x=torch.zeros(3)), ValueError, "x"),
    case("rnn-x-no-steps", lambda: rnn(x=torch.zeros(0, 3)), ValueError, "x"),
    case("rnn-x-features", lambda: rnn(x=torch.zeros(5, 7)), ValueError, "x"),
    case("rnn-x-float64", lambda: rnn(x=torch.zeros(5, 3, dtype=torch.float64)), TypeError, "x"),
    case("rnn-h0-str", lambda: rnn(h0="0"), TypeError, "h0"),
    case("rnn-h0-int", lambda: rnn(h0=torch.zeros(4, dtype=torch.long)), TypeError, "h0"),
    case("rnn-h0-shape", lambda: rnn(x=torch.zeros(5, 2, 3), h0=torch.zeros(4)), ValueError, "h0"),
    case("rnn-h0-float64", lambda: rnn(h0=torch.zeros(4, dtype=torch.float64)), TypeError, "h0"),
    case("rnn-w_ih-None", lambda: rnn(w_ih=None), TypeError, "w_ih"),
    case("rnn-w_ih-1d", lambda: rnn(w_ih=torch.zeros(4)), ValueError, "w_ih"),
    case("rnn-w_hh-None", lambda: rnn(w_hh=None), TypeError, "w_hh"),
    case("rnn-w_hh-shape", lambda: rnn(w_hh=torch.zeros(3, 3)), ValueError, "w_hh"),
    case("rnn-b_ih-shape", lambda: rnn(b_ih=torch.zeros(3)), ValueError, "b_ih"),
    case("rnn-b_hh-float", lambda: rnn(b_hh=1.0), TypeError, "b_hh"),
    case("rnn-nonlinearity-unknown", lambda: rnn(nonlinearity="sigmoid"), ValueError, "nonlinearity"),
    case("rnn-nonlinearity-None", lambda: rnn(nonlinearity=None), TypeError, "nonlinearity"),
    case("count-input_size-zero", lambda: R.rnn_param_count(0, 4), ValueError, "input_size"),
    case("count-hidden_size-negative", lambda: R.rnn_param_count(3, -1), ValueError, "hidden_size"),
    case("count-input_size-float", lambda: R.rnn_param_count(3.0, 4), TypeError, "input_size"),
    case("count-input_size-None", lambda: R.rnn_param_count(None, 4), TypeError, "input_size"),
    case("count-hidden_size-bool", lambda: R.rnn_param_count(3, True), TypeError, "hidden_size"),
    case("count-num_layers-zero", lambda: R.rnn_param_count(3, 4, 0), ValueError, "num_layers"),
    case("count-bias-int", lambda: R.rnn_param_count(3, 4, bias=1), TypeError, "bias"),
    case("count-bidirectional-str", lambda: R.rnn_param_count(3, 4, bidirectional="yes"), TypeError,
         "bidirectional"),
    case("bptt-w_hh-None", lambda: R.bptt_jacobian_norms(None, torch.zeros(2, 4)), TypeError, "w_hh"),
    case("bptt-w_hh-int", lambda: R.bptt_jacobian_norms(torch.eye(4, dtype=torch.long), torch.zeros(2, 4)),
         TypeError, "w_hh"),
    case("bptt-w_hh-not-square", lambda: R.bptt_jacobian_norms(torch.zeros(4, 3), torch.zeros(2, 4)), ValueError,
         "w_hh"),
    case("bptt-hs-None", lambda: R.bptt_jacobian_norms(torch.eye(4), None), TypeError, "hs"),
    case("bptt-hs-shape", lambda: R.bptt_jacobian_norms(torch.eye(4), torch.zeros(5, 3)), ValueError, "hs"),
    case("bptt-hs-1d", lambda: R.bptt_jacobian_norms(torch.eye(4), torch.zeros(4)), ValueError, "hs"),
    case("bptt-nonlinearity-unknown", lambda: R.bptt_jacobian_norms(torch.eye(4), torch.zeros(2, 4), "gelu"),
         ValueError, "nonlinearity"),
    case("bptt-nonlinearity-None", lambda: R.bptt_jacobian_norms(torch.eye(4), torch.zeros(2, 4), None),
         TypeError, "nonlinearity"),
    # --- diagrams -----------------------------------------------------------------------
    case("network-size-zero", lambda: D.draw_network([3, 0]), ValueError, "layer_sizes"),
    case("network-no-layers", lambda: D.draw_network([]), ValueError, "layer_sizes"),
    case("network-size-float", lambda: D.draw_network([3, 2.5]), TypeError, "layer_sizes"),
    case("network-sizes-None", lambda: D.draw_network(None), TypeError, "layer_sizes"),
    case("network-sizes-str", lambda: D.draw_network("32"), TypeError, "layer_sizes"),
    case("network-labels-count", lambda: D.draw_network([3, 2], layer_labels=["in"]), ValueError, "layer_labels"),
    case("network-radius-zero", lambda: D.draw_network([3, 2], radius=0), ValueError, "radius"),
    case("network-radius-nan", lambda: D.draw_network([3, 2], radius=NAN), ValueError, "radius"),
    case("network-radius-str", lambda: D.draw_network([3, 2], radius="0.3"), TypeError, "radius"),
    case("positions-dx-str", lambda: D.node_positions([3], dx="1"), TypeError, "dx"),
    case("positions-dy-nan", lambda: D.node_positions([3], dy=NAN), ValueError, "dy"),
    case("blocks-duplicate-keys", lambda: D.draw_blocks([D.Box("a", "x", (0, 0)), D.Box("a", "y", (0, 1))], []),
         ValueError, "boxes"),
    case("blocks-unknown-arrow", lambda: D.draw_blocks([D.Box("a", "x", (0, 0))], [("a", "z", "")]), ValueError,
         "arrows"),
]


def names(argument: str) -> str:
    """A regex that finds ``argument`` as a whole word (``x`` in "x must", not in "max")."""
    return rf"(?<![\w.]){re.escape(argument)}(?!\w)"


def test_the_table_is_large():
    assert len(BAD_CALLS) >= 150


@pytest.mark.parametrize("call, error, argument", BAD_CALLS)
def test_bad_call_is_rejected_naming_the_argument(call, error, argument):
    with pytest.raises(error, match=names(argument)):
        call()


# --- where PyTorch defines the result, match it -----------------------------------------------

SPECIAL = torch.tensor([NAN, -2.0, -0.0, 0.0, 3.0])


@pytest.mark.parametrize(
    "ours, theirs",
    [
        (A.relu, torch.relu),
        (A.sigmoid, torch.sigmoid),
        (A.leaky_relu, F.leaky_relu),
        (A.elu, F.elu),
        (lambda x: A.softmax(x, dim=0), lambda x: torch.softmax(x, 0)),
        (lambda x: L.log_softmax(x, dim=0), lambda x: torch.log_softmax(x, 0)),
    ],
    ids=["relu", "sigmoid", "leaky_relu", "elu", "softmax", "log_softmax"],
)
def test_nan_propagates_like_pytorch(ours, theirs):
    torch.testing.assert_close(ours(SPECIAL), theirs(SPECIAL), equal_nan=True)


def test_relu_of_nan_is_nan():
    assert math.isnan(A.relu(torch.tensor([NAN])).item())
    assert math.isnan(torch.relu(torch.tensor([NAN])).item())


@pytest.mark.parametrize("fn", [A.relu_grad, A.leaky_relu_grad, A.elu_grad, A.sigmoid_grad, A.tanh_grad])
def test_derivative_at_nan_is_nan(fn):
    out = fn(SPECIAL)
    assert math.isnan(out[0].item())
    torch.testing.assert_close(out[1:], fn(SPECIAL[1:]))  # the other values are untouched


@pytest.mark.parametrize(
    "ours, theirs",
    [
        (lambda x: A.softmax(x, dim=-1), lambda x: torch.softmax(x, -1)),
        (lambda x: L.log_softmax(x, dim=-1), lambda x: torch.log_softmax(x, -1)),
        (A.relu, torch.relu),
        (A.sigmoid, torch.sigmoid),
        (A.elu, F.elu),
    ],
    ids=["softmax", "log_softmax", "relu", "sigmoid", "elu"],
)
@pytest.mark.parametrize("shape", [(0,), (2, 0), (0, 3)])
def test_empty_tensors_like_pytorch(ours, theirs, shape):
    x = torch.empty(shape)
    out = ours(x)
    assert out.shape == theirs(x).shape and out.dtype == x.dtype


def test_softmax_of_empty_still_checks_dim():
    with pytest.raises(IndexError):
        A.softmax(torch.empty(2, 0), dim=3)


@pytest.mark.parametrize("ours, theirs", [(L.mse, F.mse_loss), (L.mae, F.l1_loss)])
def test_losses_promote_mixed_dtypes_like_pytorch(ours, theirs):
    a, b = torch.tensor([1.0, 2.0], dtype=torch.float64), torch.tensor([0.5, 4.0])
    assert ours(a, b).dtype == theirs(a, b).dtype == torch.float64
    torch.testing.assert_close(ours(a, b), theirs(a, b))


def test_cross_entropy_probability_target_promotes_like_pytorch():
    logits, target = torch.tensor([[1.0, 2.0]]), torch.tensor([[0.25, 0.75]], dtype=torch.float64)
    torch.testing.assert_close(L.cross_entropy(logits, target), F.cross_entropy(logits, target))


def test_empty_batches_like_pytorch():
    empty = torch.empty(0)
    assert torch.isnan(L.mse(empty, empty)) and torch.isnan(F.mse_loss(empty, empty))
    empty_logits, empty_labels = torch.empty(0, 3), torch.empty(0, dtype=torch.long)
    assert torch.isnan(L.cross_entropy(empty_logits, empty_labels))
    assert torch.isnan(F.cross_entropy(empty_logits, empty_labels))
    assert DR.inverted_dropout(torch.empty(0), 0.5).shape == F.dropout(torch.empty(0), 0.5).shape
    x = torch.empty(0, 1, 4, 4)
    assert PO.max_pool2d(x, 2).shape == F.max_pool2d(x, 2).shape
    assert PO.avg_pool2d(x, 2).shape == F.avg_pool2d(x, 2).shape


def test_batch_norm_of_an_empty_batch_like_pytorch():
    layer = nn.BatchNorm1d(2)
    x = torch.empty(0, 2)
    gamma, beta = layer.weight.detach().clone(), layer.bias.detach().clone()
    y, mean, var = B.batch_norm_train(x, gamma, beta, layer.running_mean.clone(), layer.running_var.clone())
    expected = layer(x)
    assert y.shape == expected.shape
    assert torch.equal(mean, layer.running_mean) and torch.equal(var, layer.running_var)  # unchanged


def test_rnn_with_an_empty_batch_like_pytorch():
    torch.manual_seed(0)
    layer = nn.RNN(3, 4)
    x = torch.zeros(5, 0, 3)
    ours = R.rnn_forward(x, None, layer.weight_ih_l0.detach(), layer.weight_hh_l0.detach(),
                         layer.bias_ih_l0.detach(), layer.bias_hh_l0.detach())
    assert ours.shape == layer(x)[0].shape == (5, 0, 4)


def test_bptt_of_no_steps_is_empty():
    norms = R.bptt_jacobian_norms(torch.eye(3, dtype=torch.float64), torch.zeros(0, 3))
    assert norms.shape == (0,) and norms.dtype == torch.float64


def test_max_pool_propagates_nan_like_pytorch():
    x = torch.tensor([[[[NAN, 1.0], [2.0, 3.0]]]])
    torch.testing.assert_close(PO.max_pool2d(x, 2), F.max_pool2d(x, 2), equal_nan=True)


# --- numpy scalars are accepted wherever Python numbers are --------------------------------------

def _same(a, b):
    if isinstance(a, torch.Tensor):
        return torch.equal(a, b) and a.dtype == b.dtype
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(u, v) for u, v in zip(a, b))
    return a == b and type(a) is type(b)


def _optimizer_step(make):
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = make([w])
    for _ in range(2):
        opt.zero_grad()
        (w**2).sum().backward()
        opt.step()
    return w.detach()


def _dropout(shape, p):
    return DR.dropout_mask(shape, p, generator=torch.Generator().manual_seed(0))


X = torch.linspace(-2, 2, 5)
IMAGE = torch.arange(16.0).reshape(1, 1, 4, 4)
BN = (torch.randn(4, 2, generator=torch.Generator().manual_seed(0)), torch.ones(2), torch.zeros(2), torch.zeros(2),
      torch.ones(2))
i64, f64, f32, i32 = np.int64, np.float64, np.float32, np.int32

# (id, call with Python numbers, the same call with numpy scalars)
NUMPY_CALLS = [
    ("leaky_relu", lambda: A.leaky_relu(X, 0.5), lambda: A.leaky_relu(X, f64(0.5))),
    ("leaky_relu_grad", lambda: A.leaky_relu_grad(X, 0.5), lambda: A.leaky_relu_grad(X, f32(0.5))),
    ("elu", lambda: A.elu(X, 2), lambda: A.elu(X, i64(2))),
    ("elu_grad", lambda: A.elu_grad(X, 2.0), lambda: A.elu_grad(X, f64(2.0))),
    ("softmax", lambda: A.softmax(X, 0), lambda: A.softmax(X, i64(0))),
    ("batch_norm_train", lambda: B.batch_norm_train(*BN, 0.5, 0.25),
     lambda: B.batch_norm_train(*BN, f64(0.5), f32(0.25))),
    ("batch_norm_eval", lambda: B.batch_norm_eval(*BN, 0.5), lambda: B.batch_norm_eval(*BN, f64(0.5))),
    ("dropout_mask", lambda: _dropout((2, 3), 0.5), lambda: _dropout((i64(2), i32(3)), f64(0.5))),
    ("inverted_dropout", lambda: DR.inverted_dropout(X, 0.5, torch.Generator().manual_seed(1)),
     lambda: DR.inverted_dropout(X, f64(0.5), torch.Generator().manual_seed(1))),
    ("fan_in_fan_out", lambda: I.fan_in_fan_out((16, 3, 5, 5)),
     lambda: I.fan_in_fan_out((i64(16), i32(3), i64(5), i64(5)))),
    ("calculate_gain", lambda: I.calculate_gain("leaky_relu", 0.5), lambda: I.calculate_gain("leaky_relu", f64(0.5))),
    ("xavier_normal_std", lambda: I.xavier_normal_std(5, 3, 2), lambda: I.xavier_normal_std(i64(5), i64(3), i64(2))),
    ("xavier_uniform_bound", lambda: I.xavier_uniform_bound(5, 3, 0.5),
     lambda: I.xavier_uniform_bound(i32(5), i64(3), f64(0.5))),
    ("kaiming_normal_std", lambda: I.kaiming_normal_std(10, 0.5), lambda: I.kaiming_normal_std(i64(10), f64(0.5))),
    ("kaiming_uniform_bound", lambda: I.kaiming_uniform_bound(10, 1), lambda: I.kaiming_uniform_bound(i64(10), i64(1))),
    ("default_linear_bound", lambda: I.default_linear_bound(4), lambda: I.default_linear_bound(i64(4))),
    ("smooth_l1", lambda: L.smooth_l1(X, 0 * X, 0.5), lambda: L.smooth_l1(X, 0 * X, f64(0.5))),
    ("huber", lambda: L.huber(X, 0 * X, 2), lambda: L.huber(X, 0 * X, i64(2))),
    ("log_softmax", lambda: L.log_softmax(X, 0), lambda: L.log_softmax(X, i64(0))),
    ("ema", lambda: tuple(O.ema([1, 2.0, 3], 0.5, True)),
     lambda: tuple(O.ema(np.array([1, 2.0, 3]), f64(0.5), np.True_))),
    ("ema-int-items", lambda: tuple(O.ema([1, 2], 0.5)), lambda: tuple(O.ema([i64(1), i32(2)], f32(0.5)))),
    ("SGD", lambda: _optimizer_step(lambda p: O.SGD(p, 0.5, 0.5)),
     lambda: _optimizer_step(lambda p: O.SGD(p, f64(0.5), f32(0.5)))),
    ("AdaGrad", lambda: _optimizer_step(lambda p: O.AdaGrad(p, 0.5, 0.25)),
     lambda: _optimizer_step(lambda p: O.AdaGrad(p, f64(0.5), f64(0.25)))),
    ("RMSProp", lambda: _optimizer_step(lambda p: O.RMSProp(p, 0.5, 0.5, 0.25)),
     lambda: _optimizer_step(lambda p: O.RMSProp(p, f64(0.5), f64(0.5), f64(0.25)))),
    ("Adam", lambda: _optimizer_step(lambda p: O.Adam(p, 0.5, (0.5, 0.75), 0.25)),
     lambda: _optimizer_step(lambda p: O.Adam(p, f64(0.5), np.array([0.5, 0.75]), f64(0.25)))),
    ("step_lr", lambda: O.step_lr(0.5, 0.5, 2, 5), lambda: O.step_lr(f64(0.5), f32(0.5), i64(2), i32(5))),
    ("multistep_lr", lambda: O.multistep_lr(0.5, 0.5, [2, 4], 5),
     lambda: O.multistep_lr(f64(0.5), f64(0.5), np.array([2, 4]), i64(5))),
    ("exponential_lr", lambda: O.exponential_lr(1, 0.5, 3), lambda: O.exponential_lr(i64(1), f64(0.5), i64(3))),
    ("linear_params", lambda: P.linear_params(3, 4, False), lambda: P.linear_params(i64(3), i32(4), np.False_)),
    ("count_parameters", lambda: P.count_parameters(nn.Linear(2, 2), True),
     lambda: P.count_parameters(nn.Linear(2, 2), np.True_)),
    ("make_phone_prices", lambda: PD.make_phone_prices(8, 1).to_csv(),
     lambda: PD.make_phone_prices(i64(8), i32(1)).to_csv()),
    ("max_pool2d", lambda: PO.max_pool2d(IMAGE, 2, 1), lambda: PO.max_pool2d(IMAGE, i64(2), i32(1))),
    ("avg_pool2d", lambda: PO.avg_pool2d(IMAGE, (2, 4)), lambda: PO.avg_pool2d(IMAGE, (i64(2), i64(4)))),
    ("conv_output_size", lambda: PO.conv_output_size(32, 3, 2, 1, 1),
     lambda: PO.conv_output_size(i64(32), i64(3), i32(2), i64(1), i64(1))),
    ("receptive_field", lambda: RF.receptive_field([(3, 2, 1), (3, 1, 2)]),
     lambda: RF.receptive_field([(i64(3), i64(2), i64(1)), np.array([3, 1, 2])])),
    ("conv_params", lambda: RF.conv_params(3, 64, 3, True), lambda: RF.conv_params(i64(3), i64(64), i32(3), np.True_)),
    ("rnn_param_count", lambda: R.rnn_param_count(100, 64, 2, True, True),
     lambda: R.rnn_param_count(i64(100), i64(64), i32(2), np.True_, np.True_)),
    ("node_positions", lambda: tuple(map(tuple, D.node_positions([3, 2], 2.0, 1))),
     lambda: tuple(map(tuple, D.node_positions([i64(3), i64(2)], f64(2.0), i64(1))))),
    ("draw_network", lambda: len(D.draw_network([3, 2], radius=0.25).patches),
     lambda: len(D.draw_network([i64(3), i32(2)], radius=f64(0.25)).patches)),
]


@pytest.mark.parametrize("python, numpy_", [pytest.param(p, n, id=name) for name, p, n in NUMPY_CALLS])
def test_numpy_scalars_are_accepted(python, numpy_):
    assert _same(python(), numpy_())


# --- one shared helper: no private duplicates ---------------------------------------------------

# names of the private helpers each module used to carry, and the shapes such helpers take
PRIVATE_CHECK = re.compile(r"^_(check|real|int|fan|gain|positive|non_negative|unit_interval|number|validate|"
                           r"ensure|require|verify|assert)")
NUMERIC_TYPES = {"int", "float", "bool", "complex", "Real", "Integral", "Number", "Rational", "integer", "floating",
                 "number", "bool_"}


def _tree(module: str) -> ast.Module:
    return ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))


def _type_names(node: ast.expr) -> set[str]:
    """The bare names of the classes an isinstance() call tests against."""
    found = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            found.add(sub.id)
        elif isinstance(sub, ast.Attribute):
            found.add(sub.attr)
    return found


@pytest.mark.parametrize("module", LIBRARY)
def test_no_private_validation_function(module):
    private = [f.name for f in ast.walk(_tree(module))
               if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and PRIVATE_CHECK.match(f.name)]
    assert not private, f"dlref/{module}.py defines its own checks {private}: use dlref.validate"


@pytest.mark.parametrize("module", LIBRARY)
def test_no_hand_written_number_type_check(module):
    """isinstance(x, int/float/Real/...) belongs in dlref.validate, which also handles bool and numpy."""
    calls = [node for node in ast.walk(_tree(module))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance"
             and len(node.args) == 2 and _type_names(node.args[1]) & NUMERIC_TYPES]
    assert not calls, f"dlref/{module}.py line {calls[0].lineno} checks a number type by hand: use dlref.validate"


@pytest.mark.parametrize("module", LIBRARY)
def test_module_uses_the_shared_helper(module):
    imports = [node for node in ast.walk(_tree(module)) if isinstance(node, ast.ImportFrom)]
    assert any(node.level == 1 and (node.module == "validate" or
                                    (node.module is None and any(a.name == "validate" for a in node.names)))
               for node in imports), f"dlref/{module}.py does not import dlref.validate"


@pytest.mark.parametrize("module", LIBRARY + ["validate"])
def test_library_never_imports_the_build_tool(module):
    build = {"site", "runner", "cli", "cache", "examples", "fragments", "notebooks", "recorded", "checks", "bench",
             "mkdocs_hooks", "stale_pages", "mathml", "glossary", "notebook_html", "griffe_docstrings"}
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            assert node.module not in build and not {a.name for a in node.names} & build
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dlref."):
            assert node.module.split(".")[1] not in build
