#!/usr/bin/env python3
"""Independent references for the revenue methods (shared/src/revenue).

Run from the repository root with Debian's Python, which has statsmodels and scipy:

    /usr/bin/python3 tests/reference/revenue_reference.py > tests/fixtures/revenue/statsmodels-reference.json
    npx prettier --write tests/fixtures/revenue/statsmodels-reference.json   # layout only

It fits Holt's additive trend and the damped trend three ways on two series:

1. statsmodels.tsa.holtwinters.ExponentialSmoothing(y, trend='add',
   damped_trend=False/True, initialization_method='estimated').fit(), the
   reference the brief names. Its search space is narrower than the contract's:
   it forces beta <= alpha (statsmodels' to_restricted) and, unless told, phi in
   [0.8, 0.995]; we pass bounds={'damping_trend': (0.8, 0.98)} to match the contract.
   It is run on the raw values and on the values divided by max|y| (then scaled back).
2. statsmodels.tsa.exponential_smoothing.ets.ETSModel (error='add'), maximum
   likelihood; with additive errors that is least SSE. Its beta is the
   error-correction beta = alpha * beta_star, so beta_star = beta / alpha lies in
   [0, 1] exactly as in the contract.
3. The contract's definition written out here with numpy/scipy: for fixed
   alpha, beta, phi the best initial level and trend are a linear least-squares
   problem; alpha, beta in [0, 1] (phi in [0.8, 0.98]) are searched on a
   41 x 41 (x 9) grid and polished with L-BFGS-B from the 5 best grid points.

The series:
- ausair: air transport passengers, Australia, 1990-2004 (millions), the
  fpp R package's `ausair` as used in Hyndman & Athanasopoulos, Forecasting:
  principles and practice (1st ed., ch. 7), copied from statsmodels' own test
  suite (statsmodels/tsa/holtwinters/tests/test_holtwinters.py, air_ausair).
  Later years (2005-2016, FPP2) could not be checked against a source here and
  are left out.
- municipal: an invented but realistic 10-year series of a mid-size Iranian
  city's general-duties revenue, 1395-1404, in Rials (nominal growth 15-45 % a
  year, as under Iran's inflation of those years).
"""
import json
import sys
import warnings

import numpy as np
import scipy
import statsmodels
from scipy.optimize import minimize
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.simplefilter("ignore")

SERIES = {
    "ausair": [
        17.5534, 21.8601, 23.8866, 26.9293, 26.8885, 28.8314, 30.0751, 30.9535,
        30.1857, 31.5797, 32.577569, 33.477398, 39.021581, 41.386432, 41.596552,
    ],
    "municipal": [
        4_200_000_000_000, 4_900_000_000_000, 5_600_000_000_000, 7_100_000_000_000,
        8_300_000_000_000, 11_900_000_000_000, 15_200_000_000_000, 21_400_000_000_000,
        27_900_000_000_000, 35_600_000_000_000,
    ],
}
H = 5


def holt_run(y, alpha, beta, phi, l0, b0):
    l, b = l0, b0
    fitted = []
    for yt in y:
        f = l + phi * b
        fitted.append(f)
        l_new = alpha * yt + (1 - alpha) * f
        b = beta * (l_new - l) + (1 - beta) * phi * b
        l = l_new
    fitted = np.array(fitted)
    return fitted, float(np.sum((np.array(y) - fitted) ** 2)), l, b


def forecast(l, b, phi, h):
    return [l + sum(phi ** j for j in range(1, k + 1)) * b for k in range(1, h + 1)]


def best_start(y, alpha, beta, phi):
    # errors are affine in (l0, b0): e = e0 - [P Q] @ (l0, b0)
    e0 = y - holt_run(y, alpha, beta, phi, 0.0, 0.0)[0]
    p = holt_run(np.zeros_like(y), alpha, beta, phi, 1.0, 0.0)[0]
    q = holt_run(np.zeros_like(y), alpha, beta, phi, 0.0, 1.0)[0]
    sol, *_ = np.linalg.lstsq(np.column_stack([p, q]), e0, rcond=None)
    return float(sol[0]), float(sol[1])


