"""Reads tests/data/network/sample.graphml (written by corridor::io::write_graphml, see
tests/integration/network_io.rs) with networkx.read_graphml and dumps what networkx decoded, so the Rust test can
check that a real XML/GraphML reader gets our names, escaping and typed attributes back.
Run: python3 tests/reference-scripts/graphml_networkx.py > tests/data/reference/graphml_networkx.json
"""
import json
import sys

import networkx as nx

g = nx.read_graphml("tests/data/network/sample.graphml")
out = {
    "generator": "tests/reference-scripts/graphml_networkx.py",
    "versions": {"python": sys.version.split()[0], "networkx": nx.__version__},
    "directed": g.is_directed(),
    "multigraph": g.is_multigraph(),
    "nodes": {n: d for n, d in g.nodes(data=True)},
    "edges": [[u, v, d] for u, v, d in g.edges(data=True)],
}
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
