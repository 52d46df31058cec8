//! Every public type's common traits, checked at compile time: each is `Send`, `Sync` and `Debug`;
//! each but [`corridor::Error`] (it can hold an `std::io::Error`), `corridor::io::ReadReport` and
//! `corridor::io::EventReadReport` is `Clone`;
//! with the `serde` feature, the listed ones serialise, and those listed as deserialising do so through
//! their checks (tested in their own modules).
//!
//! The list was made from the crate's rustdoc JSON (every struct and enum reachable from the crate root);
//! a type added to the public API belongs here.

use std::fmt::Debug;

fn value<T: Send + Sync + Debug + Clone>() {}
fn shared<T: Send + Sync + Debug>() {}
#[cfg(feature = "serde")]
fn serialises<T: serde::Serialize>() {}
#[cfg(feature = "serde")]
fn deserialises<T: serde::de::DeserializeOwned>() {}

#[test]
fn root_types_are_thread_safe_debuggable_values() {
    value::<corridor::Count>();
    value::<corridor::CountError>();
    value::<corridor::CountNumbers>();
    value::<corridor::Country>();
    value::<corridor::CountryError>();
    shared::<corridor::Error>();
    value::<corridor::Granularity>();
    value::<corridor::IntermediateRegion>();
    value::<corridor::Period>();
    value::<corridor::PeriodError>();
    value::<corridor::Region>();
    value::<corridor::Source>();
    value::<corridor::SourceError>();
    value::<corridor::SubRegion>();
}

#[cfg(feature = "serde")]
#[test]
fn root_types_serialise() {
    serialises::<corridor::Count>();
    serialises::<corridor::CountKind>();
    serialises::<corridor::CountNumbers>();
    serialises::<corridor::Country>();
    serialises::<corridor::Granularity>();
    serialises::<corridor::IntermediateRegion>();
    serialises::<corridor::Period>();
    serialises::<corridor::Region>();
    serialises::<corridor::Source>();
    serialises::<corridor::SubRegion>();
    deserialises::<corridor::Count>();
    deserialises::<corridor::CountKind>();
    deserialises::<corridor::CountNumbers>();
    deserialises::<corridor::Country>();
    deserialises::<corridor::Granularity>();
    deserialises::<corridor::IntermediateRegion>();
    deserialises::<corridor::Period>();
    deserialises::<corridor::Region>();
    deserialises::<corridor::Source>();
    deserialises::<corridor::SubRegion>();
}

#[test]
fn count_types_are_thread_safe_debuggable_values() {
    value::<corridor::CountKind>();
}

#[test]
fn country_types_are_thread_safe_debuggable_values() {
    value::<corridor::AllCountries>();
}

#[test]
fn datasets_types_are_thread_safe_debuggable_values() {
    #[cfg(feature = "csv")]
    value::<corridor::datasets::darien::AnnualFigure>();
    #[cfg(feature = "csv")]
    value::<corridor::datasets::darien::DarienFit>();
    #[cfg(feature = "csv")]
    value::<corridor::datasets::darien::MonthlyFigure>();
    #[cfg(feature = "csv")]
    value::<corridor::datasets::darien::SimParameter>();
    #[cfg(feature = "csv")]
    value::<corridor::datasets::darien::Statement2022>();
    #[cfg(feature = "csv")]
    value::<corridor::datasets::darien::TotalKind>();
    #[cfg(feature = "csv")]
    value::<corridor::datasets::darien::ValueType>();
}

#[cfg(all(feature = "serde", feature = "csv"))]
#[test]
fn datasets_types_serialise() {
    serialises::<corridor::datasets::darien::AnnualFigure>();
    serialises::<corridor::datasets::darien::DarienFit>();
    serialises::<corridor::datasets::darien::MonthlyFigure>();
    serialises::<corridor::datasets::darien::SimParameter>();
    serialises::<corridor::datasets::darien::Statement2022>();
    serialises::<corridor::datasets::darien::TotalKind>();
    serialises::<corridor::datasets::darien::ValueType>();
    deserialises::<corridor::datasets::darien::TotalKind>();
    deserialises::<corridor::datasets::darien::ValueType>();
}

