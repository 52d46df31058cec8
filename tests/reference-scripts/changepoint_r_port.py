"""Reference changepoints from R changepoint's C routines, through changepoint-cython 0.1.5.

R's `changepoint` package cannot be installed here (CRAN is unreachable, it is not in Debian).
changepoint-cython 0.1.5 (PyPI, GPL-3, by Vianney Bruned) is a Cython port of its C routines
`PELTC` (src/PELT_one_func_minseglen.c), `binseg` (src/BinSeg_one_func_minseglen.c) and the cost
functions (src/cost_general_functions.c). Read line by line against rkillick/changepoint (GitHub),
the port differs from R's C in five places; this script patches them (string replacements below,
`R_CONFORMANCE`) before building, so that the port runs R's algorithm:

1. PELT arg-min: the port keeps the LAST minimum (`<=`); R's `min_which` the first (`<`).
2. PELT start: the port sets `lastchangecpts[j] = 1` for j in [minseglen, 2 minseglen); R sets 0.
   With the port, a first segment shorter than 2 minseglen yields a spurious changepoint at 1
   (and, with minseglen = 1, an endless back-tracking loop).
3. Normal mean+variance cost: the port floors the variance with fmax(s2, 1e-11); R replaces it by
   1e-11 only when s2 <= 0 (0 < s2 < 1e-11 differ).
4. PELT returns its penalised cost `lastchangelike[n]` too, BinSeg its `likeout` (R's `.C` gives
   both back to R); the number of BinSeg changes is then R's `op_cps` rule (leading steps with
   2 likeout >= pen), done here in Python.
5. Compiler flags: the port's build.py uses -O3 -ffast-math -march=native (fast-math and FMA can
   change the last bits); this build uses -O2 like R's default CFLAGS.

R's R-level wrapper is transcribed here: summary statistics `cbind(c(0, cumsum(x)),
c(0, cumsum(x^2)), cumsum(c(0, (x - mean(x))^2)))` with R's long-double cumsum, `penalty_decision`
(BIC (p+1) ln n, MBIC (p+2) ln n with the `*.mbic` costs, AIC 2 (p+1), p = 1 for mean and
Poisson, 2 for mean+variance), `cpts()` without n.

The unpenalised cost (sum of segment costs, R's formulas, no MBIC terms) is computed here from the
same summary statistics; for PELT the penalised cost is the port's `lastchangelike[n]` (and is
checked against the script's own sum); for BinSeg it is computed here.

Run (Python 3.11; the sdist says < 3.11 but builds and runs on 3.11):
  python3 -m venv /tmp/cpvenv
  /tmp/cpvenv/bin/pip install numpy==2.4.6 "cython~=0.29.34" setuptools poetry-core
  /tmp/cpvenv/bin/pip download --no-deps --no-build-isolation --ignore-requires-python \
      --no-binary changepoint-cython changepoint-cython==0.1.5 -d /tmp/cpcsrc
  /tmp/cpvenv/bin/python tests/reference-scripts/changepoint_r_port.py /tmp/cpcsrc/changepoint_cython-0.1.5.tar.gz
Writes tests/data/reference/changepoint_r_port.json.
"""

import importlib
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tarfile

import numpy as np

SDIST = sys.argv[1] if len(sys.argv) > 1 else "/tmp/cpcsrc/changepoint_cython-0.1.5.tar.gz"
BUILD = "/tmp/cpcsrc/port-r-conformant"
OUT = os.path.join(os.path.dirname(__file__), "..", "data", "reference", "changepoint_r_port.json")

# (file, port's text, R's behaviour) — see the module docstring.
R_CONFORMANCE = [
    ("pychangepoints/pelt_cython.pyx", "if tmplike[i] <= minout:", "if tmplike[i] < minout:"),
    ("pychangepoints/pelt_cython.pyx", "lastchangecpts[j] = 1", "lastchangecpts[j] = 0"),
    (
        "pychangepoints/pelt_cython.pyx",
        "return np.array(cptsout)[0:(ncpts)], ncpts",
        "return np.array(cptsout)[0:(ncpts)], ncpts, lastchangelike[n]",
    ),
    ("pychangepoints/pelt_cython.pyx", "    return np.array(cptsout)\n", "    return np.array(cptsout), np.array(likeout)\n"),
    (
        "pychangepoints/cost_function.pxd",
        "return(n*(log(2*M_PI)+log(fmax((x2-((x*x)/n))/n,0.00000000001))+1))",
        "return(n*(log(2*M_PI)+log(_rfloor((x2-((x*x)/n))/n))+1))",
    ),
    (
        "pychangepoints/cost_function.pxd",
        "return(n*(log(2*M_PI)+log(fmax((x2-((x*x)/n))/n,0.00000000001))+1)+log(n))",
        "return(n*(log(2*M_PI)+log(_rfloor((x2-((x*x)/n))/n))+1)+log(n))",
    ),
    (
        "pychangepoints/cost_function.pxd",
        "from libc.math cimport M_PI, fmax, isnan, log, sqrt\n",
        "from libc.math cimport M_PI, fmax, isnan, log, sqrt\n\n"
        "cdef inline DTYPE_t _rfloor(DTYPE_t s) nogil:\n"
        "  if s <= 0:\n"
        "    return 0.00000000001\n"
        "  return s\n",
    ),
]


