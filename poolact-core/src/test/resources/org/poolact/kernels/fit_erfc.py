"""Fits the erfc polynomial of org.poolact.kernels.SmoothActivations (ERFC_P).

erfc(a) = exp(-a^2) * w * P(z) for a >= 0, w = 1/(a + L), z = (a - L)/(a + L), L = 3:
P(z) = (a + L) * exp(a^2) * erfc(a) is smooth in z (Weideman's variable). Least squares of degree 17
on 1000 Chebyshev points of z for a in [0, 26], weighted for relative error; values with mpmath at
40 digits. Prints the coefficients (constant first) and the max relative error of the double
Horner evaluation on a grid of 40001 points of a in [0, 26] (about 3e-14).
Run: python3 fit_erfc.py (numpy, mpmath).
"""
import numpy as np
import mpmath as mp

mp.mp.dps = 40
AMAX = 26.0
L = 3.0
DEG = 17


def target(a):
    return (a + L) * mp.erfc(a) * mp.exp(a * a)


z0, z1 = -1.0, (AMAX - L) / (AMAX + L)
N = 1000
t = np.cos(np.pi * (np.arange(N) + 0.5) / N)
Z = (z0 + z1) / 2 + (z1 - z0) / 2 * t
Y = np.array([float(target(mp.mpf(L) * (1 + mp.mpf(z)) / (1 - mp.mpf(z)))) for z in Z])
c = np.polynomial.polynomial.polyfit(Z, Y, DEG, w=1 / Y)

A = np.linspace(0, AMAX, 40001)
Yt = np.array([float(target(mp.mpf(a))) for a in A])
w = 1 / (A + L)
Zt = 1 - 2 * L * w
v = np.zeros_like(Zt)
for cc in c[::-1]:
    v = v * Zt + cc
print("max relative error %.2e" % np.max(np.abs(v / Yt - 1)))
for cc in c:
    print(repr(float(cc)) + ",")
