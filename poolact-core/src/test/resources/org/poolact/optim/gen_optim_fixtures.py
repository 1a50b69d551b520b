#!/usr/bin/python3
"""Writes optim-torch.txt: torch.optim SGD / Adam / AdamW with parameter groups and lr schedulers,
run by an independent PyTorch (Debian's python3-torch 1.13, CPU, one thread) on small float64
parameters with fixed gradient sequences. Read by OptimFixtureTest.

Run from this directory:  /usr/bin/python3 gen_optim_fixtures.py > optim-torch.txt

Each case: three parameters (shapes 2x3, 4, 1), STEPS steps; at step t every parameter gets the
gradient written in the file (or none: p.grad = None, so torch skips it), then optimizer.step(),
then scheduler.step() if there is one. After each step the file has every parameter and every
group's lr. After SPLIT steps it also has optimizer.state_dict() and scheduler.state_dict().
Numbers are float.hex() (exact); option values are Python reprs (True/False, None, floats).

Line format:
  case NAME
  optimizer SGD|Adam|AdamW
  defaults key=value ...                      (constructor keyword arguments)
  group INDEX params=i,j key=value ...        (the param group dicts given to the constructor)
  scheduler none | StepLR key=value ... | CosineAnnealingLR key=value ...
  param I SHAPE(comma separated) VALUES       (initial values)
  grad T I VALUES|none
  after T I VALUES
  lrs T LR0,LR1,...
  sd_group GI key=value ...                   (state_dict()['param_groups'][GI], params as i,j)
  sd_state I KEY VALUES                       (state_dict()['state'][I][KEY], 'step' as one value)
  sd_sched key=value ...                      (scheduler.state_dict(), lists comma separated)
  end

torch 1.13 against 2.7.1 for these options: the update formulas are the same. Adam/AdamW in 1.13
update exp_avg with mul_/add_ where 2.x uses lerp_ (the same value up to the last bit in float64,
within the test's 1e-12); 'step' is a float32 scalar tensor in both. 1.13 state dicts also carry
foreach/differentiable (and for Adam capturable/fused) flags; 2.7 adds fused for SGD.
"""
import math

import torch

torch.set_num_threads(1)
STEPS = 8
SPLIT = 3
SHAPES = [(2, 3), (4,), (1,)]


def hx(values):
    return ",".join(float(v).hex() for v in values)


def init_params():
    ps = []
    for i, shape in enumerate(SHAPES):
        n = math.prod(shape)
        vals = [1.5 * math.cos(0.9 * k + 0.4 * i + 0.2) for k in range(n)]
        ps.append(torch.tensor(vals, dtype=torch.float64).reshape(shape).requires_grad_(True))
    return ps


def grad(t, i, shape):
    n = math.prod(shape)
    vals = [(1 + 0.5 * i) * math.sin(0.37 * k + 1.1 * t + 0.5 * i) + 0.1 * t for k in range(n)]
    return torch.tensor(vals, dtype=torch.float64).reshape(shape)


def opt_value(v):
    if isinstance(v, (tuple, list)):
        return ",".join(repr(float(x)) for x in v)
    return repr(v)


def kv(d):
    return " ".join(f"{k}={opt_value(v)}" for k, v in d.items())


