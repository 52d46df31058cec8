"""Peer of benches/events.rs: polars reads the same 1,000,000-event CSV
(`date,cameo,actor1,actor2,count`) and sums `count` by month x unordered pair of states
(the lower alpha-3 code first, so that PAN-COL and COL-PAN are one dyad, domestic events on the
diagonal as in `CooperationEvents::dyads`). Prints the median of several runs.

    cargo bench --bench events -- events_1e6      # writes target/bench-data/events_1e6.csv
    python3 benches/peers/events.py target/bench-data/events_1e6.csv
    /usr/bin/time -v python3 benches/peers/events.py --once target/bench-data/events_1e6.csv   # peak memory
"""
import statistics
import sys
import time

import polars as pl


def read(path):
    # Dates parsed as dates (checked, as ours are); the CAMEO code kept as text ("010" is not "10").
    return pl.read_csv(path, schema_overrides={"date": pl.Date, "cameo": pl.Utf8})


def dyads(df):
    lo = pl.when(pl.col("actor1") <= pl.col("actor2")).then(pl.col("actor1")).otherwise(pl.col("actor2"))
    hi = pl.when(pl.col("actor1") <= pl.col("actor2")).then(pl.col("actor2")).otherwise(pl.col("actor1"))
    return (
        df.with_columns(
            pl.col("date").dt.truncate("1mo").alias("month"),
            lo.alias("a"),
            hi.alias("b"),
        )
        .group_by(["month", "a", "b"])
        .agg(pl.col("count").sum())
    )


def main():
    args = [a for a in sys.argv[1:] if a != "--once"]
    path = args[0] if args else "target/bench-data/events_1e6.csv"
    if "--once" in sys.argv:
        df = read(path)
        out = dyads(df)
        print(f"{df.height} records, {out['count'].sum()} events, {out.height} month x pair groups, "
              f"{out['month'].n_unique()} months")
        return
    read_times, total_times = [], []
    for _ in range(10):
        t0 = time.perf_counter()
        df = read(path)
        t1 = time.perf_counter()
        groups = dyads(df).height
        t2 = time.perf_counter()
        read_times.append(t1 - t0)
        total_times.append(t2 - t0)
    print(f"polars {pl.__version__}, threads {pl.thread_pool_size()}, groups {groups}")
    print(f"read: median {statistics.median(read_times) * 1e3:.1f} ms")
    print(f"read+monthly dyads: median {statistics.median(total_times) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
