//! Commitments of an agreement and their quantitative targets, such as a dated quota schedule.

use core::fmt;
use core::str::FromStr;

use time::{Date, Weekday};

use super::{PartnerError, Result};
use crate::{Count, Source};

words! {
    /// What a commitment is about.
    ///
    /// Text form: `enforcement`, `humanitarian`, `development`, `returns`, `legal_pathways`,
    /// `information_sharing`, `coordination`, `flow_management`.
    ///
    /// # Examples
    ///
    /// ```
    /// use corridor::partner::{Commitment, CommitmentCategory};
    /// let c = Commitment::new(CommitmentCategory::Coordination, "weekly follow-up meetings");
    /// assert_eq!(c.category(), CommitmentCategory::Coordination);
    /// assert_eq!("root_causes".parse::<CommitmentCategory>()?, CommitmentCategory::Development);
    /// # Ok::<(), corridor::partner::PartnerError>(())
    /// ```
    #[non_exhaustive]
    pub enum CommitmentCategory: "commitment category", PartnerError::unknown {
        /// Fighting smuggling, trafficking and organised crime.
        Enforcement => "enforcement",
        /// Protection, reception and assistance of migrants.
        Humanitarian => "humanitarian",
        /// Development and root causes (border communities, prevention funds).
        Development => "development" | "root_causes",
        /// Returns, removals and readmission.
        Returns => "returns",
        /// Legal pathways and regularisation.
        LegalPathways => "legal_pathways",
        /// Exchanging information and intelligence.
        InformationSharing => "information_sharing",
        /// Follow-up meetings, joint working groups, coordination.
        Coordination => "coordination",
        /// Quotas, controlled flows and transport of migrants.
        FlowManagement => "flow_management",
    }
}

/// A set of weekdays on which a quota applies.
///
/// Text form (Display / `FromStr`): `daily` for all seven days, a run such as `tue-sat`, or a list such
/// as `mon,wed,fri`; names are the first three letters (full English names are read too).
///
/// ```
/// use corridor::partner::Weekdays;
/// use time::Weekday;
/// let d: Weekdays = "tue-sat".parse()?;
/// assert!(d.contains(Weekday::Tuesday) && d.contains(Weekday::Saturday));
/// assert!(!d.contains(Weekday::Sunday) && !d.contains(Weekday::Monday));
/// assert_eq!(d.to_string(), "tue-sat");
/// assert_eq!(Weekdays::DAILY.to_string(), "daily");
/// # Ok::<(), corridor::partner::PartnerError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Weekdays(u8);

const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LONG: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Weekdays {
    /// Every day of the week.
    pub const DAILY: Weekdays = Weekdays(0x7f);
    /// No day.
    pub const NONE: Weekdays = Weekdays(0);

    /// The days from `first` to `last` inclusive, wrapping past Sunday (`Saturday..Monday` is three days).
    ///
    /// ```
    /// use corridor::partner::Weekdays;
    /// use time::Weekday;
    /// assert_eq!(Weekdays::run(Weekday::Tuesday, Weekday::Saturday).len(), 5);
    /// assert_eq!(Weekdays::run(Weekday::Saturday, Weekday::Monday).len(), 3);
    /// ```
    #[must_use]
    pub fn run(first: Weekday, last: Weekday) -> Weekdays {
        let (a, b) = (first.number_days_from_monday(), last.number_days_from_monday());
        let mut bits = 0u8;
        let mut d = a;
        loop {
            bits |= 1 << d;
            if d == b {
                break;
            }
            d = (d + 1) % 7;
        }
        Weekdays(bits)
    }

    /// The set with `day` added.
    #[must_use]
    pub fn with(self, day: Weekday) -> Weekdays {
        Weekdays(self.0 | 1 << day.number_days_from_monday())
    }

    /// Whether `day` is in the set.
    #[must_use]
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.number_days_from_monday()) != 0
    }

    /// How many days are in the set.
    #[must_use]
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl fmt::Display for Weekdays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == Weekdays::DAILY {
            return f.write_str("daily");
        }
        let days: Vec<usize> = (0..7).filter(|d| self.0 & (1 << d) != 0).collect();
        let contiguous = days.windows(2).all(|w| w[1] == w[0] + 1);
        if days.len() >= 3 && contiguous {
            return write!(f, "{}-{}", NAMES[days[0]], NAMES[days[days.len() - 1]]);
        }
        for (i, d) in days.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(NAMES[*d])?;
        }
        Ok(())
    }
}

fn weekday(name: &str) -> Option<Weekday> {
    let n = name.trim();
    let i = NAMES
        .iter()
        .position(|w| n.eq_ignore_ascii_case(w))
        .or_else(|| LONG.iter().position(|w| n.eq_ignore_ascii_case(w)))?;
    Some(Weekday::Monday.nth_next(i as u8))
}

