# Peer of benches/ets.rs: forecast::ets on AirPassengers. Run: Rscript benches/peers/ets.R
suppressMessages(library(forecast))
time_it <- function(f, reps) {
  t <- numeric(reps)
  for (i in seq_len(reps)) t[i] <- system.time(f())[["elapsed"]]
  median(t)
}
cat(sprintf("R forecast %s ets(AirPassengers, model='MAM', damped=TRUE): median %.4f s\n", packageVersion("forecast"),
            time_it(function() ets(AirPassengers, model = "MAM", damped = TRUE), 20)))
cat(sprintf("R ets(AirPassengers) (auto): median %.4f s\n", time_it(function() ets(AirPassengers), 5)))
cat(sprintf("R ets(AirPassengers, allow.multiplicative.trend = TRUE) (auto): median %.4f s\n",
            time_it(function() ets(AirPassengers, allow.multiplicative.trend = TRUE), 5)))
mmdm <- ets(AirPassengers, model = "MMM", damped = TRUE)
cat(sprintf("R forecast(ETS(M,Md,M), h = 24, level = 95, simulate = TRUE, npaths = 5000): median %.4f s\n",
            time_it(function() forecast(mmdm, h = 24, level = 95, simulate = TRUE, npaths = 5000), 10)))
