#!/usr/bin/env python3
"""Reference AHP results from numpy.linalg.eig, for tests/shared/ahp.test.ts.

Run from the repository root with Debian's Python (it has numpy):
    /usr/bin/python3 tests/reference/ahp_numpy.py > tests/reference/ahp_numpy.json
    npx prettier --write tests/reference/ahp_numpy.json

For each matrix: the eigenvalue of largest real part (the Perron root, real
for a positive matrix), its eigenvector normalised to sum 1, CI = (λ − n)/(n − 1)
and CR = CI / RI(n) with Saaty's RI table (RI(10) for n > 10, as the core does).
"""
import json
import platform
import sys

import numpy as np

RI = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]

MATRICES = {
    # Saaty (1990), "How to make a decision: the analytic hierarchy process",
    # EJOR 48:9-26, Table 2: the criteria of buying a house.
    "saaty1990-house": [
        [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
        [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
        [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
        [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
        [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
        [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
        [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
        [4, 7, 5, 8, 6, 6, 2, 1],
    ],
    # Saaty's optics example: four chairs' brightness judged by eye.
    "saaty-chairs": [
        [1, 5, 6, 7],
        [1 / 5, 1, 4, 6],
        [1 / 6, 1 / 4, 1, 4],
        [1 / 7, 1 / 6, 1 / 4, 1],
    ],
    # A municipal 3-criteria matrix (need, cost, readiness), mildly inconsistent.
    "three-criteria": [
        [1, 3, 5],
        [1 / 3, 1, 2],
        [1 / 5, 1 / 2, 1],
    ],
    # Judgements typed to two decimals (0.33 for 1/3, 0.14 for 1/7, 0.13 for 1/8).
    "two-decimals": [
        [1, 3, 7, 8],
        [0.33, 1, 3, 5],
        [0.14, 0.33, 1, 2],
        [0.13, 0.2, 0.5, 1],
    ],
    # Beyond Saaty's table: 11 criteria, a cyclic pattern of judgements.
    "eleven": [
        [1 if i == j else float((1 + (i * 7 + j * 3) % 9) ** (1 if i < j else -1))
         if i < j else None for j in range(11)]
        for i in range(11)
    ],
}


def complete(m):
    n = len(m)
    out = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i == j:
                out[i][j] = 1.0
            elif i < j:
                out[i][j] = float(m[i][j])
            else:
                out[i][j] = m[i][j] if m[i][j] is not None else 1.0 / float(m[j][i])
    return out


def analyse(m):
    a = np.array(m, dtype=float)
    n = a.shape[0]
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    lam = float(values[k].real)
    w = np.abs(vectors[:, k].real)
    w = w / w.sum()
    ci = 0.0 if n <= 2 else (lam - n) / (n - 1)
    ri = RI[min(n, 10) - 1]
    cr = 0.0 if n <= 2 else ci / ri
    return {"weights": [float(x) for x in w], "lambdaMax": lam, "ci": ci, "cr": cr}


def main():
    out = {
        "provenance": {
            "command": "/usr/bin/python3 tests/reference/ahp_numpy.py > tests/reference/ahp_numpy.json",
            "python": platform.python_version(),
            "numpy": np.__version__,
            "method": "numpy.linalg.eig, eigenvalue of largest real part, eigenvector / sum",
        },
        "cases": {},
    }
    for name, m in MATRICES.items():
        full = complete(m) if any(x is None for row in m for x in row) else m
        out["cases"][name] = {"matrix": full, **analyse(full)}
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
