#!/usr/bin/env python3
"""Reference optimum of a portfolio instance from scipy.optimize.milp (HiGHS).

Run from the repository root with Debian's Python (it has scipy):
    /usr/bin/python3 tests/reference/portfolio_milp.py tests/fixtures/portfolio/mid-50.json \
        > tests/reference/portfolio_milp.json
    npx prettier --write tests/reference/portfolio_milp.json

The model is the one the core states: maximise the total score, every year's
spending within its budget, mandatory projects in, x_i <= x_j for every
prerequisite j of i, x binary. Costs are whole millions of Rials, so they are
given to scipy in millions (exact) and budgets as floor(budget / 10^6); the
chosen set is then checked in exact Python integers.
"""
import json
import platform
import sys

import numpy as np
import scipy
from scipy.optimize import Bounds, LinearConstraint, milp

MILLION = 10**6


def main(path):
    with open(path, encoding="utf-8") as f:
        inst = json.load(f)
    projects = inst["projects"]
    years = sorted(inst["budget"])
    n = len(projects)
    index = {p["id"]: i for i, p in enumerate(projects)}
    rows, upper = [], []
    for y in years:
        costs = [int(p["costs"].get(y, "0")) for p in projects]
        assert all(c % MILLION == 0 for c in costs), "costs must be whole millions"
        rows.append([c // MILLION for c in costs])
        upper.append(int(inst["budget"][y]) // MILLION)
    for i, p in enumerate(projects):
        for d in p["dependsOn"]:
            row = [0] * n
            row[i] += 1
            row[index[d]] -= 1
            rows.append(row)
            upper.append(0)
    lower_bounds = [1 if p["mandatory"] else 0 for p in projects]
    res = milp(
        c=-np.array([p["score"] for p in projects], dtype=float),
        constraints=LinearConstraint(np.array(rows, dtype=float), -np.inf, np.array(upper, dtype=float)),
        integrality=np.ones(n),
        bounds=Bounds(lower_bounds, 1),
        options={"mip_rel_gap": 0, "disp": False},
    )
    chosen = [projects[i]["id"] for i in range(n) if res.x[i] > 0.5]
    for y in years:
        spent = sum(int(projects[index[c]]["costs"].get(y, "0")) for c in chosen)
        assert spent <= int(inst["budget"][y]), f"overspent in {y}"
    out = {
        "provenance": {
            "command": "/usr/bin/python3 tests/reference/portfolio_milp.py " + path,
            "python": platform.python_version(),
            "scipy": scipy.__version__,
            "solver": "scipy.optimize.milp (HiGHS), mip_rel_gap=0",
            "status": res.message,
        },
        "instance": path,
        "objective": float(sum(projects[index[c]]["score"] for c in chosen)),
        "chosen": chosen,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
