# R's ets() search on short non-seasonal series (forecast's etsmodel tries a class while it has fewer
# optimised parameters than n - 1). R 4.2.2, forecast 8.20. Values printed here are written into
# tests/ets.rs::short_series_search_tries_every_class_r_does.
suppressMessages(library(forecast))
for (y in list(c(10.3, 19.8, 30.4, 39.7, 50.2, 60.1, 69.6, 80.4, 89.9),
               c(10.3, 19.8, 30.4, 39.7, 50.2, 60.1, 69.6, 80.4),
               c(10.3, 19.8, 30.4, 39.7, 50.2, 60.1, 69.6))) {
  for (mt in c(FALSE, TRUE)) {
    f <- ets(y, allow.multiplicative.trend = mt)
    cat(length(y), mt, f$method, sprintf("%.12g", f$aicc), sprintf("%.12g", f$par), "\n")
  }
}
