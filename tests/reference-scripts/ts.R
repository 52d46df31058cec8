# Reference vectors for corridor::stats time series (STL, Holt-Winters, ETS).
# Run: Rscript tests/reference-scripts/ts.R > tests/data/reference/ts.json
suppressMessages(library(jsonlite))
out <- list()
stl_case <- function(x, ...) {
  f <- stl(x, ...)
  list(y = as.vector(x), period = frequency(x),
       seasonal = as.vector(f$time.series[, "seasonal"]),
       trend = as.vector(f$time.series[, "trend"]),
       remainder = as.vector(f$time.series[, "remainder"]),
       weights = f$weights, windows = as.list(f$win), jumps = as.list(f$jump))
}
out$stl_co2_swindow35 <- c(stl_case(co2, s.window = 35), call = "stl(co2, s.window = 35)")
out$stl_co2_robust <- c(stl_case(co2, s.window = 13, robust = TRUE), call = "stl(co2, s.window = 13, robust = TRUE)")
out$stl_nottem_periodic <- c(stl_case(nottem, s.window = "periodic"), call = "stl(nottem, s.window = 'periodic')")
out$stl_nottem_custom <- c(stl_case(nottem, s.window = 9, t.window = 31, l.window = 15, s.degree = 1, t.jump = 1),
                           call = "stl(nottem, s.window = 9, t.window = 31, l.window = 15, s.degree = 1, t.jump = 1)")
# A deterministic daily series with a weekly cycle (no RNG).
t <- 1:200
daily <- ts(100 + 0.05 * t + 12 * sin(2 * pi * t / 7) + 6 * sin(1.7 * t)^3 + ifelse(t %% 37 == 0, 40, 0), frequency = 7)
out$stl_daily7_robust <- c(stl_case(daily, s.window = 7, robust = TRUE),
                           call = "stl(ts(100 + 0.05 t + 12 sin(2 pi t / 7) + 6 sin(1.7 t)^3 + 40 [t %% 37 == 0], frequency = 7), s.window = 7, robust = TRUE), t = 1..200")
hw_case <- function(x, ..., h = 24) {
  m <- HoltWinters(x, ...)
  p95 <- predict(m, h, prediction.interval = TRUE, level = 0.95)
  p80 <- predict(m, h, prediction.interval = TRUE, level = 0.80)
  list(y = as.vector(x), period = frequency(x), alpha = unname(m$alpha), beta = unname(m$beta),
       gamma = unname(m$gamma), SSE = m$SSE, xhat = as.vector(fitted(m)[, "xhat"]),
       coefficients = as.list(coef(m)),
       fit = as.vector(p95[, "fit"]), upr95 = as.vector(p95[, "upr"]), lwr95 = as.vector(p95[, "lwr"]),
       upr80 = as.vector(p80[, "upr"]), lwr80 = as.vector(p80[, "lwr"]))
}
out$hw_co2_additive_optimized <- c(hw_case(co2), call = "HoltWinters(co2)")
out$hw_co2_additive_fixed <- c(hw_case(co2, alpha = 0.5, beta = 0.01, gamma = 0.3), call = "HoltWinters(co2, alpha = 0.5, beta = 0.01, gamma = 0.3)")
out$hw_ap_mult_fixed <- c(hw_case(AirPassengers, alpha = 0.3, beta = 0.05, gamma = 0.2, seasonal = "multiplicative"),
                          call = "HoltWinters(AirPassengers, alpha = 0.3, beta = 0.05, gamma = 0.2, seasonal = 'multiplicative')")
out$hw_nile_trend_only <- c(hw_case(Nile, gamma = FALSE, alpha = 0.4, beta = 0.1, h = 5), call = "HoltWinters(Nile, gamma = FALSE, alpha = 0.4, beta = 0.1)")
out$hw_nile_ses <- c(hw_case(Nile, gamma = FALSE, beta = FALSE, h = 5), call = "HoltWinters(Nile, gamma = FALSE, beta = FALSE)")
out$hw_nottem_start3 <- c(hw_case(nottem, alpha = 0.2, beta = 0.1, gamma = 0.4, start.periods = 3),
                          call = "HoltWinters(nottem, alpha = 0.2, beta = 0.1, gamma = 0.4, start.periods = 3)")
suppressMessages(library(forecast))
ets_case <- function(x, ..., h = 12) {
  fit <- ets(x, ...)
  fc <- forecast(fit, h = h, level = c(80, 95))
  list(y = as.vector(x), period = frequency(x), method = fit$method, par = as.list(fit$par),
       loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic, sigma2 = fit$sigma2,
       mean = as.vector(fc$mean), lower80 = as.vector(fc$lower[, 1]), upper80 = as.vector(fc$upper[, 1]),
       lower95 = as.vector(fc$lower[, 2]), upper95 = as.vector(fc$upper[, 2]))
}
out$ets_co2_auto <- c(ets_case(co2), call = "ets(co2)")
out$ets_wwwusage_auto <- c(ets_case(WWWusage, h = 10), call = "ets(WWWusage)")
out$ets_nile_auto <- c(ets_case(Nile, h = 10), call = "ets(Nile)")
out$ets_ap_MNA <- c(ets_case(AirPassengers, model = "MNA"), call = "ets(AirPassengers, model = 'MNA')")
out$ets_ap_ANA <- c(ets_case(AirPassengers, model = "ANA"), call = "ets(AirPassengers, model = 'ANA')")
out$ets_ap_MAN_damped <- c(ets_case(AirPassengers, model = "MAN", damped = TRUE), call = "ets(AirPassengers, model = 'MAN', damped = TRUE)")
out$versions <- list(R = R.version.string, stats = as.character(packageVersion("stats")),
                     forecast = as.character(packageVersion("forecast")), jsonlite = as.character(packageVersion("jsonlite")))
cat(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE))
