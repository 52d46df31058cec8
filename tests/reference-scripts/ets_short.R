# Reference values for corridor's ETS on short series (tests/integration/ets.rs): R's search on short non-seasonal series
# (forecast's etsmodel tries a class while it has fewer optimised parameters than n - 1), and seasonal fits on
# fewer than three periods, where forecast's initstate starts from a line plus one Fourier pair.
# Run: Rscript tests/reference-scripts/ets_short.R > tests/data/reference/ets_short.json
# R 4.2.2, forecast 8.20, jsonlite (versions recorded in the output).
suppressMessages(library(jsonlite))
suppressMessages(library(forecast))
fit_case <- function(fit, h) {
  fc <- forecast(fit, h = h, level = c(80, 95))
  n <- length(fit$x)
  list(method = fit$method, par = as.list(fit$par), loglik = fit$loglik, aicc = fit$aicc,
       sigma2 = fit$sigma2, initstate = I(unname(fit$states[1, ])), mean = as.vector(fc$mean),
       lower95 = as.vector(fc$lower[, 2]), upper95 = as.vector(fc$upper[, 2]))
}
line <- c(10.3, 19.8, 30.4, 39.7, 50.2, 60.1, 69.6, 80.4, 89.9)
out <- list()
out$nonseasonal <- lapply(c(9, 8, 7), function(n) {
  y <- line[1:n]
  c(list(y = y, call = sprintf("ets(y[1:%d]) and ets(y[1:%d], allow.multiplicative.trend = TRUE)", n, n),
         method_mt = ets(y, allow.multiplicative.trend = TRUE)$method), fit_case(ets(y), h = 4))
})
cases <- list(
  list(series = "AirPassengers", n = 24, model = "ZZZ", damped = NULL),
  list(series = "AirPassengers", n = 24, model = "AAA", damped = FALSE),
  list(series = "AirPassengers", n = 30, model = "MAM", damped = FALSE),
  list(series = "AirPassengers", n = 30, model = "MNM", damped = FALSE),
  list(series = "AirPassengers", n = 35, model = "MAM", damped = TRUE),
  list(series = "UKgas", n = 10, model = "ZZZ", damped = NULL),
  list(series = "UKgas", n = 11, model = "ANA", damped = FALSE),
  list(series = "UKgas", n = 11, model = "MNM", damped = FALSE),
  list(series = "co2", n = 30, model = "ZZZ", damped = NULL))
out$seasonal <- lapply(cases, function(cs) {
  y <- window(get(cs$series), end = time(get(cs$series))[cs$n])
  fit <- ets(y, model = cs$model, damped = cs$damped)
  c(list(series = cs$series, n = cs$n, period = frequency(y), y = as.vector(y), model = cs$model,
         damped = if (is.null(cs$damped)) "auto" else cs$damped,
         call = sprintf("ets(window(%s, end = time(%s)[%d]), model = '%s', damped = %s)", cs$series, cs$series,
                        cs$n, cs$model, if (is.null(cs$damped)) "NULL" else cs$damped)),
    fit_case(fit, h = 8))
})
out$versions <- list(R = R.version.string, forecast = as.character(packageVersion("forecast")),
                     jsonlite = as.character(packageVersion("jsonlite")))
cat(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE, null = "null"))
