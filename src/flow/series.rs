//! Regular series of flows on one granularity, with gaps kept as gaps.

use std::iter::FusedIterator;

use super::{FlowError, FlowTable, GroupBy};
use crate::{Count, Granularity, Period, Source};

/// What [`FlowSeries::coarsen`] does with a coarse period some of whose fine periods
/// are missing.
///
/// With the `serde` feature it is the word `missing` or `sum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
/// # Examples
/// ```
/// use corridor::flow::{FlowSeries, Partial};
/// use corridor::{Count, Granularity};
/// // January and March 2024 are known, February is a gap.
/// let s = FlowSeries::new("2024-01".parse()?, vec![Some(Count::exact(10)), None, Some(Count::exact(5))])?;
/// assert_eq!(Partial::default(), Partial::Missing);
/// assert_eq!(s.coarsen(Granularity::Quarter, Partial::Missing)?.point(0), None);
/// assert_eq!(s.coarsen(Granularity::Quarter, Partial::Sum)?.point(0), Some(15));
/// # Ok::<(), corridor::Error>(())
/// ```
pub enum Partial {
    /// The coarse value is missing too (the default: missing is not zero).
    #[default]
    Missing,
    /// The coarse value is the sum of the known fine values, marked partial
    /// ([`FlowSeries::is_partial`]).
    Sum,
}

/// A regular series: consecutive periods of one [`Granularity`], each with a
/// [`Count`] or a gap.
///
/// Built from values ([`FlowSeries::new`]) or from a table
/// ([`FlowSeries::from_table`]). Gaps stay gaps: nothing is ever filled with zero.
///
/// # Examples
/// ```
/// use corridor::flow::{FlowSeries, Partial};
/// use corridor::{Count, Granularity};
///
/// let s = FlowSeries::new(
///     "2024-01".parse()?,
///     vec![Some(Count::exact(36_001)), Some(Count::exact(37_166)), None],
/// )?;
/// let points: Vec<Option<u64>> = s.iter().map(|(_, v)| v).collect();
/// assert_eq!(points, [Some(36_001), Some(37_166), None]);
///
/// // A quarter with a missing month is missing, unless partial sums are asked for.
/// assert_eq!(s.coarsen(Granularity::Quarter, Partial::Missing)?.point(0), None);
/// let q = s.coarsen(Granularity::Quarter, Partial::Sum)?;
/// assert_eq!(q.point(0), Some(73_167));
/// assert!(q.is_partial(0));
/// # Ok::<(), corridor::Error>(())
/// ```
///
/// # Serialisation
///
/// With the `serde` feature a series serialises (serialise-only) as one row per period, in order:
/// `period`, `count` (`null` for a gap), `partial` and `sources` (empty for a gap) — a frame with one
/// row per period, gaps kept as nulls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowSeries {
    start: Period,
    granularity: Granularity,
    values: Vec<Option<Count>>,
    partial: Vec<bool>,
    sources: Vec<Source>,
    /// Per value: indices into `sources`.
    value_sources: Vec<Vec<u32>>,
}

/// Iterator over `(period, point value)`; see [`FlowSeries::iter`].
///
/// # Examples
/// ```
/// use corridor::flow::FlowSeries;
/// use corridor::Count;
/// let s = FlowSeries::new("2024-11".parse()?, vec![Some(Count::exact(7)), None])?;
/// let rows: Vec<(String, Option<u64>)> = s.iter().map(|(p, v)| (p.to_string(), v)).collect();
/// assert_eq!(rows, [("2024-11".to_string(), Some(7)), ("2024-12".to_string(), None)]);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    series: &'a FlowSeries,
    period: Option<Period>,
    next: usize,
}

