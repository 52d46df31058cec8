//! Measures of a [`SmugglingNetwork`]: centralities, structure, brokerage and key players.
//!
//! Every vector is indexed by [`ActorId::index`]. Definitions and normalisations are networkx 3.6's
//! (checked to 1e-9 against networkx on the Florentine families, Zachary's karate club, Les Misérables
//! and seeded random graphs; see `tests/data/reference/networkx.json`). Where a measure can use tie
//! weights it takes a [`Weighting`]: path measures (betweenness, closeness, distances) read weights as
//! **lengths**, the others (strength, eigenvector, `PageRank`, clustering) as **strengths**.
//!
//! The graph measured is the analysis graph of the network: directed as soon as one tie is directed.
//!
//! ```
//! use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
//!
//! // A star: the hub brokers every pair of its five contacts.
//! let mut b = SmugglingNetwork::builder();
//! let hub = b.add_actor(Actor::person("Hub"));
//! for i in 0..5 {
//!     let leaf = b.add_actor(Actor::person(format!("Contact {i}")));
//!     b.add_tie(hub, leaf, Tie::undirected(TieKind::Communication))?;
//! }
//! let net = b.build()?;
//! assert_eq!(net.betweenness()[hub.index()], 1.0);
//! assert_eq!(net.articulation_points(), vec![hub]);
//! assert_eq!(net.component_count(), 1);
//! # Ok::<(), corridor::Error>(())
//! ```

use super::algo::betweenness::BadSample;
use super::algo::degree::Direction as Side;
use super::algo::keyplayer::{self, Fragmentation};
use super::algo::spectral::{BadOptions, NotConverged, PowerError};
use super::algo::{betweenness, brokerage, closeness, clustering, components, core, degree, paths, spectral};
use super::{
    ActorId, BetweennessOptions, BrokerageRoles, ClosenessOptions, EigenvectorOptions, KatzOptions, NetworkError,
    PageRankOptions, SmugglingNetwork, Weighting,
};

impl SmugglingNetwork {
    fn ids(&self, v: impl IntoIterator<Item = usize>) -> Vec<ActorId> {
        v.into_iter().map(|i| self.id(i)).collect()
    }

