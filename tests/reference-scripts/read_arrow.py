"""Reads an Arrow IPC file written by corridor (tests/integration/arrow.rs) with pyarrow and polars.

Run once by hand (issue 16), after
    CORRIDOR_ARROW_FILE=/tmp/flows.arrow cargo test --features arrow --test arrow
as
    python3 tests/reference-scripts/read_arrow.py /tmp/flows.arrow [/tmp/flows_polars.arrow]
It prints the versions, the schema pyarrow sees, polars' dtypes, and a few sums, and fails if the
two libraries disagree on the row count or the total of count_point.
"""

import sys

import polars as pl
import pyarrow as pa
import pyarrow.ipc as ipc

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
    # Written back by polars, for corridor to read: CORRIDOR_ARROW_POLARS=OUT cargo test --features arrow --test arrow
    df.write_ipc(sys.argv[2])
    print("polars wrote", sys.argv[2])
