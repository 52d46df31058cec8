//! Per-actor network measures as an Arrow record batch (feature `arrow`).

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::types::UInt8Type;
use arrow_array::{
    ArrayRef, DictionaryArray, Float64Array, RecordBatch, StringArray, UInt8Array, UInt32Array, UInt64Array,
};
use arrow_schema::{DataType, Field, Schema};

use super::arrow::ArrowError;
use crate::Country;
use crate::network::{
    ActorKind, BetweennessOptions, ClosenessOptions, EigenvectorOptions, KatzOptions, NetworkError, PageRankOptions,
    SmugglingNetwork, Weighting,
};

/// Which measures [`SmugglingNetwork::measures_record_batch_with`] computes, each with its options.
///
/// [`ActorMeasures::new`] (the [`Default`]) computes betweenness, closeness, harmonic centrality,
/// eigenvector centrality, `PageRank` and clustering with the options of
/// [`SmugglingNetwork::betweenness`], [`SmugglingNetwork::closeness`],
/// [`SmugglingNetwork::harmonic`] (unweighted), [`SmugglingNetwork::eigenvector`],
/// [`SmugglingNetwork::pagerank`] (weighted, as networkx) and [`SmugglingNetwork::clustering`]
/// (unweighted): networkx's defaults. Katz centrality is left out unless asked for, because no one
/// attenuation factor converges on every network (it must be below the reciprocal of the largest
/// eigenvalue). Each setter takes the measure's options, or `None` to leave its column out.
///
/// # Examples
/// ```
/// use corridor::io::ActorMeasures;
/// use corridor::network::{KatzOptions, Weighting};
///
/// let m = ActorMeasures::new().katz(KatzOptions::new().alpha(0.05)).clustering(None);
/// assert_ne!(m, ActorMeasures::new());
/// assert_eq!(ActorMeasures::new().harmonic(Weighting::Unweighted), ActorMeasures::default());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMeasures {
    betweenness: Option<BetweennessOptions>,
    closeness: Option<ClosenessOptions>,
    harmonic: Option<Weighting>,
    eigenvector: Option<EigenvectorOptions>,
    pagerank: Option<PageRankOptions>,
    katz: Option<KatzOptions>,
    clustering: Option<Weighting>,
}

impl Default for ActorMeasures {
    fn default() -> Self {
        Self {
            betweenness: Some(BetweennessOptions::new()),
            closeness: Some(Weighting::Unweighted.into()),
            harmonic: Some(Weighting::Unweighted),
            eigenvector: Some(EigenvectorOptions::new()),
            pagerank: Some(PageRankOptions::new()),
            katz: None,
            clustering: Some(Weighting::Unweighted),
        }
    }
}

impl ActorMeasures {
    /// The default measures (see the type's documentation).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Betweenness with these options ([`SmugglingNetwork::betweenness_with`]), or no column.
    #[must_use]
    pub fn betweenness(mut self, options: impl Into<Option<BetweennessOptions>>) -> Self {
        self.betweenness = options.into();
        self
    }

    /// Closeness with these options ([`SmugglingNetwork::closeness_with`]), or no column.
    #[must_use]
    pub fn closeness(mut self, options: impl Into<Option<ClosenessOptions>>) -> Self {
        self.closeness = options.into();
        self
    }

    /// Harmonic centrality with this weighting ([`SmugglingNetwork::harmonic`]), or no column.
    #[must_use]
    pub fn harmonic(mut self, weighting: impl Into<Option<Weighting>>) -> Self {
        self.harmonic = weighting.into();
        self
    }

    /// Eigenvector centrality with these options ([`SmugglingNetwork::eigenvector_with`]), or no column.
    #[must_use]
    pub fn eigenvector(mut self, options: impl Into<Option<EigenvectorOptions>>) -> Self {
        self.eigenvector = options.into();
        self
    }

    /// `PageRank` with these options ([`SmugglingNetwork::pagerank_with`]), or no column.
    #[must_use]
    pub fn pagerank(mut self, options: impl Into<Option<PageRankOptions>>) -> Self {
        self.pagerank = options.into();
        self
    }

    /// Katz centrality with these options ([`SmugglingNetwork::katz_with`]), or no column (the default).
    #[must_use]
    pub fn katz(mut self, options: impl Into<Option<KatzOptions>>) -> Self {
        self.katz = options.into();
        self
    }

    /// Clustering with this weighting ([`SmugglingNetwork::clustering`]), or no column.
    #[must_use]
    pub fn clustering(mut self, weighting: impl Into<Option<Weighting>>) -> Self {
        self.clustering = weighting.into();
        self
    }
}