    /// Number of ties of each actor (networkx `G.degree()`; in + out for directed networks).
    ///
    /// # Complexity
    ///
    /// `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let a = b.add_actor(Actor::person("A"));
    /// let c = b.add_actor(Actor::person("C"));
    /// b.add_tie(a, c, Tie::directed(TieKind::Financial))?;
    /// let net = b.build()?;
    /// assert_eq!(net.degree(), vec![1, 1]);
    /// assert_eq!(net.out_degree(), vec![1, 0]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn degree(&self) -> Vec<usize> {
        to_counts(degree::degree(self.graph(), Side::Both, Weighting::Unweighted))
    }

    /// Number of incoming ties of each actor (the degree for undirected networks).
    ///
    /// # Complexity
    ///
    /// `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let boss = b.add_actor(Actor::person("Boss"));
    /// let g1 = b.add_actor(Actor::person("Guide 1"));
    /// let g2 = b.add_actor(Actor::person("Guide 2"));
    /// b.add_tie(boss, g1, Tie::directed(TieKind::Command))?;
    /// b.add_tie(boss, g2, Tie::directed(TieKind::Command))?;
    /// let net = b.build()?;
    /// assert_eq!(net.in_degree(), vec![0, 1, 1]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn in_degree(&self) -> Vec<usize> {
        to_counts(degree::degree(self.graph(), Side::In, Weighting::Unweighted))
    }

    /// Number of outgoing ties of each actor (the degree for undirected networks).
    ///
    /// # Complexity
    ///
    /// `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let boss = b.add_actor(Actor::person("Boss"));
    /// let g1 = b.add_actor(Actor::person("Guide 1"));
    /// let g2 = b.add_actor(Actor::person("Guide 2"));
    /// b.add_tie(boss, g1, Tie::directed(TieKind::Command))?;
    /// b.add_tie(boss, g2, Tie::directed(TieKind::Command))?;
    /// let net = b.build()?;
    /// assert_eq!(net.out_degree(), vec![2, 0, 0]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn out_degree(&self) -> Vec<usize> {
        to_counts(degree::degree(self.graph(), Side::Out, Weighting::Unweighted))
    }

    /// Sum of tie weights of each actor (networkx `G.degree(weight="weight")`).
    ///
    /// # Complexity
    ///
    /// `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let a = b.add_actor(Actor::person("A"));
    /// let c = b.add_actor(Actor::person("C"));
    /// let d = b.add_actor(Actor::person("D"));
    /// b.add_tie(a, c, Tie::undirected(TieKind::Financial).weight(2.5))?;
    /// b.add_tie(a, d, Tie::undirected(TieKind::Financial).weight(1.0))?;
    /// let net = b.build()?;
    /// assert_eq!(net.strength(), vec![3.5, 2.5, 1.0]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn strength(&self) -> Vec<f64> {
        degree::degree(self.graph(), Side::Both, Weighting::Weighted)
    }

    /// Degree centrality `deg(v) / (n - 1)` (networkx `degree_centrality`).
    ///
    /// # Complexity
    ///
    /// `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for w in ids.windows(2) {
    ///     b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// // A path of four: degrees 1, 2, 2, 1 over n - 1 = 3.
    /// let dc = b.build()?.degree_centrality();
    /// assert_eq!(dc, vec![1.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0, 1.0 / 3.0]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn degree_centrality(&self) -> Vec<f64> {
        degree::degree_centrality(self.graph(), Side::Both)
    }

    /// Share of possible ties present: `2m / (n (n - 1))` undirected, `m / (n (n - 1))` directed, 0 for
    /// fewer than two actors (networkx `density`).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for w in ids.windows(2) {
    ///     b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// // Three ties of the 4 * 3 / 2 = 6 possible.
    /// assert_eq!(b.build()?.density(), 0.5);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn density(&self) -> f64 {
        degree::density(self.graph())
    }

    /// Normalised betweenness centrality of each actor, equal to networkx `betweenness_centrality(G)`.
    ///
    /// ```text
    /// b(v) = sum over s != v != t of sigma_st(v) / sigma_st, divided by (n - 1)(n - 2)   (undirected: pairs
    /// counted both ways, so the same value as networkx)
    /// ```
    ///
    /// Spread over cores with the `parallel` feature. See [`Self::betweenness_with`] for weights, raw values,
    /// endpoints and sampling.
    ///
    /// # Complexity
    ///
    /// Brandes' algorithm, `O(n m)` time, `O(n + m)` memory.
    #[must_use]
    pub fn betweenness(&self) -> Vec<f64> {
        // The default options never sample, so they cannot fail.
        betweenness::betweenness(self.graph(), &BetweennessOptions::new()).unwrap_or_default()
    }

    /// Betweenness with options (networkx `betweenness_centrality(G, k, normalized, weight, endpoints,
    /// seed)`).
    ///
    /// Weighted betweenness uses Dijkstra with tie weights as lengths and treats two paths as equally
    /// short when their floating-point lengths are equal, as networkx. Sampled values (`k` sources drawn
    /// with a seeded xoshiro256** generator) are unbiased estimates rescaled as networkx 3.6; networkx
    /// draws its sources with Python's `random`, so sampled values cannot equal networkx's for the same
    /// seed (with all `n` sources they are the exact values). Results are bit-identical with or without
    /// the `parallel` feature.
    ///
    /// # Errors
    ///
    /// [`NetworkError::SampleSize`] when sampling 0 or more than `n` sources.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, BetweennessOptions, Normalization, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for w in ids.windows(2) {
    ///     b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// let net = b.build()?;
    /// // A path 0-1-2-3: node 1 lies on the paths 0-2 and 0-3.
    /// let raw = net.betweenness_with(&BetweennessOptions::new().normalization(Normalization::Raw))?;
    /// assert_eq!(raw, vec![0.0, 2.0, 2.0, 0.0]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn betweenness_with(&self, options: &BetweennessOptions) -> crate::network::Result<Vec<f64>> {
        betweenness::betweenness(self.graph(), options).map_err(|BadSample { k, n }| NetworkError::SampleSize { k, n })
    }

    /// Closeness centrality, equal to networkx `closeness_centrality(G)` (Wasserman–Faust improved):
    ///
    /// ```text
    /// c(u) = (r - 1) / (sum of d(v, u) over the r - 1 actors v that reach u) * (r - 1) / (n - 1)
    /// ```
    ///
    /// 0 for actors nobody reaches. Directed networks use incoming distances, as networkx. See
    /// [`Self::closeness_with`] for weights and `wf_improved = false`.
    ///
    /// # Complexity
    ///
    /// `O(n m)` time, `O(n)` memory.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for w in ids.windows(2) {
    ///     b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// // A path of four: P0 is 1 + 2 + 3 = 6 hops from the others, P1 is 1 + 1 + 2 = 4.
    /// let c = b.build()?.closeness();
    /// assert_eq!((c[0], c[1]), (3.0 / 6.0, 3.0 / 4.0));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn closeness(&self) -> Vec<f64> {
        closeness::closeness(self.graph(), ClosenessOptions::new())
    }

    /// Closeness with options (networkx `closeness_centrality(G, distance, wf_improved)`): tie weights as
    /// lengths when weighted, and without the factor `(r - 1) / (n - 1)` when `wf_improved` is off
    /// (`&Weighting::Weighted.into()` for the defaults with weights).
    ///
    /// # Complexity
    ///
    /// `O(n m)` unweighted, `O(n m log n)` weighted; `O(n)` memory.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, ClosenessOptions, SmugglingNetwork, Tie, TieKind, Weighting};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// b.add_tie(ids[0], ids[1], Tie::undirected(TieKind::Kinship))?;
    /// let net = b.build()?;
    /// // networkx: closeness_centrality(G, wf_improved=False)[0] == 1.0, and 1/3 when improved.
    /// assert_eq!(net.closeness_with(&ClosenessOptions::new().wf_improved(false))[0], 1.0);
    /// assert_eq!(net.closeness_with(&Weighting::Unweighted.into())[0], 1.0 / 3.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn closeness_with(&self, options: &ClosenessOptions) -> Vec<f64> {
        closeness::closeness(self.graph(), *options)
    }

    /// Harmonic centrality `sum over v != u of 1 / d(v, u)` (networkx `harmonic_centrality`).
    ///
    /// # Complexity
    ///
    /// `O(n m)` unweighted, `O(n m log n)` weighted.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind, Weighting};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for w in ids.windows(2) {
    ///     b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// // A path of four: P0 is 1, 2 and 3 hops from the others.
    /// let h = b.build()?.harmonic(Weighting::Unweighted);
    /// assert!((h[0] - (1.0 + 1.0 / 2.0 + 1.0 / 3.0)).abs() < 1e-12);
    /// assert!((h[1] - 2.5).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn harmonic(&self, weighting: Weighting) -> Vec<f64> {
        closeness::harmonic(self.graph(), weighting)
    }

    /// Eigenvector centrality, equal to networkx `eigenvector_centrality(G)` (`max_iter=100`, `tol=1e-6`):
    /// power iteration on `A + I` from `1/n`, Euclidean normalisation, stopping when the L1 change is
    /// below `n * 1e-6`. Directed networks use in-ties (left eigenvector). networkx's tolerance stops
    /// early (about 1e-4 from the eigenvector on some graphs): ask for
    /// [`EigenvectorOptions::converged`] through [`Self::eigenvector_with`] for the eigenvector itself.
    ///
    /// # Complexity
    ///
    /// `O(iterations (n + m))`.
    ///
    /// # Errors
    ///
    /// [`NetworkError::NotConverged`] after 100 iterations without convergence;
    /// [`NetworkError::EmptyNetwork`] without actors (networkx raises too).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let hub = b.add_actor(Actor::person("Hub"));
    /// for i in 0..3 {
    ///     let leaf = b.add_actor(Actor::person(format!("L{i}")));
    ///     b.add_tie(hub, leaf, Tie::undirected(TieKind::Communication))?;
    /// }
    /// let x = b.build()?.eigenvector()?;
    /// assert!(x[0] > x[1]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn eigenvector(&self) -> crate::network::Result<Vec<f64>> {
        self.eigenvector_with(&EigenvectorOptions::new())
    }

    /// Eigenvector centrality with options (networkx `eigenvector_centrality(G, max_iter, tol, nstart,
    /// weight)`): tie weights as strengths when weighted, the iteration limit and tolerance, a start
    /// vector; [`EigenvectorOptions::converged`] for the eigenvector to about 1e-9
    /// (`&Weighting::Weighted.into()` for the defaults with weights).
    ///
    /// # Complexity
    ///
    /// `O(max_iter (n + m))`.
    ///
    /// # Errors
    ///
    /// As [`Self::eigenvector`], after `max_iter` iterations; [`NetworkError::LengthMismatch`] when
    /// `nstart` does not have one entry per actor; [`NetworkError::InvalidOption`] when it sums to 0
    /// (networkx raises too).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, EigenvectorOptions, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for w in ids.windows(2) {
    ///     b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// let x = b.build()?.eigenvector_with(&EigenvectorOptions::converged())?;
    /// // A path of four: the eigenvector of the largest eigenvalue (golden ratio) is (1, phi, phi, 1)
    /// // normalised.
    /// let phi = (1.0 + 5f64.sqrt()) / 2.0;
    /// assert!((x[1] / x[0] - phi).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn eigenvector_with(&self, options: &EigenvectorOptions) -> crate::network::Result<Vec<f64>> {
        const MEASURE: &str = "eigenvector centrality";
        if self.actor_count() == 0 {
            return Err(NetworkError::EmptyNetwork { measure: MEASURE });
        }
        spectral::eigenvector(self.graph(), options).map_err(|e| self.power_error(MEASURE, e))
    }

    /// `PageRank`, equal to networkx `pagerank(G)` (`alpha=0.85`, `max_iter=100`, `tol=1e-6`, uniform
    /// teleportation, dangling actors spread uniformly; weights as strengths when weighted — networkx's
    /// default reads the `weight` attribute). An empty vector without actors, as networkx. See
    /// [`Self::pagerank_with`] for the other options.
    ///
    /// # Complexity
    ///
    /// `O(iterations (n + m))`.
    ///
    /// # Errors
    ///
    /// [`NetworkError::NotConverged`] after 100 iterations.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind, Weighting};
    /// let mut b = SmugglingNetwork::builder();
    /// let hub = b.add_actor(Actor::person("Hub"));
    /// for i in 0..3 {
    ///     let leaf = b.add_actor(Actor::person(format!("L{i}")));
    ///     b.add_tie(hub, leaf, Tie::undirected(TieKind::Communication))?;
    /// }
    /// let x = b.build()?.pagerank(Weighting::Unweighted)?;
    /// // A star of three leaves solves leaf = c + alpha hub / 3, hub = c + 3 alpha leaf with c = (1 - alpha) / 4.
    /// let (alpha, c) = (0.85, 0.15 / 4.0);
    /// let leaf = c * (1.0 + alpha / 3.0) / (1.0 - alpha * alpha);
    /// assert!((x[1] - leaf).abs() < 1e-5);
    /// assert!((x[0] - (c + 3.0 * alpha * leaf)).abs() < 1e-5);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn pagerank(&self, weighting: Weighting) -> crate::network::Result<Vec<f64>> {
        self.pagerank_with(&PageRankOptions::from(weighting))
    }

    /// `PageRank` with options (networkx `pagerank(G, alpha, personalization, max_iter, tol, nstart,
    /// weight)`). The rank of actors without outgoing ties is spread as the personalization (networkx's
    /// default `dangling=None`). An empty vector without actors, as networkx.
    ///
    /// # Complexity
    ///
    /// `O(max_iter (n + m))`.
    ///
    /// # Errors
    ///
    /// [`NetworkError::NotConverged`] after `max_iter` iterations (also for a non-finite `alpha` or
    /// `tol`); [`NetworkError::LengthMismatch`] when `nstart` or `personalization` does not have one entry
    /// per actor; [`NetworkError::InvalidOption`] when one sums to 0 (networkx divides by zero).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, PageRankOptions, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..3).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// b.add_tie(ids[0], ids[1], Tie::directed(TieKind::Financial))?;
    /// b.add_tie(ids[1], ids[2], Tie::directed(TieKind::Financial))?;
    /// let net = b.build()?;
    /// let opts = PageRankOptions::new().alpha(0.5).personalization(vec![1.0, 0.0, 0.0]).tol(1e-12);
    /// let x = net.pagerank_with(&opts)?;
    /// assert!((x.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    /// assert!(x[0] > x[1] && x[1] > x[2]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn pagerank_with(&self, options: &PageRankOptions) -> crate::network::Result<Vec<f64>> {
        spectral::pagerank(self.graph(), options).map_err(|e| self.power_error("pagerank", e))
    }

    /// Katz centrality `x = alpha A^T x + 1`, normalised to unit Euclidean norm, equal to networkx
    /// `katz_centrality(G, alpha, beta=1, max_iter=1000, tol=1e-6)` (unweighted; networkx's default
    /// `alpha` is 0.1). Converges only when `alpha` is below the inverse of the largest eigenvalue. An
    /// empty vector without actors, as networkx. See [`Self::katz_with`] for the other options.
    ///
    /// # Complexity
    ///
    /// `O(iterations (n + m))`.
    ///
    /// # Errors
    ///
    /// [`NetworkError::NotConverged`] after 1000 iterations (including for a non-finite `alpha`).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let hub = b.add_actor(Actor::person("Hub"));
    /// for i in 0..3 {
    ///     let leaf = b.add_actor(Actor::person(format!("L{i}")));
    ///     b.add_tie(hub, leaf, Tie::undirected(TieKind::Communication))?;
    /// }
    /// let x = b.build()?.katz(0.1)?;
    /// // A star of three leaves: hub = 1 + 3 alpha leaf and leaf = 1 + alpha hub, so hub / leaf = 1.3 / 1.1.
    /// assert!((x[0] / x[1] - 1.3 / 1.1).abs() < 1e-5);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn katz(&self, alpha: f64) -> crate::network::Result<Vec<f64>> {
        self.katz_with(&KatzOptions::new().alpha(alpha))
    }

    /// Katz centrality with options (networkx `katz_centrality(G, alpha, beta, max_iter, tol, nstart,
    /// normalized=True, weight)`). An empty vector without actors, as networkx.
    ///
    /// # Complexity
    ///
    /// `O(max_iter (n + m))`.
    ///
    /// # Errors
    ///
    /// [`NetworkError::NotConverged`] after `max_iter` iterations (also for non-finite parameters);
    /// [`NetworkError::LengthMismatch`] when `nstart` does not have one entry per actor.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, KatzOptions, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let hub = b.add_actor(Actor::person("Hub"));
    /// for i in 0..3 {
    ///     let leaf = b.add_actor(Actor::person(format!("L{i}")));
    ///     b.add_tie(hub, leaf, Tie::undirected(TieKind::Communication))?;
    /// }
    /// let x = b.build()?.katz_with(&KatzOptions::new().alpha(0.2).beta(2.0).tol(1e-12))?;
    /// // A star, before normalising: leaf = alpha hub + beta and hub = 3 alpha leaf + beta.
    /// let (alpha, beta) = (0.2, 2.0);
    /// let hub = beta * (1.0 + 3.0 * alpha) / (1.0 - 3.0 * alpha * alpha);
    /// let leaf = alpha * hub + beta;
    /// assert!((x[0] / x[1] - hub / leaf).abs() < 1e-9);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn katz_with(&self, options: &KatzOptions) -> crate::network::Result<Vec<f64>> {
        spectral::katz(self.graph(), options).map_err(|e| self.power_error("katz centrality", e))
    }

    fn power_error(&self, measure: &'static str, e: PowerError) -> NetworkError {
        match e {
            PowerError::NotConverged(NotConverged { iterations }) => NetworkError::NotConverged { measure, iterations },
            PowerError::Options(BadOptions::Length { what, got }) => NetworkError::LengthMismatch {
                what,
                got,
                expected: self.actor_count(),
            },
            PowerError::Options(BadOptions::ZeroSum { what }) => NetworkError::InvalidOption {
                measure,
                option: what,
                reason: "sums to zero or is not finite",
            },
        }
    }

    /// Number of connected components (weakly connected for directed networks; networkx
    /// `number_connected_components`). Isolated actors count.
    ///
    /// # Complexity
    ///
    /// `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let a = b.add_actor(Actor::person("A"));
    /// let c = b.add_actor(Actor::person("C"));
    /// b.add_actor(Actor::person("Loner"));
    /// b.add_tie(a, c, Tie::undirected(TieKind::Kinship))?;
    /// assert_eq!(b.build()?.component_count(), 2); // {A, C} and the isolated actor
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn component_count(&self) -> usize {
        components::component_count(self.graph())
    }

    /// Connected component of each actor (weakly connected when directed): labels `0..count` in order of
    /// each component's first actor.
    ///
    /// # Complexity
    ///
    /// `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let a = b.add_actor(Actor::person("A"));
    /// b.add_actor(Actor::person("Loner"));
    /// let c = b.add_actor(Actor::person("C"));
    /// b.add_tie(a, c, Tie::directed(TieKind::Financial))?;
    /// assert_eq!(b.build()?.components(), vec![0, 1, 0]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn components(&self) -> Vec<usize> {
        components::connected_components(self.graph()).0
    }

    /// Strongly connected component of each actor (Tarjan, iterative): labels `0..count`; actors share a
    /// label exactly when networkx `strongly_connected_components` puts them together.
    ///
    /// # Complexity
    ///
    /// `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..3).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// b.add_tie(ids[0], ids[1], Tie::directed(TieKind::Financial))?;
    /// b.add_tie(ids[1], ids[0], Tie::directed(TieKind::Financial))?;
    /// b.add_tie(ids[1], ids[2], Tie::directed(TieKind::Financial))?;
    /// let s = b.build()?.strong_components();
    /// // P0 and P1 reach each other; P2 reaches nobody.
    /// assert!(s[0] == s[1] && s[1] != s[2]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn strong_components(&self) -> Vec<usize> {
        components::strongly_connected_components(self.graph()).0
    }

    /// Actors whose removal disconnects their component (the set of networkx `articulation_points`; of the
    /// undirected view for directed networks), ascending.
    ///
    /// # Complexity
    ///
    /// Iterative, `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for w in ids.windows(2) {
    ///     b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// // In a path the inner actors are cut points, the ends are not.
    /// assert_eq!(b.build()?.articulation_points(), vec![ids[1], ids[2]]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn articulation_points(&self) -> Vec<ActorId> {
        self.ids(components::articulation_points_and_bridges(self.graph()).0)
    }

    /// Ties whose removal disconnects their component (networkx `bridges`, undirected view), as
    /// `(lower id, higher id)`, ascending.
    ///
    /// # Complexity
    ///
    /// `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// // A triangle P0-P1-P2 with P3 hanging from P2: only the tie to P3 is a bridge.
    /// for (u, v) in [(0, 1), (1, 2), (2, 0), (2, 3)] {
    ///     b.add_tie(ids[u], ids[v], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// assert_eq!(b.build()?.bridges(), vec![(ids[2], ids[3])]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn bridges(&self) -> Vec<(ActorId, ActorId)> {
        components::articulation_points_and_bridges(self.graph())
            .1
            .into_iter()
            .map(|(a, b)| (self.id(a), self.id(b)))
            .collect()
    }

    /// k-core number of each actor, equal to networkx `core_number(G)` (total degree for directed
    /// networks).
    ///
    /// # Complexity
    ///
    /// Batagelj–Zaversnik, `O(n + m)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// // A triangle P0-P1-P2 (the 2-core) with P3 hanging from P2.
    /// for (u, v) in [(0, 1), (1, 2), (2, 0), (2, 3)] {
    ///     b.add_tie(ids[u], ids[v], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// assert_eq!(b.build()?.core_numbers(), vec![2, 2, 2, 1]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn core_numbers(&self) -> Vec<usize> {
        core::core_numbers(self.graph())
    }

    /// Local clustering coefficient of each actor, equal to networkx `clustering(G)` (or the
    /// geometric-mean weighted version with `weight="weight"`, weights divided by the largest one).
    ///
    /// Undirected: `c(v) = 2 T(v) / (d(v) (d(v) - 1))` with `T(v)` the triangles through `v`. Directed
    /// (Fagiolo 2007, as networkx on a `DiGraph`): every triangle `v`, `j`, `k` is counted once per
    /// combination of arcs joining its three pairs, and
    ///
    /// ```text
    /// c(v) = T(v) / (d_tot(v) (d_tot(v) - 1) - 2 d_bi(v)),   T(v) = ((A + A^T)^3)_vv / 2
    /// ```
    ///
    /// with `d_tot` the in- plus out-degree and `d_bi` the number of reciprocated neighbours (weighted:
    /// `A` holds the cube roots of the scaled weights). Self-loops are ignored; 0 where there is no
    /// triangle. `O(sum of squared degrees)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind, Weighting};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..3).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for (u, v) in [(0, 1), (1, 2), (2, 0), (0, 2)] {
    ///     b.add_tie(ids[u], ids[v], Tie::directed(TieKind::Logistics))?;
    /// }
    /// let net = b.build()?;
    /// // networkx: clustering(DiGraph([(0, 1), (1, 2), (2, 0), (0, 2)])) == {0: 0.5, 1: 1.0, 2: 0.5}
    /// assert_eq!(net.clustering(Weighting::Unweighted), vec![0.5, 1.0, 0.5]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn clustering(&self, weighting: Weighting) -> Vec<f64> {
        clustering::clustering(self.graph(), weighting)
    }

    /// Mean local clustering over all actors, zeros included (networkx `average_clustering`, directed or
    /// not; 0 without actors).
    ///
    /// # Complexity
    ///
    /// `O(sum of squared degrees)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind, Weighting};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// // A triangle P0-P1-P2 with P3 hanging from P2: local values 1, 1, 1/3 and 0.
    /// for (u, v) in [(0, 1), (1, 2), (2, 0), (2, 3)] {
    ///     b.add_tie(ids[u], ids[v], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// let avg = b.build()?.average_clustering(Weighting::Unweighted);
    /// assert!((avg - 7.0 / 12.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn average_clustering(&self, weighting: Weighting) -> f64 {
        clustering::average_clustering(self.graph(), weighting)
    }

    /// Transitivity, equal to networkx `transitivity(G)`: `3 × triangles / connected triples`
    /// undirected. On a directed network networkx 3.6 (and so this) counts over successors only: the
    /// share of pairs of arcs `v -> j`, `v -> k` (`j != k`, no self-loops) closed by an arc `j -> k`. 0
    /// without triangles.
    ///
    /// # Complexity
    ///
    /// `O(sum of squared degrees)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// // A triangle P0-P1-P2 with P3 hanging from P2: one triangle, five connected triples.
    /// for (u, v) in [(0, 1), (1, 2), (2, 0), (2, 3)] {
    ///     b.add_tie(ids[u], ids[v], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// assert!((b.build()?.transitivity() - 3.0 / 5.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn transitivity(&self) -> f64 {
        clustering::transitivity(self.graph())
    }

    /// Shortest-path distance from `from` to every actor along ties (hops, or summed weights as lengths),
    /// `None` when unreachable (networkx `single_source_shortest_path_length` / `..._dijkstra_...`).
    ///
    /// # Complexity
    ///
    /// `O(n + m)` or `O(m log n)`.
    ///
    /// # Errors
    ///
    /// [`NetworkError::UnknownActor`] when `from` is not an actor.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind, Weighting};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..3).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// b.add_tie(ids[0], ids[1], Tie::directed(TieKind::Logistics).weight(2.0))?;
    /// b.add_tie(ids[1], ids[2], Tie::directed(TieKind::Logistics).weight(3.0))?;
    /// let net = b.build()?;
    /// assert_eq!(net.distances_from(ids[0], Weighting::Unweighted)?, vec![Some(0.0), Some(1.0), Some(2.0)]);
    /// assert_eq!(net.distances_from(ids[0], Weighting::Weighted)?, vec![Some(0.0), Some(2.0), Some(5.0)]);
    /// assert_eq!(net.distances_from(ids[2], Weighting::Unweighted)?, vec![None, None, Some(0.0)]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn distances_from(&self, from: ActorId, weighting: Weighting) -> crate::network::Result<Vec<Option<f64>>> {
        let from = self.check_actor(from)?;
        Ok(paths::distances_from(self.graph(), from, weighting))
    }

    /// One shortest path from `from` to `to` (both included), `None` when `to` cannot be reached. When
    /// several paths are equally short, which one is returned is unspecified.
    ///
    /// # Errors
    ///
    /// [`NetworkError::UnknownActor`] when either end is not an actor.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind, Weighting};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..3).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// b.add_tie(ids[0], ids[1], Tie::directed(TieKind::Logistics))?;
    /// b.add_tie(ids[1], ids[2], Tie::directed(TieKind::Logistics))?;
    /// let net = b.build()?;
    /// assert_eq!(net.shortest_path(ids[0], ids[2], Weighting::Unweighted)?, Some(ids.clone()));
    /// assert_eq!(net.shortest_path(ids[2], ids[0], Weighting::Unweighted)?, None);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn shortest_path(
        &self,
        from: ActorId,
        to: ActorId,
        weighting: Weighting,
    ) -> crate::network::Result<Option<Vec<ActorId>>> {
        let (from, to) = (self.check_actor(from)?, self.check_actor(to)?);
        Ok(paths::shortest_path(self.graph(), from, to, weighting).map(|p| self.ids(p)))
    }

    /// All-pairs distances: row `s` holds the distances from actor `s` (`None` when unreachable).
    ///
    /// # Complexity
    ///
    /// `O(n m)` time and `O(n²)` memory: meant for small networks.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind, Weighting};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..3).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// b.add_tie(ids[0], ids[1], Tie::directed(TieKind::Logistics))?;
    /// b.add_tie(ids[1], ids[2], Tie::directed(TieKind::Logistics))?;
    /// let d = b.build()?.distance_matrix(Weighting::Unweighted);
    /// assert_eq!(d[0], vec![Some(0.0), Some(1.0), Some(2.0)]);
    /// assert_eq!(d[2][0], None); // ties run one way
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn distance_matrix(&self, weighting: Weighting) -> Vec<Vec<Option<f64>>> {
        let n = self.actor_count();
        let flat = paths::distance_matrix(self.graph(), weighting);
        (0..n).map(|s| flat[s * n..(s + 1) * n].to_vec()).collect()
    }

    /// Gould–Fernandez brokerage roles of each actor given `groups[actor index]` (any group labels, for
    /// example organisations or nationalities). Actor `b` brokers `a -> b -> c` when `a != c` and there is no
    /// tie `a -> c`; the five roles are coordinator, itinerant, gatekeeper, representative and liaison (see
    /// [`BrokerageRoles`]); undirected ties count both ways. Same counting as R `sna::brokerage`.
    ///
    /// # Complexity
    ///
    /// `O(sum of in-degree × out-degree × log degree)`.
    ///
    /// # Errors
    ///
    /// [`NetworkError::LengthMismatch`] when `groups` does not have one entry per actor.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let (a, m, c) = (b.add_actor(Actor::person("A")), b.add_actor(Actor::person("M")), b.add_actor(Actor::person("C")));
    /// b.add_tie(a, m, Tie::directed(TieKind::Financial))?;
    /// b.add_tie(m, c, Tie::directed(TieKind::Financial))?;
    /// let roles = b.build()?.brokerage(&[0, 1, 1])?;
    /// assert_eq!(roles[m.index()].gatekeeper, 1); // M lets A (outside) reach C (M's group)
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn brokerage(&self, groups: &[usize]) -> crate::network::Result<Vec<BrokerageRoles>> {
        if groups.len() != self.actor_count() {
            return Err(NetworkError::LengthMismatch {
                what: "groups",
                got: groups.len(),
                expected: self.actor_count(),
            });
        }
        Ok(brokerage::brokerage(self.graph(), groups))
    }

    /// Borgatti's (2006) key-player fragmentation after removing `removed` (see [`Fragmentation`]):
    /// `F = 1 - sum s_k (s_k - 1) / (n' (n' - 1))` over component sizes of the `n'` remaining actors, or the
    /// distance-weighted `DF` (hops along ties); 1 when fewer than two actors remain.
    ///
    /// # Errors
    ///
    /// [`NetworkError::UnknownActor`] when a removed id is not an actor.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, Fragmentation, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for w in ids.windows(2) {
    ///     b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// // Removing P1 from the path leaves {P0} and {P2, P3}: F = 1 - 2 * 1 / (3 * 2).
    /// let f = b.build()?.fragmentation(&[ids[1]], Fragmentation::Pairs)?;
    /// assert!((f - 2.0 / 3.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn fragmentation(&self, removed: &[ActorId], measure: Fragmentation) -> crate::network::Result<f64> {
        let mut mask = vec![false; self.actor_count()];
        for &id in removed {
            mask[self.check_actor(id)?] = true;
        }
        Ok(keyplayer::fragmentation(self.graph(), &mask, measure))
    }

    /// Greedy key-player set: `k` times (at most `n`), remove the actor whose removal maximises the
    /// fragmentation measure (ties: lowest id). Returns the actors in order of choice and the final value.
    ///
    /// # Complexity
    ///
    /// `O(k n (n + m))` for `F`, `O(k n² (n + m))` for `DF`; Borgatti's swap improvement is not run.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::network::{Actor, Fragmentation, SmugglingNetwork, Tie, TieKind};
    /// let mut b = SmugglingNetwork::builder();
    /// let ids: Vec<_> = (0..4).map(|i| b.add_actor(Actor::person(format!("P{i}")))).collect();
    /// for w in ids.windows(2) {
    ///     b.add_tie(w[0], w[1], Tie::undirected(TieKind::Logistics))?;
    /// }
    /// // P1 and P2 fragment the path equally (F = 2/3); the tie goes to the lowest id.
    /// let (set, f) = b.build()?.key_players(1, Fragmentation::Pairs);
    /// assert_eq!(set, vec![ids[1]]);
    /// assert!((f - 2.0 / 3.0).abs() < 1e-12);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn key_players(&self, k: usize, measure: Fragmentation) -> (Vec<ActorId>, f64) {
        let (set, f) = keyplayer::greedy_key_players(self.graph(), k, measure);
        (self.ids(set), f)
    }
}

fn to_counts(v: Vec<f64>) -> Vec<usize> {
    v.into_iter().map(|d| d as usize).collect()
}
