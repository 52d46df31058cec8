"""Reference values for corridor::network measures, computed with networkx.

Writes tests/data/reference/networkx.json: for each graph its node count, direction, edge list
(u, v, weight) on nodes 0..n-1, and every measure as networkx computes it.

Brokerage and key-player values are NOT from a published package: they come from the naive, direct
implementations below (labelled `naive_*`), written from Gould & Fernandez (1989) and Borgatti (2006).

Run: python3 tests/reference-scripts/networkx_measures.py   (from the crate root)
"""
import json
import math
import random
import sys

import networkx as nx

M64 = (1 << 64) - 1


# --- corridor's src/rng.rs transcribed (to draw the same sampled sources) -------------------------
def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return state, z ^ (z >> 31)


class Xoshiro:
    def __init__(self, seed):
        s = []
        st = seed
        for _ in range(4):
            st, z = splitmix64(st)
            s.append(z)
        self.s = s

    def next_u64(self):
        s = self.s
        rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & M64
        result = (rotl((s[1] * 5) & M64, 7) * 9) & M64
        t = (s[1] << 17) & M64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def below(self, bound):
        threshold = ((-bound) & M64) % bound
        while True:
            m = self.next_u64() * bound
            if (m & M64) >= threshold:
                return m >> 64

    def sample_indices(self, n, k):
        a = list(range(n))
        for i in range(k):
            j = i + self.below(n - i)
            a[i], a[j] = a[j], a[i]
        return a[:k]


class FixedSample(random.Random):
    """A random.Random whose sample() returns given nodes: feeds our sources to networkx."""

    def __init__(self, nodes):
        super().__init__(0)
        self.nodes = nodes

    def sample(self, population, k, **kw):
        assert k == len(self.nodes)
        return list(self.nodes)


# --- naive references -------------------------------------------------------------------------------
def naive_brokerage(G, group):
    """Gould & Fernandez 1989 roles by a triple loop: b brokers a->b->c, a != c, no a->c."""
    n = G.number_of_nodes()
    roles = [[0] * 5 for _ in range(n)]  # coordinator, itinerant, gatekeeper, representative, liaison
    for b in range(n):
        for a in range(n):
            for c in range(n):
                if len({a, b, c}) < 3:
                    continue
                if G.has_edge(a, b) and G.has_edge(b, c) and not G.has_edge(a, c):
                    ga, gb, gc = group[a], group[b], group[c]
                    if ga == gb == gc:
                        roles[b][0] += 1
                    elif ga == gc and ga != gb:
                        roles[b][1] += 1
                    elif ga != gb and gb == gc:
                        roles[b][2] += 1
                    elif ga == gb and gb != gc:
                        roles[b][3] += 1
                    else:
                        roles[b][4] += 1
    return roles


def naive_fragmentation(G, removed):
    """Borgatti 2006 F and DF on G minus `removed`, via networkx components and path lengths."""
    H = G.copy()
    H.remove_nodes_from(removed)
    n = H.number_of_nodes()
    if n < 2:
        return 1.0, 1.0
    comps = nx.weakly_connected_components(H) if H.is_directed() else nx.connected_components(H)
    f = 1 - sum(len(c) * (len(c) - 1) for c in comps) / (n * (n - 1))
    s = 0.0
    for u, dd in nx.all_pairs_shortest_path_length(H):
        for v, d in dd.items():
            if v != u:
                s += 1 / d
    return f, 1 - s / (n * (n - 1))


def naive_greedy(G, k):
    removed = []
    f = naive_fragmentation(G, removed)[0]
    for _ in range(k):
        best = None
        for v in range(G.number_of_nodes()):
            if v in removed:
                continue
            fv = naive_fragmentation(G, removed + [v])[0]
            if best is None or fv > best[1]:
                best = (v, fv)
        removed.append(best[0])
        f = best[1]
    return removed, f


# --- helpers ----------------------------------------------------------------------------------------
def vec(G, d):
    return [None if (isinstance(d[v], float) and not math.isfinite(d[v])) else d[v] for v in range(G.number_of_nodes())]


def try_vec(G, f):
    try:
        return vec(G, f())
    except nx.PowerIterationFailedConvergence:
        return None


def relabel(G):
    return nx.convert_node_labels_to_integers(G, ordering="default")