#[test]
fn flow_types_are_thread_safe_debuggable_values() {
    value::<corridor::flow::AgeGroup>();
    value::<corridor::flow::Aggregate>();
    value::<corridor::flow::Corridor>();
    value::<corridor::flow::CorridorBuilder>();
    value::<corridor::flow::Direction>();
    value::<corridor::flow::FlowError>();
    value::<corridor::flow::FlowFilter>();
    value::<corridor::flow::FlowRecord>();
    value::<corridor::flow::FlowSeries>();
    value::<corridor::flow::FlowTable>();
    value::<corridor::flow::Group>();
    value::<corridor::flow::GroupBy>();
    value::<corridor::flow::GroupKey>();
    value::<corridor::flow::GroupName>();
    value::<corridor::flow::Location>();
    value::<corridor::flow::LocationKind>();
    value::<corridor::flow::Nationality>();
    value::<corridor::flow::Partial>();
    value::<corridor::flow::RecordIter<'static>>();
    value::<corridor::flow::RecordRef<'static>>();
    value::<corridor::flow::SeriesIter<'static>>();
    value::<corridor::flow::Sex>();
    value::<corridor::flow::Share>();
    value::<corridor::flow::Stage>();
}

#[cfg(feature = "serde")]
#[test]
fn flow_types_serialise() {
    serialises::<corridor::flow::Aggregate>();
    serialises::<corridor::flow::AgeGroup>();
    serialises::<corridor::flow::FlowSeries>();
    serialises::<corridor::flow::FlowTable>();
    serialises::<corridor::flow::Group>();
    serialises::<corridor::flow::GroupBy>();
    serialises::<corridor::flow::GroupKey>();
    serialises::<corridor::flow::GroupName>();
    serialises::<corridor::flow::Partial>();
    serialises::<corridor::flow::Share>();
    deserialises::<corridor::flow::FlowTable>();
    deserialises::<corridor::flow::GroupBy>();
    deserialises::<corridor::flow::GroupKey>();
    deserialises::<corridor::flow::GroupName>();
    deserialises::<corridor::flow::Partial>();
    serialises::<corridor::flow::Corridor>();
    serialises::<corridor::flow::Direction>();
    serialises::<corridor::flow::FlowRecord>();
    serialises::<corridor::flow::Location>();
    serialises::<corridor::flow::LocationKind>();
    serialises::<corridor::flow::Nationality>();
    serialises::<corridor::flow::Sex>();
    serialises::<corridor::flow::Stage>();
    deserialises::<corridor::flow::AgeGroup>();
    deserialises::<corridor::flow::Corridor>();
    deserialises::<corridor::flow::Direction>();
    deserialises::<corridor::flow::FlowRecord>();
    deserialises::<corridor::flow::Location>();
    deserialises::<corridor::flow::LocationKind>();
    deserialises::<corridor::flow::Nationality>();
    deserialises::<corridor::flow::Sex>();
    deserialises::<corridor::flow::Stage>();
}

#[test]
fn impact_types_are_thread_safe_debuggable_values() {
    value::<corridor::impact::Baseline>();
    value::<corridor::impact::BaselineStatistic>();
    value::<corridor::impact::Caveat>();
    value::<corridor::impact::Claim>();
    value::<corridor::impact::ClaimCheck>();
    value::<corridor::impact::ClaimKind>();
    value::<corridor::impact::Covariance>();
    value::<corridor::impact::DatedEvent>();
    value::<corridor::impact::Discrepancy>();
    value::<corridor::impact::EffectEstimate>();
    value::<corridor::impact::EffectPoint>();
    value::<corridor::impact::Engagement>();
    value::<corridor::impact::Evidence<'static>>();
    value::<corridor::impact::EvidenceItem>();
    value::<corridor::impact::Figure>();
    value::<corridor::impact::FlowCapacity>();
    value::<corridor::impact::FlowEffect<'static>>();
    value::<corridor::impact::FlowEffectFit>();
    value::<corridor::impact::GapPolicy>();
    value::<corridor::impact::ImpactError>();
    value::<corridor::impact::ImpactReport>();
    value::<corridor::impact::Independence>();
    value::<corridor::impact::NetworkImpact>();
    value::<corridor::impact::NetworkState>();
    value::<corridor::impact::OperationRecord>();
    value::<corridor::impact::Rate>();
    value::<corridor::impact::RateReading>();
    value::<corridor::impact::ReportedFigure>();
    value::<corridor::impact::Subject>();
    value::<corridor::impact::Verdict>();
}

