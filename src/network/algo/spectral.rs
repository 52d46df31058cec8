//! Eigenvector centrality, `PageRank` and Katz centrality by one power iteration, as networkx 3.6.
//!
//! All three run [`power_iteration`]: from a start vector, apply one step `x <- f(x_last)` until the L1
//! change `sum |x - x_last|` is below `n * tol`, as networkx; not converging within `max_iter` steps is
//! an error, as in networkx. The steps:
//!
//! - Eigenvector (`eigenvector_centrality(G, max_iter=100, tol=1e-6, nstart=None, weight=None)`): start
//!   `nstart / sum(nstart)` (default all 1); `x <- x + A^T x` (the shift by the identity keeps bipartite
//!   graphs from oscillating), divided by its Euclidean norm.
//! - `PageRank` (`pagerank(G, alpha=0.85, personalization=None, max_iter=100, tol=1e-6, nstart=None,
//!   weight="weight")`, scipy version): rows of the weight matrix scaled to sum 1; `p` the personalization
//!   scaled to sum 1 (default uniform), which also spreads the rank of dangling nodes; start
//!   `nstart / sum(nstart)` (default `1/n`); `x <- alpha (x P + (sum of x over dangling nodes) p) + (1 -
//!   alpha) p`. Undirected edges count both ways.
//! - Katz (`katz_centrality(G, alpha=0.1, beta=1, max_iter=1000, tol=1e-6, nstart=None, normalized=True,
//!   weight=None)`): start `nstart` as given (default 0); `x <- alpha A^T x + beta`; once converged,
//!   divided by its Euclidean norm.
//!
//! # Complexity
//!
//! Each step is `O(n + m)`; `O(max_iter (n + m))` time in all, `O(n)` memory beyond the graph.

use super::super::csr::Csr;
use super::Weighting;

/// The power iteration did not meet its tolerance within `iterations` steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NotConverged {
    /// The iteration limit.
    pub(crate) iterations: usize,
}

/// Why options could not be used (before iterating).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BadOptions {
    /// A per-actor vector does not have one entry per actor.
    Length {
        /// The option.
        what: &'static str,
        /// Its length.
        got: usize,
    },
    /// A vector that is scaled to sum 1 sums to 0 (or is not finite).
    ZeroSum {
        /// The option.
        what: &'static str,
    },
}

/// Either way a power iteration can fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PowerError {
    /// See [`NotConverged`].
    NotConverged(NotConverged),
    /// See [`BadOptions`].
    Options(BadOptions),
}

impl From<NotConverged> for PowerError {
    fn from(e: NotConverged) -> Self {
        Self::NotConverged(e)
    }
}

impl From<BadOptions> for PowerError {
    fn from(e: BadOptions) -> Self {
        Self::Options(e)
    }
}

/// Iteration limit and tolerance, shared by the three option types.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stop {
    max_iter: usize,
    tol: f64,
}

/// The setters the three option types share (weights, iteration limit, tolerance) and, where asked,
/// `From<Weighting>`: the defaults with that weighting.
macro_rules! power_options {
    ($ty:ident, $weighting_doc:literal $(, $from:ident)?) => {
        impl $ty {
            #[doc = $weighting_doc]
            #[must_use]
            pub fn weighting(mut self, weighting: Weighting) -> Self {
                self.weighting = weighting;
                self
            }

            /// At most this many steps (networkx `max_iter`).
            #[must_use]
            pub fn max_iter(mut self, max_iter: usize) -> Self {
                self.stop.max_iter = max_iter;
                self
            }

            /// Stop when the L1 change of a step is below `n * tol` (networkx `tol`).
            #[must_use]
            pub fn tol(mut self, tol: f64) -> Self {
                self.stop.tol = tol;
                self
            }
        }
        $(power_options!(@$from $ty);)?
    };
    (@from_weighting $ty:ident) => {
        impl From<Weighting> for $ty {
            /// The defaults with this weighting.
            fn from(weighting: Weighting) -> Self {
                Self::new().weighting(weighting)
            }
        }
    };
}

/// Options of [`SmugglingNetwork::eigenvector_with`](crate::network::SmugglingNetwork::eigenvector_with):
/// weights, iteration limit, tolerance and start vector. The default is networkx
/// `eigenvector_centrality(G)`: unweighted, `max_iter=100`, `tol=1e-6`, start all 1.
///
/// networkx's default tolerance stops the iteration early: on Zachary's karate club and Les Misérables
/// its values are 2e-5 (relative 1.3e-4 for the smallest entry) from the eigenvector itself.
/// [`EigenvectorOptions::converged`] iterates until the vector is exact to about 1e-9 (checked against
/// networkx `eigenvector_centrality_numpy`).
///
/// # Example
///
/// ```
/// use corridor::network::{EigenvectorOptions, Weighting};
/// let opts = EigenvectorOptions::new().weighting(Weighting::Weighted).max_iter(500).tol(1e-9);
/// assert_eq!(opts, EigenvectorOptions::from(Weighting::Weighted).max_iter(500).tol(1e-9));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EigenvectorOptions {
    weighting: Weighting,
    stop: Stop,
    nstart: Option<Vec<f64>>,
}

