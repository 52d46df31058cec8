//! The simulation model: places and routes, validated.

use std::collections::HashMap;

use super::{Place, PlaceKind, Result, Route, SimError, Transit};
use crate::flow::Corridor;

/// The largest number of places or routes in a model.
const MAX_NODES: usize = u16::MAX as usize;

/// A validated corridor of [`Place`]s and [`Route`]s; see the [module docs](super).
///
/// Built with [`Model::builder`] or from a [`Corridor`] ([`Model::from_corridor`]); run with
/// [`Model::run_cohorts`] (deterministic), [`Model::run`] (agents, seeded) or
/// [`Model::ensemble`].
///
/// # Examples
///
/// ```
/// use corridor::flow::Nationality;
/// use corridor::sim::{Model, Place, PlaceKind, Route, Scenario, Transit};
/// use time::macros::date;
/// let model = Model::builder()
///     .place(Place::new("Necoclí", PlaceKind::GatheringTown)?.throughput(5)?)
///     .place(Place::new("Capurganá", PlaceKind::Destination)?)
///     .route(Route::new("Necoclí", "Capurganá", 1.0, Transit::fixed(1)?)?)
///     .build()?;
/// assert_eq!(model.entries().map(|p| p.name()).collect::<Vec<_>>(), ["Necoclí"]);
/// assert!(model.route("Necoclí", "Capurganá").is_some());
/// let scenario = Scenario::new(date!(2021 - 08 - 01), 5)?.inflow_daily("Necoclí", Nationality::Unknown, vec![10; 5])?;
/// let run = model.run_cohorts(&scenario)?;
/// // 10 come a day and 5 may leave: the queue grows by 5 a day.
/// assert_eq!(run.stock_values("Necoclí"), Some(&[5, 10, 15, 20, 25][..]));
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Model {
    places: Vec<Place>,
    routes: Vec<Route>,
    /// Places declared entries although routes lead into them.
    declared: Vec<String>,
    #[cfg_attr(feature = "serde", serde(skip))]
    index: HashMap<String, usize>,
    /// Per place, the indices of the routes leaving it, in the order they were added.
    #[cfg_attr(feature = "serde", serde(skip))]
    out: Vec<Vec<usize>>,
    /// Places in the order their departures are served: downstream first.
    #[cfg_attr(feature = "serde", serde(skip))]
    order: Vec<usize>,
}

/// Builds a [`Model`]; see [`Model::builder`].
///
/// # Examples
///
/// ```
/// use corridor::sim::{Model, Place, PlaceKind, Route, SimError, Transit};
/// let builder = Model::builder()
///     .place(Place::new("Necoclí", PlaceKind::GatheringTown)?)
///     .place(Place::new("Turbo", PlaceKind::GatheringTown)?)
///     .place(Place::new("Capurganá", PlaceKind::Destination)?)
///     .route(Route::new("Necoclí", "Capurganá", 1.0, Transit::fixed(1)?)?)
///     .route(Route::new("Turbo", "Capurganá", 1.0, Transit::fixed(2)?)?);
/// let model = builder.clone().build()?;
/// assert_eq!(model.entries().count(), 2); // places no route leads into
/// assert_eq!(model.places().len(), 3);
/// let lost = builder.place(Place::new("Acandí", PlaceKind::CrossingPoint)?).build();
/// assert!(lost.is_err()); // a place that is neither an entry nor reached, and has no route out
/// # Ok::<(), corridor::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ModelBuilder {
    places: Vec<Place>,
    routes: Vec<Route>,
    declared: Vec<String>,
}

impl ModelBuilder {
    /// Adds a place.
    #[must_use]
    pub fn place(mut self, place: Place) -> Self {
        self.places.push(place);
        self
    }

    /// Adds a route.
    #[must_use]
    pub fn route(mut self, route: Route) -> Self {
        self.routes.push(route);
        self
    }

    /// Declares the place called `name` an entry although routes lead into it, as in a network
    /// whose routes run both ways (Flee's): every place must then be reachable from a place
    /// without a route into it or from a declared entry.
    #[must_use]
    pub fn entry(mut self, name: impl Into<String>) -> Self {
        self.declared.push(name.into());
        self
    }

