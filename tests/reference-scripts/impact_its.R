# Reference values for corridor::impact::FlowEffect: segmented regressions on the embedded Darién
# monthly crossings (data/darien/darien_monthly_totals.csv, 2020-01 .. 2024-03, no gaps there) and on
# the monthly crossings by nationality (darien_monthly_by_nationality_2020_2022.csv), fitted with base R
# lm / glm and sandwich::NeweyWest, intervals and delta-method end effects written out by hand.
#
# Run from the crate root:  Rscript tests/reference-scripts/impact_its.R
# Output: tests/data/reference/impact_its.json
suppressPackageStartupMessages({ library(jsonlite); library(sandwich) })

m <- read.csv("data/darien/darien_monthly_totals.csv")
m <- m[(m$year < 2024) | (m$year == 2024 & m$month <= 3), ]
m <- m[order(m$year, m$month), ]
stopifnot(nrow(m) == 51)
days_in <- function(y, mo) as.numeric(as.Date(sprintf("%d-%02d-01", ifelse(mo == 12, y + 1, y), ifelse(mo == 12, 1, mo + 1))) -
                                        as.Date(sprintf("%d-%02d-01", y, mo)))

# Design as corridor::stats::Its: const, t, D, (t-T)D, then season dummies s = 1..11 with t %% 12 == s.
design <- function(n, at, seasonal) {
  t <- 0:(n - 1)
  D <- as.numeric(t >= at)
  X <- cbind(const = 1, t = t, D = D, tD = (t - at) * D)
  if (seasonal) for (s in 1:11) X <- cbind(X, as.numeric(t %% 12 == s))
  X
}

summarise <- function(est, se, crit, p) list(value = est, std_error = se, lower = est - crit * se, upper = est + crit * se, p_value = p)

case_gauss <- function(name, y, at, seasonal, hac_lag = NULL) {
  n <- length(y)
  X <- design(n, at, seasonal)
  fit <- lm(y ~ X - 1)
  b <- coef(fit)
  if (is.null(hac_lag)) {
    V <- vcov(fit); df <- fit$df.residual; crit <- qt(0.975, df)
    pv <- function(z) 2 * pt(-abs(z), df)
  } else {
    V <- NeweyWest(fit, lag = hac_lag, prewhite = FALSE, adjust = FALSE); crit <- qnorm(0.975)
    pv <- function(z) 2 * pnorm(-abs(z))
  }
  se <- sqrt(diag(V))
  X0 <- X; X0[, 3:4] <- 0
  fitted <- as.vector(X %*% b); cf <- as.vector(X0 %*% b)
  c_end <- X[n, ] - X0[n, ]
  abs_end <- sum(c_end * b); abs_se <- sqrt(drop(t(c_end) %*% V %*% c_end))
  base <- sum(X0[n, ] * b)
  g <- c_end / base - abs_end * X0[n, ] / base^2
  rel_se <- sqrt(drop(t(g) %*% V %*% g))
  list(name = name, family = "gaussian", hac_lag = hac_lag, intervention_index = at, seasonal = seasonal, y = y,
       level = summarise(b[3], se[3], crit, pv(b[3] / se[3])),
       slope = summarise(b[4], se[4], crit, pv(b[4] / se[4])),
       end_absolute = summarise(abs_end, abs_se, crit, pv(abs_end / abs_se)),
       end_relative = summarise(abs_end / base, rel_se, crit, pv(abs_end / base / rel_se)),
       fitted = fitted, counterfactual = cf)
}

