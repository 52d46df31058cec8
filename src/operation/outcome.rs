//! Outcomes of operations: typed measures, each a `Count` with its `Source`; seizures; fees.

use super::{OperationError, Result};
use crate::{Count, Country, Source};

words! {
    /// What an outcome figure counts. Measures stay apart: arrested is not charged.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::operation::{JointOperation, Measure, OperationKind, Outcome, Participant, ParticipantRole};
    /// use corridor::{Count, Country, Source};
    /// let s = Source::new("Ministerio Público de Panamá", "Imputan cargo a 8 colombianos")?;
    /// let op = JointOperation::builder("guna-yala-2022", "Guna Yala", OperationKind::National, "2022-06-08".parse()?)
    ///     .participant(Participant::new(Country::PAN, ParticipantRole::Lead))
    ///     .outcome(Outcome::new(Measure::Charged, Count::exact(8), s))
    ///     .build()?;
    /// // Charged is not arrested: with no arrest reported the arrests are unknown, not zero.
    /// assert_eq!(op.total(Measure::Charged), Some(Count::exact(8)));
    /// assert_eq!(op.total(Measure::Arrested), None);
    /// assert_eq!(op.arrests(), Count::at_least(0));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[non_exhaustive]
    pub enum Measure: "measure", OperationError::unknown {
        /// People arrested or detained.
        Arrested => "arrested",
        /// People charged (imputados).
        Charged => "charged",
        /// People convicted.
        Convicted => "convicted",
        /// People held in pretrial (provisional) detention.
        PretrialDetention => "pretrial_detention",
        /// People ordered to report periodically.
        PeriodicReporting => "periodic_reporting",
        /// People under house arrest.
        HouseArrest => "house_arrest",
        /// Raids and searches carried out.
        Raids => "raids",
        /// Arrest warrants.
        ArrestWarrants => "arrest_warrants",
        /// Search warrants.
        SearchWarrants => "search_warrants",
        /// Judicial proceedings opened.
        Proceedings => "proceedings",
        /// Victims or migrants rescued.
        Rescued => "rescued",
        /// Smuggled people identified.
        SmuggledIdentified => "smuggled_identified",
        /// People returned or removed.
        Returned => "returned",
        /// Migrants moved by organised transport (a humanitarian corridor).
        Transported => "transported",
        /// Removal or charter flights.
        Flights => "flights",
        /// Officers deployed.
        OfficersDeployed => "officers_deployed",
        /// Public officials among the people arrested.
        OfficialsArrested => "officials_arrested",
    }
}

/// One report of one figure: a measure, its [`Count`], the state it is attributed to (none: the whole
/// operation), the nationality it counts (none: all), its source and the fact id of the data it comes
/// from. Several reports of one figure are kept side by side.
///
/// ```
/// use corridor::operation::{Measure, Outcome};
/// use corridor::{Country, Source};
/// let s = Source::new("Foreign ministry", "statement")?;
/// let o = Outcome::parse(Measure::Rescued, "26", s.clone())?.nationality(Country::NIC);
/// assert_eq!(o.count().point(), 26);
/// assert!(Outcome::parse(Measure::Rescued, "-26", s).is_err());
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Outcome {
    measure: Measure,
    count: Count,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    state: Option<Country>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    nationality: Option<Country>,
    source: Source,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    fact: Option<String>,
}

impl Outcome {
    /// A report of `count` for `measure` from `source`, for the whole operation and every nationality.
    #[must_use]
    pub fn new(measure: Measure, count: Count, source: Source) -> Outcome {
        Outcome {
            measure,
            count,
            state: None,
            nationality: None,
            source,
            fact: None,
        }
    }

    /// A report whose count is given as text (`over 60`, `21-24`, `about 1,200`).
    ///
    /// # Errors
    ///
    /// [`OperationError::InvalidCount`] when the text is not a count (malformed or negative).
    pub fn parse(measure: Measure, text: &str, source: Source) -> Result<Outcome> {
        let count = text.parse().map_err(|e| OperationError::InvalidCount {
            text: text.to_owned(),
            source: e,
        })?;
        Ok(Outcome::new(measure, count, source))
    }

