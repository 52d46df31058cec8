"""Peer of benches/arrow.rs: polars reading the IPC file corridor wrote and writing it back.

Run: python3 benches/peers/arrow_ipc.py target/bench-data/flows_1e6.arrow [runs] [read|write]
Without a mode it times `pl.read_ipc(path)` and `df.write_ipc(out, compression="uncompressed")` (out is
path with `.polars.arrow`), `runs` times each (default 10), and prints the medians. With a mode it does
that step once (write: read, then write), for peak memory with /usr/bin/time -v.

Each read is followed by a sum of `count_point`; polars 2.1's `read_ipc` has no `memory_map` option.
"""
import statistics
import sys
import time

import polars as pl

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
mode = sys.argv[3] if len(sys.argv) > 3 else None
out = path.rsplit(".", 1)[0] + ".polars.arrow"


def read():
    return pl.read_ipc(path)


if mode == "read":
    df = read()
    print("read", df.height, "rows, count_point total", df["count_point"].sum())
    sys.exit(0)
if mode == "write":
    df = read()
    df.write_ipc(out, compression="uncompressed")
    print("wrote", df.height, "rows to", out)
    sys.exit(0)

print("polars", pl.__version__, "threads", pl.thread_pool_size())
df = read()
print(df.schema)
for name, f in [
    ("read_ipc", read),
    ("write_ipc", lambda: df.write_ipc(out, compression="uncompressed")),
]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = f()
        if r is not None:
            r["count_point"].sum()
        times.append(time.perf_counter() - t)
    print(f"{name}: median {statistics.median(times) * 1000:.1f} ms over {runs} runs (min {min(times) * 1000:.1f})")
print("rows", df.height, "count_point total", df["count_point"].sum())
