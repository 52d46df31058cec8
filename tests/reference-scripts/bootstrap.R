# Reference vectors for `corridor::stats` bootstrap intervals, from R package `boot`.
#
# The resampling RNG differs from corridor's, so intervals are checked on FIXED replicate
# vectors: R's own `boot()` replicates are stored, and the deterministic parts computed from
# them by boot are stored beside them:
#   - bias = mean(t) - t0, std. error = sd(t)             (as print.boot, NA removed)
#   - percentile interval = boot.ci(type = "perc")          (boot:::norm.inter on the normal scale)
#   - BCa: z0 = qnorm(#{t < t0} / R)  (boot:::bca.ci's w),
#          a  = sum(L^3) / (6 sum(L^2)^1.5)  with jackknife influence values
#               L_i = (n_k - 1) (mean_k(theta_(j)) - theta_(i))   (Efron & Tibshirani 1993, eq. 14.15;
#               (n_k - 1) scaling within stratum k as boot:::usual.jack),
#          interval = boot.ci(type = "bca", L = L).
#
# Run: Rscript tests/reference-scripts/bootstrap.R   (writes tests/data/reference/bootstrap.json)
suppressPackageStartupMessages({ library(boot); library(jsonlite) })

jack_L <- function(x, stat) {
  n <- length(x)
  th <- vapply(seq_len(n), function(i) stat(x[-i]), numeric(1))
  list(jack = th, L = (n - 1) * (mean(th) - th))
}

one_case <- function(name, x, stat, R, levels, seed) {
  set.seed(seed)
  b <- boot(x, function(d, i) stat(d[i]), R = R)
  jl <- jack_L(x, stat)
  t <- b$t[, 1]
  perc <- lapply(levels, function(lv) as.numeric(boot.ci(b, conf = lv, type = "perc")$percent[4:5]))
  bca <- lapply(levels, function(lv) as.numeric(suppressWarnings(boot.ci(b, conf = lv, type = "bca", L = jl$L))$bca[4:5]))
  list(name = name, kind = "one-sample", x = x, t0 = b$t0, replicates = t, jackknife = jl$jack,
       L = jl$L, acceleration = sum(jl$L^3) / (6 * sum(jl$L^2)^1.5),
       z0 = qnorm(sum(t < b$t0) / length(t)),
       bias = mean(t) - b$t0, std_error = sd(t), levels = levels,
       percentile = perc, bca = bca)
}

cases <- list()
set.seed(2021)
x1 <- round(rexp(25, 1 / 140), 3)          # skewed, like daily crossings
cases[[1]] <- one_case("mean_exp25", x1, mean, 999, c(0.8, 0.9, 0.95, 0.99), 1)
cases[[2]] <- one_case("var_exp25", x1, var, 1999, c(0.9, 0.95), 2)
x2 <- round(rnorm(15, 10, 3), 2)
cases[[3]] <- one_case("median_norm15", x2, median, 200, c(0.5, 0.9, 0.999), 3)  # ties; extreme order stats
x3 <- c(rpois(12, 4))                       # integer data: replicates tie with t0
cases[[4]] <- one_case("mean_pois12_R99", x3, mean, 99, c(0.9, 0.95), 4)

# Two samples, stratified resampling (each sample resampled within itself).
y1 <- round(rnorm(18, 5, 2), 3); y2 <- round(rnorm(11, 6.5, 1.5), 3)
d <- c(y1, y2); g <- rep(1:2, c(length(y1), length(y2)))
dstat <- function(d, i) { dd <- d[i]; gg <- g[i]; mean(dd[gg == 2]) - mean(dd[gg == 1]) }
set.seed(5)
b2 <- boot(d, dstat, R = 999, strata = g)
jk <- c(vapply(seq_along(y1), function(i) mean(y2) - mean(y1[-i]), 1),
        vapply(seq_along(y2), function(i) mean(y2[-i]) - mean(y1), 1))
L2 <- c((length(y1) - 1) * (mean(jk[g == 1]) - jk[g == 1]), (length(y2) - 1) * (mean(jk[g == 2]) - jk[g == 2]))
Lr <- empinf(b2, type = "jack")              # boot's own stratified jackknife (equal to L2 for this linear statistic)
t2 <- b2$t[, 1]; lv2 <- c(0.9, 0.95)
cases[[5]] <- list(name = "meandiff_strata", kind = "two-sample", x = y1, y = y2, t0 = b2$t0, replicates = t2,
  jackknife = jk, L = L2, L_boot_empinf_jack = Lr, acceleration = sum(L2^3) / (6 * sum(L2^2)^1.5),
  z0 = qnorm(sum(t2 < b2$t0) / length(t2)), bias = mean(t2) - b2$t0, std_error = sd(t2), levels = lv2,
  percentile = lapply(lv2, function(lv) as.numeric(boot.ci(b2, conf = lv, type = "perc")$percent[4:5])),
  bca = lapply(lv2, function(lv) as.numeric(boot.ci(b2, conf = lv, type = "bca", L = L2)$bca[4:5])))

out <- list(
  description = "R boot percentile/BCa intervals, bias and std. error on fixed replicate vectors; jackknife acceleration per Efron & Tibshirani (1993) eq. 14.15",
  script = "tests/reference-scripts/bootstrap.R",
  versions = list(R = R.version.string, boot = as.character(packageVersion("boot")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  cases = cases)
writeLines(toJSON(out, digits = I(17), auto_unbox = TRUE, pretty = FALSE), "tests/data/reference/bootstrap.json")
cat("wrote tests/data/reference/bootstrap.json\n")