#[cfg(feature = "serde")]
#[test]
fn impact_types_serialise() {
    serialises::<corridor::impact::Baseline>();
    serialises::<corridor::impact::BaselineStatistic>();
    serialises::<corridor::impact::Caveat>();
    serialises::<corridor::impact::Claim>();
    serialises::<corridor::impact::ClaimCheck>();
    serialises::<corridor::impact::ClaimKind>();
    serialises::<corridor::impact::Covariance>();
    serialises::<corridor::impact::DatedEvent>();
    serialises::<corridor::impact::Discrepancy>();
    serialises::<corridor::impact::EffectEstimate>();
    serialises::<corridor::impact::EffectPoint>();
    serialises::<corridor::impact::EvidenceItem>();
    serialises::<corridor::impact::Figure>();
    serialises::<corridor::impact::FlowCapacity>();
    serialises::<corridor::impact::FlowEffectFit>();
    serialises::<corridor::impact::GapPolicy>();
    serialises::<corridor::impact::ImpactReport>();
    serialises::<corridor::impact::Independence>();
    serialises::<corridor::impact::NetworkImpact>();
    serialises::<corridor::impact::NetworkState>();
    serialises::<corridor::impact::Rate>();
    serialises::<corridor::impact::RateReading>();
    serialises::<corridor::impact::ReportedFigure>();
    serialises::<corridor::impact::Subject>();
    serialises::<corridor::impact::Verdict>();
    deserialises::<corridor::impact::Baseline>();
    deserialises::<corridor::impact::BaselineStatistic>();
    deserialises::<corridor::impact::Caveat>();
    deserialises::<corridor::impact::Claim>();
    deserialises::<corridor::impact::ClaimCheck>();
    deserialises::<corridor::impact::ClaimKind>();
    deserialises::<corridor::impact::Covariance>();
    deserialises::<corridor::impact::DatedEvent>();
    deserialises::<corridor::impact::Discrepancy>();
    deserialises::<corridor::impact::EffectEstimate>();
    deserialises::<corridor::impact::EffectPoint>();
    deserialises::<corridor::impact::EvidenceItem>();
    deserialises::<corridor::impact::Figure>();
    deserialises::<corridor::impact::FlowCapacity>();
    deserialises::<corridor::impact::FlowEffectFit>();
    deserialises::<corridor::impact::GapPolicy>();
    deserialises::<corridor::impact::ImpactReport>();
    deserialises::<corridor::impact::Independence>();
    deserialises::<corridor::impact::NetworkImpact>();
    deserialises::<corridor::impact::NetworkState>();
    deserialises::<corridor::impact::Rate>();
    deserialises::<corridor::impact::RateReading>();
    deserialises::<corridor::impact::ReportedFigure>();
    deserialises::<corridor::impact::Subject>();
    deserialises::<corridor::impact::Verdict>();
}

#[test]
fn io_types_are_thread_safe_debuggable_values() {
    #[cfg(feature = "arrow")]
    value::<corridor::io::ActorMeasures>();
    #[cfg(feature = "arrow")]
    value::<corridor::io::ArrowError>();
    value::<corridor::io::GraphmlError>();
    #[cfg(feature = "csv")]
    value::<corridor::io::EdgeListOptions>();
    #[cfg(feature = "csv")]
    value::<corridor::io::EventReadOptions>();
    #[cfg(feature = "csv")]
    shared::<corridor::io::EventReadReport>();
    #[cfg(feature = "csv")]
    value::<corridor::io::EdgeListReport>();
    #[cfg(feature = "csv")]
    value::<corridor::io::Header>();
    #[cfg(feature = "csv")]
    value::<corridor::io::ReadError>();
    #[cfg(feature = "csv")]
    value::<corridor::io::ReadMode>();
    #[cfg(feature = "csv")]
    value::<corridor::io::ReadOptions>();
    #[cfg(feature = "csv")]
    shared::<corridor::io::ReadReport>();
    #[cfg(feature = "csv")]
    value::<corridor::io::WriteOptions>();
    #[cfg(feature = "csv")]
    value::<corridor::io::flee::FleeClosure>();
    #[cfg(feature = "csv")]
    value::<corridor::io::flee::FleeClosureKind>();
    #[cfg(feature = "csv")]
    value::<corridor::io::flee::FleeConflicts>();
    #[cfg(feature = "csv")]
    value::<corridor::io::flee::FleeCounts>();
    #[cfg(feature = "csv")]
    value::<corridor::io::flee::FleeInput>();
    #[cfg(feature = "csv")]
    value::<corridor::io::flee::FleeKind>();
    #[cfg(feature = "csv")]
    value::<corridor::io::flee::FleeLocation>();
    #[cfg(feature = "csv")]
    value::<corridor::io::flee::FleeRoute>();
    #[cfg(feature = "csv")]
    value::<corridor::io::flee::FleeSettings>();
}

