"""Reference values for corridor::network disruption (tests/integration/network_disruption.rs).

For a few graphs (karate club, a corridor-shaped random graph, a sparse random graph) and removal
sets, computes with networkx on G.remove_nodes_from(removed):
  - size of the largest connected component, number of components,
  - Borgatti fragmentation 1 - sum s(s-1) / (n(n-1)) from nx.connected_components,
  - nx.global_efficiency,
  - nx.maximum_flow_value on the node-split graph of the actors that serve a stage (actor capacity on
    v_in -> v_out, unlimited ties both ways, super-source to actors of the first stage, actors of the last
    stage to super-sink),
and the removal order of the adaptive highest-degree attack (ties to the lowest index).
Run: python3 tests/reference-scripts/network_disruption.py > tests/data/reference/network_disruption.json
"""
import json
import random
import sys

import networkx as nx

INF = None  # no capacity attribute = infinite in networkx


def metrics(g, n_total, removed, stages, caps):
    h = g.copy()
    h.remove_nodes_from(removed)
    n = h.number_of_nodes()
    comps = [len(c) for c in nx.connected_components(h)]
    largest = max(comps) if comps else 0
    frag = 1.0 if n < 2 else 1.0 - sum(s * (s - 1) for s in comps) / (n * (n - 1))
    eff = nx.global_efficiency(h)
    flow = None
    if stages:
        all_st = [s for v in stages for s in stages[v]]
        first, last = min(all_st), max(all_st)
        f = nx.DiGraph()
        f.add_node("S")
        f.add_node("T")
        for v in h.nodes:
            if not stages.get(v):
                continue  # actors without a stage carry no migrants
            if caps.get(v) is None:
                f.add_edge(("in", v), ("out", v))
            else:
                f.add_edge(("in", v), ("out", v), capacity=caps[v])
            if first in stages.get(v, []):
                f.add_edge("S", ("in", v))
            if last in stages.get(v, []):
                f.add_edge(("out", v), "T")
        for u, v in h.edges:
            if stages.get(u) and stages.get(v):
                f.add_edge(("out", u), ("in", v))
                f.add_edge(("out", v), ("in", u))
        try:
            flow = nx.maximum_flow_value(f, "S", "T")
        except nx.NetworkXUnbounded:
            flow = "unbounded"
    return {
        "largest": largest,
        "largest_share": largest / n_total,
        "components": len(comps),
        "fragmentation": frag,
        "efficiency": eff,
        "flow": flow,
    }


def degree_attack(g, steps):
    h = g.copy()
    order = []
    for _ in range(min(steps, h.number_of_nodes())):
        v = min(h.nodes, key=lambda x: (-h.degree(x), x))
        order.append(v)
        h.remove_node(v)
    return order


def argmax_tol(scores, nodes):
    """Highest score, ties (within 1e-9 relative) to the lowest index, as corridor's attacks."""
    best = None
    for v in sorted(nodes):
        if best is None or scores[v] > scores[best] + 1e-9 * max(1.0, abs(scores[best])):
            best = v
    return best


def betweenness_attack(g, steps, recompute):
    h = g.copy()
    order = []
    if not recompute:
        b = nx.betweenness_centrality(h)
        rest = set(h.nodes)
        for _ in range(min(steps, len(rest))):
            v = argmax_tol(b, rest)
            order.append(v)
            rest.remove(v)
        return order
    for _ in range(min(steps, h.number_of_nodes())):
        b = nx.betweenness_centrality(h)
        v = argmax_tol(b, h.nodes)
        order.append(v)
        h.remove_node(v)
    return order


def case(name, g, stages, caps, removals, steps):
    n = g.number_of_nodes()
    assert sorted(g.nodes) == list(range(n))
    return {
        "name": name,
        "n": n,
        "edges": sorted([min(u, v), max(u, v)] for u, v in g.edges),
        "stages": {str(v): s for v, s in stages.items()},
        "capacities": {str(v): c for v, c in caps.items()},
        "removals": [
            {"removed": r, "metrics": metrics(g, n, r, stages, caps)} for r in removals
        ],
        "degree_attack": degree_attack(g, steps),
        "betweenness_attack": betweenness_attack(g, steps, False),
        "adaptive_betweenness_attack": betweenness_attack(g, steps, True),
    }


def main():
    cases = []
    karate = nx.karate_club_graph()
    cases.append(case("karate", karate, {}, {}, [[], [0], [0, 33], [0, 33, 32, 2, 1]], 8))

    rng = random.Random(20260101)
    # A corridor: 4 stages of 6 actors; ties within and between consecutive stages.
    g = nx.Graph()
    g.add_nodes_from(range(24))
    # Actors 22 and 23 (the last two) serve no stage: they carry no migrants.
    stages = {v: [v // 6] for v in range(22)}
    caps = {v: rng.choice([20, 50, 80, 120, 200]) for v in range(24) if rng.random() < 0.8}
    for u in range(24):
        for v in range(u + 1, 24):
            if abs(u // 6 - v // 6) <= 1 and rng.random() < 0.3:
                g.add_edge(u, v)
    cases.append(case("corridor", g, stages, caps, [[], [6, 7], [12, 13, 14], [3, 9, 15, 21], [0, 1, 2, 3, 4, 5]], 10))

    # Same corridor with no capacities: unbounded flows.
    cases.append(case("corridor_uncapped", g, stages, {}, [[], [6, 7, 8, 9, 10, 11]], 3))

    sparse = nx.gnm_random_graph(30, 35, seed=7)
    cases.append(case("gnm_30_35", sparse, {}, {}, [[], [1, 2, 3], list(range(0, 30, 2))], 12))

    out = {
        "generator": "tests/reference-scripts/network_disruption.py",
        "versions": {"python": sys.version.split()[0], "networkx": nx.__version__},
        "cases": cases,
    }
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
