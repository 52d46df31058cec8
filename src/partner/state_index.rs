//! The states of a cooperation network in actor order, shared by [`CooperationNetwork`](super::CooperationNetwork)
//! and [`EventNetwork`](super::EventNetwork).

use crate::Country;
use crate::network::{Actor, ActorId, NetworkBuilder};

/// States in alpha-3 order, actor `k` being state `k`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct StateIndex(Vec<Country>);

impl StateIndex {
    /// Adds one actor per state to `b`, a builder with no actors yet: an organisation named by the
    /// state's ISO short name, with the alpha-3 code as alias and the country set. `states` are sorted
    /// and distinct. Returns the index and the builder's ids of the actors, in the same order.
    pub(super) fn add_actors(states: Vec<Country>, b: &mut NetworkBuilder) -> (Self, Vec<ActorId>) {
        let ids = states
            .iter()
            .map(|c| b.add_actor(Actor::organisation(c.name()).alias(c.alpha3()).country(*c)))
            .collect();
        (Self(states), ids)
    }

    /// The builder's id of `state` among `ids` (from [`Self::add_actors`]).
    pub(super) fn id_in(&self, ids: &[ActorId], state: Country) -> Option<ActorId> {
        self.0.binary_search(&state).ok().map(|k| ids[k])
    }

    /// The states in actor order.
    pub(super) fn as_slice(&self) -> &[Country] {
        &self.0
    }

    /// The actor of `state`, if it is one.
    pub(super) fn actor(&self, state: Country) -> Option<ActorId> {
        self.0.binary_search(&state).ok().map(ActorId::new)
    }

    /// The state of actor `id`.
    pub(super) fn state(&self, id: ActorId) -> Option<Country> {
        self.0.get(id.index()).copied()
    }

    /// States ranked by a per-actor score, highest first, ties in alpha-3 order; scores beyond the
    /// number of states are ignored, NaN ranks last.
    pub(super) fn ranked(&self, scores: &[f64]) -> Vec<(Country, f64)> {
        let mut out: Vec<(Country, f64)> = self.0.iter().copied().zip(scores.iter().copied()).collect();
        out.sort_by(|x, y| {
            let key = |v: f64| if v.is_nan() { f64::NEG_INFINITY } else { v };
            key(y.1).total_cmp(&key(x.1)).then(x.0.cmp(&y.0))
        });
        out
    }
}