impl Default for EigenvectorOptions {
    fn default() -> Self {
        Self {
            weighting: Weighting::Unweighted,
            stop: Stop {
                max_iter: 100,
                tol: 1e-6,
            },
            nstart: None,
        }
    }
}

impl EigenvectorOptions {
    /// The networkx defaults: unweighted, `max_iter = 100`, `tol = 1e-6`, start all 1.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The eigenvector itself rather than networkx's early stop: `tol = 1e-15`, `max_iter = 100_000`
    /// (each step `O(n + m)`). Equal to networkx `eigenvector_centrality_numpy` to 1e-9 on the reference
    /// graphs.
    #[must_use]
    pub fn converged() -> Self {
        Self::new().max_iter(100_000).tol(1e-15)
    }

    /// Start from this vector, one entry per actor, scaled to sum 1 (networkx `nstart`).
    #[must_use]
    pub fn nstart(mut self, nstart: Vec<f64>) -> Self {
        self.nstart = Some(nstart);
        self
    }
}

power_options!(
    EigenvectorOptions,
    r#"Tie weights as strengths (networkx `weight="weight"`) or not."#,
    from_weighting
);

/// Options of [`SmugglingNetwork::pagerank_with`](crate::network::SmugglingNetwork::pagerank_with):
/// weights, damping, iteration limit, tolerance, start and personalization vectors. The default is
/// networkx `pagerank(G)`: weighted (networkx reads the `weight` attribute), `alpha=0.85`,
/// `max_iter=100`, `tol=1e-6`, uniform start and personalization.
///
/// # Example
///
/// ```
/// use corridor::network::PageRankOptions;
/// let opts = PageRankOptions::new().alpha(0.5).personalization(vec![1.0, 0.0, 0.0]);
/// assert_ne!(opts, PageRankOptions::new());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PageRankOptions {
    weighting: Weighting,
    alpha: f64,
    stop: Stop,
    nstart: Option<Vec<f64>>,
    personalization: Option<Vec<f64>>,
}

impl Default for PageRankOptions {
    fn default() -> Self {
        Self {
            weighting: Weighting::Weighted,
            alpha: 0.85,
            stop: Stop {
                max_iter: 100,
                tol: 1e-6,
            },
            nstart: None,
            personalization: None,
        }
    }
}

impl PageRankOptions {
    /// The networkx defaults: weighted, `alpha = 0.85`, `max_iter = 100`, `tol = 1e-6`, uniform start and
    /// personalization.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The damping factor (networkx `alpha`): the share of rank that follows ties.
    #[must_use]
    pub fn alpha(mut self, alpha: f64) -> Self {
        self.alpha = alpha;
        self
    }

    /// Start from this vector, one entry per actor, scaled to sum 1 (networkx `nstart`).
    #[must_use]
    pub fn nstart(mut self, nstart: Vec<f64>) -> Self {
        self.nstart = Some(nstart);
        self
    }

    /// Teleport to actors in these proportions (one entry per actor, scaled to sum 1; networkx
    /// `personalization`), which also spread the rank of actors without outgoing ties (networkx's
    /// default `dangling=None`).
    #[must_use]
    pub fn personalization(mut self, personalization: Vec<f64>) -> Self {
        self.personalization = Some(personalization);
        self
    }
}

power_options!(
    PageRankOptions,
    r#"Tie weights as strengths (networkx `weight="weight"`, the default) or not (`weight=None`)."#,
    from_weighting
);

/// Options of [`SmugglingNetwork::katz_with`](crate::network::SmugglingNetwork::katz_with): weights,
/// attenuation `alpha`, constant `beta`, iteration limit, tolerance and start vector. The default is
/// networkx `katz_centrality(G)`: unweighted, `alpha=0.1`, `beta=1`, `max_iter=1000`, `tol=1e-6`, start 0,
/// normalised.
///
/// # Example
///
/// ```
/// use corridor::network::KatzOptions;
/// let opts = KatzOptions::new().alpha(0.05).beta(2.0).tol(1e-10);
/// assert_ne!(opts, KatzOptions::new());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct KatzOptions {
    weighting: Weighting,
    alpha: f64,
    beta: f64,
    stop: Stop,
    nstart: Option<Vec<f64>>,
}

impl Default for KatzOptions {
    fn default() -> Self {
        Self {
            weighting: Weighting::Unweighted,
            alpha: 0.1,
            beta: 1.0,
            stop: Stop {
                max_iter: 1000,
                tol: 1e-6,
            },
            nstart: None,
        }
    }
}

