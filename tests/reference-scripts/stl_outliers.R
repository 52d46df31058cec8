# Robust STL on a line plus a seasonal pattern with outliers of both signs (R `stats::stl`).
# Run: Rscript tests/reference-scripts/stl_outliers.R > tests/data/reference/stl_outliers.json
# Every series is built from its formula here and again in tests/integration/stl.rs (0-based t there).
suppressMessages(library(jsonlite))
out <- list()
stl_case <- function(x, ...) {
  f <- stl(x, ...)
  list(y = as.vector(x), period = frequency(x),
       seasonal = as.vector(f$time.series[, "seasonal"]),
       trend = as.vector(f$time.series[, "trend"]),
       remainder = as.vector(f$time.series[, "remainder"]),
       weights = f$weights, windows = as.list(f$win), jumps = as.list(f$jump),
       inner = f$inner, outer = f$outer)
}
# The doc example of corridor's Robustness: t + (3, -1, -4, 2)[t mod 4], t = 0..47,
# +60 at t = 20 and -50 at t = 30 (0-based).
t <- 0:47
x <- t + c(3, -1, -4, 2)[t %% 4 + 1]
x[20 + 1] <- x[20 + 1] + 60
x[30 + 1] <- x[30 + 1] - 50
out$line4_two_outliers <- c(stl_case(ts(x, frequency = 4), s.window = 7, robust = TRUE),
                            call = "stl(ts(x, frequency = 4), s.window = 7, robust = TRUE)")
# (Its residuals away from the outliers are about 4e-6 against values near 40, so its weights carry
# about 1e-9 of rounding. With s.window = "periodic" this series is fitted exactly and the residuals
# are rounding noise (4e-12), so that case is not stored: its weights are not reproducible.)
# The same with an odd length (49: the median is one order statistic) and a little wiggle,
# so that the residuals are not all close to zero.
t <- 0:48
x <- t + c(3, -1, -4, 2)[t %% 4 + 1] + 0.5 * sin(1.3 * t)
x[20 + 1] <- x[20 + 1] + 60
x[30 + 1] <- x[30 + 1] - 50
out$wiggle4_two_outliers_odd <- c(stl_case(ts(x, frequency = 4), s.window = 7, robust = TRUE),
                                  call = "stl(ts(x, frequency = 4), s.window = 7, robust = TRUE), n = 49")
out$wiggle4_two_outliers_periodic <- c(stl_case(ts(x, frequency = 4), s.window = "periodic", robust = TRUE),
                                       call = "stl(ts(x, frequency = 4), s.window = 'periodic', robust = TRUE), n = 49")
# Monthly: 0.8 t + 10 sin(2 pi t / 12) + 2 cos(0.9 t), t = 0..95, +60 at t = 20, -50 at t = 30, -45 at t = 61.
t <- 0:95
x <- 0.8 * t + 10 * sin(2 * pi * t / 12) + 2 * cos(0.9 * t)
x[20 + 1] <- x[20 + 1] + 60
x[30 + 1] <- x[30 + 1] - 50
x[61 + 1] <- x[61 + 1] - 45
out$monthly_three_outliers <- c(stl_case(ts(x, frequency = 12), s.window = 13, robust = TRUE),
                                call = "stl(ts(x, frequency = 12), s.window = 13, robust = TRUE)")
out$versions <- list(R = R.version.string, stats = as.character(packageVersion("stats")),
                     jsonlite = as.character(packageVersion("jsonlite")))
cat(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE))