impl SmugglingNetwork {
    /// One row per actor, in [`crate::network::ActorId`] order, with the actor's attributes and its
    /// measures: the default [`ActorMeasures`]. See [`Self::measures_record_batch_with`] for the
    /// columns.
    ///
    /// # Errors
    /// As [`Self::measures_record_batch_with`].
    ///
    /// # Examples
    /// ```
    /// use corridor::network::{Actor, Role, SmugglingNetwork, Tie, TieKind};
    ///
    /// let mut b = SmugglingNetwork::builder();
    /// let hub = b.add_actor(Actor::person("Hub").role(Role::Leader));
    /// for i in 0..3 {
    ///     let leaf = b.add_actor(Actor::person(format!("Guide {i}")).role(Role::Guide));
    ///     b.add_tie(hub, leaf, Tie::undirected(TieKind::Command))?;
    /// }
    /// let batch = b.build()?.measures_record_batch()?;
    /// assert_eq!(batch.num_rows(), 4);
    /// let betweenness = batch.column_by_name("betweenness").expect("a default column");
    /// let betweenness = betweenness.as_any().downcast_ref::<arrow_array::Float64Array>().expect("Float64");
    /// assert_eq!(betweenness.value(hub.index()), 1.0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn measures_record_batch(&self) -> crate::Result<RecordBatch> {
        self.measures_record_batch_with(&ActorMeasures::new())
    }

    /// One row per actor, in [`crate::network::ActorId`] order, with the actor's attributes and the
    /// measures `measures` asks for, each equal to the method of the same name (networkx's definitions):
    ///
    /// | column | Arrow type | |
    /// |---|---|---|
    /// | `id` | `UInt32` | [`crate::network::ActorId::index`] |
    /// | `actor` | `Utf8` | the name |
    /// | `kind` | `Dictionary(UInt8, Utf8)` | `person`, `organisation` |
    /// | `roles` | `List(Utf8)` | [`crate::network::Role`] words, empty when none |
    /// | `based_in` | `Utf8` | ISO alpha-3, null when not known |
    /// | `degree`, `in_degree`, `out_degree` | `UInt64` | ties (in and out equal the degree when undirected) |
    /// | `strength`, `degree_centrality` | `Float64` | |
    /// | `betweenness`, `closeness`, `harmonic`, `eigenvector`, `pagerank`, `katz`, `clustering` | `Float64` | when asked for |
    /// | `core_number` | `UInt64` | k-core number |
    /// | `component`, `strong_component` | `UInt32` | component labels ([`Self::components`], [`Self::strong_components`]) |
    ///
    /// Every per-actor measure of the network is a column; the measures are independent of each
    /// other, so merging batches of the same network's actors (by `id`) gives the whole batch, but
    /// measures of disjoint parts of a network are not those of the whole (paths cross the parts).
    ///
    /// # Complexity
    /// That of the measures asked for: betweenness and closeness `O(n m)` dominate.
    ///
    /// # Errors
    /// [`crate::Error::Network`] when a measure asked for fails (eigenvector, `PageRank` or Katz not
    /// converging, invalid options; the error names the measure); a network without actors gives a
    /// batch without rows.
    pub fn measures_record_batch_with(&self, measures: &ActorMeasures) -> crate::Result<RecordBatch> {
        let n = self.actor_count();
        let mut fields = Vec::new();
        let mut columns: Vec<ArrayRef> = Vec::new();
        let mut push = |name: &'static str, column: ArrayRef| {
            fields.push(Field::new(name, column.data_type().clone(), name == "based_in"));
            columns.push(column);
        };

        push("id", Arc::new(UInt32Array::from_iter_values(0..n as u32)));
        push(
            "actor",
            Arc::new(StringArray::from_iter_values(self.actors().map(|(_, a)| a.name()))),
        );
        let kinds: UInt8Array = self
            .actors()
            .map(|(_, a)| Some(ActorKind::ALL.iter().position(|k| *k == a.kind()).unwrap_or(0) as u8))
            .collect();
        let kind_words = StringArray::from_iter_values(ActorKind::ALL.iter().map(|k| k.as_str()));
        push(
            "kind",
            Arc::new(DictionaryArray::<UInt8Type>::try_new(kinds, Arc::new(kind_words)).map_err(ArrowError::from)?),
        );
        let mut roles = ListBuilder::new(StringBuilder::new()).with_field(Field::new("item", DataType::Utf8, false));
        for (_, a) in self.actors() {
            for r in a.roles() {
                roles.values().append_value(r.as_str());
            }
            roles.append(true);
        }
        push("roles", Arc::new(roles.finish()));
        push(
            "based_in",
            Arc::new(
                self.actors()
                    .map(|(_, a)| a.based_in().map(Country::alpha3))
                    .collect::<StringArray>(),
            ),
        );

        let counts =
            |v: Vec<usize>| -> ArrayRef { Arc::new(UInt64Array::from_iter_values(v.into_iter().map(|d| d as u64))) };
        let floats = |v: Vec<f64>| -> ArrayRef { Arc::new(Float64Array::from(v)) };
        let labels =
            |v: Vec<usize>| -> ArrayRef { Arc::new(UInt32Array::from_iter_values(v.into_iter().map(|d| d as u32))) };
        push("degree", counts(self.degree()));
        push("in_degree", counts(self.in_degree()));
        push("out_degree", counts(self.out_degree()));
        push("strength", floats(self.strength()));
        push("degree_centrality", floats(self.degree_centrality()));
        // Each measure asked for; an empty network gives empty columns (the spectral measures refuse it).
        let or_empty = |r: crate::network::Result<Vec<f64>>| match r {
            Err(NetworkError::EmptyNetwork { .. }) if n == 0 => Ok(Vec::new()),
            r => r,
        };
        if let Some(o) = &measures.betweenness {
            push("betweenness", floats(self.betweenness_with(o)?));
        }
        if let Some(o) = &measures.closeness {
            push("closeness", floats(self.closeness_with(o)));
        }
        if let Some(w) = measures.harmonic {
            push("harmonic", floats(self.harmonic(w)));
        }
        if let Some(o) = &measures.eigenvector {
            push("eigenvector", floats(or_empty(self.eigenvector_with(o))?));
        }
        if let Some(o) = &measures.pagerank {
            push("pagerank", floats(or_empty(self.pagerank_with(o))?));
        }
        if let Some(o) = &measures.katz {
            push("katz", floats(or_empty(self.katz_with(o))?));
        }
        if let Some(w) = measures.clustering {
            push("clustering", floats(self.clustering(w)));
        }
        push("core_number", counts(self.core_numbers()));
        push("component", labels(self.components()));
        push("strong_component", labels(self.strong_components()));
        Ok(RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).map_err(ArrowError::from)?)
    }
}