    /// Checks and builds the model.
    ///
    /// # Errors
    /// [`SimError::NoPlace`]; [`SimError::DuplicatePlace`]; [`SimError::TooMany`] beyond 65,535
    /// places or routes; [`SimError::UnknownPlace`] for a route's end that is not a place;
    /// [`SimError::DuplicateRoute`]; [`SimError::DestinationHasRoutes`]; [`SimError::DeadEnd`]
    /// for a place without routes out that is not a destination; [`SimError::SharesSum`] when
    /// the shares of the routes out of a place do not sum to 1 (within `1e-9`);
    /// [`SimError::NoEntry`] when every place has a route into it and none is declared an
    /// entry; [`SimError::UnknownPlace`] for a declared entry that is not a place;
    /// [`SimError::Unreachable`] for a place no entry place leads to.
    #[allow(clippy::too_many_lines)] // one check after another, in the order the docs list them
    pub fn build(self) -> Result<Model> {
        let Self {
            places,
            routes,
            declared,
        } = self;
        if places.is_empty() {
            return Err(SimError::NoPlace);
        }
        for (what, got) in [("places", places.len()), ("routes", routes.len())] {
            if got > MAX_NODES {
                return Err(SimError::TooMany {
                    what,
                    got,
                    max: MAX_NODES,
                });
            }
        }
        let mut index = HashMap::with_capacity(places.len());
        for (i, p) in places.iter().enumerate() {
            if index.insert(p.name().to_owned(), i).is_some() {
                return Err(SimError::DuplicatePlace {
                    name: p.name().to_owned(),
                });
            }
        }
        let find = |name: &str| {
            index.get(name).copied().ok_or_else(|| SimError::UnknownPlace {
                name: name.to_owned(),
                context: "route",
            })
        };
        let n = places.len();
        let mut out = vec![Vec::new(); n];
        let mut incoming = vec![0usize; n];
        let mut ends = Vec::with_capacity(routes.len());
        for (r, route) in routes.iter().enumerate() {
            let (a, b) = (find(route.from())?, find(route.to())?);
            if ends.contains(&(a, b)) {
                return Err(SimError::DuplicateRoute {
                    from: route.from().to_owned(),
                    to: route.to().to_owned(),
                });
            }
            ends.push((a, b));
            out[a].push(r);
            incoming[b] += 1;
        }
        for (p, place) in places.iter().enumerate() {
            let is_dest = place.kind() == PlaceKind::Destination;
            if is_dest && !out[p].is_empty() {
                return Err(SimError::DestinationHasRoutes {
                    place: place.name().to_owned(),
                });
            }
            if !is_dest && out[p].is_empty() {
                return Err(SimError::DeadEnd {
                    place: place.name().to_owned(),
                });
            }
            if !out[p].is_empty() {
                let sum: f64 = out[p].iter().map(|&r| routes[r].share()).sum();
                if (sum - 1.0).abs() > 1e-9 {
                    return Err(SimError::SharesSum {
                        place: place.name().to_owned(),
                        sum,
                    });
                }
            }
        }
        let mut entries: Vec<usize> = (0..n).filter(|&p| incoming[p] == 0).collect();
        for name in &declared {
            let p = index
                .get(name.as_str())
                .copied()
                .ok_or_else(|| SimError::UnknownPlace {
                    name: name.clone(),
                    context: "entry",
                })?;
            if !entries.contains(&p) {
                entries.push(p);
            }
        }
        if entries.is_empty() {
            return Err(SimError::NoEntry);
        }
        let mut seen = vec![false; n];
        let mut stack = entries.clone();
        for &e in &entries {
            seen[e] = true;
        }
        while let Some(p) = stack.pop() {
            for &r in &out[p] {
                let b = ends[r].1;
                if !seen[b] {
                    seen[b] = true;
                    stack.push(b);
                }
            }
        }
        if let Some(p) = seen.iter().position(|s| !s) {
            return Err(SimError::Unreachable {
                place: places[p].name().to_owned(),
            });
        }
        let order = departure_order(n, &out, &ends);
        Ok(Model {
            places,
            routes,
            declared,
            index,
            out,
            order,
        })
    }
}