#[test]
fn network_types_are_thread_safe_debuggable_values() {
    value::<corridor::network::Actor>();
    value::<corridor::network::ActorId>();
    value::<corridor::network::ActorKind>();
    value::<corridor::network::Actors<'static>>();
    value::<corridor::network::Attack>();
    value::<corridor::network::AttackComparison>();
    value::<corridor::network::BetweennessOptions>();
    value::<corridor::network::BrokerageRoles>();
    value::<corridor::network::Capacity>();
    value::<corridor::network::ClosenessOptions>();
    value::<corridor::network::CorridorFlow>();
    value::<corridor::network::Disruption>();
    value::<corridor::network::DisruptionMetrics>();
    value::<corridor::network::EigenvectorOptions>();
    value::<corridor::network::Endpoints>();
    value::<corridor::network::Fee>();
    value::<corridor::network::Fragmentation>();
    value::<corridor::network::KatzOptions>();
    value::<corridor::network::NetworkBuilder>();
    value::<corridor::network::NetworkError>();
    value::<corridor::network::Normalization>();
    value::<corridor::network::PageRankOptions>();
    value::<corridor::network::Recovery>();
    value::<corridor::network::ResilienceCurve>();
    value::<corridor::network::ResiliencePoint>();
    value::<corridor::network::Role>();
    value::<corridor::network::SmugglingNetwork>();
    value::<corridor::network::Sources>();
    value::<corridor::network::StageServed>();
    value::<corridor::network::Extra>();
    value::<corridor::network::Tie>();
    value::<corridor::network::TieDirection>();
    value::<corridor::network::TieKind>();
    value::<corridor::network::Ties<'static>>();
    value::<corridor::network::Undated>();
    value::<corridor::network::Weighting>();
}

#[cfg(feature = "serde")]
#[test]
fn network_types_serialise() {
    serialises::<corridor::network::Actor>();
    serialises::<corridor::network::Attack>();
    serialises::<corridor::network::AttackComparison>();
    serialises::<corridor::network::BrokerageRoles>();
    serialises::<corridor::network::Capacity>();
    serialises::<corridor::network::CorridorFlow>();
    serialises::<corridor::network::Disruption>();
    serialises::<corridor::network::DisruptionMetrics>();
    serialises::<corridor::network::Endpoints>();
    serialises::<corridor::network::Fragmentation>();
    serialises::<corridor::network::Normalization>();
    serialises::<corridor::network::Recovery>();
    serialises::<corridor::network::ResilienceCurve>();
    serialises::<corridor::network::ResiliencePoint>();
    serialises::<corridor::network::Sources>();
    serialises::<corridor::network::Undated>();
    serialises::<corridor::network::Weighting>();
    deserialises::<corridor::network::Attack>();
    deserialises::<corridor::network::BrokerageRoles>();
    deserialises::<corridor::network::Capacity>();
    deserialises::<corridor::network::Endpoints>();
    deserialises::<corridor::network::Fragmentation>();
    deserialises::<corridor::network::Normalization>();
    deserialises::<corridor::network::Recovery>();
    deserialises::<corridor::network::Sources>();
    deserialises::<corridor::network::Undated>();
    deserialises::<corridor::network::Weighting>();
    serialises::<corridor::network::ActorId>();
    serialises::<corridor::network::ActorKind>();
    serialises::<corridor::network::Fee>();
    serialises::<corridor::network::Role>();
    serialises::<corridor::network::SmugglingNetwork>();
    serialises::<corridor::network::StageServed>();
    serialises::<corridor::network::Extra>();
    serialises::<corridor::network::Tie>();
    serialises::<corridor::network::TieDirection>();
    serialises::<corridor::network::TieKind>();
    deserialises::<corridor::network::Actor>();
    deserialises::<corridor::network::ActorId>();
    deserialises::<corridor::network::ActorKind>();
    deserialises::<corridor::network::Fee>();
    deserialises::<corridor::network::Role>();
    deserialises::<corridor::network::SmugglingNetwork>();
    deserialises::<corridor::network::StageServed>();
    deserialises::<corridor::network::Extra>();
    deserialises::<corridor::network::Tie>();
    deserialises::<corridor::network::TieDirection>();
    deserialises::<corridor::network::TieKind>();
}

#[test]
fn operation_types_are_thread_safe_debuggable_values() {
    value::<corridor::operation::Crime>();
    value::<corridor::operation::Iter<'static>>();
    value::<corridor::operation::JointOperation>();
    value::<corridor::operation::Measure>();
    value::<corridor::operation::OperationBuilder>();
    value::<corridor::operation::OperationError>();
    value::<corridor::operation::OperationKind>();
    value::<corridor::operation::OperationLog>();
    value::<corridor::operation::Outcome>();
    value::<corridor::operation::Participant>();
    value::<corridor::operation::ParticipantRole>();
    value::<corridor::operation::PartnerTotal>();
    value::<corridor::operation::PersonFee>();
    value::<corridor::operation::Phase>();
    value::<corridor::operation::Related>();
    value::<corridor::operation::Relation>();
    value::<corridor::operation::Retraction>();
    value::<corridor::operation::Seizure>();
    value::<corridor::operation::Target>();
    value::<corridor::operation::TimelineEntry>();
    value::<corridor::operation::TimelineEvent>();
    value::<corridor::operation::Totals<'static>>();
}

