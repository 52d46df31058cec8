# Peer timing for benches/changepoint.rs: R changepoint PELT, normal mean, penalty 3 log(n).
# Reads the signals written by `cargo bench --bench changepoint` from $CORRIDOR_BENCH_DATA/pelt_{n}.txt (default target/bench-data),
# times cpt.mean with system.time (median of several runs) and checks that the changepoints equal
# ours (target/bench-data/pelt_{n}_ours.txt).
# Run: Rscript benches/peers/changepoint.R
suppressPackageStartupMessages(library(changepoint))
data_dir <- Sys.getenv("CORRIDOR_BENCH_DATA", "target/bench-data")
cat(sprintf("R %s, changepoint %s\n", getRversion(), packageVersion("changepoint")))
for (n in c(1e4, 1e5, 1e6)) {
  x <- scan(sprintf("%s/pelt_%d.txt", data_dir, as.integer(n)), quiet = TRUE)
  pen <- 3 * log(length(x))
  reps <- if (n >= 1e6) 5 else 11
  times <- numeric(reps)
  for (r in seq_len(reps)) {
    times[r] <- system.time(fit <- cpt.mean(x, method = "PELT", penalty = "Manual", pen.value = pen))[["elapsed"]]
  }
  ours <- scan(sprintf("%s/pelt_%d_ours.txt", data_dir, as.integer(n)), quiet = TRUE)
  same <- identical(as.numeric(cpts(fit)), as.numeric(ours))
  cat(sprintf("n=%d  median %.4f s  (runs %d)  changepoints %d  identical_to_ours=%s\n",
              as.integer(n), median(times), reps, length(cpts(fit)), same))
  if (!same) stop("changepoints differ from corridor's")
}
