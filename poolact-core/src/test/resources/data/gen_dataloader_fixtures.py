"""Fixtures for DataLoaderTorchTest: the example order of torch's DataLoader and torch.randperm.

Run with Debian's python3-torch (1.13.1):  /usr/bin/python3 gen_dataloader_fixtures.py > dataloader_fixtures.txt
Each line: <name> <n> <batch_size> <drop_last> <seed> <epochs> : <indices of every batch, epoch after epoch>
randperm lines: randperm <n> <seed> : <permutation>; randperm-ends: its first and last 32 entries
"""
import torch
from torch.utils.data import DataLoader

for n, bs, drop_last, seed in [(10, 3, False, 11), (9, 3, False, 11), (10, 3, True, 11), (9, 3, True, 11),
                               (100, 16, False, 7), (1000, 64, True, 2024)]:
    g = torch.Generator()
    g.manual_seed(seed)
    loader = DataLoader(list(range(n)), batch_size=bs, shuffle=True, generator=g, drop_last=drop_last)
    order = [int(i) for _ in range(3) for batch in loader for i in batch]
    print("loader", n, bs, str(drop_last).lower(), seed, 3, ":", " ".join(map(str, order)))

for n, seed in [(1, 0), (2, 0), (5, 0), (10, 7), (100, 7), (60000, 0)]:
    g = torch.Generator()
    g.manual_seed(seed)
    perm = torch.randperm(n, generator=g).tolist()
    # for a long permutation: its first and last 32 entries (the last ones depend on every draw)
    kept = perm if n <= 1000 else perm[:32] + perm[-32:]
    print("randperm" if n <= 1000 else "randperm-ends", n, seed, ":", " ".join(map(str, kept)))