case_quasi <- function(name, y, days, at, seasonal) {
  n <- length(y)
  X <- design(n, at, seasonal)
  fit <- glm(y ~ X - 1, family = quasipoisson, offset = log(days))
  b <- coef(fit); V <- vcov(fit); se <- sqrt(diag(V)); df <- fit$df.residual; crit <- qt(0.975, df)
  pv <- function(z) 2 * pt(-abs(z), df)
  X0 <- X; X0[, 3:4] <- 0
  mu <- as.vector(exp(X %*% b + log(days))); mu0 <- as.vector(exp(X0 %*% b + log(days)))
  g_abs <- mu[n] * X[n, ] - mu0[n] * X0[n, ]
  abs_end <- mu[n] - mu0[n]; abs_se <- sqrt(drop(t(g_abs) %*% V %*% g_abs))
  c_end <- X[n, ] - X0[n, ]; r <- exp(sum(c_end * b)); g_rel <- r * c_end
  rel_se <- sqrt(drop(t(g_rel) %*% V %*% g_rel))
  list(name = name, family = "quasi_poisson", intervention_index = at, seasonal = seasonal, y = y, days = days,
       level = summarise(b[3], se[3], crit, pv(b[3] / se[3])),
       slope = summarise(b[4], se[4], crit, pv(b[4] / se[4])),
       end_absolute = summarise(abs_end, abs_se, crit, pv(abs_end / abs_se)),
       end_relative = summarise(r - 1, rel_se, crit, pv((r - 1) / rel_se)),
       fitted = mu, counterfactual = mu0)
}

# Comparative ITS (treated stacked over control), as corridor::stats::Its::control: columns
# 1, t, G, G t, D, (t-T)D, G D, G (t-T)D; the effect is the group interaction.
case_control <- function(name, y, yc, at) {
  n <- length(y)
  t <- rep(0:(n - 1), 2); G <- rep(c(1, 0), each = n); D <- as.numeric(t >= at); S <- (t - at) * D
  X <- cbind(1, t, G, G * t, D, S, G * D, G * S)
  yy <- c(y, yc)
  fit <- lm(yy ~ X - 1); b <- coef(fit); V <- vcov(fit); se <- sqrt(diag(V)); df <- fit$df.residual
  crit <- qt(0.975, df); pv <- function(z) 2 * pt(-abs(z), df)
  Xt <- X[1:n, ]; X0 <- Xt; X0[, 7:8] <- 0
  list(name = name, family = "gaussian", intervention_index = at, y = y, control = yc,
       level = summarise(b[7], se[7], crit, pv(b[7] / se[7])),
       slope = summarise(b[8], se[8], crit, pv(b[8] / se[8])),
       fitted = as.vector(Xt %*% b), counterfactual = as.vector(X0 %*% b))
}

y <- m$crossings
days <- mapply(days_in, m$year, m$month)
# First periods after each event, 0-based from 2020-01: Carepa quota (9 Aug 2021) -> 2021-09 = 20;
# US expulsion policy for Venezuelans (12 Oct 2022) -> 2022-11 = 34; trilateral campaign (11 Apr 2023) -> 2023-05 = 40.
cases <- list(
  case_gauss("carepa_ols_seasonal", y, 20, TRUE),
  case_gauss("carepa_ols_seasonal_hac3", y, 20, TRUE, hac_lag = 3),
  case_quasi("october2022_quasipoisson_seasonal", y, days, 34, TRUE),
  case_gauss("trilateral2023_ols_seasonal", y, 40, TRUE)
)

nat <- read.csv("data/darien/darien_monthly_by_nationality_2020_2022.csv", check.names = FALSE)
nat <- nat[order(nat$year, nat$month), ]
haiti <- nat$count[nat$nationality == "Haiti (plus Brazil and Chile)"]
venez <- nat$count[nat$nationality == "Venezuela"]
stopifnot(length(haiti) == 31, length(venez) == 31)
cases[[length(cases) + 1]] <- case_control("carepa_haiti_vs_venezuela", haiti, venez, 20)

out <- list(
  description = "Segmented regressions on the embedded Darien monthly series (corridor::impact::FlowEffect reference)",
  versions = list(R = R.version.string, sandwich = as.character(packageVersion("sandwich")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), "tests/data/reference/impact_its.json")