def build_port():
    """Extracts the sdist, applies R_CONFORMANCE, builds the PELT/BinSeg extension with -O2."""
    shutil.rmtree(BUILD, ignore_errors=True)
    os.makedirs(BUILD)
    with tarfile.open(SDIST) as t:
        t.extractall(BUILD, filter="data")
    src = os.path.join(BUILD, "changepoint_cython-0.1.5")
    for rel, old, new in R_CONFORMANCE:
        path = os.path.join(src, rel)
        text = open(path).read()
        assert text.count(old) == 1, (rel, old)
        open(path, "w").write(text.replace(old, new))
    setup = (
        "import numpy\n"
        "from setuptools import setup, Extension\n"
        "from Cython.Build import cythonize\n"
        "ext = Extension('pychangepoints.cython_pelt', ['pychangepoints/pelt_cython.pyx'],\n"
        "                extra_compile_args=['-O2', '-fno-fast-math', '-ffp-contract=off'],\n"
        "                include_dirs=[numpy.get_include()])\n"
        "setup(name='cp_r_conformant', ext_modules=cythonize([ext], compiler_directives={'language_level': 3}))\n"
    )
    open(os.path.join(src, "setup_r.py"), "w").write(setup)
    subprocess.run(
        [sys.executable, "setup_r.py", "build_ext", "--inplace"],
        cwd=src,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    sys.path.insert(0, src)
    return importlib.import_module("pychangepoints.cython_pelt")


PORT = build_port()


# ---------------------------------------------------------------- R's wrapper, transcribed


def rcumsum(v):
    """R's cumsum: sequential sum in long double, rounded to double; with a leading 0."""
    return np.append(0.0, np.cumsum(np.asarray(v, dtype=np.longdouble)).astype(np.float64))


def sumstat(x):
    x = np.asarray(x, dtype=np.float64)
    mu = x.mean()
    return np.stack([rcumsum(x), rcumsum(x * x), rcumsum((x - mu) ** 2)], axis=1)


DIFFPARAM = {"mean": 1, "meanvar": 2, "poisson": 1}
COSTNAME = {"mean": "mean", "meanvar": "meanvar", "poisson": "meanvar_poisson"}
R_CALL = {
    "mean": 'cpt.mean(x, test.stat="Normal", ...)',
    "meanvar": 'cpt.meanvar(x, test.stat="Normal", ...)',
    "poisson": 'cpt.meanvar(x, test.stat="Poisson", ...)',
}


def pen_value(penalty, cost, n):
    """R's penalty_decision; `penalty` is a number (Manual) or 'BIC'/'MBIC'/'AIC'."""
    p = DIFFPARAM[cost]
    if isinstance(penalty, (int, float)):
        return float(penalty)
    return {"BIC": (p + 1) * math.log(n), "MBIC": (p + 2) * math.log(n), "AIC": 2.0 * (p + 1)}[penalty]


def seg_cost(cost, x, x2, m):
    """R's C cost functions (mll_mean, mll_meanvar, mll_meanvar_poisson)."""
    if cost == "mean":
        return x2 - (x * x) / m
    if cost == "meanvar":
        s = (x2 - (x * x) / m) / m
        if s <= 0:
            s = 0.00000000001
        return m * (math.log(2 * math.pi) + math.log(s) + 1)
    return 0.0 if x == 0 else 2 * x * (math.log(m) - math.log(x))


def costs(ss, cost, cpts, pen, mbic):
    """Unpenalised cost and penalised cost (with R's `*.mbic` ln m terms) of a segmentation."""
    n = ss.shape[0] - 1
    total, extra = 0.0, 0.0
    bounds = [0] + list(cpts) + [n]
    for a, b in zip(bounds[:-1], bounds[1:]):
        x, x2 = ss[b, 0] - ss[a, 0], ss[b, 1] - ss[a, 1]
        total += seg_cost(cost, x, x2, b - a)
        if mbic and not (cost == "poisson" and x == 0):
            extra += math.log(b - a)
    return total, total + extra + len(cpts) * pen


def method_name(cost, penalty):
    return ("mbic_" if penalty == "MBIC" else "mll_") + COSTNAME[cost]


def r_pelt(x, cost, penalty, minseglen):
    n = len(x)
    ss = sumstat(x)
    pen = pen_value(penalty, cost, n)
    flat = np.ascontiguousarray(ss.T).reshape(-1)  # R's column-major sumstat
    cptsout, _, lastlike = PORT.cpelt(flat, pen, minseglen, n, method_name(cost, penalty))
    cpts = sorted(int(c) for c in cptsout if c != n)
    total, penalised = costs(ss, cost, cpts, pen, penalty == "MBIC")
    assert abs(penalised - lastlike) <= 1e-9 * max(1.0, abs(lastlike)), (penalised, lastlike)
    return {"pen": pen, "cpts": cpts, "segment_cost": total, "penalised_cost": float(lastlike)}


def r_binseg(x, cost, penalty, minseglen, q):
    n = len(x)
    ss = sumstat(x)
    pen = pen_value(penalty, cost, n)
    cptsout, likeout = PORT.cbin_seg(np.ascontiguousarray(ss), q, minseglen, method_name(cost, penalty))
    op = 0
    while op < q and 2 * likeout[op] >= pen:  # R's op_cps loop in binseg()
        op += 1
    cpts = sorted(int(c) for c in cptsout[:op])
    total, penalised = costs(ss, cost, cpts, pen, penalty == "MBIC")
    return {
        "pen": pen,
        "cpts": cpts,
        "segment_cost": total,
        "penalised_cost": penalised,
        "splits": [int(c) for c in cptsout],
        "twice_gain": [float(2 * v) for v in likeout],
    }


# ---------------------------------------------------------------- seeded series


def levels(rng, n, nchanges, jump):
    """Piecewise-constant levels with `nchanges` changes at random positions, jumps ±U(jump)."""
    bk = np.sort(rng.choice(np.arange(5, n - 4), size=nchanges, replace=False)) if nchanges else []
    out = np.zeros(n)
    level = 0.0
    start = 0
    for b in list(bk) + [n]:
        out[start:b] = level
        level += rng.choice([-1, 1]) * rng.uniform(*jump)
        start = b
    return out, [int(b) for b in bk]


def make_series(kind, n, seed):
    rng = np.random.default_rng(seed)
    k = max(1, n // 150) if kind != "noise" else 0
    if kind == "pw_constant":  # like ruptures.pw_constant: jumps U(1, 10), N(0, 1) noise
        mu, bk = levels(rng, n, k, (1, 10))
        x = mu + rng.normal(size=n)
    elif kind == "small_shifts":  # hard case: jumps of 0.5-1.5 sd
        mu, bk = levels(rng, n, k, (0.5, 1.5))
        x = mu + rng.normal(size=n)
    elif kind == "noise":
        bk = []
        x = rng.normal(size=n)
    elif kind == "meanvar":  # mean and sd change together
        mu, bk = levels(rng, n, k, (0.5, 4))
        sd = np.ones(n)
        bounds = [0] + bk + [n]
        for a, b in zip(bounds[:-1], bounds[1:]):
            sd[a:b] = rng.uniform(0.3, 3.0)
        x = mu + sd * rng.normal(size=n)
    elif kind == "heavy_tail":  # Student t(3) noise
        mu, bk = levels(rng, n, k, (2, 6))
        x = mu + rng.standard_t(3, size=n)
    elif kind == "integer_steps":  # rounded to whole numbers: exact ties in the costs
        mu, bk = levels(rng, n, k, (1, 4))
        x = np.round(mu + 1.5 * rng.normal(size=n))
    elif kind == "flat_runs":  # segments of exact constants (zero variance, R's 1e-11 floor)
        mu, bk = levels(rng, n, k, (1, 5))
        x = mu + rng.normal(size=n)
        bounds = [0] + bk + [n]
        for i, (a, b) in enumerate(zip(bounds[:-1], bounds[1:])):
            if i % 2 == 1:
                x[a:b] = round(mu[a], 1)
    elif kind == "counts":  # Poisson, rates U(0.5, 30)
        _, bk = levels(rng, n, k, (1, 1))
        lam = np.ones(n)
        bounds = [0] + bk + [n]
        for a, b in zip(bounds[:-1], bounds[1:]):
            lam[a:b] = rng.uniform(0.5, 30)
        x = rng.poisson(lam).astype(float)
    elif kind == "sparse_counts":  # Poisson, rates 0-1.5 with all-zero stretches
        _, bk = levels(rng, n, k, (1, 1))
        lam = np.zeros(n)
        bounds = [0] + bk + [n]
        for i, (a, b) in enumerate(zip(bounds[:-1], bounds[1:])):
            lam[a:b] = 0.0 if i % 3 == 2 else rng.uniform(0.05, 1.5)
        x = rng.poisson(lam).astype(float)
    else:
        raise ValueError(kind)
    # Six decimals: the JSON text then parses to the very same doubles in Python and Rust.
    return [float(v) for v in np.round(x, 6)], bk


KINDS_REAL = ["pw_constant", "small_shifts", "noise", "meanvar", "heavy_tail", "integer_steps", "flat_runs"]
KINDS_COUNT = ["counts", "sparse_counts"]
SIZES = [20, 37, 60, 100, 250, 500, 1000, 2000]


def main():
    rng = np.random.default_rng(20260503)
    series = {}
    for kind in KINDS_REAL + KINDS_COUNT:
        for n in SIZES:
            if kind in ("noise", "flat_runs", "sparse_counts") and n in (37, 250):
                continue
            name = f"{kind}_{n}"
            x, bk = make_series(kind, n, int(rng.integers(2**31)))
            series[name] = {"kind": kind, "n": n, "true_changes": bk, "x": x}

    def costs_for(kind):
        return ["mean", "meanvar", "poisson"] if kind in KINDS_COUNT else ["mean", "meanvar"]

    def min_segs(cost, n):
        base = [1, 2, 3, 5, 10] if cost != "meanvar" else [2, 3, 5, 10]
        return [m for m in base if 2 * m <= n]

    pelt_cases, binseg_cases = [], []
    for name, s in series.items():
        n = s["n"]
        sd2 = float(np.var(s["x"])) or 1.0
        for cost in costs_for(s["kind"]):
            manual = [round(2 * math.log(n) * (sd2 if cost == "mean" else 1.0), 6), 10.0]
            pens = ["BIC", "MBIC", "AIC"] + manual
            ms = min_segs(cost, n)
            # Every penalty once (minseglen drawn), plus the default minseglen and a long one.
            for pen in pens:
                m = int(rng.choice(ms))
                pelt_cases.append((name, cost, pen, m))
            for m in {ms[0], ms[-1]}:
                pelt_cases.append((name, cost, "MBIC", m))
            # BinSeg: two configurations per series and cost, Q within R's limit n/minseglen + 1.
            for _ in range(2):
                pen = pens[int(rng.integers(len(pens)))]
                m = int(rng.choice(ms))
                q = int(min(rng.integers(1, 11), n // m + 1, n - 1))
                binseg_cases.append((name, cost, pen, m, q))

    out_pelt = []
    for name, cost, pen, m in pelt_cases:
        r = r_pelt(np.array(series[name]["x"]), cost, pen, m)
        out_pelt.append({"series": name, "cost": cost, "penalty": pen, "minseglen": m, **r})
    out_binseg = []
    for name, cost, pen, m, q in binseg_cases:
        r = r_binseg(np.array(series[name]["x"]), cost, pen, m, q)
        out_binseg.append({"series": name, "cost": cost, "penalty": pen, "minseglen": m, "Q": q, **r})

    import Cython

    doc = {
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "cython": Cython.__version__,
            "changepoint-cython": "0.1.5 (PyPI sdist, patched to R's C semantics, built -O2; see script)",
            "R changepoint C code compared": "rkillick/changepoint src/PELT_one_func_minseglen.c, "
            "src/BinSeg_one_func_minseglen.c, src/cost_general_functions.c, R/penalty_decision.R",
        },
        "script": "tests/reference-scripts/changepoint_r_port.py",
        "note": "R changepoint's PELTC and binseg C routines (via the changepoint-cython 0.1.5 port, "
        "patched where it departs from R's C), with R's cpt.mean/cpt.meanvar wrapper transcribed. "
        "cpts are R's cpts(): the 1-based index of the last observation of each segment but the last "
        "= the 0-based start of the next segment. segment_cost: sum of R's segment costs (no MBIC terms); "
        "penalised_cost: PELT = lastchangelike[n] from the C routine, BinSeg = computed by the script. "
        "penalty: a number = Manual, else R's penalty name.",
        "r_calls": R_CALL,
        "series": series,
        "pelt": out_pelt,
        "binseg": out_binseg,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(series)} series, {len(out_pelt)} PELT cases, {len(out_binseg)} BinSeg cases -> {OUT}")


if __name__ == "__main__":
    main()