impl FromStr for Weekdays {
    type Err = PartnerError;

    /// Reads `daily`, a run `tue-sat` or a list `mon,wed,fri` (runs may appear in a list).
    ///
    /// # Errors
    ///
    /// [`PartnerError::InvalidWeekdays`] for any other text, including the empty text.
    fn from_str(s: &str) -> Result<Weekdays> {
        let bad = || PartnerError::InvalidWeekdays { text: s.to_owned() };
        let t = s.trim();
        if t.eq_ignore_ascii_case("daily") || t.eq_ignore_ascii_case("every day") {
            return Ok(Weekdays::DAILY);
        }
        let mut set = Weekdays::NONE;
        for part in t.split(',') {
            if let Some((a, b)) = part.split_once('-') {
                let run = Weekdays::run(weekday(a).ok_or_else(bad)?, weekday(b).ok_or_else(bad)?);
                set = Weekdays(set.0 | run.0);
            } else {
                set = set.with(weekday(part).ok_or_else(bad)?);
            }
        }
        Ok(set)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Weekdays {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Weekdays {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One step of a quota schedule: up to `per_day` people a day on the given weekdays, from a first day to
/// an optional last day.
///
/// # Examples
///
/// ```
/// use corridor::partner::{QuotaStep, Weekdays};
/// use time::{macros::date, Weekday};
/// // S06: 500 a day Tuesday to Saturday from 1 September 2021.
/// let step = QuotaStep::new(date!(2021 - 09 - 01), 500).on(Weekdays::run(Weekday::Tuesday, Weekday::Saturday));
/// assert_eq!((step.first_day(), step.last_day(), step.per_day()), (date!(2021 - 09 - 01), None, 500));
/// assert!(!step.weekdays().contains(Weekday::Sunday));
/// assert_eq!(step.weekdays().len(), 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct QuotaStep {
    #[cfg_attr(feature = "serde", serde(with = "crate::words::serde_date"))]
    from: Date,
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::words::serde_date::option"
        )
    )]
    until: Option<Date>,
    per_day: u64,
    days: Weekdays,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    source: Option<Source>,
}

impl QuotaStep {
    /// Up to `per_day` people a day, every day, from `from` with no end (set one with [`QuotaStep::until`]).
    #[must_use]
    pub fn new(from: Date, per_day: u64) -> QuotaStep {
        QuotaStep {
            from,
            until: None,
            per_day,
            days: Weekdays::DAILY,
            source: None,
        }
    }

    /// Sets the last day of the step.
    #[must_use]
    pub fn until(mut self, last: Date) -> QuotaStep {
        self.until = Some(last);
        self
    }

    /// Restricts the step to some weekdays (on the other days the limit is 0).
    #[must_use]
    pub fn on(mut self, days: Weekdays) -> QuotaStep {
        self.days = days;
        self
    }

    /// Sets the source.
    #[must_use]
    pub fn source(mut self, source: Source) -> QuotaStep {
        self.source = Some(source);
        self
    }

    /// The first day.
    #[must_use]
    pub fn first_day(&self) -> Date {
        self.from
    }

    /// The last day, `None` when open-ended.
    #[must_use]
    pub fn last_day(&self) -> Option<Date> {
        self.until
    }

    /// The daily limit on the days it applies.
    #[must_use]
    pub fn per_day(&self) -> u64 {
        self.per_day
    }

    /// The weekdays it applies on.
    #[must_use]
    pub fn weekdays(&self) -> Weekdays {
        self.days
    }

    /// The source, if given.
    #[must_use]
    pub fn source_ref(&self) -> Option<&Source> {
        self.source.as_ref()
    }

    fn covers(&self, date: Date) -> bool {
        self.from <= date && self.until.is_none_or(|u| date <= u)
    }
}

/// A dated quota: steps in date order that do not overlap, so that a simulation can ask for the limit on
/// any day.
///
/// The Carepa arrangement between Panama and Colombia (fact S06): up to 650 migrants a day to the end of
/// August 2021, then 500 a day Tuesday to Saturday from 1 September 2021.
///
/// ```
/// use corridor::partner::{QuotaSchedule, QuotaStep, Weekdays};
/// use time::macros::date;
///
/// let quota = QuotaSchedule::new(vec![
///     QuotaStep::new(date!(2021 - 08 - 11), 650).until(date!(2021 - 08 - 31)),
///     QuotaStep::new(date!(2021 - 09 - 01), 500).on("tue-sat".parse()?),
/// ])?;
/// assert_eq!(quota.limit_on(date!(2021 - 08 - 20)), Some(650));
/// assert_eq!(quota.limit_on(date!(2021 - 09 - 07)), Some(500)); // a Tuesday
/// assert_eq!(quota.limit_on(date!(2021 - 09 - 05)), Some(0)); // a Sunday: no crossing allowed
/// assert_eq!(quota.limit_on(date!(2021 - 08 - 01)), None); // before the arrangement: no quota
/// # Ok::<(), corridor::partner::PartnerError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(remote = "Self", deny_unknown_fields))]
pub struct QuotaSchedule {
    steps: Vec<QuotaStep>,
}

