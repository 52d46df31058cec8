//! Places of a simulated corridor.

use super::{Result, SimError};
use crate::flow::LocationKind;

/// What kind of place a [`Place`] is.
///
/// # Examples
///
/// ```
/// use corridor::flow::LocationKind;
/// use corridor::sim::{Place, PlaceKind};
/// let station = Place::new("Lajas Blancas", PlaceKind::ReceptionStation)?;
/// assert_eq!(station.kind(), PlaceKind::ReceptionStation);
/// assert_eq!(PlaceKind::from_location_kind(LocationKind::City), PlaceKind::GatheringTown);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PlaceKind {
    /// A town where people gather before a crossing (Necoclí, Turbo).
    GatheringTown,
    /// A place where people cross a border or start or end a crossing (Capurganá, Bajo Chiquito).
    CrossingPoint,
    /// A stretch of trail held as a place (people on it are counted as held there).
    Trail,
    /// A reception station (Lajas Blancas, San Vicente).
    ReceptionStation,
    /// An official border post (Paso Canoas).
    BorderPost,
    /// The end of the simulated corridor: it keeps everyone who arrives and has no route out.
    Destination,
}

impl PlaceKind {
    /// The kind of place a [`crate::flow::Location`] of kind `kind` is: cities and regions are
    /// gathering towns, unspecified places crossing points.
    #[must_use]
    pub fn from_location_kind(kind: LocationKind) -> Self {
        match kind {
            LocationKind::ReceptionStation => Self::ReceptionStation,
            LocationKind::BorderPost => Self::BorderPost,
            LocationKind::City | LocationKind::Region => Self::GatheringTown,
            _ => Self::CrossingPoint,
        }
    }
}

/// A place of a simulated corridor: a name, a kind, and what bounds the people it holds.
///
/// - the **dwell** time: whole days before a person who arrives may leave (0 by default);
/// - a **throughput**: at most that many people leave a day, over all its routes;
/// - a **holding capacity**: routes deliver no more people than it can hold (people already in
///   transit towards it count); inflow from outside is never refused;
/// - a **leave chance**: each day, each person who may leave does so with this probability and
///   stays otherwise (1 by default: everyone leaves as soon as dwell and capacities allow). This
///   is Flee's "move chance" (towns 0.3 a day, camps 0.001): the time spent past the dwell is
///   then geometric.
///
/// # Examples
/// ```
/// use corridor::sim::{Place, PlaceKind};
///
/// let san_vicente = Place::new("San Vicente", PlaceKind::ReceptionStation)?.holding(544)?.dwell(2);
/// assert_eq!(san_vicente.holding_capacity(), Some(544));
/// assert_eq!(san_vicente.dwell_days(), 2);
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Place {
    name: String,
    kind: PlaceKind,
    dwell: u32,
    throughput: Option<u64>,
    holding: Option<u64>,
    #[cfg_attr(feature = "serde", serde(default = "certain"))]
    leave: f64,
}

#[cfg(feature = "serde")]
fn certain() -> f64 {
    1.0
}

impl Place {
    /// A place called `name` (trimmed) of kind `kind`, with no dwell and no capacity.
    ///
    /// # Errors
    /// [`SimError::EmptyName`] when the name is empty after trimming.
    pub fn new(name: impl AsRef<str>, kind: PlaceKind) -> Result<Self> {
        let name = name.as_ref().trim();
        if name.is_empty() {
            return Err(SimError::EmptyName);
        }
        Ok(Self {
            name: name.to_owned(),
            kind,
            dwell: 0,
            throughput: None,
            holding: None,
            leave: 1.0,
        })
    }

    /// The same place, which each person who may leave leaves on a given day with probability
    /// `chance` (Flee's move chance); see the type's docs.
    ///
    /// # Errors
    /// [`SimError::LeaveChance`] unless `0 < chance ≤ 1`.
    ///
    /// # Examples
    /// ```
    /// use corridor::sim::{Place, PlaceKind};
    ///
    /// let town = Place::new("Mopti", PlaceKind::CrossingPoint)?.leave_chance(0.3)?;
    /// assert_eq!(town.leave_chance_per_day(), 0.3);
    /// assert!(Place::new("Mopti", PlaceKind::CrossingPoint)?.leave_chance(0.0).is_err());
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn leave_chance(mut self, chance: f64) -> Result<Self> {
        if !(chance > 0.0 && chance <= 1.0) {
            return Err(SimError::LeaveChance {
                place: self.name,
                chance,
            });
        }
        self.leave = chance;
        Ok(self)
    }

    /// The same place, where people stay at least `days` whole days.
    #[must_use]
    pub fn dwell(mut self, days: u32) -> Self {
        self.dwell = days;
        self
    }

    /// The same place, from which at most `per_day` people leave a day.
    ///
    /// # Errors
    /// [`SimError::ZeroCapacity`] for 0 (a closure is an [`super::Event`]).
    pub fn throughput(mut self, per_day: u64) -> Result<Self> {
        if per_day == 0 {
            return Err(SimError::ZeroCapacity {
                what: "throughput",
                name: self.name,
            });
        }
        self.throughput = Some(per_day);
        Ok(self)
    }

    /// The same place, holding at most `people`.
    ///
    /// # Errors
    /// [`SimError::ZeroCapacity`] for 0.
    pub fn holding(mut self, people: u64) -> Result<Self> {
        if people == 0 {
            return Err(SimError::ZeroCapacity {
                what: "holding capacity",
                name: self.name,
            });
        }
        self.holding = Some(people);
        Ok(self)
    }

    /// The name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The kind of place.
    #[must_use]
    pub fn kind(&self) -> PlaceKind {
        self.kind
    }

    /// Whole days a person stays at least.
    #[must_use]
    pub fn dwell_days(&self) -> u32 {
        self.dwell
    }

    /// People who may leave a day, when bounded.
    #[must_use]
    pub fn throughput_per_day(&self) -> Option<u64> {
        self.throughput
    }

    /// People it can hold, when bounded.
    #[must_use]
    pub fn holding_capacity(&self) -> Option<u64> {
        self.holding
    }

    /// The probability that a person who may leave leaves on a given day (1 unless set).
    #[must_use]
    pub fn leave_chance_per_day(&self) -> f64 {
        self.leave
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_place() {
        assert_eq!(Place::new(" ", PlaceKind::Trail).unwrap_err(), SimError::EmptyName);
        let e = Place::new("Turbo", PlaceKind::GatheringTown)
            .unwrap()
            .throughput(0)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "throughput of \"Turbo\" is zero; close it with an event instead"
        );
        assert!(
            Place::new("Turbo", PlaceKind::GatheringTown)
                .unwrap()
                .holding(0)
                .is_err()
        );
    }

    #[test]
    fn kinds_from_locations() {
        assert_eq!(
            PlaceKind::from_location_kind(LocationKind::City),
            PlaceKind::GatheringTown
        );
        assert_eq!(
            PlaceKind::from_location_kind(LocationKind::ReceptionStation),
            PlaceKind::ReceptionStation
        );
        assert_eq!(
            PlaceKind::from_location_kind(LocationKind::BorderPost),
            PlaceKind::BorderPost
        );
        assert_eq!(
            PlaceKind::from_location_kind(LocationKind::Unspecified),
            PlaceKind::CrossingPoint
        );
    }
}
