# Reference values for corridor's ETS multiplicative-trend classes, (A,*,M) classes, the automatic search with
# multiplicative trends and simulated prediction intervals (tests/integration/ets_more.rs).
# Run: Rscript tests/reference-scripts/ets_more.R > tests/data/reference/ets_more.json
# R 4.2.2, forecast 8.20, jsonlite (versions recorded in the output). Takes a few minutes (R simulates path by path).
suppressMessages(library(jsonlite))
suppressMessages(library(forecast))
out <- list()
fit_case <- function(fit, h) {
  fc <- forecast(fit, h = h, PI = FALSE)
  n <- length(fit$x)
  list(method = fit$method, par = as.list(fit$par), loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc,
       bic = fit$bic, sigma2 = fit$sigma2, initstate = unname(fit$states[1, ]),
       laststate = unname(fit$states[n + 1, ]), fitted = as.vector(fitted(fit)),
       mean = as.vector(fc$mean))
}
# Fixed classes: every class new to corridor (multiplicative trend, damped or not; additive error with
# multiplicative season), as R fits them with restrict = FALSE.
fixed <- list(
  list(series = "AirPassengers", model = "MMN", damped = FALSE), list(series = "AirPassengers", model = "MMN", damped = TRUE),
  list(series = "AirPassengers", model = "MMA", damped = FALSE), list(series = "AirPassengers", model = "MMA", damped = TRUE),
  list(series = "AirPassengers", model = "MMM", damped = FALSE), list(series = "AirPassengers", model = "MMM", damped = TRUE),
  list(series = "AirPassengers", model = "AMN", damped = FALSE), list(series = "AirPassengers", model = "AMN", damped = TRUE),
  list(series = "AirPassengers", model = "AMA", damped = FALSE), list(series = "AirPassengers", model = "AMA", damped = TRUE),
  list(series = "AirPassengers", model = "AMM", damped = FALSE), list(series = "AirPassengers", model = "AMM", damped = TRUE),
  list(series = "AirPassengers", model = "ANM", damped = FALSE),
  list(series = "AirPassengers", model = "AAM", damped = FALSE), list(series = "AirPassengers", model = "AAM", damped = TRUE),
  list(series = "lynx", model = "MMN", damped = FALSE), list(series = "lynx", model = "MMN", damped = TRUE),
  list(series = "uspop", model = "AMN", damped = FALSE), list(series = "uspop", model = "AMN", damped = TRUE),
  list(series = "UKgas", model = "MMM", damped = TRUE), list(series = "UKgas", model = "AAM", damped = TRUE))
series_out <- list()
for (nm in unique(c(sapply(fixed, `[[`, "series"), "WWWusage"))) {
  y <- get(nm)
  series_out[[nm]] <- list(y = as.vector(y), period = max(1, frequency(y)))
}
out$series <- series_out
out$fixed <- lapply(fixed, function(cs) {
  y <- get(cs$series)
  fit <- ets(y, model = cs$model, damped = cs$damped, restrict = FALSE, allow.multiplicative.trend = TRUE)
  c(list(series = cs$series, model = cs$model, damped = cs$damped,
         call = sprintf("ets(%s, model = '%s', damped = %s, restrict = FALSE, allow.multiplicative.trend = TRUE)",
                        cs$series, cs$model, cs$damped)),
    fit_case(fit, h = 12))
})
# The automatic search with multiplicative trends (restrict = TRUE as R's default).
out$auto <- lapply(c("AirPassengers", "UKgas", "lynx", "uspop"), function(nm) {
  fit <- ets(get(nm), allow.multiplicative.trend = TRUE)
  c(list(series = nm, call = sprintf("ets(%s, allow.multiplicative.trend = TRUE)", nm),
         default_method = ets(get(nm))$method), fit_case(fit, h = 12))
})
# Simulated intervals: forecast(fit, h, level = c(80, 95), simulate = TRUE, npaths), twice with different
# seeds (R's own Monte Carlo spread) and once with the default analytic route where it exists.
sim_cases <- list(
  list(name = "ap_MMdM_auto", series = "AirPassengers", model = NULL, damped = NULL, h = 24),
  list(name = "ap_ANM", series = "AirPassengers", model = "ANM", damped = FALSE, h = 24),
  list(name = "ukgas_MMM", series = "UKgas", model = "MMM", damped = FALSE, h = 8),
  list(name = "lynx_MMN", series = "lynx", model = "MMN", damped = FALSE, h = 10),
  list(name = "lynx_MMdN", series = "lynx", model = "MMN", damped = TRUE, h = 10),
  list(name = "wwwusage_AAdN", series = "WWWusage", model = "AAN", damped = TRUE, h = 10),
  list(name = "ap_MAM", series = "AirPassengers", model = "MAM", damped = FALSE, h = 24))
npaths <- 100000
out$npaths <- npaths
out$simulated <- lapply(sim_cases, function(cs) {
  y <- get(cs$series)
  fit <- if (is.null(cs$model)) ets(y, allow.multiplicative.trend = TRUE) else
    ets(y, model = cs$model, damped = cs$damped, restrict = FALSE, allow.multiplicative.trend = TRUE)
  one <- function(seed) {
    set.seed(seed)
    fc <- forecast(fit, h = cs$h, level = c(80, 95), simulate = TRUE, npaths = npaths)
    list(seed = seed, mean = as.vector(fc$mean), lower80 = as.vector(fc$lower[, 1]), upper80 = as.vector(fc$upper[, 1]),
         lower95 = as.vector(fc$lower[, 2]), upper95 = as.vector(fc$upper[, 2]))
  }
  default <- forecast(fit, h = cs$h, level = c(80, 95))
  list(name = cs$name, series = cs$series, method = fit$method, h = cs$h,
       call = sprintf("set.seed(s); forecast(fit, h = %d, level = c(80, 95), simulate = TRUE, npaths = %d)", cs$h, npaths),
       sigma2 = fit$sigma2, runs = list(one(1), one(2)),
       default = list(mean = as.vector(default$mean), lower80 = as.vector(default$lower[, 1]),
                      upper80 = as.vector(default$upper[, 1]), lower95 = as.vector(default$lower[, 2]),
                      upper95 = as.vector(default$upper[, 2])))
})
out$versions <- list(R = R.version.string, forecast = as.character(packageVersion("forecast")),
                     jsonlite = as.character(packageVersion("jsonlite")))
cat(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE, null = "null"))
