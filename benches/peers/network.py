"""Peers for benches/network.rs: exact and sampled betweenness on the same seeded G(n, m) edge lists.

Writes (once) $CORRIDOR_BENCH_DATA/gnm_1e4_1e5.txt and gnm_1e5_1e6.txt (default directory
target/bench-data) with networkx.gnm_random_graph (seeds 42 and 43): first line "n m", then one "u v" edge
per line. Then times, `repeats` times each (they take seconds to minutes): rustworkx.betweenness_centrality
(all cores), python-igraph Graph.betweenness (C, one thread), networkit Betweenness (all cores) and
networkit EstimateBetweenness(G, 200) (all cores).

Each result is rescaled to networkx's normalised values (`betweenness_centrality(G)`: pair dependencies
counted both ways, divided by (n - 1)(n - 2)) and summarised as the Rust bench does: sum, max, argmax and
the five largest (ties broken by index), so that the outputs can be compared line by line.

Run: python3 benches/peers/network.py [exact|sampled|all|data] [repeats] [peer...]
     (peer: networkit, igraph, rustworkx; all three by default)
"""
import os
import statistics
import sys
import time

DATA = os.environ.get("CORRIDOR_BENCH_DATA", "target/bench-data")


def ensure(path, n, m, seed):
    if os.path.exists(path):
        return
    import networkx as nx

    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
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
    """Median wall time and median process CPU time (all threads) over `repeats` runs; returns the last result."""
    ts, cs = [], []
    r = None
    for _ in range(repeats):
        r = None
        c = time.process_time()
        t = time.perf_counter()
        r = fn()
        ts.append(time.perf_counter() - t)
        cs.append(time.process_time() - c)
    print(
        f"{label}: median {statistics.median(ts):.3f} s over {repeats} run(s) {['%.3f' % x for x in ts]}"
        f", CPU median {statistics.median(cs):.3f} s {['%.3f' % x for x in cs]}",
        flush=True,
    )
    return r


def summary(label, values):
    values = [float(x) for x in values]
    order = sorted(range(len(values)), key=lambda i: (-values[i], i))
    print(
        f"{label}: sum {sum(values):.12e} max {values[order[0]]:.12e} argmax {order[0]} top5 {order[:5]}",
        flush=True,
    )


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    peers = set(sys.argv[3:]) or {"networkit", "igraph", "rustworkx"}
    small = f"{DATA}/gnm_1e4_1e5.txt"
    big = f"{DATA}/gnm_1e5_1e6.txt"
    ensure(small, 10_000, 100_000, 42)
    ensure(big, 100_000, 1_000_000, 43)
    if which == "data":
        return
    import igraph
    import networkit as nk
    import rustworkx as rx

    threads = os.cpu_count()
    nk.setNumberOfThreads(threads)
    print(f"threads={threads} rustworkx={rx.__version__} igraph={igraph.__version__} networkit={nk.__version__}")
    if which in ("exact", "all"):
        n, edges = load(small)
        # networkx normalised undirected = (igraph's pair count) * 2 / ((n - 1)(n - 2)).
        pairs_to_nx = 2.0 / ((n - 1) * (n - 2))
        if "networkit" in peers:
            g = nk.Graph(n)
            for u, v in edges:
                g.addEdge(u, v)
            # networkit's normalised scores are networkx's (its raw undirected scores count pairs both ways).
            b = timed(
                "networkit Betweenness exact 1e4/1e5",
                lambda: nk.centrality.Betweenness(g, normalized=True).run().scores(),
                repeats,
            )
            summary("networkit Betweenness exact 1e4/1e5", b)
        if "igraph" in peers:
            ig = igraph.Graph(n=n, edges=edges)
            b = timed("igraph betweenness exact 1e4/1e5 (1 thread)", lambda: ig.betweenness(directed=False), repeats)
            summary("igraph betweenness exact 1e4/1e5 (1 thread)", [x * pairs_to_nx for x in b])
        if "rustworkx" in peers:
            rg = rx.PyGraph()
            rg.add_nodes_from(range(n))
            rg.add_edges_from_no_data(edges)
            b = timed(
                "rustworkx betweenness_centrality exact 1e4/1e5",
                lambda: rx.betweenness_centrality(rg, normalized=True),
                repeats,
            )
            summary("rustworkx betweenness_centrality exact 1e4/1e5", [b[i] for i in range(n)])
    if which in ("sampled", "all") and "networkit" in peers:
        n, edges = load(big)
        g = nk.Graph(n)
        for u, v in edges:
            g.addEdge(u, v)
        # Normalised estimates are on networkx's scale (checked on small graphs). The sources differ from
        # ours (another generator), so the estimates agree only roughly.
        b = timed(
            "networkit EstimateBetweenness(200) 1e5/1e6",
            lambda: nk.centrality.EstimateBetweenness(g, 200, True, True).run().scores(),
            repeats,
        )
        summary("networkit EstimateBetweenness(200) 1e5/1e6", b)


if __name__ == "__main__":
    main()
