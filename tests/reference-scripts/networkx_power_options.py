"""Options of networkx 3.6 that users reach for, on the graphs of tests/data/reference/networkx.json (graphs
without self-loops, which SmugglingNetwork refuses): closeness with wf_improved=False; eigenvector, Katz and
PageRank with max_iter, tol, nstart and (PageRank) alpha and personalization; the converged eigenvector
(eigenvector_centrality_numpy, ARPACK) beside the power iteration's default tol=1e-6; Katz and PageRank of an
empty graph. A measure networkx could not compute (PowerIterationFailedConvergence) is null.
Run: python3 tests/reference-scripts/networkx_power_options.py > tests/data/reference/networkx_power_options.json
"""
import json
import sys

import networkx as nx
import numpy as np
import scipy


def graph(case):
    g = nx.DiGraph() if case["directed"] else nx.Graph()
    g.add_nodes_from(range(case["n"]))
    g.add_weighted_edges_from((u, v, w) for u, v, w in case["edges"])
    return g


def vec(g, d):
    return [float(d[v]) for v in range(g.number_of_nodes())]


def attempt(f):
    try:
        return f()
    except nx.PowerIterationFailedConvergence:
        return None


ref = json.load(open("tests/data/reference/networkx.json"))
cases = []
for case in ref["graphs"]:
    if any(u == v for u, v, _ in case["edges"]):
        continue
    g = graph(case)
    n = g.number_of_nodes()
    # A start vector and a personalization that are not uniform (some zeros).
    nstart = {v: 1.0 + (v % 5) for v in g}
    pers = {v: float(v % 3) for v in g}
    m = {}
    m["closeness_not_wf"] = vec(g, nx.closeness_centrality(g, wf_improved=False))
    m["closeness_weighted_not_wf"] = vec(g, nx.closeness_centrality(g, distance="weight", wf_improved=False))
    e = lambda **kw: attempt(lambda: vec(g, nx.eigenvector_centrality(g, **kw)))
    m["eigenvector_tol1e-10"] = e(max_iter=5000, tol=1e-10)
    m["eigenvector_nstart"] = e(nstart=nstart)
    m["eigenvector_weighted_nstart_tol1e-9"] = e(weight="weight", nstart=nstart, max_iter=5000, tol=1e-9)
    m["eigenvector_max_iter3"] = e(max_iter=3)
    try:
        m["eigenvector_numpy"] = vec(g, nx.eigenvector_centrality_numpy(g))
        m["eigenvector_numpy_weighted"] = vec(g, nx.eigenvector_centrality_numpy(g, weight="weight"))
    except (nx.NetworkXException, scipy.sparse.linalg.ArpackNoConvergence):
        m["eigenvector_numpy"] = None
        m["eigenvector_numpy_weighted"] = None
    k = lambda **kw: attempt(lambda: vec(g, nx.katz_centrality(g, **kw)))
    m["katz_alpha0.05_beta2_tol1e-10"] = k(alpha=0.05, beta=2.0, tol=1e-10)
    m["katz_weighted_alpha0.01"] = k(alpha=0.01, weight="weight")
    m["katz_nstart_max_iter2000"] = k(alpha=0.05, nstart=nstart, max_iter=2000)
    m["katz_max_iter3"] = k(max_iter=3)
    p = lambda **kw: attempt(lambda: vec(g, nx.pagerank(g, **kw)))
    m["pagerank_alpha0.5"] = p(alpha=0.5)
    m["pagerank_alpha0.95_tol1e-10_max_iter1000"] = p(alpha=0.95, tol=1e-10, max_iter=1000)
    m["pagerank_unweighted_nstart"] = p(weight=None, nstart=nstart)
    m["pagerank_personalization"] = p(personalization=pers)
    m["pagerank_max_iter3"] = p(max_iter=3)
    cases.append({"name": case["name"], "nstart": vec(g, nstart), "personalization": vec(g, pers), "measures": m})

empty = nx.Graph()
out = {
    "description": __doc__,
    "generator": "tests/reference-scripts/networkx_power_options.py",
    "versions": {"python": sys.version.split()[0], "networkx": nx.__version__, "numpy": np.__version__,
                 "scipy": scipy.__version__},
    "graphs": cases,
    "empty": {"pagerank": nx.pagerank(empty), "katz": nx.katz_centrality(empty)},
}
json.dump(out, sys.stdout, indent=1)
print()