def measures(G):
    n = G.number_of_nodes()
    U = G.to_undirected() if G.is_directed() else G
    m = {}
    m["degree"] = [G.degree(v) for v in range(n)]
    m["strength"] = [G.degree(v, weight="weight") for v in range(n)]
    m["degree_centrality"] = vec(G, nx.degree_centrality(G))
    if G.is_directed():
        m["in_degree"] = [G.in_degree(v) for v in range(n)]
        m["out_degree"] = [G.out_degree(v) for v in range(n)]
        sccs = list(nx.strongly_connected_components(G))
        m["scc_count"] = len(sccs)
        lab = [0] * n
        for i, c in enumerate(sccs):
            for v in c:
                lab[v] = i
        m["scc_label"] = lab
        m["component_count"] = nx.number_weakly_connected_components(G)
    else:
        m["component_count"] = nx.number_connected_components(G)
    m["density"] = nx.density(G)
    m["articulation_points"] = sorted(nx.articulation_points(U))
    m["bridges"] = sorted(tuple(sorted(e)) for e in nx.bridges(U))
    bc = nx.betweenness_centrality
    m["betweenness"] = vec(G, bc(G))
    m["betweenness_raw"] = vec(G, bc(G, normalized=False))
    m["betweenness_endpoints"] = vec(G, bc(G, endpoints=True))
    m["betweenness_raw_endpoints"] = vec(G, bc(G, normalized=False, endpoints=True))
    m["betweenness_weighted"] = vec(G, bc(G, weight="weight"))
    m["betweenness_weighted_raw"] = vec(G, bc(G, weight="weight", normalized=False))
    k = max(2, n // 2)
    src = Xoshiro(11).sample_indices(n, k)
    m["betweenness_sampled"] = {
        "k": k,
        "seed": 11,
        "sources": src,
        "normalized": vec(G, bc(G, k=k, seed=FixedSample(src))),
        "raw": vec(G, bc(G, k=k, normalized=False, seed=FixedSample(src))),
    }
    m["closeness"] = vec(G, nx.closeness_centrality(G))
    m["closeness_weighted"] = vec(G, nx.closeness_centrality(G, distance="weight"))
    m["harmonic"] = vec(G, nx.harmonic_centrality(G))
    m["harmonic_weighted"] = vec(G, nx.harmonic_centrality(G, distance="weight"))
    m["eigenvector"] = try_vec(G, lambda: nx.eigenvector_centrality(G, max_iter=100, tol=1e-6))
    m["eigenvector_weighted"] = try_vec(G, lambda: nx.eigenvector_centrality(G, max_iter=100, tol=1e-6, weight="weight"))
    m["pagerank"] = try_vec(G, lambda: nx.pagerank(G, alpha=0.85, max_iter=100, tol=1e-6))
    m["pagerank_unweighted"] = try_vec(G, lambda: nx.pagerank(G, alpha=0.85, max_iter=100, tol=1e-6, weight=None))
    m["katz"] = try_vec(G, lambda: nx.katz_centrality(G, alpha=0.1, beta=1.0, max_iter=1000, tol=1e-6, normalized=True))
    if nx.number_of_selfloops(G) == 0:
        m["core_number"] = vec(G, nx.core_number(G))
    else:
        m["core_number"] = None
    # On a DiGraph networkx's clustering is Fagiolo's (2007) directed clustering and its transitivity
    # counts triangles over successors only.
    m.update(clustering_measures(G))
    for key, w in [("distances", None), ("distances_weighted", "weight")]:
        d = dict(nx.all_pairs_dijkstra_path_length(G, weight=w)) if w else dict(nx.all_pairs_shortest_path_length(G))
        m[key] = [[d[s].get(t) for t in range(n)] for s in range(n)]
    rng = random.Random(5)
    cases = []
    for r in [0, 1, 2, 3]:
        removed = sorted(rng.sample(range(n), r))
        f, df = naive_fragmentation(G, removed)
        cases.append({"removed": removed, "F": f, "DF": df})
    m["keyplayer"] = cases
    if n <= 80:
        s, f = naive_greedy(G, 3)
        m["keyplayer_greedy"] = {"k": 3, "set": s, "F": f}
    return m


def clustering_measures(G):
    n = G.number_of_nodes()
    return {
        "clustering": vec(G, nx.clustering(G)),
        "clustering_weighted": vec(G, nx.clustering(G, weight="weight")),
        "average_clustering": nx.average_clustering(G),
        "average_clustering_weighted": nx.average_clustering(G, weight="weight"),
        "transitivity": nx.transitivity(G),
    }


def directed_clustering_case():
    """A directed graph with many reciprocated arcs, real weights and self-loops lighter than the
    heaviest arc (networkx ignores loops except for the largest weight, so dropping them changes nothing:
    asserted below, since the public builder refuses self-ties)."""
    D = nx.gnp_random_graph(30, 0.15, seed=21, directed=True)
    r = random.Random(22)
    for u, v in list(D.edges()):
        if r.random() < 0.4:
            D.add_edge(v, u)
    for u, v in D.edges():
        D[u][v]["weight"] = round(r.uniform(0.5, 3.0), 6)
    top = max(w for _, _, w in D.edges(data="weight"))
    for v in [3, 17, 25]:
        D.add_edge(v, v, weight=1.0)
    m = clustering_measures(D)
    E = D.copy()
    E.remove_edges_from(list(nx.selfloop_edges(E)))
    assert clustering_measures(E) == m and top >= 1.0
    edges = [[u, v, float(w)] for u, v, w in D.edges(data="weight")]
    return {"name": "digraph_gnp_30_0.15_seed21_reciprocal_loops", "n": 30, "directed": True,
            "edges": edges, "measures": m}


def weighted_gnp(n, p, seed, directed, loops=0):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    r = random.Random(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(r.randint(1, 4))  # small integers: many equal-length weighted paths
    for _ in range(loops):
        v = r.randrange(n)
        G.add_edge(v, v, weight=1.0)
    return G


def main():
    graphs = []
    flor = nx.florentine_families_graph()
    names = list(flor.nodes())
    graphs.append(("florentine", relabel(flor), {"node_names": names}))
    karate = nx.karate_club_graph()  # has 'weight' attributes
    graphs.append(("karate", relabel(karate), {}))
    les = nx.les_miserables_graph()  # weighted
    graphs.append(("les_miserables", relabel(les), {"node_names": list(les.nodes())}))
    g30 = weighted_gnp(30, 0.08, 1, False)
    g30.add_nodes_from(range(30, 33))
    graphs.append(("gnp_30_0.08_seed1_plus3isolated", g30, {"note": "disconnected, three isolated nodes"}))
    graphs.append(("gnp_15_0.3_seed4_loops", weighted_gnp(15, 0.3, 4, False, loops=2), {"note": "two self-loops"}))
    graphs.append(("digraph_gnp_25_0.1_seed2", weighted_gnp(25, 0.1, 2, True), {}))
    graphs.append(("digraph_gnp_40_0.06_seed3", weighted_gnp(40, 0.06, 3, True), {}))
    out = []
    for name, G, extra in graphs:
        n = G.number_of_nodes()
        edges = [[u, v, float(d.get("weight", 1.0))] for u, v, d in G.edges(data=True)]
        case = {"name": name, "n": n, "directed": G.is_directed(), "edges": edges, "measures": measures(G)}
        case.update(extra)
        out.append(case)
        print(name, n, len(edges), file=sys.stderr)
    # Brokerage: naive reference (see naive_brokerage), on a directed random graph with 3 groups, an
    # undirected one, and the small hand-checkable example below.
    brok = []
    D = nx.gnp_random_graph(20, 0.15, seed=8, directed=True)
    r9 = random.Random(9)
    grp = [r9.randrange(3) for _ in range(20)]
    brok.append({"name": "digraph_gnp_20_0.15_seed8", "n": 20, "directed": True, "edges": [list(e) for e in D.edges()],
                 "group": grp, "roles": naive_brokerage(D, grp)})
    U = nx.gnp_random_graph(16, 0.2, seed=12)
    r13 = random.Random(13)
    gu = [r13.randrange(4) for _ in range(16)]
    brok.append({"name": "gnp_16_0.2_seed12", "n": 16, "directed": False, "edges": [list(e) for e in U.edges()],
                 "group": gu, "roles": naive_brokerage(U, gu)})
    # A star through broker 1 whose designed two-paths show each role: 0->1->2 coordinator (groups
    # A A A), 3->1->4 itinerant (B A B), 5->1->6 gatekeeper (B A A), 7->1->8 representative (A A B),
    # 9->1->10 liaison (B A C); the naive loop also counts the cross two-paths (e.g. 0->1->4).
    H = nx.DiGraph([(0, 1), (1, 2), (3, 1), (1, 4), (5, 1), (1, 6), (7, 1), (1, 8), (9, 1), (1, 10)])
    H.add_nodes_from(range(11))
    gh = [0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 2]
    brok.append({"name": "hand_example", "n": 11, "directed": True, "edges": [list(e) for e in H.edges()],
                 "group": gh, "roles": naive_brokerage(H, gh)})
    import numpy
    doc = {
        "description": "networkx measures on small real and seeded random graphs; brokerage and key-player "
        "values from naive direct implementations in this script (not a published package)",
        "versions": {"networkx": nx.__version__, "python": sys.version.split()[0], "numpy": numpy.__version__},
        "graphs": out,
        "brokerage": brok,
        "directed_clustering": [directed_clustering_case()],
    }
    with open("tests/data/reference/networkx.json", "w") as f:
        json.dump(doc, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