impl KatzOptions {
    /// The networkx defaults: unweighted, `alpha = 0.1`, `beta = 1`, `max_iter = 1000`, `tol = 1e-6`,
    /// start 0.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The attenuation factor (networkx `alpha`); the iteration converges only below the inverse of the
    /// largest eigenvalue.
    #[must_use]
    pub fn alpha(mut self, alpha: f64) -> Self {
        self.alpha = alpha;
        self
    }

    /// The weight every actor starts with (networkx `beta`, a scalar).
    #[must_use]
    pub fn beta(mut self, beta: f64) -> Self {
        self.beta = beta;
        self
    }

    /// Start from this vector, one entry per actor, as given (networkx `nstart`; default 0).
    #[must_use]
    pub fn nstart(mut self, nstart: Vec<f64>) -> Self {
        self.nstart = Some(nstart);
        self
    }
}

power_options!(
    KatzOptions,
    r#"Tie weights as strengths (networkx `weight="weight"`) or not (the default)."#
);

fn weight(w: f64, weighting: Weighting) -> f64 {
    match weighting {
        Weighting::Unweighted => 1.0,
        Weighting::Weighted => w,
    }
}

/// Euclidean norm without overflow, like Python's `math.hypot`.
fn norm2(x: &[f64]) -> f64 {
    let scale = x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if scale == 0.0 || !scale.is_finite() {
        return scale;
    }
    let s: f64 = x.iter().map(|v| (v / scale) * (v / scale)).sum();
    scale * s.sqrt()
}

/// Divides `x` by its Euclidean norm (left as is when the norm is 0, as networkx).
fn normalise(x: &mut [f64]) {
    let norm = norm2(x);
    let norm = if norm == 0.0 { 1.0 } else { norm };
    for v in x {
        *v /= norm;
    }
}

/// `sum over in-neighbours u of v of x[u] * w(u, v)`, with `w` given the stored weight and `u`.
fn pull(g: &Csr, v: usize, x: &[f64], w: impl Fn(f64, usize) -> f64) -> f64 {
    g.in_neighbors(v)
        .iter()
        .zip(g.in_weights(v))
        .map(|(&u, &wt)| x[u as usize] * w(wt, u as usize))
        .sum()
}

/// The one power iteration: from `start`, `step(x_last, x)` writes the next vector; stops when
/// `sum |x - x_last| < n * tol`.
fn power_iteration(
    start: Vec<f64>,
    stop: Stop,
    mut step: impl FnMut(&[f64], &mut [f64]),
) -> Result<Vec<f64>, NotConverged> {
    let n = start.len();
    let mut x = start;
    let mut last = vec![0.0; n];
    for _ in 0..stop.max_iter {
        std::mem::swap(&mut x, &mut last);
        step(&last, &mut x);
        let err: f64 = x.iter().zip(&last).map(|(a, b)| (a - b).abs()).sum();
        if err < n as f64 * stop.tol {
            return Ok(x);
        }
    }
    Err(NotConverged {
        iterations: stop.max_iter,
    })
}

/// `v` checked to have `n` entries, or `default` when absent.
fn per_node(v: Option<&Vec<f64>>, n: usize, what: &'static str, default: f64) -> Result<Vec<f64>, BadOptions> {
    match v {
        None => Ok(vec![default; n]),
        Some(v) if v.len() != n => Err(BadOptions::Length { what, got: v.len() }),
        Some(v) => Ok(v.clone()),
    }
}

/// `v` divided by its sum; an error when the sum is 0 or not finite.
fn to_shares(mut v: Vec<f64>, what: &'static str) -> Result<Vec<f64>, BadOptions> {
    let s: f64 = v.iter().sum();
    if s == 0.0 || !s.is_finite() {
        return Err(BadOptions::ZeroSum { what });
    }
    for x in &mut v {
        *x /= s;
    }
    Ok(v)
}

/// networkx `eigenvector_centrality`. `n == 0` gives an empty vector (the caller decides).
pub(crate) fn eigenvector(g: &Csr, o: &EigenvectorOptions) -> Result<Vec<f64>, PowerError> {
    let n = g.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    let start = to_shares(per_node(o.nstart.as_ref(), n, "nstart", 1.0)?, "nstart")?;
    let weighting = o.weighting;
    Ok(power_iteration(start, o.stop, |last, x| {
        for (v, xv) in x.iter_mut().enumerate() {
            *xv = last[v] + pull(g, v, last, |w, _| weight(w, weighting));
        }
        normalise(x);
    })?)
}