def run(name, cls, defaults, groups, sched=None, no_grad=()):
    """groups: list of (param indices, options dict); no_grad: (step, param) pairs with grad None."""
    out = [f"case {name}", f"optimizer {cls.__name__}", f"defaults {kv(defaults)}".rstrip()]
    ps = init_params()
    for gi, (idx, opts) in enumerate(groups):
        out.append(f"group {gi} params={','.join(map(str, idx))} {kv(opts)}".rstrip())
    opt = cls([dict(params=[ps[i] for i in idx], **opts) for idx, opts in groups], **defaults)
    if sched is None:
        out.append("scheduler none")
        sc = None
    else:
        kind, args = sched
        out.append(f"scheduler {kind} {kv(args)}")
        sc = getattr(torch.optim.lr_scheduler, kind)(opt, **args)
    for i, p in enumerate(ps):
        out.append(f"param {i} {','.join(map(str, p.shape))} {hx(p.detach().reshape(-1).tolist())}")
    for t in range(1, STEPS + 1):
        for i, p in enumerate(ps):
            if (t, i) in no_grad:
                p.grad = None
                out.append(f"grad {t} {i} none")
            else:
                g = grad(t, i, p.shape)
                p.grad = g
                out.append(f"grad {t} {i} {hx(g.reshape(-1).tolist())}")
        opt.step()
        if sc is not None:
            sc.step()
        for i, p in enumerate(ps):
            out.append(f"after {t} {i} {hx(p.detach().reshape(-1).tolist())}")
        out.append(f"lrs {t} {','.join(repr(g['lr']) for g in opt.param_groups)}")
        if t == SPLIT:
            sd = opt.state_dict()
            for gi, g in enumerate(sd["param_groups"]):
                rest = {k: v for k, v in g.items() if k != "params"}
                out.append(f"sd_group {gi} params={','.join(map(str, g['params']))} {kv(rest)}")
            for i in sorted(sd["state"]):
                for k, v in sd["state"][i].items():
                    if v is None:  # 1.13 SGD stores momentum_buffer None without momentum; 2.7 stores nothing
                        out.append(f"sd_state {i} {k} none")
                    else:
                        out.append(f"sd_state {i} {k} {hx(v.reshape(-1).tolist())}")
            if sc is not None:
                ssd = sc.state_dict()
                keep = {k: v for k, v in ssd.items()
                        if k in ("step_size", "gamma", "T_max", "eta_min", "base_lrs", "last_epoch", "_step_count",
                                 "_last_lr")}
                out.append(f"sd_sched {kv(keep)}")
    out.append("end")
    print("\n".join(out))


SGD, Adam, AdamW = torch.optim.SGD, torch.optim.Adam, torch.optim.AdamW
ALL = [0, 1, 2]
print("# generated by gen_optim_fixtures.py with torch " + torch.__version__)
run("sgd_plain", SGD, dict(lr=0.1), [(ALL, {})])
run("sgd_momentum", SGD, dict(lr=0.1, momentum=0.9), [(ALL, {})])
run("sgd_dampening_wd", SGD, dict(lr=0.05, momentum=0.9, dampening=0.3, weight_decay=0.01), [(ALL, {})])
run("sgd_nesterov_wd", SGD, dict(lr=0.1, momentum=0.8, nesterov=True, weight_decay=0.05), [(ALL, {})])
run("sgd_maximize_wd", SGD, dict(lr=0.1, momentum=0.9, weight_decay=0.1, maximize=True), [(ALL, {})])
run("sgd_maximize_plain", SGD, dict(lr=0.2, maximize=True), [(ALL, {})])
run("sgd_groups_steplr", SGD, dict(lr=0.1, momentum=0.9),
    [([0, 1], {}), ([2], dict(lr=0.01, weight_decay=0.1, nesterov=True))], ("StepLR", dict(step_size=2, gamma=0.5)))
run("sgd_groups_cosine_skip", SGD, dict(lr=0.1, momentum=0.5, weight_decay=0.01),
    [([1], dict(lr=0.3, dampening=0.2)), ([0, 2], dict(weight_decay=0.0, maximize=True))],
    ("CosineAnnealingLR", dict(T_max=4, eta_min=0.001)), no_grad={(2, 1), (1, 0)})
run("adam_default", Adam, dict(lr=0.05), [(ALL, {})])
run("adam_wd_amsgrad", Adam, dict(lr=0.05, weight_decay=0.1, amsgrad=True), [(ALL, {})])
run("adam_betas_eps_maximize", Adam, dict(lr=0.02, betas=(0.8, 0.99), eps=1e-6, maximize=True), [(ALL, {})])
run("adam_groups_steplr_skip", Adam, dict(lr=0.05),
    [([2, 0], dict(lr=0.01, amsgrad=True)), ([1], dict(betas=(0.5, 0.9), weight_decay=0.2))],
    ("StepLR", dict(step_size=3, gamma=0.3)), no_grad={(1, 2), (2, 2), (5, 1)})
run("adamw_default", AdamW, dict(lr=0.05), [(ALL, {})])
run("adamw_amsgrad_maximize", AdamW, dict(lr=0.05, weight_decay=0.2, amsgrad=True, maximize=True), [(ALL, {})])
run("adamw_groups_cosine", AdamW, dict(lr=0.03, weight_decay=0.05),
    [([0], dict(weight_decay=0.0)), ([1, 2], dict(lr=0.1, betas=(0.9, 0.95)))],
    ("CosineAnnealingLR", dict(T_max=5)))
