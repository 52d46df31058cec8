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
    serialises::<corridor::Country>();
    serialises::<corridor::Granularity>();
    serialises::<corridor::IntermediateRegion>();
    serialises::<corridor::Period>();
    serialises::<corridor::Region>();
    serialises::<corridor::Source>();
    serialises::<corridor::SubRegion>();
    deserialises::<corridor::Count>();
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
    serialises::<corridor::flow::AgeGroup>();
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
    serialises::<corridor::sim::Event>();
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
    value::<corridor::stats::BinSeg>();
    value::<corridor::stats::BlockBootstrap>();
    value::<corridor::stats::BlockScheme>();
    value::<corridor::stats::Bootstrap>();
    value::<corridor::stats::BootstrapResult>();
    value::<corridor::stats::Change>();
    value::<corridor::stats::Changepoints>();
    value::<corridor::stats::Cost>();
    value::<corridor::stats::CovType>();
    value::<corridor::stats::Crops>();
    value::<corridor::stats::CropsResult>();
    value::<corridor::stats::CropsSegmentation>();
    value::<corridor::stats::Design>();
    value::<corridor::stats::Effect>();
    value::<corridor::stats::Estimate>();
    value::<corridor::stats::Ets<'static>>();
    value::<corridor::stats::EtsErrorType>();
    value::<corridor::stats::EtsFit>();
    value::<corridor::stats::EtsModel>();
    value::<corridor::stats::EtsSeason>();
    value::<corridor::stats::EtsSpec>();
    value::<corridor::stats::EtsTrend>();
    value::<corridor::stats::Extreme>();
    value::<corridor::stats::Family>();
    value::<corridor::stats::Forecast>();
    value::<corridor::stats::GapPolicy>();
    value::<corridor::stats::Glm<'static>>();
    value::<corridor::stats::GlmFit>();
    value::<corridor::stats::HamedRao>();
    value::<corridor::stats::HoltWinters<'static>>();
    value::<corridor::stats::HoltWintersFit>();
    value::<corridor::stats::HwSeasonal>();
    value::<corridor::stats::HwTrend>();
    value::<corridor::stats::Interval>();
    value::<corridor::stats::Its<'static>>();
    value::<corridor::stats::ItsFit>();
    value::<corridor::stats::LoessDegree>();
    value::<corridor::stats::MannKendall>();
    value::<corridor::stats::Ols<'static>>();
    value::<corridor::stats::OlsFit>();
    value::<corridor::stats::Pelt>();
    value::<corridor::stats::Penalty>();
    value::<corridor::stats::Pettitt>();
    value::<corridor::stats::PoissonTest>();
    value::<corridor::stats::RateTest>();
    value::<corridor::stats::Reference>();
    value::<corridor::stats::Robustness>();
    value::<corridor::stats::SeasonalMannKendall>();
    value::<corridor::stats::SeasonalSensSlope>();
    value::<corridor::stats::SeasonalWindow>();
    value::<corridor::stats::Seasonality>();
    value::<corridor::stats::Segment>();
    value::<corridor::stats::SensSlope>();
    value::<corridor::stats::SmallSample>();
    value::<corridor::stats::StatsError>();
    value::<corridor::stats::Stl>();
    value::<corridor::stats::StlOptions>();
    value::<corridor::stats::Trend>();
    value::<corridor::stats::Window>();
}

#[cfg(feature = "serde")]
#[test]
fn stats_types_serialise() {
    serialises::<corridor::stats::Change>();
    serialises::<corridor::stats::Changepoints>();
    serialises::<corridor::stats::Cost>();
    serialises::<corridor::stats::CovType>();
    serialises::<corridor::stats::CropsResult>();
    serialises::<corridor::stats::CropsSegmentation>();
    serialises::<corridor::stats::Estimate>();
    serialises::<corridor::stats::EtsErrorType>();
    serialises::<corridor::stats::EtsFit>();
    serialises::<corridor::stats::EtsModel>();
    serialises::<corridor::stats::EtsSeason>();
    serialises::<corridor::stats::EtsSpec>();
    serialises::<corridor::stats::EtsTrend>();
    serialises::<corridor::stats::Extreme>();
    serialises::<corridor::stats::Family>();
    serialises::<corridor::stats::Forecast>();
    serialises::<corridor::stats::GapPolicy>();
    serialises::<corridor::stats::HamedRao>();
    serialises::<corridor::stats::HoltWintersFit>();
    serialises::<corridor::stats::HwSeasonal>();
    serialises::<corridor::stats::HwTrend>();
    serialises::<corridor::stats::Interval>();
    serialises::<corridor::stats::LoessDegree>();
    serialises::<corridor::stats::MannKendall>();
    serialises::<corridor::stats::Penalty>();
    serialises::<corridor::stats::Pettitt>();
    serialises::<corridor::stats::PoissonTest>();
    serialises::<corridor::stats::RateTest>();
    serialises::<corridor::stats::Reference>();
    serialises::<corridor::stats::Robustness>();
    serialises::<corridor::stats::SeasonalMannKendall>();
    serialises::<corridor::stats::SeasonalSensSlope>();
    serialises::<corridor::stats::SeasonalWindow>();
    serialises::<corridor::stats::Seasonality>();
    serialises::<corridor::stats::Segment>();
    serialises::<corridor::stats::SensSlope>();
    serialises::<corridor::stats::SmallSample>();
    serialises::<corridor::stats::Stl>();
    serialises::<corridor::stats::StlOptions>();
    deserialises::<corridor::stats::StlOptions>();
    serialises::<corridor::stats::Trend>();
    serialises::<corridor::stats::Window>();
    deserialises::<corridor::stats::Change>();
    deserialises::<corridor::stats::Cost>();
    deserialises::<corridor::stats::CovType>();
    deserialises::<corridor::stats::Estimate>();
    deserialises::<corridor::stats::EtsErrorType>();
    deserialises::<corridor::stats::EtsModel>();
    deserialises::<corridor::stats::EtsSeason>();
    deserialises::<corridor::stats::EtsSpec>();
    deserialises::<corridor::stats::EtsTrend>();
    deserialises::<corridor::stats::Family>();
    deserialises::<corridor::stats::GapPolicy>();
    deserialises::<corridor::stats::HwSeasonal>();
    deserialises::<corridor::stats::HwTrend>();
    deserialises::<corridor::stats::LoessDegree>();
    deserialises::<corridor::stats::Penalty>();
    deserialises::<corridor::stats::Reference>();
    deserialises::<corridor::stats::Robustness>();
    deserialises::<corridor::stats::SeasonalWindow>();
    deserialises::<corridor::stats::Seasonality>();
    deserialises::<corridor::stats::SmallSample>();
    deserialises::<corridor::stats::Trend>();
    deserialises::<corridor::stats::Window>();
}
