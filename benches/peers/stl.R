# Peer of benches/stl.rs: R stl on $CORRIDOR_BENCH_DATA/stl_daily.txt (default target/bench-data) (write it with benches/peers/stl_data.py).
# system.time has a 1 ms resolution, so each sample times a batch of calls and divides.
# Run: Rscript benches/peers/stl.R
x <- ts(scan(file.path(Sys.getenv("CORRIDOR_BENCH_DATA", "target/bench-data"), "stl_daily.txt"), quiet = TRUE), frequency = 365)
time_it <- function(f, batch, reps = 15) {
  t <- numeric(reps)
  for (i in seq_len(reps)) t[i] <- system.time(for (k in seq_len(batch)) f())[["elapsed"]] / batch
  median(t)
}
f <- stl(x, s.window = 7)
cat(sprintf("R stl(s.window=7): median %.5f s (win %s; seasonal[1:3] %s)\n", time_it(function() stl(x, s.window = 7), 50),
            paste(f$win, collapse = "/"), paste(format(f$time.series[1:3, 1], digits = 15), collapse = " ")))
cat(sprintf("R stl(s.window=7, robust=TRUE): median %.5f s\n", time_it(function() stl(x, s.window = 7, robust = TRUE), 5)))