impl Iterator for Iter<'_> {
    type Item = (Period, Option<u64>);

    fn next(&mut self) -> Option<(Period, Option<u64>)> {
        let value = self.series.values.get(self.next)?;
        let period = self.period?;
        self.next += 1;
        self.period = period.next();
        Some((period, value.as_ref().map(Count::point)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.series.values.len() - self.next;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Iter<'_> {}
impl FusedIterator for Iter<'_> {}

impl FlowSeries {
    /// A series whose first period is `start` (a day, ISO week, month, quarter or year)
    /// and whose values follow period by period.
    ///
    /// # Errors
    /// [`FlowError::NotRegular`] when `start` is a date range; [`FlowError::EmptySeries`]
    /// without values; [`FlowError::PastCalendar`] when the values run past year 9999.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowError, FlowSeries};
    /// use corridor::{Count, Granularity};
    /// let s = FlowSeries::new("2021-Q3".parse()?, vec![Some(Count::exact(70_000)), Some(Count::exact(40_000))])?;
    /// assert_eq!((s.granularity(), s.end().to_string()), (Granularity::Quarter, "2021-Q4".to_string()));
    /// // A date range is not a regular period.
    /// let range = "2021-08-01..2021-08-15".parse()?;
    /// assert!(matches!(FlowSeries::new(range, vec![None]), Err(FlowError::NotRegular { .. })));
    /// assert!(matches!(FlowSeries::new("2021-08".parse()?, vec![]), Err(FlowError::EmptySeries)));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn new(start: Period, values: Vec<Option<Count>>) -> crate::flow::Result<Self> {
        let n = values.len();
        Self::with_sources(start, values, vec![false; n], Vec::new(), vec![Vec::new(); n])
    }

    fn with_sources(
        start: Period,
        values: Vec<Option<Count>>,
        partial: Vec<bool>,
        sources: Vec<Source>,
        mut value_sources: Vec<Vec<u32>>,
    ) -> crate::flow::Result<Self> {
        // A gap has no value, so no source of one (as everywhere in a series).
        for (vs, _) in value_sources.iter_mut().zip(&values).filter(|(_, v)| v.is_none()) {
            vs.clear();
        }
        let granularity = start.granularity().ok_or_else(|| FlowError::NotRegular {
            period: start.to_string(),
        })?;
        if values.is_empty() {
            return Err(FlowError::EmptySeries);
        }
        let mut p = start;
        for _ in 1..values.len() {
            p = p.next().ok_or(FlowError::PastCalendar)?;
        }
        Ok(Self {
            start,
            granularity,
            values,
            partial,
            sources,
            value_sources,
        })
    }

    /// Attaches `source` to every value of the series and adds it to [`sources`](Self::sources).
    ///
    /// Gaps get no source: a gap has no value whose provenance it could be, as in
    /// [`FlowSeries::from_table`], so [`sources_at`](Self::sources_at) stays empty for a gap
    /// and a gap's serialised row keeps `"sources": []`. The series' list of sources (what
    /// chart captions cite) gains `source` even when every period is a gap.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::FlowSeries;
    /// use corridor::{Count, Source};
    /// let snm = Source::new("SNM Panamá", "Tránsito irregular por Darién")?;
    /// let s = FlowSeries::new("2024-01".parse()?, vec![Some(Count::exact(36_001)), None])?.with_source(snm.clone());
    /// assert_eq!(s.sources(), &[snm.clone()]);
    /// assert_eq!(s.sources_at(0).collect::<Vec<_>>(), [&snm]);
    /// // February is a gap: no value, so no source of one.
    /// assert_eq!(s.sources_at(1).count(), 0);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        let i = if let Some(i) = self.sources.iter().position(|s| *s == source) {
            i as u32
        } else {
            self.sources.push(source);
            (self.sources.len() - 1) as u32
        };
        for (vs, _) in self
            .value_sources
            .iter_mut()
            .zip(&self.values)
            .filter(|(_, v)| v.is_some())
        {
            crate::distinct::push_distinct(vs, i);
        }
        self
    }

    /// Sums the records of `table` by period of granularity `g` into a regular series
    /// from the first to the last period that has records; periods without records
    /// are gaps. Filter the table first to choose nationalities, places or sources.
    ///
    /// # Errors
    /// [`FlowError::EmptySeries`] for an empty table; as [`FlowTable::group_by`] when a
    /// record's period does not lie inside one period of `g`.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowRecord, FlowSeries, FlowTable};
    /// use corridor::{Count, Granularity};
    /// let mut table = FlowTable::new();
    /// table.push(FlowRecord::new("2023-01-05".parse()?, Count::exact(40)));
    /// table.push(FlowRecord::new("2023-01-20".parse()?, Count::exact(60)));
    /// table.push(FlowRecord::new("2023-03-02".parse()?, Count::exact(70)));
    /// let s = FlowSeries::from_table(&table, Granularity::Month)?;
    /// // January to March; February has no record, so it is a gap, not a zero.
    /// assert_eq!((s.len(), s.start().to_string(), s.end().to_string()), (3, "2023-01".into(), "2023-03".into()));
    /// assert_eq!((s.point(0), s.point(1), s.point(2)), (Some(100), None, Some(70)));
    /// assert!(FlowSeries::from_table(&FlowTable::new(), Granularity::Month).is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn from_table(table: &FlowTable, g: Granularity) -> crate::flow::Result<Self> {
        let groups = table.group_by(g, GroupBy::Total)?;
        let (Some(first), Some(last)) = (groups.first(), groups.last()) else {
            return Err(FlowError::EmptySeries);
        };
        let (first, last) = (first.period(), last.period());
        let mut values = Vec::new();
        let mut value_sources = Vec::new();
        let mut sources: Vec<Source> = Vec::new();
        let mut it = groups.into_iter().peekable();
        let mut p = Some(first);
        while let Some(period) = p {
            if period > last {
                break;
            }
            if let Some(gr) = it.next_if(|gr| gr.period() == period) {
                let mut idx = Vec::new();
                for s in gr.aggregate().sources() {
                    let i = sources.iter().position(|t| t == s).unwrap_or_else(|| {
                        sources.push(s.clone());
                        sources.len() - 1
                    });
                    idx.push(i as u32);
                }
                values.push(Some(*gr.total()));
                value_sources.push(idx);
            } else {
                values.push(None);
                value_sources.push(Vec::new());
            }
            p = period.next();
        }
        let n = values.len();
        Self::with_sources(first, values, vec![false; n], sources, value_sources)
    }

    /// Number of periods (values and gaps).
    #[must_use]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Always `false`: a series has at least one period.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The granularity of every period.
    #[must_use]
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }

    /// The first period.
    #[must_use]
    pub fn start(&self) -> Period {
        self.start
    }

    /// The last period.
    #[must_use]
    pub fn end(&self) -> Period {
        self.periods().last().unwrap_or(self.start)
    }

    /// The periods in order.
    pub fn periods(&self) -> impl Iterator<Item = Period> + '_ {
        self.iter().map(|(p, _)| p)
    }

    /// `(period, point value)` pairs, `None` for gaps. Bounds: [`FlowSeries::counts`].
    #[must_use]
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            series: self,
            period: Some(self.start),
            next: 0,
        }
    }

    /// The values with their bounds, `None` for gaps.
    #[must_use]
    pub fn counts(&self) -> &[Option<Count>] {
        &self.values
    }

    /// The point value at position `i`; `None` for a gap or past the end.
    #[must_use]
    pub fn point(&self, i: usize) -> Option<u64> {
        self.values.get(i)?.as_ref().map(Count::point)
    }

    /// The position of `period` in the series, if it is one of its periods.
    #[must_use]
    pub fn position(&self, period: Period) -> Option<usize> {
        self.periods().position(|p| p == period)
    }

    /// The value for `period`: `None` if the period is not in the series, `Some(None)`
    /// for a gap.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::FlowSeries;
    /// use corridor::Count;
    /// let s = FlowSeries::new("2024-01".parse()?, vec![Some(Count::exact(5)), None])?;
    /// assert_eq!(s.get("2024-01".parse()?), Some(Some(&Count::exact(5))));
    /// assert_eq!(s.get("2024-02".parse()?), Some(None)); // a gap
    /// assert_eq!(s.get("2024-03".parse()?), None); // not in the series
    /// assert_eq!(s.position("2024-02".parse()?), Some(1));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, period: Period) -> Option<Option<&Count>> {
        self.position(period).map(|i| self.values[i].as_ref())
    }

    /// Whether the value at `i` is a partial sum (see [`Partial::Sum`]).
    #[must_use]
    pub fn is_partial(&self, i: usize) -> bool {
        self.partial.get(i).copied().unwrap_or(false)
    }

    /// Number of gaps.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::FlowSeries;
    /// use corridor::Count;
    /// let s = FlowSeries::new("2024-01".parse()?, vec![Some(Count::exact(3)), None, None, Some(Count::exact(1))])?;
    /// assert_eq!(s.gap_count(), 2);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn gap_count(&self) -> usize {
        self.values.iter().filter(|v| v.is_none()).count()
    }

    /// The distinct sources of the series: those of its values and those attached with
    /// [`with_source`](Self::with_source) (a slice keeps the whole list).
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The sources of the value at `i`; none for a gap or an index past the end.
    pub fn sources_at(&self, i: usize) -> impl Iterator<Item = &Source> + '_ {
        self.value_sources
            .get(i)
            .into_iter()
            .flatten()
            .map(|&k| &self.sources[k as usize])
    }

    /// Point values as `f64`, gaps as `None`: the input of the statistics helpers.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::FlowSeries;
    /// use corridor::Count;
    /// // Point values: "about 1,200" counts as 1,200.
    /// let s = FlowSeries::new("2024-01".parse()?, vec![Some(Count::about(1200)), None])?;
    /// assert_eq!(s.to_f64(), vec![Some(1200.0), None]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn to_f64(&self) -> Vec<Option<f64>> {
        self.values
            .iter()
            .map(|v| v.as_ref().map(|c| c.point() as f64))
            .collect()
    }

    /// People per day in each period (point value over the exact number of days),
    /// `None` for gaps.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::FlowSeries;
    /// use corridor::Count;
    /// // January has 31 days, February 2024 has 29.
    /// let s = FlowSeries::new("2024-01".parse()?, vec![Some(Count::exact(62)), Some(Count::exact(58)), None])?;
    /// let rates: Vec<Option<f64>> = s.per_day().into_iter().map(|(_, r)| r).collect();
    /// assert_eq!(rates, vec![Some(2.0), Some(2.0), None]);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn per_day(&self) -> Vec<(Period, Option<f64>)> {
        self.iter()
            .map(|(p, v)| (p, v.map(|v| v as f64 / f64::from(p.days()))))
            .collect()
    }

    /// The sum of the values, with bounds, or `None` when any value is missing.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::FlowSeries;
    /// use corridor::Count;
    /// // Bounds add up: 500 exactly plus "about 1,200" (1,080 to 1,320).
    /// let s = FlowSeries::new("2024-01".parse()?, vec![Some(Count::exact(500)), Some(Count::about(1200))])?;
    /// let t = s.total().unwrap();
    /// assert_eq!((t.lower(), t.upper(), t.point()), (1580, Some(1820), 1700));
    /// // A gap makes the total unknown, never a smaller number.
    /// let gappy = FlowSeries::new("2024-01".parse()?, vec![Some(Count::exact(500)), None])?;
    /// assert_eq!(gappy.total(), None);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    #[must_use]
    pub fn total(&self) -> Option<Count> {
        self.values.iter().copied().sum()
    }

    /// The part of the series from `first` to `last` (both included).
    ///
    /// # Errors
    /// [`FlowError::PeriodNotInSeries`] when either is not a period of the series or
    /// `last` comes before `first`.
    ///
    /// # Examples
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use corridor::datasets::darien;
    /// let s = darien::monthly();
    /// let h2_2021 = s.slice("2021-07".parse()?, "2021-12".parse()?)?;
    /// assert_eq!(h2_2021.len(), 6);
    /// assert_eq!(h2_2021.point(1), Some(25_332)); // August 2021
    /// assert!(s.slice("2021-12".parse()?, "2021-07".parse()?).is_err());
    /// # }
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn slice(&self, first: Period, last: Period) -> crate::flow::Result<Self> {
        let not_in = |p: Period| FlowError::PeriodNotInSeries { period: p.to_string() };
        let a = self.position(first).ok_or_else(|| not_in(first))?;
        let b = self.position(last).ok_or_else(|| not_in(last))?;
        if b < a {
            return Err(not_in(last));
        }
        Ok(Self {
            start: first,
            granularity: self.granularity,
            values: self.values[a..=b].to_vec(),
            partial: self.partial[a..=b].to_vec(),
            sources: self.sources.clone(),
            value_sources: self.value_sources[a..=b].to_vec(),
        })
    }

    /// The series on the coarser granularity `g`: each coarse value is the sum of its
    /// fine values (bounds propagate).
    ///
    /// A coarse period is complete only when all its fine periods are in the series
    /// with a value; otherwise it is missing, or with [`Partial::Sum`] the sum of the
    /// known values, marked by [`FlowSeries::is_partial`]. Coarse periods at the ends
    /// that the series covers only in part are treated the same way.
    ///
    /// # Errors
    /// [`FlowError::NotCoarser`] when `g` is finer than the series' granularity, or weeks
    /// are coarsened to months, quarters or years (ISO weeks straddle them).
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{FlowSeries, Partial};
    /// use corridor::{Count, Granularity};
    /// let months: Vec<Option<Count>> = (1..=6).map(|m| Some(Count::exact(m * 100))).collect();
    /// let s = FlowSeries::new("2024-01".parse()?, months)?;
    /// let q = s.coarsen(Granularity::Quarter, Partial::Missing)?;
    /// assert_eq!((q.point(0), q.point(1)), (Some(600), Some(1500)));
    /// assert!(s.coarsen(Granularity::Day, Partial::Missing).is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn coarsen(&self, g: Granularity, partial: Partial) -> crate::flow::Result<Self> {
        let invalid = g < self.granularity || (self.granularity == Granularity::Week && g != Granularity::Week);
        if invalid {
            return Err(FlowError::NotCoarser {
                from: self.granularity,
                to: g,
            });
        }
        let mut values: Vec<Option<Count>> = Vec::new();
        let mut partials = Vec::new();
        let mut value_sources: Vec<Vec<u32>> = Vec::new();
        let mut coarse_periods: Vec<Period> = Vec::new();
        let mut covered_days: Vec<u32> = Vec::new();
        let mut known: Vec<usize> = Vec::new();
        for (i, (p, _)) in self.iter().enumerate() {
            // The check above rules out straddling periods (only weeks straddle); kept as an error, not a panic.
            let c = p.coarsen(g).map_err(|_| FlowError::NotCoarser {
                from: self.granularity,
                to: g,
            })?;
            if coarse_periods.last() != Some(&c) {
                coarse_periods.push(c);
                covered_days.push(0);
                known.push(0);
                values.push(Some(Count::ZERO));
                partials.push(false);
                value_sources.push(Vec::new());
            }
            let k = values.len() - 1;
            covered_days[k] += p.days();
            match (&self.values[i], &mut values[k]) {
                (Some(v), Some(acc)) => {
                    *acc += *v;
                    known[k] += 1;
                }
                (None, _) => partials[k] = true,
                (Some(_), None) => {}
            }
            partials[k] |= self.partial[i];
            for &s in &self.value_sources[i] {
                if !value_sources[k].contains(&s) {
                    value_sources[k].push(s);
                }
            }
        }
        // Fine periods of a coarse period that the series does not cover count as gaps.
        for (k, c) in coarse_periods.iter().enumerate() {
            if covered_days[k] < c.days() {
                partials[k] = true;
            }
        }
        for (v, &n) in values.iter_mut().zip(&known) {
            if n == 0 {
                // Nothing known: a sum of no values is a gap, not zero.
                *v = None;
            }
        }
        if partial == Partial::Missing {
            for (v, p) in values.iter_mut().zip(&mut partials) {
                if *p {
                    *v = None;
                    *p = false;
                }
            }
        }
        Self::with_sources(coarse_periods[0], values, partials, self.sources.clone(), value_sources)
    }
}