serde_validated!(QuotaSchedule);

impl QuotaSchedule {
    /// A schedule from its steps, sorted by first day.
    ///
    /// # Errors
    ///
    /// [`PartnerError::EmptyQuota`] without steps; [`PartnerError::QuotaReversed`] when a step ends before
    /// it starts; [`PartnerError::NoWeekdays`] when a step applies on no day; [`PartnerError::QuotaOverlap`]
    /// when two steps share a day (an open-ended step followed by another overlaps it).
    pub fn new(mut steps: Vec<QuotaStep>) -> Result<QuotaSchedule> {
        steps.sort_by_key(|s| s.from);
        let q = QuotaSchedule { steps };
        q.validate()?;
        Ok(q)
    }

    pub(crate) fn validate(&self) -> Result<()> {
        if self.steps.is_empty() {
            return Err(PartnerError::EmptyQuota);
        }
        for s in &self.steps {
            if let Some(u) = s.until
                && u < s.from
            {
                return Err(PartnerError::QuotaReversed { from: s.from, until: u });
            }
            if s.days.is_empty() {
                return Err(PartnerError::NoWeekdays { from: s.from });
            }
        }
        for w in self.steps.windows(2) {
            if w[1].from < w[0].from || w[0].until.is_none_or(|u| u >= w[1].from) {
                return Err(PartnerError::QuotaOverlap {
                    previous: w[0].from,
                    from: w[1].from,
                });
            }
        }
        Ok(())
    }

    /// The steps in date order.
    #[must_use]
    pub fn steps(&self) -> &[QuotaStep] {
        &self.steps
    }

    /// The limit on `date`: `Some(n)` on a day the schedule covers (`Some(0)` on a weekday its step
    /// excludes: the arrangement lets no one cross that day), `None` on a day no step covers.
    ///
    /// # Complexity
    ///
    /// `O(log s)` for `s` steps (binary search).
    #[must_use]
    pub fn limit_on(&self, date: Date) -> Option<u64> {
        let i = self.steps.partition_point(|s| s.from <= date);
        let step = self.steps.get(i.checked_sub(1)?)?;
        if !step.covers(date) {
            return None;
        }
        Some(if step.days.contains(date.weekday()) {
            step.per_day
        } else {
            0
        })
    }

    /// The first day of the schedule.
    #[must_use]
    pub fn first_day(&self) -> Option<Date> {
        self.steps.first().map(|s| s.from)
    }
}

/// A quantitative target of a commitment.
///
/// # Examples
///
/// ```
/// use corridor::partner::{Commitment, CommitmentCategory, QuotaSchedule, QuotaStep, Target};
/// use corridor::Count;
/// use time::macros::date;
/// let quota = QuotaSchedule::new(vec![QuotaStep::new(date!(2021 - 08 - 11), 650)])?;
/// let c = Commitment::new(CommitmentCategory::FlowManagement, "daily quota").target(Target::Quota(quota));
/// assert_eq!(c.quota().and_then(|q| q.limit_on(date!(2021 - 08 - 20))), Some(650));
/// let pathways = Target::Figure { what: "new lawful pathways".into(), count: Count::at_least(20_000) };
/// assert!(matches!(pathways, Target::Figure { .. }));
/// # Ok::<(), corridor::partner::PartnerError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", deny_unknown_fields))]
#[non_exhaustive]
pub enum Target {
    /// A dated daily quota.
    Quota(QuotaSchedule),
    /// A figure to reach ("tens of thousands" of new lawful pathways), with what it counts.
    Figure {
        /// What is counted.
        what: String,
        /// The figure, with its precision.
        count: Count,
    },
}

/// A commitment of an agreement: its category, its words, an optional quantitative target and source.
///
/// ```
/// use corridor::partner::{Commitment, CommitmentCategory};
/// let c = Commitment::new(CommitmentCategory::InformationSharing, "timely exchange of information");
/// assert_eq!(c.category(), CommitmentCategory::InformationSharing);
/// assert!(c.quota().is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Commitment {
    category: CommitmentCategory,
    text: String,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    target: Option<Target>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    source: Option<Source>,
}

