"""Peers for benches/network.rs: exact and sampled betweenness on the same seeded G(n, m) edge lists.

Writes (once) /work/bench-data/gnm_1e4_1e5.txt and gnm_1e5_1e6.txt with networkx.gnm_random_graph
(seeds 42 and 43): first line "n m", then one "u v" edge per line. Then times, each ONCE or twice
(they take minutes): rustworkx.betweenness_centrality (all cores), python-igraph Graph.betweenness
(C, one thread), networkit Betweenness (all cores) and networkit EstimateBetweenness(G, 200).

Run: python3 benches/peers/network.py [exact|sampled|all] [repeats]
"""
import os
import statistics
import sys
import time

DATA = "/work/bench-data"


def ensure(path, n, m, seed):
    if os.path.exists(path):
        return
    import networkx as nx

    G = nx.gnm_random_graph(n, m, seed=seed)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{n} {m}\n")
        for u, v in G.edges():
            f.write(f"{u} {v}\n")
    os.replace(tmp, path)


def load(path):
    with open(path) as f:
        n, m = map(int, f.readline().split())
        edges = [tuple(map(int, line.split())) for line in f]
    assert len(edges) == m
    return n, edges


def timed(label, fn, repeats):
    ts = []
    for _ in range(repeats):
        t = time.perf_counter()
        r = fn()
        ts.append(time.perf_counter() - t)
    print(f"{label}: median {statistics.median(ts):.3f} s over {repeats} run(s) {['%.3f' % x for x in ts]}", flush=True)
    return r


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    small = f"{DATA}/gnm_1e4_1e5.txt"
    big = f"{DATA}/gnm_1e5_1e6.txt"
    ensure(small, 10_000, 100_000, 42)
    ensure(big, 100_000, 1_000_000, 43)
    import igraph
    import networkit as nk
    import rustworkx as rx

    threads = os.cpu_count()
    nk.setNumberOfThreads(threads)
    print(f"threads={threads} rustworkx={rx.__version__} igraph={igraph.__version__} networkit={nk.__version__}")
    if which in ("exact", "all"):
        n, edges = load(small)
        g = nk.Graph(n)
        for u, v in edges:
            g.addEdge(u, v)
        ig = igraph.Graph(n=n, edges=edges)
        rg = rx.PyGraph()
        rg.add_nodes_from(range(n))
        rg.add_edges_from_no_data(edges)
        timed("networkit Betweenness exact 1e4/1e5", lambda: nk.centrality.Betweenness(g, normalized=True).run(), repeats)
        timed("igraph betweenness exact 1e4/1e5 (1 thread)", lambda: ig.betweenness(directed=False), repeats)
        timed("rustworkx betweenness_centrality exact 1e4/1e5", lambda: rx.betweenness_centrality(rg, normalized=True), repeats)
    if which in ("sampled", "all"):
        n, edges = load(big)
        g = nk.Graph(n)
        for u, v in edges:
            g.addEdge(u, v)
        timed(
            "networkit EstimateBetweenness(200) 1e5/1e6",
            lambda: nk.centrality.EstimateBetweenness(g, 200, True, True).run(),
            repeats,
        )


if __name__ == "__main__":
    main()