/// Kahn's topological order reversed (downstream first); places on cycles follow in index order.
fn departure_order(n: usize, out: &[Vec<usize>], ends: &[(usize, usize)]) -> Vec<usize> {
    let mut indeg = vec![0usize; n];
    for &(_, b) in ends {
        indeg[b] += 1;
    }
    let mut ready: Vec<usize> = (0..n).filter(|&p| indeg[p] == 0).rev().collect();
    let mut topo = Vec::with_capacity(n);
    let mut done = vec![false; n];
    while let Some(p) = ready.pop() {
        topo.push(p);
        done[p] = true;
        for &r in &out[p] {
            let b = ends[r].1;
            indeg[b] -= 1;
            if indeg[b] == 0 {
                ready.push(b);
            }
        }
    }
    topo.extend((0..n).filter(|&p| !done[p]));
    topo.reverse();
    topo
}

impl Model {
    /// Starts an empty model.
    #[must_use]
    pub fn builder() -> ModelBuilder {
        ModelBuilder::default()
    }

    /// The model of a [`Corridor`]: one place per stage (kinds from the locations' kinds, the
    /// last stage a destination) and one route from each stage to the next, taken by everyone,
    /// with the stage's typical transit days as a fixed transit time.
    ///
    /// # Errors
    /// [`SimError::UnknownTransit`] when a stage but the last has no typical transit time,
    /// [`SimError::Transit`] when it is 0 days.
    ///
    /// # Examples
    /// ```
    /// use corridor::flow::{Corridor, Location};
    /// use corridor::sim::{Model, PlaceKind};
    ///
    /// let c = Corridor::builder("Darién")
    ///     .stage(Location::new("Necoclí")?, Some(1))
    ///     .stage(Location::new("Acandí")?, Some(6))
    ///     .stage(Location::new("Bajo Chiquito")?, None)
    ///     .build()?;
    /// let model = Model::from_corridor(&c)?;
    /// assert_eq!(model.places().len(), 3);
    /// assert_eq!(model.place("Bajo Chiquito").map(|p| p.kind()), Some(PlaceKind::Destination));
    /// assert_eq!(model.route("Acandí", "Bajo Chiquito").map(|r| r.transit().mean()), Some(6.0));
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn from_corridor(corridor: &Corridor) -> Result<Self> {
        let stages = corridor.stages();
        let mut b = Self::builder();
        for (i, s) in stages.iter().enumerate() {
            let kind = if i + 1 == stages.len() {
                PlaceKind::Destination
            } else {
                PlaceKind::from_location_kind(s.location().location_kind())
            };
            b = b.place(Place::new(s.location().name(), kind)?);
        }
        for w in stages.windows(2) {
            let days = w[0].transit_days().ok_or_else(|| SimError::UnknownTransit {
                stage: w[0].location().name().to_owned(),
            })?;
            b = b.route(Route::new(
                w[0].location().name(),
                w[1].location().name(),
                1.0,
                Transit::fixed(days)?,
            )?);
        }
        b.build()
    }

    /// The places, in the order they were added.
    #[must_use]
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The routes, in the order they were added.
    #[must_use]
    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// The place called `name`.
    #[must_use]
    pub fn place(&self, name: &str) -> Option<&Place> {
        self.index.get(name).map(|&i| &self.places[i])
    }

    /// The route from `from` to `to`.
    #[must_use]
    pub fn route(&self, from: &str, to: &str) -> Option<&Route> {
        self.route_index(from, to).map(|r| &self.routes[r])
    }