    /// Attributes the figure to one state.
    #[must_use]
    pub fn state(mut self, country: Country) -> Outcome {
        self.state = Some(country);
        self
    }

    /// Restricts the figure to one nationality.
    #[must_use]
    pub fn nationality(mut self, country: Country) -> Outcome {
        self.nationality = Some(country);
        self
    }

    /// Sets the fact id of the data it comes from (`S21`).
    #[must_use]
    pub fn fact(mut self, id: impl Into<String>) -> Outcome {
        self.fact = Some(id.into());
        self
    }

    /// The measure.
    #[must_use]
    pub fn measure(&self) -> Measure {
        self.measure
    }

    /// The figure with its precision.
    #[must_use]
    pub fn count(&self) -> Count {
        self.count
    }

    /// The state it is attributed to, `None` for the whole operation.
    #[must_use]
    pub fn in_state(&self) -> Option<Country> {
        self.state
    }

    /// The nationality it counts, `None` for all.
    #[must_use]
    pub fn of_nationality(&self) -> Option<Country> {
        self.nationality
    }

    /// The source.
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The fact id, if given.
    #[must_use]
    pub fn fact_id(&self) -> Option<&str> {
        self.fact.as_deref()
    }
}

/// Something seized: an item (`vehicles`, `boats`, `cash`…), a quantity as a [`Count`], an optional unit
/// and, for money, an ISO 4217 currency (quantities in whole units: B/.44,426.80 is `44426-44427`).
///
/// # Examples
///
/// ```
/// use corridor::operation::Seizure;
/// use corridor::{Count, Country, Source};
/// let s = Source::new("La Prensa Latina (EFE)", "More than 40 arrested")?;
/// // B/.44,426.80 in whole units.
/// let cash = Seizure::new("cash", Count::between(44_426, 44_427)?, s).currency("PAB").state(Country::PAN);
/// assert_eq!((cash.item(), cash.currency_code(), cash.in_state()), ("cash", Some("PAB"), Some(Country::PAN)));
/// assert!(cash.quantity().contains(44_426));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Seizure {
    item: String,
    quantity: Count,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    unit: Option<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    currency: Option<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    state: Option<Country>,
    source: Source,
}

impl Seizure {
    /// `quantity` of `item`, from `source`.
    #[must_use]
    pub fn new(item: impl Into<String>, quantity: Count, source: Source) -> Seizure {
        Seizure {
            item: item.into(),
            quantity,
            unit: None,
            currency: None,
            state: None,
            source,
        }
    }

    /// Sets the unit (`kg`).
    #[must_use]
    pub fn unit(mut self, unit: impl Into<String>) -> Seizure {
        self.unit = Some(unit.into());
        self
    }

    /// Sets the currency of money seized (checked by the operation's builder).
    #[must_use]
    pub fn currency(mut self, code: impl Into<String>) -> Seizure {
        self.currency = Some(code.into());
        self
    }

    /// Attributes it to one state.
    #[must_use]
    pub fn state(mut self, country: Country) -> Seizure {
        self.state = Some(country);
        self
    }

    /// The item.
    #[must_use]
    pub fn item(&self) -> &str {
        &self.item
    }

    /// The quantity.
    #[must_use]
    pub fn quantity(&self) -> Count {
        self.quantity
    }

    /// The unit, if any.
    #[must_use]
    pub fn unit_name(&self) -> Option<&str> {
        self.unit.as_deref()
    }

    /// The currency, for money.
    #[must_use]
    pub fn currency_code(&self) -> Option<&str> {
        self.currency.as_deref()
    }

    /// The state, if attributed.
    #[must_use]
    pub fn in_state(&self) -> Option<Country> {
        self.state
    }

    /// The source.
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }
}

/// The fee a network charged per person, as a range of whole currency units (US$14,000–25,000).
///
/// # Examples
///
/// ```
/// use corridor::operation::PersonFee;
/// use corridor::{Count, Source};
/// let s = Source::new("La Prensa Latina (EFE)", "More than 40 arrested")?;
/// let fee = PersonFee::new(Count::between(14_000, 25_000)?, "USD", s); // US$14,000–25,000 a person
/// assert_eq!((fee.amount().lower(), fee.amount().upper()), (14_000, Some(25_000)));
/// assert_eq!(fee.currency(), "USD");
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PersonFee {
    amount: Count,
    currency: String,
    source: Source,
}