impl Commitment {
    /// A commitment with its category and words.
    #[must_use]
    pub fn new(category: CommitmentCategory, text: impl Into<String>) -> Commitment {
        Commitment {
            category,
            text: text.into(),
            target: None,
            source: None,
        }
    }

    /// Sets the quantitative target.
    #[must_use]
    pub fn target(mut self, target: Target) -> Commitment {
        self.target = Some(target);
        self
    }

    /// Sets the source.
    #[must_use]
    pub fn source(mut self, source: Source) -> Commitment {
        self.source = Some(source);
        self
    }

    /// The category.
    #[must_use]
    pub fn category(&self) -> CommitmentCategory {
        self.category
    }

    /// The words of the commitment.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The target, if any.
    #[must_use]
    pub fn target_ref(&self) -> Option<&Target> {
        self.target.as_ref()
    }

    /// The quota schedule, if the target is one.
    #[must_use]
    pub fn quota(&self) -> Option<&QuotaSchedule> {
        match &self.target {
            Some(Target::Quota(q)) => Some(q),
            _ => None,
        }
    }

    /// The source, if given.
    #[must_use]
    pub fn source_ref(&self) -> Option<&Source> {
        self.source.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn carepa() -> QuotaSchedule {
        // S06: 650 a day to the end of August 2021, then 500 a day Tuesday to Saturday from 1 September.
        QuotaSchedule::new(vec![
            QuotaStep::new(date!(2021 - 09 - 01), 500).on("tue-sat".parse().unwrap()),
            QuotaStep::new(date!(2021 - 08 - 11), 650).until(date!(2021 - 08 - 31)),
        ])
        .unwrap()
    }

    #[test]
    fn carepa_quota_by_day() {
        let q = carepa();
        assert_eq!(q.limit_on(date!(2021 - 08 - 31)), Some(650));
        assert_eq!(q.limit_on(date!(2021 - 09 - 04)), Some(500)); // Saturday
        assert_eq!(q.limit_on(date!(2021 - 09 - 06)), Some(0)); // Monday
        assert_eq!(q.limit_on(date!(2021 - 08 - 10)), None);
        assert_eq!(q.limit_on(date!(2030 - 01 - 01)), Some(500)); // Tuesday: no end was announced
    }

    #[test]
    fn schedule_errors() {
        assert_eq!(QuotaSchedule::new(vec![]), Err(PartnerError::EmptyQuota));
        let r = QuotaSchedule::new(vec![
            QuotaStep::new(date!(2021 - 09 - 01), 5).until(date!(2021 - 08 - 01)),
        ]);
        assert!(matches!(r, Err(PartnerError::QuotaReversed { .. })));
        let r = QuotaSchedule::new(vec![
            QuotaStep::new(date!(2021 - 08 - 01), 5),
            QuotaStep::new(date!(2021 - 09 - 01), 5),
        ]);
        assert!(matches!(r, Err(PartnerError::QuotaOverlap { .. })));
        let r = QuotaSchedule::new(vec![QuotaStep::new(date!(2021 - 08 - 01), 5).on(Weekdays::NONE)]);
        assert!(matches!(r, Err(PartnerError::NoWeekdays { .. })));
    }

    #[test]
    fn weekday_text() {
        assert_eq!("mon,wed,fri".parse::<Weekdays>().unwrap().to_string(), "mon,wed,fri");
        assert_eq!("Tuesday-Saturday".parse::<Weekdays>().unwrap().to_string(), "tue-sat");
        assert_eq!("sat-mon".parse::<Weekdays>().unwrap().len(), 3);
        for bad in ["", "tue-", "funday", "mon,,tue"] {
            assert!(
                matches!(bad.parse::<Weekdays>(), Err(PartnerError::InvalidWeekdays { .. })),
                "{bad:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn weekdays_round_trip(bits in 1u8..128) {
            let w = Weekdays(bits);
            prop_assert_eq!(w.to_string().parse::<Weekdays>().unwrap(), w);
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_validates() {
        let q = carepa();
        let json = serde_json::to_string(&q).unwrap();
        assert_eq!(serde_json::from_str::<QuotaSchedule>(&json).unwrap(), q);
        let c = Commitment::new(CommitmentCategory::FlowManagement, "daily quota").target(Target::Quota(q));
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Commitment>(&json).unwrap(), c);
        let overlapping = r#"{"steps":[{"from":"2021-08-01","per_day":5,"days":"daily"},
            {"from":"2021-09-01","per_day":5,"days":"daily"}]}"#;
        assert!(serde_json::from_str::<QuotaSchedule>(overlapping).is_err());
    }
}