#[cfg(feature = "serde")]
#[test]
fn operation_types_serialise() {
    serialises::<corridor::operation::Crime>();
    serialises::<corridor::operation::JointOperation>();
    serialises::<corridor::operation::Measure>();
    serialises::<corridor::operation::OperationKind>();
    serialises::<corridor::operation::OperationLog>();
    serialises::<corridor::operation::Outcome>();
    serialises::<corridor::operation::Participant>();
    serialises::<corridor::operation::ParticipantRole>();
    serialises::<corridor::operation::PartnerTotal>();
    serialises::<corridor::operation::PersonFee>();
    serialises::<corridor::operation::Phase>();
    serialises::<corridor::operation::Related>();
    serialises::<corridor::operation::Relation>();
    serialises::<corridor::operation::Retraction>();
    serialises::<corridor::operation::Seizure>();
    serialises::<corridor::operation::Target>();
    serialises::<corridor::operation::TimelineEntry>();
    serialises::<corridor::operation::TimelineEvent>();
    deserialises::<corridor::operation::Crime>();
    deserialises::<corridor::operation::JointOperation>();
    deserialises::<corridor::operation::Measure>();
    deserialises::<corridor::operation::OperationKind>();
    deserialises::<corridor::operation::OperationLog>();
    deserialises::<corridor::operation::Outcome>();
    deserialises::<corridor::operation::Participant>();
    deserialises::<corridor::operation::ParticipantRole>();
    deserialises::<corridor::operation::PersonFee>();
    deserialises::<corridor::operation::Phase>();
    deserialises::<corridor::operation::Related>();
    deserialises::<corridor::operation::Relation>();
    deserialises::<corridor::operation::Retraction>();
    deserialises::<corridor::operation::Seizure>();
    deserialises::<corridor::operation::Target>();
    deserialises::<corridor::operation::TimelineEntry>();
    deserialises::<corridor::operation::TimelineEvent>();
}

#[test]
fn partner_types_are_thread_safe_debuggable_values() {
    value::<corridor::partner::Activity>();
    value::<corridor::partner::ActivityKind>();
    value::<corridor::partner::Agreement>();
    value::<corridor::partner::AgreementBuilder>();
    value::<corridor::partner::AgreementKind>();
    value::<corridor::partner::Agreements<'static>>();
    value::<corridor::partner::Binding>();
    value::<corridor::partner::CameoCode>();
    value::<corridor::partner::Commitment>();
    value::<corridor::partner::CommitmentCategory>();
    value::<corridor::partner::CooperationEvent>();
    value::<corridor::partner::CooperationEvents>();
    value::<corridor::partner::CooperationNetwork>();
    value::<corridor::partner::CooperationWeight>();
    value::<corridor::partner::DyadCounts>();
    value::<corridor::partner::Engagement>();
    value::<corridor::partner::EngagementRecord>();
    value::<corridor::partner::EventNetwork>();
    value::<corridor::partner::Events<'static>>();
    value::<corridor::partner::Funding>();
    value::<corridor::partner::Meeting>();
    value::<corridor::partner::Mode>();
    value::<corridor::partner::PartnerError>();
    value::<corridor::partner::PartnerEvents<'static>>();
    value::<corridor::partner::PartnerRegistry>();
    value::<corridor::partner::PartnerState>();
    value::<corridor::partner::PartnerSummary>();
    value::<corridor::partner::Party>();
    value::<corridor::partner::PartyCount>();
    value::<corridor::partner::PartyRole>();
    value::<corridor::partner::QuadClass>();
    value::<corridor::partner::QuotaSchedule>();
    value::<corridor::partner::QuotaStep>();
    value::<corridor::partner::RoleSpell>();
    value::<corridor::partner::StateRole>();
    value::<corridor::partner::Target>();
    value::<corridor::partner::Weekdays>();
}

