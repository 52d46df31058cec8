"""Reads an Arrow IPC file written by corridor (tests/integration/arrow.rs) with pyarrow and polars.

Run once by hand (issue 16), after
    CORRIDOR_ARROW_FILE=/tmp/flows.arrow cargo test --all-features --test integration arrow::round_trip_darien
as
    python3 tests/reference-scripts/read_arrow.py /tmp/flows.arrow [/tmp/flows_polars.arrow]
It prints the versions, the schema pyarrow sees, polars' dtypes, and a few sums, and fails if the
two libraries disagree on the row count or the total of count_point.

Per-actor measures: after
    CORRIDOR_ARROW_MEASURES=/tmp/karate.arrow cargo test --all-features --test integration arrow_network
run
    python3 tests/reference-scripts/read_arrow.py --measures /tmp/karate.arrow
It reads the karate club's measures with pyarrow and polars and compares them with networkx's on
`nx.karate_club_graph()` (betweenness, closeness, PageRank with weights, degree), failing on a difference
above 1e-9.
"""

import sys

import polars as pl
import pyarrow as pa
import pyarrow.ipc as ipc

if sys.argv[1] == "--measures":
    import networkx as nx

    path = sys.argv[2]
    print("pyarrow", pa.__version__, "polars", pl.__version__, "networkx", nx.__version__)
    table = ipc.open_file(path).read_all()
    print(table.schema)
    df = pl.read_ipc(path)
    print(df.schema)
    print(df.select(["id", "actor", "kind", "roles", "degree", "betweenness", "pagerank"]).head(3))
    g = nx.karate_club_graph()
    want = {
        "betweenness": nx.betweenness_centrality(g),
        "closeness": nx.closeness_centrality(g),
        "pagerank": nx.pagerank(g),
        "degree": dict(g.degree()),
    }
    assert table.num_rows == df.height == g.number_of_nodes()
    for column, values in want.items():
        got_pa = table.column(column).to_pylist()
        got_pl = df[column].to_list()
        for i in range(df.height):
            assert abs(got_pa[i] - values[i]) <= 1e-9 and abs(got_pl[i] - values[i]) <= 1e-9, (column, i)
    print("karate:", df.height, "actors; betweenness, closeness, pagerank, degree equal networkx's to 1e-9")
    sys.exit(0)

path = sys.argv[1]
print("pyarrow", pa.__version__, "polars", pl.__version__)

table = ipc.open_file(path).read_all()
print(table.schema)
df = pl.read_ipc(path)
print(df.schema)
print(df.head(3))

rows_pa = table.num_rows
rows_pl = df.height
total_pa = sum(v for v in table.column("count_point").to_pylist())
total_pl = int(df["count_point"].sum())
print("rows", rows_pa, rows_pl, "count_point total", total_pa, total_pl)
assert rows_pa == rows_pl
assert total_pa == total_pl
print("nationalities", df["nationality"].n_unique(), "upper nulls", df["count_upper"].null_count())

if len(sys.argv) > 2:
    # Written back by polars, for corridor to read: CORRIDOR_ARROW_POLARS=OUT cargo test --all-features --test integration arrow::round_trip_darien
    df.write_ipc(sys.argv[2])
    print("polars wrote", sys.argv[2])