impl<'a> IntoIterator for &'a FlowSeries {
    type Item = (Period, Option<u64>);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for FlowSeries {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            period: Period,
            count: Option<&'a Count>,
            partial: bool,
            sources: Vec<&'a Source>,
        }
        s.collect_seq(self.periods().enumerate().map(|(i, period)| Row {
            period,
            count: self.values[i].as_ref(),
            partial: self.is_partial(i),
            sources: self.sources_at(i).collect(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::FlowRecord;

    fn monthly(vals: &[Option<u64>]) -> FlowSeries {
        FlowSeries::new(
            "2023-11".parse().unwrap(),
            vals.iter().map(|v| v.map(Count::exact)).collect(),
        )
        .unwrap()
    }

    #[test]
    fn iter_and_periods() {
        let s = monthly(&[Some(1), None, Some(3)]);
        let v: Vec<(String, Option<u64>)> = s.iter().map(|(p, v)| (p.to_string(), v)).collect();
        assert_eq!(
            v,
            [
                ("2023-11".into(), Some(1)),
                ("2023-12".into(), None),
                ("2024-01".into(), Some(3))
            ]
        );
        assert_eq!(s.end().to_string(), "2024-01");
        assert_eq!(s.gap_count(), 1);
        assert_eq!(s.total(), None);
        assert_eq!(s.get("2023-12".parse().unwrap()), Some(None));
        assert_eq!(s.get("2025-12".parse().unwrap()), None);
    }

    #[test]
    fn coarsen_keeps_totals_and_marks_partials() {
        // 2023-11, 2023-12 are only part of 2023: the year is partial.
        let s = monthly(&[Some(1), Some(2), Some(3), Some(4), Some(5)]);
        let y = s.coarsen(Granularity::Year, Partial::Missing).unwrap();
        assert_eq!(y.len(), 2);
        assert_eq!(y.point(0), None);
        let y = s.coarsen(Granularity::Year, Partial::Sum).unwrap();
        assert_eq!((y.point(0), y.point(1)), (Some(3), Some(12)));
        assert!(y.is_partial(0) && y.is_partial(1));
        let q = s.coarsen(Granularity::Quarter, Partial::Missing).unwrap();
        assert_eq!(q.iter().map(|x| x.1).collect::<Vec<_>>(), [None, Some(12)]);
        assert!(!q.is_partial(1));
    }

    #[test]
    fn errors() {
        let s = monthly(&[Some(1)]);
        assert_eq!(
            s.coarsen(Granularity::Day, Partial::Sum).unwrap_err().to_string(),
            "cannot coarsen a month series to day"
        );
        assert_eq!(
            FlowSeries::new("2021".parse().unwrap(), vec![])
                .unwrap_err()
                .to_string(),
            "series has no period"
        );
        let e = FlowSeries::new("2021-01-01..2021-01-05".parse().unwrap(), vec![None]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "2021-01-01..2021-01-05 is a date range, not a regular period"
        );
        let e = FlowSeries::new("9999-12".parse().unwrap(), vec![None, None]).unwrap_err();
        assert_eq!(e.to_string(), "series runs past the end of the calendar");
        let e = s
            .slice("2020-01".parse().unwrap(), "2023-11".parse().unwrap())
            .unwrap_err();
        assert_eq!(e.to_string(), "period 2020-01 is not in the series");
        assert!(FlowSeries::from_table(&FlowTable::new(), Granularity::Month).is_err());
    }

    #[test]
    fn from_table_keeps_gaps() {
        let t: FlowTable = [("2021-01-05", 3), ("2021-01-09", 4), ("2021-03-01", 5)]
            .iter()
            .map(|(d, n)| FlowRecord::new(d.parse().unwrap(), Count::exact(*n)))
            .collect();
        let s = FlowSeries::from_table(&t, Granularity::Month).unwrap();
        assert_eq!(s.iter().map(|x| x.1).collect::<Vec<_>>(), [Some(7), None, Some(5)]);
        let per_day = s.per_day();
        assert!((per_day[0].1.unwrap() - 7.0 / 31.0).abs() < 1e-15);
    }
}
