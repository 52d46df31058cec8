"""Reads tests/data/network/tricky_names.graphml (written by corridor::io::write_graphml from the names in
tests/integration/network_io.rs, TRICKY_NAMES) with networkx.read_graphml and dumps the name networkx decoded for each
node, so the Rust test can check that every name comes back exactly (characters XML 1.0 forbids as U+FFFD).
The JSON is written with ensure_ascii so that control characters survive any editor.
Run: python3 tests/reference-scripts/graphml_names_networkx.py > tests/data/reference/graphml_names_networkx.json
"""
import json
import sys

import networkx as nx

g = nx.read_graphml("tests/data/network/tricky_names.graphml")
out = {
    "generator": "tests/reference-scripts/graphml_names_networkx.py",
    "versions": {"python": sys.version.split()[0], "networkx": nx.__version__},
    "names": {n: d["name"] for n, d in g.nodes(data=True)},
}
json.dump(out, sys.stdout, indent=1, ensure_ascii=True)
print()
