//! Where the domains meet: an operation's arrests on a smuggling network, an intervention's effect on a
//! flow, a statement's claims against independent evidence, and the report that gathers them.
//!
//! - [`FlowEffect`]: the flow effect around an operation's or agreement's date, an interrupted time
//!   series on a [`FlowSeries`](crate::flow::FlowSeries) with seasonal terms, an optional control
//!   series, a stated [`GapPolicy`] and plain-words [`Caveat`]s.
//! - [`Claim`], [`Evidence`], [`ClaimCheck`], [`Verdict`]: a claim with the bounds of its phrase
//!   ("nearly 140,000", "more than ten") and its [`Source`](crate::Source), checked only against
//!   evidence from other sources; the check says what the evidence could and could not decide.
//! - [`NetworkImpact`]: an operation's arrests removed from a
//!   [`SmugglingNetwork`](crate::network::SmugglingNetwork), its measures and corridor capacity before
//!   and after.
//! - [`ImpactReport`]: all of it for one operation, agreement or statement, each number with its
//!   source, serialisable to JSON.
//!
//! Nothing here fills a gap with zero, and nothing confirms a claim with its own source.

mod claim;
mod error;
mod flow_effect;
mod network;
mod report;

pub use claim::{
    Baseline, BaselineStatistic, Claim, ClaimCheck, ClaimKind, Discrepancy, Engagement, Evidence, EvidenceItem, Figure,
    Independence, OperationRecord, Rate, RateReading, Verdict,
};
pub use error::{ImpactError, Result};
pub use flow_effect::{
    Caveat, Covariance, DatedEvent, EffectEstimate, EffectPoint, FlowEffect, FlowEffectFit, GapPolicy,
    RECOMMENDED_SEGMENT,
};
pub use network::{FlowCapacity, NetworkImpact, NetworkState};
pub use report::{ImpactReport, ReportedFigure, Subject};