def contract_fit(y_raw, damped):
    scale = float(np.max(np.abs(y_raw)))
    y = np.array(y_raw, dtype=float) / scale

    def sse(x):
        a, bt = x[0], x[1]
        ph = x[2] if damped else 1.0
        l0, b0 = best_start(y, a, bt, ph)
        return holt_run(y, a, bt, ph, l0, b0)[1]

    grid = np.linspace(0, 1, 41)
    phis = np.linspace(0.8, 0.98, 9) if damped else [1.0]
    pts = sorted(
        ((sse([a, bt, ph]), [a, bt, ph]) for a in grid for bt in grid for ph in phis),
        key=lambda t: t[0],
    )
    bounds = [(0, 1), (0, 1)] + ([(0.8, 0.98)] if damped else [])
    best = None
    for _, x0 in pts[:5]:
        r = minimize(sse, x0[: len(bounds)], method="L-BFGS-B", bounds=bounds,
                     options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 2000})
        if best is None or r.fun < best.fun:
            best = r
    a, bt = float(best.x[0]), float(best.x[1])
    ph = float(best.x[2]) if damped else 1.0
    l0, b0 = best_start(y, a, bt, ph)
    fitted, s, l, b = holt_run(list(y_raw), a, bt, ph, l0 * scale, b0 * scale)
    return {
        "alpha": a, "beta": bt, "phi": ph, "initial_level": l0 * scale,
        "initial_trend": b0 * scale, "sse": s, "forecast": forecast(l, b, ph, H),
    }


def holtwinters_fit(y, damped):
    kw = {"bounds": {"damping_trend": (0.8, 0.98)}} if damped else {}
    model = ExponentialSmoothing(np.array(y, dtype=float), trend="add", damped_trend=damped,
                                 initialization_method="estimated", **kw)
    res = model.fit()
    p = res.params
    phi = float(p["damping_trend"]) if damped else 1.0
    # Recompute the SSE with the contract's recursion from statsmodels' parameters.
    _, s, _, _ = holt_run(y, p["smoothing_level"], p["smoothing_trend"], phi,
                          p["initial_level"], p["initial_trend"])
    return {
        "alpha": float(p["smoothing_level"]), "beta": float(p["smoothing_trend"]),
        "phi": phi, "initial_level": float(p["initial_level"]),
        "initial_trend": float(p["initial_trend"]), "sse": float(res.sse),
        "sse_recomputed": s, "forecast": [float(v) for v in res.forecast(H)],
    }


def ets_fit(y, damped):
    model = ETSModel(np.array(y, dtype=float), error="add", trend="add", damped_trend=damped,
                     initialization_method="estimated",
                     bounds={"damping_trend": (0.8, 0.98)} if damped else None)
    res = model.fit(disp=False, maxiter=10000)
    p = dict(zip(model.param_names, res.params))
    alpha = float(p["smoothing_level"])
    beta_star = float(p["smoothing_trend"]) / alpha
    phi = float(p.get("damping_trend", 1.0))
    _, s, _, _ = holt_run(y, alpha, beta_star, phi, p["initial_level"], p["initial_trend"])
    return {
        "alpha": alpha, "beta": beta_star, "phi": phi,
        "initial_level": float(p["initial_level"]), "initial_trend": float(p["initial_trend"]),
        "sse": float(np.sum(np.asarray(res.resid) ** 2)), "sse_recomputed": s,
        "forecast": [float(v) for v in res.forecast(H)],
    }


def main():
    out = {
        "generated_by": "tests/reference/revenue_reference.py",
        "command": "/usr/bin/python3 tests/reference/revenue_reference.py "
                   "> tests/fixtures/revenue/statsmodels-reference.json && npx prettier --write "
                   "tests/fixtures/revenue/statsmodels-reference.json",
        "versions": {"python": sys.version.split()[0], "statsmodels": statsmodels.__version__,
                     "scipy": scipy.__version__, "numpy": np.__version__},
        "horizon": H,
        "series": {},
    }
    for name, y in SERIES.items():
        entry = {"values": y}
        for damped in (False, True):
            key = "damped" if damped else "holt"
            # statsmodels optimises the initial states in the data's own units; on
            # Rials (10^12 and up) its optimiser stalls, so it is also run on
            # y / max|y| and scaled back (forecasts scale linearly, SSE by scale^2).
            scale = max(abs(v) for v in y)
            scaled = holtwinters_fit([v / scale for v in y], damped)
            for k in ("initial_level", "initial_trend"):
                scaled[k] *= scale
            scaled["sse"] *= scale**2
            scaled["sse_recomputed"] *= scale**2
            scaled["forecast"] = [v * scale for v in scaled["forecast"]]
            scaled["scale"] = scale
            entry[key] = {
                "holtwinters": holtwinters_fit(y, damped),
                "holtwinters_scaled": scaled,
                "ets": ets_fit(y, damped),
                "contract_scipy": contract_fit(y, damped),
            }
        out["series"][name] = entry
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