#[cfg(feature = "serde")]
#[test]
fn partner_types_serialise() {
    serialises::<corridor::partner::Activity>();
    serialises::<corridor::partner::CooperationNetwork>();
    serialises::<corridor::partner::CooperationEvents>();
    deserialises::<corridor::partner::CooperationEvents>();
    serialises::<corridor::partner::DyadCounts>();
    serialises::<corridor::partner::EventNetwork>();
    serialises::<corridor::partner::ActivityKind>();
    serialises::<corridor::partner::Agreement>();
    serialises::<corridor::partner::AgreementKind>();
    serialises::<corridor::partner::Binding>();
    serialises::<corridor::partner::CameoCode>();
    serialises::<corridor::partner::Commitment>();
    serialises::<corridor::partner::CommitmentCategory>();
    serialises::<corridor::partner::CooperationEvent>();
    serialises::<corridor::partner::CooperationWeight>();
    serialises::<corridor::partner::Engagement>();
    serialises::<corridor::partner::EngagementRecord>();
    serialises::<corridor::partner::Funding>();
    serialises::<corridor::partner::Meeting>();
    serialises::<corridor::partner::Mode>();
    serialises::<corridor::partner::PartnerRegistry>();
    serialises::<corridor::partner::PartnerState>();
    serialises::<corridor::partner::PartnerSummary>();
    serialises::<corridor::partner::Party>();
    serialises::<corridor::partner::PartyCount>();
    serialises::<corridor::partner::PartyRole>();
    serialises::<corridor::partner::QuadClass>();
    serialises::<corridor::partner::QuotaSchedule>();
    serialises::<corridor::partner::QuotaStep>();
    serialises::<corridor::partner::RoleSpell>();
    serialises::<corridor::partner::StateRole>();
    serialises::<corridor::partner::Target>();
    serialises::<corridor::partner::Weekdays>();
    deserialises::<corridor::partner::Activity>();
    deserialises::<corridor::partner::ActivityKind>();
    deserialises::<corridor::partner::Agreement>();
    deserialises::<corridor::partner::AgreementKind>();
    deserialises::<corridor::partner::Binding>();
    deserialises::<corridor::partner::CameoCode>();
    deserialises::<corridor::partner::Commitment>();
    deserialises::<corridor::partner::CommitmentCategory>();
    deserialises::<corridor::partner::CooperationEvent>();
    deserialises::<corridor::partner::CooperationWeight>();
    deserialises::<corridor::partner::Engagement>();
    deserialises::<corridor::partner::EngagementRecord>();
    deserialises::<corridor::partner::Funding>();
    deserialises::<corridor::partner::Meeting>();
    deserialises::<corridor::partner::Mode>();
    deserialises::<corridor::partner::PartnerRegistry>();
    deserialises::<corridor::partner::PartnerState>();
    deserialises::<corridor::partner::Party>();
    deserialises::<corridor::partner::PartyCount>();
    deserialises::<corridor::partner::PartyRole>();
    deserialises::<corridor::partner::QuadClass>();
    deserialises::<corridor::partner::QuotaSchedule>();
    deserialises::<corridor::partner::QuotaStep>();
    deserialises::<corridor::partner::RoleSpell>();
    deserialises::<corridor::partner::StateRole>();
    deserialises::<corridor::partner::Target>();
    deserialises::<corridor::partner::Weekdays>();
}

#[test]
fn period_types_are_thread_safe_debuggable_values() {
    value::<corridor::Days>();
    value::<corridor::Periods>();
}

#[test]
fn plot_types_are_thread_safe_debuggable_values() {
    #[cfg(feature = "plot")]
    value::<corridor::plot::Chart>();
    #[cfg(feature = "plot")]
    value::<corridor::plot::PlotError>();
    #[cfg(feature = "plot")]
    value::<corridor::plot::SeriesChart>();
    #[cfg(feature = "plot")]
    value::<corridor::plot::StocksChart>();
}

#[test]
fn sim_types_are_thread_safe_debuggable_values() {
    value::<corridor::sim::Calibration>();
    value::<corridor::sim::Ensemble>();
    value::<corridor::sim::Event>();
    value::<corridor::sim::Fit>();
    value::<corridor::sim::Loss>();
    value::<corridor::sim::Measure>();
    value::<corridor::sim::Model>();
    value::<corridor::sim::ModelBuilder>();
    value::<corridor::sim::Place>();
    value::<corridor::sim::PlaceKind>();
    value::<corridor::sim::PlaceSummary>();
    value::<corridor::sim::QuotaRule>();
    value::<corridor::sim::QuotaSchedule>();
    value::<corridor::sim::Route>();
    value::<corridor::sim::Run>();
    value::<corridor::sim::Scenario>();
    value::<corridor::sim::SimError>();
    value::<corridor::sim::Target>();
    value::<corridor::sim::Transit>();
    value::<corridor::sim::Weekdays>();
}

