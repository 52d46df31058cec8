"""Peers of benches/graphml.rs: networkx read_graphml and igraph Graph.Read_GraphML of the same file.

Run: python3 benches/peers/graphml.py target/bench-data/graphml_1e5_1e6.graphml [runs] [networkx|igraph]
Prints each library's version and the median wall time over the runs (default 3); with a library's name,
only that one (for its peak memory with /usr/bin/time -v, one run).
"""
import statistics
import sys
import time

import igraph as ig
import networkx as nx

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
only = sys.argv[3] if len(sys.argv) > 3 else None
for name, version, read, size in [
    ("networkx", nx.__version__, lambda: nx.read_graphml(path), lambda g: (g.number_of_nodes(), g.number_of_edges())),
    ("igraph", ig.__version__, lambda: ig.Graph.Read_GraphML(path), lambda g: (g.vcount(), g.ecount())),
]:
    if only is not None and name != only:
        continue
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        g = read()
        times.append(time.perf_counter() - t)
    print(f"{name} {version}: {size(g)} median {statistics.median(times):.3f} s over {runs} runs")