/// networkx `pagerank` (scipy version) with its dangling distribution equal to the personalization.
pub(crate) fn pagerank(g: &Csr, o: &PageRankOptions) -> Result<Vec<f64>, PowerError> {
    let n = g.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    let nf = n as f64;
    let start = match &o.nstart {
        None => vec![1.0 / nf; n],
        Some(_) => to_shares(per_node(o.nstart.as_ref(), n, "nstart", 0.0)?, "nstart")?,
    };
    let p = match &o.personalization {
        None => vec![1.0 / nf; n],
        Some(_) => to_shares(
            per_node(o.personalization.as_ref(), n, "personalization", 0.0)?,
            "personalization",
        )?,
    };
    let weighting = o.weighting;
    let inv_out: Vec<f64> = (0..n)
        .map(|v| {
            let s: f64 = g.out_weights(v).iter().map(|&w| weight(w, weighting)).sum();
            if s == 0.0 { 0.0 } else { 1.0 / s }
        })
        .collect();
    let dangling: Vec<usize> = (0..n).filter(|&v| inv_out[v] == 0.0).collect();
    let alpha = o.alpha;
    Ok(power_iteration(start, o.stop, |last, x| {
        let lost: f64 = dangling.iter().map(|&v| last[v]).sum();
        for (v, (xv, &pv)) in x.iter_mut().zip(&p).enumerate() {
            let s = pull(g, v, last, |w, u| weight(w, weighting) * inv_out[u]);
            *xv = alpha * (s + lost * pv) + (1.0 - alpha) * pv;
        }
    })?)
}

/// networkx `katz_centrality` with a scalar `beta`, normalised.
pub(crate) fn katz(g: &Csr, o: &KatzOptions) -> Result<Vec<f64>, PowerError> {
    let n = g.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    let start = per_node(o.nstart.as_ref(), n, "nstart", 0.0)?;
    let (weighting, alpha, beta) = (o.weighting, o.alpha, o.beta);
    let mut x = power_iteration(start, o.stop, |last, x| {
        for (v, xv) in x.iter_mut().enumerate() {
            *xv = alpha * pull(g, v, last, |w, _| weight(w, weighting)) + beta;
        }
    })?;
    normalise(&mut x);
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{assert_close, floats, graphs};
    use super::*;

    fn check(name: &str, key: &str, ours: Result<Vec<f64>, PowerError>, m: &serde_json::Value) {
        let r = &m[key];
        if r.is_null() {
            assert!(ours.is_err(), "{name} {key}: networkx did not converge, we did");
        } else {
            assert_close(&format!("{name} {key}"), &ours.expect("converged"), &floats(r), 1e-9);
        }
    }

    #[test]
    fn power_iterations_match_networkx() {
        for (name, g, case) in graphs() {
            let m = &case["measures"];
            let unweighted = EigenvectorOptions::new();
            check(&name, "eigenvector", eigenvector(&g, &unweighted), m);
            let weighted = EigenvectorOptions::from(Weighting::Weighted);
            check(&name, "eigenvector_weighted", eigenvector(&g, &weighted), m);
            check(&name, "pagerank", pagerank(&g, &PageRankOptions::new()), m);
            let unweighted = PageRankOptions::from(Weighting::Unweighted);
            check(&name, "pagerank_unweighted", pagerank(&g, &unweighted), m);
            check(&name, "katz", katz(&g, &KatzOptions::new()), m);
        }
    }

    #[test]
    fn bad_vectors_are_errors_before_iterating() {
        let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)]);
        let e = eigenvector(&g, &EigenvectorOptions::new().nstart(vec![1.0, 2.0]));
        assert_eq!(
            e,
            Err(PowerError::Options(BadOptions::Length { what: "nstart", got: 2 }))
        );
        let e = eigenvector(&g, &EigenvectorOptions::new().nstart(vec![0.0; 3]));
        assert_eq!(e, Err(PowerError::Options(BadOptions::ZeroSum { what: "nstart" })));
        let e = pagerank(&g, &PageRankOptions::new().personalization(vec![1.0, -1.0, 0.0]));
        assert_eq!(
            e,
            Err(PowerError::Options(BadOptions::ZeroSum {
                what: "personalization"
            }))
        );
        let e = katz(&g, &KatzOptions::new().nstart(vec![f64::NAN; 4]));
        assert_eq!(
            e,
            Err(PowerError::Options(BadOptions::Length { what: "nstart", got: 4 }))
        );
        // Non-finite parameters never meet the tolerance.
        let e = katz(&g, &KatzOptions::new().alpha(f64::NAN));
        assert_eq!(e, Err(PowerError::NotConverged(NotConverged { iterations: 1000 })));
        let e = pagerank(&g, &PageRankOptions::new().tol(f64::NAN).max_iter(7));
        assert_eq!(e, Err(PowerError::NotConverged(NotConverged { iterations: 7 })));
        assert!(pagerank(&g, &PageRankOptions::new().max_iter(0)).is_err());
    }
}