#[cfg(feature = "serde")]
#[test]
fn sim_types_serialise() {
    serialises::<corridor::sim::Ensemble>();
    serialises::<corridor::sim::Event>();
    serialises::<corridor::sim::Fit>();
    serialises::<corridor::sim::Loss>();
    serialises::<corridor::sim::Measure>();
    serialises::<corridor::sim::Run>();
    deserialises::<corridor::sim::Loss>();
    deserialises::<corridor::sim::Measure>();
    serialises::<corridor::sim::Model>();
    serialises::<corridor::sim::Place>();
    serialises::<corridor::sim::PlaceKind>();
    serialises::<corridor::sim::PlaceSummary>();
    serialises::<corridor::sim::QuotaRule>();
    serialises::<corridor::sim::QuotaSchedule>();
    serialises::<corridor::sim::Route>();
    serialises::<corridor::sim::Scenario>();
    serialises::<corridor::sim::Target>();
    serialises::<corridor::sim::Transit>();
    serialises::<corridor::sim::Weekdays>();
    deserialises::<corridor::sim::Place>();
    deserialises::<corridor::sim::PlaceKind>();
    deserialises::<corridor::sim::QuotaRule>();
    deserialises::<corridor::sim::QuotaSchedule>();
    deserialises::<corridor::sim::Target>();
    deserialises::<corridor::sim::Weekdays>();
}

#[test]
fn stats_types_are_thread_safe_debuggable_values() {
    value::<corridor::stats::changepoint::BinSeg>();
    value::<corridor::stats::bootstrap::BlockBootstrap>();
    value::<corridor::stats::bootstrap::BlockScheme>();
    value::<corridor::stats::bootstrap::Bootstrap>();
    value::<corridor::stats::bootstrap::BootstrapResult>();
    value::<corridor::stats::descriptive::Change>();
    value::<corridor::stats::Changepoints>();
    value::<corridor::stats::Cost>();
    value::<corridor::stats::regression::CovType>();
    value::<corridor::stats::changepoint::Crops>();
    value::<corridor::stats::changepoint::CropsResult>();
    value::<corridor::stats::changepoint::CropsSegmentation>();
    value::<corridor::stats::regression::Design>();
    value::<corridor::stats::its::Effect>();
    value::<corridor::stats::Estimate>();
    value::<corridor::stats::forecast::Ets<'static>>();
    value::<corridor::stats::forecast::EtsErrorType>();
    value::<corridor::stats::forecast::EtsFit>();
    value::<corridor::stats::forecast::EtsModel>();
    value::<corridor::stats::forecast::EtsSeason>();
    value::<corridor::stats::forecast::EtsSpec>();
    value::<corridor::stats::forecast::EtsTrend>();
    value::<corridor::stats::descriptive::Extreme>();
    value::<corridor::stats::Family>();
    value::<corridor::stats::forecast::Forecast>();
    value::<corridor::stats::descriptive::GapPolicy>();
    value::<corridor::stats::glm::Glm<'static>>();
    value::<corridor::stats::glm::GlmFit>();
    value::<corridor::stats::trend::HamedRao>();
    value::<corridor::stats::forecast::HoltWinters<'static>>();
    value::<corridor::stats::forecast::HoltWintersFit>();
    value::<corridor::stats::forecast::HwSeasonal>();
    value::<corridor::stats::forecast::HwTrend>();
    value::<corridor::stats::Interval>();
    value::<corridor::stats::Its<'static>>();
    value::<corridor::stats::ItsFit>();
    value::<corridor::stats::decompose::LoessDegree>();
    value::<corridor::stats::MannKendall>();
    value::<corridor::stats::regression::Ols<'static>>();
    value::<corridor::stats::regression::OlsFit>();
    value::<corridor::stats::Pelt>();
    value::<corridor::stats::Penalty>();
    value::<corridor::stats::trend::Pettitt>();
    value::<corridor::stats::rate::PoissonTest>();
    value::<corridor::stats::RateTest>();
    value::<corridor::stats::regression::Reference>();
    value::<corridor::stats::decompose::Robustness>();
    value::<corridor::stats::trend::SeasonalMannKendall>();
    value::<corridor::stats::trend::SeasonalSensSlope>();
    value::<corridor::stats::decompose::SeasonalWindow>();
    value::<corridor::stats::its::Seasonality>();
    value::<corridor::stats::changepoint::Segment>();
    value::<corridor::stats::SensSlope>();
    value::<corridor::stats::regression::SmallSample>();
    value::<corridor::stats::StatsError>();
    value::<corridor::stats::Stl>();
    value::<corridor::stats::StlOptions>();
    value::<corridor::stats::regression::TestDistribution>();
    value::<corridor::stats::trend::Trend>();
    value::<corridor::stats::descriptive::Window>();
}

