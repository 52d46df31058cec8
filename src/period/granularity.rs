//! The calendar unit of a period: [`Granularity`], and the periods of a given unit.

use time::Date;

use super::{Kind, Period, PeriodError};

word_enum! {
    /// The calendar unit of a [`Period`], ordered from finest to coarsest.
    ///
    /// `Day < Week < Month < Quarter < Year`. Note that weeks do not nest in months:
    /// ordering is by coarseness only.
    ///
    /// ```
    /// use corridor::Granularity;
    /// let g: Granularity = "Month".parse()?;
    /// assert_eq!(g, Granularity::Month);
    /// assert!(Granularity::Week < Granularity::Month);
    /// assert_eq!(g.to_string(), "month");
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    pub enum Granularity {
        /// One calendar day.
        Day => "day",
        /// An ISO 8601 week, Monday to Sunday.
        Week => "week",
        /// A calendar month.
        Month => "month",
        /// A calendar quarter (January–March, April–June, July–September, October–December).
        Quarter => "quarter",
        /// A calendar year.
        Year => "year",
    }
    error: PeriodError = |text| PeriodError::UnknownGranularity { text: text.to_owned() };
}

impl Period {
    /// The period of granularity `g` that contains `date` (for weeks: the ISO week).
    ///
    /// ```
    /// use corridor::{Granularity, Period};
    /// use time::macros::date;
    /// let w = Period::containing(date!(2021 - 01 - 01), Granularity::Week);
    /// assert_eq!(w.to_string(), "2020-W53");
    /// assert_eq!(Period::containing(date!(2021 - 08 - 15), Granularity::Quarter), Period::quarter(2021, 3)?);
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub fn containing(date: Date, g: Granularity) -> Period {
        match g {
            Granularity::Day => Period::day(date),
            Granularity::Week => {
                let (y, w, _) = date.to_iso_week_date();
                Period::week_unchecked(y, w)
            }
            Granularity::Month => Period::month_unchecked(date.year(), date.month()),
            Granularity::Quarter => Period::quarter_unchecked(date.year(), (u8::from(date.month()) - 1) / 3 + 1),
            Granularity::Year => Period::year_unchecked(date.year()),
        }
    }

    /// The calendar unit, or `None` for a date range.
    ///
    /// ```
    /// use corridor::{Granularity, Period};
    /// assert_eq!("2021-Q3".parse::<Period>()?.granularity(), Some(Granularity::Quarter));
    /// assert_eq!("2021-07-01..2021-09-30".parse::<Period>()?.granularity(), None);
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    #[must_use]
    pub const fn granularity(&self) -> Option<Granularity> {
        match self.kind {
            Kind::Day => Some(Granularity::Day),
            Kind::Week => Some(Granularity::Week),
            Kind::Month => Some(Granularity::Month),
            Kind::Quarter => Some(Granularity::Quarter),
            Kind::Year => Some(Granularity::Year),
            Kind::Range => None,
        }
    }

    /// The period of granularity `g` that contains the whole of this period.
    ///
    /// Coarsening to the period's own granularity gives it back. Years are calendar
    /// years, so an ISO week straddling 31 December does not coarsen to a year.
    ///
    /// # Errors
    ///
    /// [`PeriodError::Finer`] when `g` is finer than the period's granularity (month → week);
    /// [`PeriodError::NotInside`] when the period straddles two periods of granularity `g`
    /// (2021-W35, 2021-08-30..09-05, to a month).
    ///
    /// ```
    /// use corridor::{Granularity, Period};
    /// let w: Period = "2021-W33".parse()?;
    /// assert_eq!(w.coarsen(Granularity::Quarter)?.to_string(), "2021-Q3");
    /// assert!("2021-W35".parse::<Period>()?.coarsen(Granularity::Month).is_err());
    /// # Ok::<(), corridor::PeriodError>(())
    /// ```
    pub fn coarsen(&self, g: Granularity) -> Result<Period, PeriodError> {
        if let Some(own) = self.granularity() {
            if g < own {
                return Err(PeriodError::Finer {
                    period: *self,
                    granularity: g,
                });
            }
            if g == own {
                return Ok(*self);
            }
        }
        let p = Period::containing(self.start, g);
        if p.end >= self.end {
            Ok(p)
        } else {
            Err(PeriodError::NotInside {
                period: *self,
                granularity: g,
            })
        }
    }
}