impl PersonFee {
    /// A fee per person in `currency` (checked by the operation's builder).
    #[must_use]
    pub fn new(amount: Count, currency: impl Into<String>, source: Source) -> PersonFee {
        PersonFee {
            amount,
            currency: currency.into(),
            source,
        }
    }

    /// The amount, with its precision.
    #[must_use]
    pub fn amount(&self) -> Count {
        self.amount
    }

    /// The ISO 4217 currency.
    #[must_use]
    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// The source.
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }
}

/// The spread of several reports of one figure: the lowest lower bound, the highest upper bound (none if
/// any report is unbounded) and the first report's point estimate (clamped into the bounds). One report,
/// or several equal ones, is returned unchanged. `None` without reports.
pub(crate) fn spread(mut reports: impl Iterator<Item = Count>) -> Option<Count> {
    let first = reports.next()?;
    let (mut lower, mut upper, mut same) = (first.lower(), first.upper(), true);
    for c in reports {
        same &= c == first;
        lower = lower.min(c.lower());
        upper = match (upper, c.upper()) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
    }
    if same {
        return Some(first);
    }
    let point = first.point().max(lower);
    let point = upper.map_or(point, |u| point.min(u));
    Some(Count::from_bounds(lower, upper, point).unwrap_or(Count::at_least(lower)))
}

/// The total of reports of one measure (see [`super::JointOperation::total`]): disagreeing reports of one
/// figure (same state, same nationality) as their spread; figures of states summed, bounds kept; a
/// figure for the whole operation only when no state has its own; within a state, a figure for all
/// nationalities before the sum of figures by nationality. `None` without reports.
pub(crate) fn total_of<'a>(reports: impl IntoIterator<Item = &'a Outcome>) -> Option<Count> {
    let reports: Vec<&Outcome> = reports.into_iter().collect();
    if reports.is_empty() {
        return None;
    }
    let per_state = |state: Option<Country>| -> Option<Count> {
        let of_state: Vec<&&Outcome> = reports.iter().filter(|o| o.in_state() == state).collect();
        if let Some(all) = spread(
            of_state
                .iter()
                .filter(|o| o.of_nationality().is_none())
                .map(|o| o.count()),
        ) {
            return Some(all);
        }
        let mut nats: Vec<Country> = of_state.iter().filter_map(|o| o.of_nationality()).collect();
        nats.sort_unstable();
        nats.dedup();
        let mut sum: Option<Count> = None;
        for n in nats {
            let c = spread(
                of_state
                    .iter()
                    .filter(|o| o.of_nationality() == Some(n))
                    .map(|o| o.count()),
            )?;
            sum = Some(sum.map_or(c, |s| s + c));
        }
        sum
    };
    let mut states: Vec<Country> = reports.iter().filter_map(|o| o.in_state()).collect();
    states.sort_unstable();
    states.dedup();
    if states.is_empty() {
        return per_state(None);
    }
    states
        .into_iter()
        .filter_map(|s| per_state(Some(s)))
        .reduce(|a, b| a + b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_of_reports() {
        // S21: Costa Rica 21 (EFE) or 24 (radio-corporacion.com).
        let s = spread([Count::exact(21), Count::exact(24)].into_iter()).unwrap();
        assert_eq!((s.lower(), s.upper(), s.point()), (21, Some(24), 21));
        let s = spread([Count::exact(45), Count::at_least(41)].into_iter()).unwrap();
        assert_eq!((s.lower(), s.upper()), (41, None));
        assert_eq!(spread([Count::about(50)].into_iter()), Some(Count::about(50)));
        assert_eq!(spread(core::iter::empty()), None);
    }

    #[test]
    fn malformed_counts() {
        let s = Source::new("x", "y").unwrap();
        for bad in ["-5", "lots", "", "24-21"] {
            assert!(
                matches!(
                    Outcome::parse(Measure::Arrested, bad, s.clone()),
                    Err(OperationError::InvalidCount { .. })
                ),
                "{bad:?}"
            );
        }
    }
}
