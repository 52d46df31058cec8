//! The vocabulary of operations: kinds, crimes, participant roles, relations between records.

use super::OperationError;

words! {
    /// How an operation was run. Every kind but [`OperationKind::National`] and
    /// [`OperationKind::Unspecified`] is joint and needs at least two states.
    ///
    /// Text form: the snake-case name (`joint_investigation`).
    ///
    /// ```
    /// use corridor::operation::OperationKind;
    /// assert!(OperationKind::JointInvestigation.is_joint());
    /// assert!(!OperationKind::National.is_joint());
    /// assert_eq!("joint_action_days".parse::<OperationKind>()?, OperationKind::JointActionDays);
    /// # Ok::<(), corridor::operation::OperationError>(())
    /// ```
    #[non_exhaustive]
    pub enum OperationKind: "operation kind", OperationError::unknown {
        /// A joint investigation ending in coordinated raids (Crepúsculo).
        JointInvestigation => "joint_investigation",
        /// Coordinated action days of several states' agencies.
        JointActionDays => "joint_action_days",
        /// Joint, in a form the source does not state ("with Colombian authorities").
        Joint => "joint",
        /// A joint campaign at a border.
        BorderCampaign => "border_campaign",
        /// Joint interdiction at sea.
        InterdictionAtSea => "interdiction_at_sea",
        /// Removal or repatriation flights run or paid for together.
        RemovalFlights => "removal_flights",
        /// One state acting on another's intelligence.
        IntelligenceSharing => "intelligence_sharing",
        /// A humanitarian corridor or controlled transport of migrants.
        HumanitarianCorridor => "humanitarian_corridor",
        /// Run by one state (others may support it).
        National => "national",
        /// The source does not say how it was run.
        Unspecified => "unspecified",
    }
}

impl OperationKind {
    /// Whether the kind is joint (needs at least two states).
    #[must_use]
    pub fn is_joint(self) -> bool {
        !matches!(self, OperationKind::National | OperationKind::Unspecified)
    }
}

words! {
    /// What an operation targeted. Operación Fisher (fact S24) targeted drug trafficking and money
    /// laundering, not migrant smuggling: queries on smuggling leave it out.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::operation::{Crime, JointOperation, OperationKind, Participant, ParticipantRole};
    /// use corridor::Country;
    /// assert_eq!("smuggling".parse::<Crime>()?, Crime::MigrantSmuggling);
    /// let fisher = JointOperation::builder("fisher-2021", "Operación Fisher", OperationKind::National, "2021-12".parse()?)
    ///     .crime(Crime::DrugTrafficking)
    ///     .participant(Participant::new(Country::PAN, ParticipantRole::Lead))
    ///     .build()?;
    /// assert!(!fisher.targets_crime(Crime::MigrantSmuggling));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[non_exhaustive]
    pub enum Crime: "crime", OperationError::unknown {
        /// Migrant smuggling.
        MigrantSmuggling => "migrant_smuggling" | "smuggling",
        /// Trafficking in persons.
        HumanTrafficking => "human_trafficking" | "trafficking",
        /// Drug trafficking and its logistics.
        DrugTrafficking => "drug_trafficking",
        /// Money laundering.
        MoneyLaundering => "money_laundering",
        /// Organised crime in general (armed groups, robbery on the trails).
        OrganisedCrime => "organised_crime",
        /// Not a crime: managing irregular flows (transport, returns).
        FlowManagement => "flow_management",
    }
}

words! {
    /// The role of a state in an operation.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::operation::{Participant, ParticipantRole};
    /// use corridor::Country;
    /// let p = Participant::new(Country::USA, ParticipantRole::Lead).agency("HSI");
    /// assert_eq!((p.role(), p.role().as_str()), (ParticipantRole::Lead, "lead"));
    /// assert_eq!("co_lead".parse::<ParticipantRole>()?, ParticipantRole::CoLead);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[non_exhaustive]
    pub enum ParticipantRole: "participant role", OperationError::unknown {
        /// Leads the operation.
        Lead => "lead",
        /// Leads together with others.
        CoLead => "co_lead",
        /// Coordinates.
        Coordinator => "coordinator",
        /// Takes part.
        Participant => "participant",
        /// Supports (equipment, training, liaison).
        Supporting => "supporting",
        /// Pays for it.
        Funding => "funding",
        /// Provides intelligence.
        IntelligenceProvider => "intelligence_provider",
    }
}

words! {
    /// How a record relates to another (an operation or an agreement, by id).
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::operation::{Related, Relation};
    /// let r = Related::new(Relation::ContinuationOf, "crepusculo-2021");
    /// assert_eq!((r.relation(), r.id()), (Relation::ContinuationOf, "crepusculo-2021"));
    /// assert_eq!("possibly_same_as".parse::<Relation>()?, Relation::PossiblySameAs);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[non_exhaustive]
    pub enum Relation: "relation", OperationError::unknown {
        /// A later phase of the other operation (Crepúsculo 2 of Crepúsculo).
        ContinuationOf => "continuation_of",
        /// Part of a larger operation or campaign.
        PartOf => "part_of",
        /// Carries out an agreement (an operation under a trilateral campaign).
        Implements => "implements",
        /// The same event, reported differently.
        SameEventAs => "same_event_as",
        /// Probably the same event; the sources do not settle it.
        PossiblySameAs => "possibly_same_as",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for k in OperationKind::ALL {
            assert_eq!(k.as_str().parse::<OperationKind>().unwrap(), k);
        }
        for c in Crime::ALL {
            assert_eq!(c.as_str().parse::<Crime>().unwrap(), c);
        }
        for r in ParticipantRole::ALL {
            assert_eq!(r.as_str().parse::<ParticipantRole>().unwrap(), r);
        }
        for r in Relation::ALL {
            assert_eq!(r.as_str().parse::<Relation>().unwrap(), r);
        }
        assert!(matches!(
            "raid".parse::<OperationKind>(),
            Err(OperationError::UnknownWord {
                what: "operation kind",
                ..
            })
        ));
    }
}
