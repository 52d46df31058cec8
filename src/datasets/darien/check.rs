//! The statement of early 2022 checked against the embedded evidence that does not come from it.

use super::{annual_totals, monthly, operations, partners, statement, statement_2022};
use crate::impact::{ClaimCheck, ClaimKind, Engagement, Evidence, Figure, OperationRecord};
use crate::partner::{EngagementRecord, PartnerRegistry};
use crate::{Country, Period};

/// The Spanish name under which Panama's foreign ministry, the statement's publisher, also publishes
/// (facts S01, S02, S05, S09, S16 of the data): its press releases are not independent of its statement.
pub(super) const MIRE: &str = "Ministerio de Relaciones Exteriores de Panamá";

/// What links `partner` to the focal state, in words: the agreement's, meeting's or operation's name.
fn engagement_text(reg: &PartnerRegistry, record: &EngagementRecord) -> String {
    let agreement = |id: &str| reg.agreement(id).map_or_else(|| id.to_owned(), |a| a.name().to_owned());
    match record {
        EngagementRecord::Agreement { id } => agreement(id),
        EngagementRecord::Joined { id } => format!("joining {}", agreement(id)),
        EngagementRecord::Meeting { id, meeting } => format!("{meeting} ({})", agreement(id)),
        EngagementRecord::Activity { id } => reg
            .activities()
            .iter()
            .find(|a| a.id() == id)
            .map_or_else(|| id.clone(), |a| a.name().to_owned()),
    }
}

/// The engagements of `focal` within `within` in the registry, one per record and source (a record
/// without a source is never evidence, so it is not passed on).
fn engagements(reg: &PartnerRegistry, focal: Country, within: Period) -> Vec<Engagement> {
    let mut out = Vec::new();
    for e in reg.engagements(focal, within) {
        let what = engagement_text(reg, e.record());
        for s in e.sources() {
            out.push(Engagement::new(focal, e.partner(), e.period(), what.clone(), s.clone()));
        }
    }
    out
}

/// The seven claims of the statement of early 2022 ([`statement`]), in its order, each checked against
/// the embedded evidence that does not come from the statement's own publisher (Panama's foreign
/// ministry, under its English or its Spanish name):
///
/// - the monthly crossings ([`monthly`], SNM as tabulated by WOLA) and the annual and year-to-date totals
///   ([`annual_totals`], every disagreeing figure kept) for claims 1 and 2;
/// - the agreements, meetings and joint operations of the partner registry ([`partners`]) for claim 3;
/// - the operations log ([`operations`]) for claims 4 to 7.
///
/// The operations that only the statement reports (six alleged coyotes and 26 Nicaraguans "last month";
/// over 60 arrested in the Clan del Golfo network with Colombia) are set aside as the claim's own
/// source, so those claims are not verifiable; joint work with the Dominican Republic has no operation
/// behind it and stays a claim; Operación Fisher (S24) is a drug-logistics case without Colombia and is
/// said not to be evidence for claim 6. The monthly figures are Panama's own migration service's:
/// "independent" here means another publisher, not another government.
///
/// # Examples
/// ```
/// use corridor::datasets::darien;
/// use corridor::impact::Verdict;
///
/// let checks = darien::check_statement();
/// assert_eq!(checks.len(), 7);
/// // Claim 7, over 40 arrested with Costa Rica in September 2021: Crepúsculo's independent reports
/// // give 42 to 51 (S21, S23).
/// assert_eq!(checks[6].verdict(), Verdict::Consistent);
/// // Claim 6, over 60 in the Clan del Golfo network with Colombia: only the statement reports it.
/// assert_eq!(checks[5].verdict(), Verdict::NotVerifiable);
/// ```
///
/// # Panics
///
/// Never: the embedded data is checked by the crate's tests.
#[must_use]
pub fn check_statement() -> Vec<ClaimCheck> {
    let claims = statement();
    let own = statement_2022().source;
    let series = monthly();
    let reg = partners();
    let log = operations();
    let figures: Vec<Figure> = annual_totals()
        .into_iter()
        .map(|f| Figure::new(f.period(), *f.total(), f.source().clone()))
        .collect();
    let mut links = Vec::new();
    for c in &claims {
        if let ClaimKind::PartnerCount { focal, within, .. } = c.kind() {
            links.extend(engagements(&reg, *focal, *within));
        }
    }
    let evidence = Evidence::new()
        .monthly(&series)
        .annual(figures)
        .engagements(links)
        .operations(log.iter().map(OperationRecord::from))
        .same_publisher(own.publisher(), MIRE);
    claims.iter().map(|c| evidence.check(c)).collect()
}
