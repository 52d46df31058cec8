"""Writes GraphML fixtures with networkx and igraph (python-igraph), and dumps what each library reads
back from its own file, so tests/graphml_read.rs can check that corridor::io::read_graphml reads the same
nodes, edges and typed attributes.

Run from the crate root:
    python3 tests/reference-scripts/graphml_fixtures.py > tests/data/reference/graphml_fixtures.json
Writes tests/data/network/{networkx_graph,networkx_multidigraph,igraph_graph}.graphml.
"""
import json
import sys

import igraph as ig
import networkx as nx

out = {
    "generator": "tests/reference-scripts/graphml_fixtures.py",
    "versions": {"python": sys.version.split()[0], "networkx": nx.__version__, "igraph": ig.__version__},
}

# An undirected networkx graph: node keys that need escaping, typed node and edge attributes, a node
# without attributes, a graph attribute (skipped by corridor).
g = nx.Graph(name="Darién sample")
g.add_node("Clan del Golfo", kind="organisation", members=3000, active=True, label="AGC")
g.add_node("Tom & Jerry <boats>", kind="person", roles="boat_operator", country="COL", share=0.25)
g.add_node("Necoclí guide", country="PAN", capacity=400)
g.add_node("isolated")
g.add_edge("Clan del Golfo", "Tom & Jerry <boats>", kind="membership", weight=2.5, note="from court file")
g.add_edge("Tom & Jerry <boats>", "Necoclí guide", weight=1.0, first_seen="2022-01-10", calls=17)
nx.write_graphml(g, "tests/data/network/networkx_graph.graphml")

# A directed multigraph: parallel edges of one kind (merged by corridor, weights summed), parallel edges
# of two kinds (kept apart), and an edge without a kind (unspecified).
m = nx.MultiDiGraph()
m.add_edge("boss", "guide", kind="command", weight=1.0)
m.add_edge("boss", "guide", kind="command", weight=2.0)
m.add_edge("boss", "guide", kind="financial", weight=0.5)
m.add_edge("guide", "driver")
nx.write_graphml(m, "tests/data/network/networkx_multidigraph.graphml")


def dump_nx(path):
    r = nx.read_graphml(path)
    return {
        "directed": r.is_directed(),
        "multigraph": r.is_multigraph(),
        "nodes": {n: d for n, d in r.nodes(data=True)},
        "edges": [[u, v, d] for u, v, d in r.edges(data=True)],
    }


out["networkx_graph"] = dump_nx("tests/data/network/networkx_graph.graphml")
out["networkx_multidigraph"] = dump_nx("tests/data/network/networkx_multidigraph.graphml")

# An igraph graph with vertex names (igraph writes ids n0, n1, ... and a "name" attribute).
h = ig.Graph(edges=[(0, 1), (1, 2), (2, 0), (2, 3)], directed=False)
h.vs["name"] = ["Ana", "Luis", "Marta", "Pedro"]
h.vs["community"] = [1, 1, 2, 2]
h.es["weight"] = [1.5, 2.0, 0.5, 3.0]
h.write_graphml("tests/data/network/igraph_graph.graphml")
r = ig.Graph.Read_GraphML("tests/data/network/igraph_graph.graphml")
out["igraph_graph"] = {
    "directed": r.is_directed(),
    "names": r.vs["name"],
    "community": r.vs["community"],
    "edges": [[r.vs[e.source]["name"], r.vs[e.target]["name"], e["weight"]] for e in r.es],
}
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