#[cfg(feature = "serde")]
#[test]
fn stats_types_serialise() {
    serialises::<corridor::stats::bootstrap::BootstrapResult>();
    serialises::<corridor::stats::its::Effect>();
    serialises::<corridor::stats::glm::GlmFit>();
    serialises::<corridor::stats::ItsFit>();
    serialises::<corridor::stats::regression::OlsFit>();
    serialises::<corridor::stats::regression::TestDistribution>();
    deserialises::<corridor::stats::regression::TestDistribution>();
    serialises::<corridor::stats::descriptive::Change>();
    serialises::<corridor::stats::Changepoints>();
    serialises::<corridor::stats::Cost>();
    serialises::<corridor::stats::regression::CovType>();
    serialises::<corridor::stats::changepoint::CropsResult>();
    serialises::<corridor::stats::changepoint::CropsSegmentation>();
    serialises::<corridor::stats::Estimate>();
    serialises::<corridor::stats::forecast::EtsErrorType>();
    serialises::<corridor::stats::forecast::EtsFit>();
    serialises::<corridor::stats::forecast::EtsModel>();
    serialises::<corridor::stats::forecast::EtsSeason>();
    serialises::<corridor::stats::forecast::EtsSpec>();
    serialises::<corridor::stats::forecast::EtsTrend>();
    serialises::<corridor::stats::descriptive::Extreme>();
    serialises::<corridor::stats::Family>();
    serialises::<corridor::stats::forecast::Forecast>();
    serialises::<corridor::stats::descriptive::GapPolicy>();
    serialises::<corridor::stats::trend::HamedRao>();
    serialises::<corridor::stats::forecast::HoltWintersFit>();
    serialises::<corridor::stats::forecast::HwSeasonal>();
    serialises::<corridor::stats::forecast::HwTrend>();
    serialises::<corridor::stats::Interval>();
    serialises::<corridor::stats::decompose::LoessDegree>();
    serialises::<corridor::stats::MannKendall>();
    serialises::<corridor::stats::Penalty>();
    serialises::<corridor::stats::trend::Pettitt>();
    serialises::<corridor::stats::rate::PoissonTest>();
    serialises::<corridor::stats::RateTest>();
    serialises::<corridor::stats::regression::Reference>();
    serialises::<corridor::stats::decompose::Robustness>();
    serialises::<corridor::stats::trend::SeasonalMannKendall>();
    serialises::<corridor::stats::trend::SeasonalSensSlope>();
    serialises::<corridor::stats::decompose::SeasonalWindow>();
    serialises::<corridor::stats::its::Seasonality>();
    serialises::<corridor::stats::changepoint::Segment>();
    serialises::<corridor::stats::SensSlope>();
    serialises::<corridor::stats::regression::SmallSample>();
    serialises::<corridor::stats::Stl>();
    serialises::<corridor::stats::StlOptions>();
    deserialises::<corridor::stats::StlOptions>();
    serialises::<corridor::stats::trend::Trend>();
    serialises::<corridor::stats::descriptive::Window>();
    deserialises::<corridor::stats::descriptive::Change>();
    deserialises::<corridor::stats::Cost>();
    deserialises::<corridor::stats::regression::CovType>();
    deserialises::<corridor::stats::Estimate>();
    deserialises::<corridor::stats::forecast::EtsErrorType>();
    deserialises::<corridor::stats::forecast::EtsModel>();
    deserialises::<corridor::stats::forecast::EtsSeason>();
    deserialises::<corridor::stats::forecast::EtsSpec>();
    deserialises::<corridor::stats::forecast::EtsTrend>();
    deserialises::<corridor::stats::Family>();
    deserialises::<corridor::stats::descriptive::GapPolicy>();
    deserialises::<corridor::stats::forecast::HwSeasonal>();
    deserialises::<corridor::stats::forecast::HwTrend>();
    deserialises::<corridor::stats::decompose::LoessDegree>();
    deserialises::<corridor::stats::Penalty>();
    deserialises::<corridor::stats::regression::Reference>();
    deserialises::<corridor::stats::decompose::Robustness>();
    deserialises::<corridor::stats::decompose::SeasonalWindow>();
    deserialises::<corridor::stats::its::Seasonality>();
    deserialises::<corridor::stats::regression::SmallSample>();
    deserialises::<corridor::stats::trend::Trend>();
    deserialises::<corridor::stats::descriptive::Window>();
}