    /// The entry places: those without a route into them and those declared with
    /// [`ModelBuilder::entry`].
    pub fn entries(&self) -> impl Iterator<Item = &Place> + '_ {
        self.places
            .iter()
            .filter(|p| self.declared.iter().any(|d| d == p.name()) || !self.routes.iter().any(|r| r.to() == p.name()))
    }

    pub(crate) fn place_index(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    pub(crate) fn route_index(&self, from: &str, to: &str) -> Option<usize> {
        let a = self.place_index(from)?;
        self.out[a].iter().copied().find(|&r| self.routes[r].to() == to)
    }

    pub(crate) fn out_routes(&self, p: usize) -> &[usize] {
        &self.out[p]
    }

    pub(crate) fn order(&self) -> &[usize] {
        &self.order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::Location;

    fn place(n: &str, k: PlaceKind) -> Place {
        Place::new(n, k).unwrap()
    }
    fn route(a: &str, b: &str, s: f64) -> Route {
        Route::new(a, b, s, Transit::fixed(1).unwrap()).unwrap()
    }
    fn chain() -> ModelBuilder {
        Model::builder()
            .place(place("a", PlaceKind::GatheringTown))
            .place(place("b", PlaceKind::CrossingPoint))
            .place(place("c", PlaceKind::Destination))
            .route(route("a", "b", 1.0))
            .route(route("b", "c", 1.0))
    }

    #[test]
    fn each_validation_error() {
        assert_eq!(Model::builder().build().unwrap_err(), SimError::NoPlace);
        let e = chain().place(place("a", PlaceKind::Trail)).build().unwrap_err();
        assert_eq!(e, SimError::DuplicatePlace { name: "a".into() });
        let e = chain().route(route("a", "x", 1.0)).build().unwrap_err();
        assert_eq!(e.to_string(), "route: no place is called \"x\"");
        let e = chain().route(route("a", "b", 1.0)).build().unwrap_err();
        assert!(matches!(e, SimError::DuplicateRoute { .. }));
        let e = chain().route(route("c", "a", 1.0)).build().unwrap_err();
        assert_eq!(e, SimError::DestinationHasRoutes { place: "c".into() });
        let e = chain()
            .place(place("d", PlaceKind::Trail))
            .route(route("d", "c", 1.0))
            .build();
        assert!(e.is_ok(), "d is an entry");
        let e = Model::builder()
            .place(place("a", PlaceKind::GatheringTown))
            .place(place("d", PlaceKind::Trail))
            .route(route("a", "d", 1.0))
            .build()
            .unwrap_err();
        assert_eq!(e, SimError::DeadEnd { place: "d".into() });
        let e = chain()
            .place(place("d", PlaceKind::Destination))
            .route(route("a", "d", 0.5))
            .build()
            .unwrap_err();
        assert!(matches!(e, SimError::SharesSum { sum, .. } if (sum - 1.5).abs() < 1e-12));
        // A cycle with no way in: b <-> e, with e unreachable from the entry a? Here every place
        // in a ring has a route in.
        let ring = Model::builder()
            .place(place("x", PlaceKind::Trail))
            .place(place("y", PlaceKind::Trail))
            .route(route("x", "y", 1.0))
            .route(route("y", "x", 1.0))
            .build()
            .unwrap_err();
        assert_eq!(ring, SimError::NoEntry);
        let e = chain()
            .place(place("p", PlaceKind::Trail))
            .place(place("q", PlaceKind::Trail))
            .route(route("p", "q", 1.0))
            .route(route("q", "p", 0.5))
            .route(route("q", "c", 0.5))
            .place(place("r", PlaceKind::Trail))
            .place(place("s", PlaceKind::Trail))
            .route(route("r", "s", 1.0))
            .route(route("s", "r", 1.0))
            .build()
            .unwrap_err();
        // p has a route in (from q), q from p: neither is an entry and a cannot reach them.
        assert!(matches!(e, SimError::Unreachable { .. }), "{e}");
    }

    #[test]
    fn downstream_first() {
        let m = chain().build().unwrap();
        assert_eq!(m.order(), &[2, 1, 0]);
        assert_eq!(m.entries().map(Place::name).collect::<Vec<_>>(), ["a"]);
        assert_eq!(m.route_index("b", "c"), Some(1));
        assert!(m.route("c", "b").is_none());
    }

    #[test]
    fn from_corridor_needs_transit() {
        let c = Corridor::builder("x")
            .stage(Location::new("a").unwrap(), None)
            .stage(Location::new("b").unwrap(), None)
            .build()
            .unwrap();
        assert_eq!(
            Model::from_corridor(&c).unwrap_err(),
            SimError::UnknownTransit { stage: "a".into() }
        );
    }
}
