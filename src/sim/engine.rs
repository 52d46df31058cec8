//! The core both engines share: one day loop, two ways of dividing people.

use std::collections::VecDeque;

use super::event::{Lever, Target};
use super::scenario::MAX_PEOPLE;
use super::{Model, PlaceKind, Result, Run, Scenario, SimError};
use crate::flow::Nationality;
use crate::rng::Rng;

/// A person (agent engine, `count == 1`) or a cohort (cohort engine): people of one
/// nationality who entered the corridor on day `entered` and arrived where they are on day
/// `arrived` (in transit: the day they will arrive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    entered: u32,
    arrived: u32,
    count: u32,
    nat: u16,
}

/// The agent engine's memory per person is one `Unit`.
pub(crate) const UNIT_BYTES: usize = std::mem::size_of::<Unit>();
const _: () = assert!(UNIT_BYTES <= 16);

/// A cap meaning "no bound".
const OPEN: u64 = u64::MAX;

/// Model and scenario resolved to indices and daily caps.
#[derive(Debug)]
pub(crate) struct Plan {
    /// People entering over the scenario, at most [`MAX_PEOPLE`].
    pub(crate) people: u64,
    pub(crate) days: u32,
    pub(crate) n_places: usize,
    pub(crate) n_routes: usize,
    route_to: Vec<usize>,
    dwell: Vec<u32>,
    /// `[p * days + t]`: the chance that a person who may leave place `p` leaves on day `t`.
    leave: Vec<f64>,
    holding: Vec<Option<u64>>,
    is_dest: Vec<bool>,
    out: Vec<Vec<usize>>,
    order: Vec<usize>,
    shares: Vec<Vec<f64>>,
    /// Per route: probabilities of [dead, turned back, first day, first day + 1, …].
    outcomes: Vec<Vec<f64>>,
    first_day: Vec<u32>,
    horizon: usize,
    /// `[p * days + t]`: people who may leave place `p` on day `t`.
    cap_place: Vec<u64>,
    /// `[r * days + t]`: people who may set out on route `r` on day `t`.
    cap_route: Vec<u64>,
    inflow: Vec<(usize, u16, Vec<u64>)>,
    removals: Vec<(usize, Option<u16>, Vec<u64>)>,
    pub(crate) nationalities: Vec<Nationality>,
}

fn unknown_place(name: &str) -> SimError {
    SimError::UnknownPlace {
        name: name.to_owned(),
        context: "scenario",
    }
}

impl Plan {
    #[allow(clippy::too_many_lines)] // one pass per kind of lever, kept together
    pub(crate) fn new(model: &Model, scenario: &Scenario) -> Result<Self> {
        let days = scenario.days();
        let d = days as usize;
        let places = model.places();
        let routes = model.routes();
        let (n_places, n_routes) = (places.len(), routes.len());
        let place_of = |name: &str| model.place_index(name).ok_or_else(|| unknown_place(name));
        let route_of = |from: &str, to: &str| {
            model.route_index(from, to).ok_or_else(|| SimError::UnknownRoute {
                from: from.to_owned(),
                to: to.to_owned(),
                context: "scenario",
            })
        };
        let route_to: Vec<usize> = routes
            .iter()
            .map(|r| model.place_index(r.to()).unwrap_or_default())
            .collect();
        let out: Vec<Vec<usize>> = (0..n_places).map(|p| model.out_routes(p).to_vec()).collect();
        let shares = out
            .iter()
            .map(|rs| rs.iter().map(|&r| routes[r].share()).collect())
            .collect();
        let mut outcomes = Vec::with_capacity(n_routes);
        let mut first_day = Vec::with_capacity(n_routes);
        let mut horizon = 2usize;
        for r in routes {
            let (dead, back) = r.attrition_rates();
            let keep = 1.0 - dead - back;
            let mut o = vec![dead, back];
            o.extend(r.transit().probabilities().iter().map(|p| p * keep));
            outcomes.push(o);
            first_day.push(r.transit().min_days());
            horizon = horizon.max(r.transit().max_days() as usize + 1);
        }
        let mut cap_place = Vec::with_capacity(n_places * d);
        for p in places {
            cap_place.extend(std::iter::repeat_n(p.throughput_per_day().unwrap_or(OPEN), d));
        }
        let mut leave = Vec::with_capacity(n_places * d);
        for p in places {
            leave.extend(std::iter::repeat_n(p.leave_chance_per_day(), d));
        }
        let mut cap_route = Vec::with_capacity(n_routes * d);
        for r in routes {
            cap_route.extend(std::iter::repeat_n(r.throughput_per_day().unwrap_or(OPEN), d));
        }

        let mut nationalities: Vec<Nationality> = Vec::new();
        let mut inflow = Vec::with_capacity(scenario.inflows.len());
        for i in &scenario.inflows {
            let p = place_of(&i.place)?;
            let nat = if let Some(k) = nationalities.iter().position(|n| *n == i.nationality) {
                k
            } else {
                nationalities.push(i.nationality.clone());
                nationalities.len() - 1
            };
            if nat > usize::from(u16::MAX) {
                return Err(SimError::TooMany {
                    what: "nationalities",
                    got: nat + 1,
                    max: usize::from(u16::MAX) + 1,
                });
            }
            inflow.push((p, nat as u16, i.daily.clone()));
        }

        // Inflow multipliers, applied to the running totals at the end.
        let mut factor: Vec<Vec<f64>> = vec![Vec::new(); inflow.len()];
        let mut removals = Vec::new();
        for e in &scenario.events {
            let a = scenario.day_of(e.first).max(0);
            let b = scenario.day_of(e.last).min(i64::from(days) - 1);
            // An event wholly outside the scenario binds on no day.
            let span = if a <= b { a as usize..b as usize + 1 } else { 0..0 };
            let bad = |reason: String| SimError::Event {
                event: e.to_string(),
                reason,
            };
            match &e.lever {
                Lever::Quota(target, schedule) => {
                    let caps = match target {
                        Target::Place(name) => &mut cap_place[place_of(name)? * d..][..d],
                        Target::Route { from, to } => &mut cap_route[route_of(from, to)? * d..][..d],
                    };
                    for t in span {
                        if let Some(q) = schedule.cap_on(scenario.date(t as u32)) {
                            caps[t] = caps[t].min(q);
                        }
                    }
                }
                Lever::Closure(target) => {
                    let caps = match target {
                        Target::Place(name) => &mut cap_place[place_of(name)? * d..][..d],
                        Target::Route { from, to } => &mut cap_route[route_of(from, to)? * d..][..d],
                    };
                    for t in span {
                        caps[t] = 0;
                    }
                }
                Lever::Transport { vehicles, seats } => {
                    let Some(Target::Route { from, to }) = &e.target else {
                        continue;
                    };
                    let r = route_of(from, to)?;
                    let cap = u64::from(*vehicles) * u64::from(*seats);
                    for t in span {
                        cap_route[r * d + t] = cap_route[r * d + t].min(cap);
                    }
                }
                Lever::CapacityCut { factor } => {
                    let Some(Target::Route { from, to }) = &e.target else {
                        continue;
                    };
                    let r = route_of(from, to)?;
                    let base = routes[r]
                        .throughput_per_day()
                        .ok_or_else(|| bad("the route has no throughput to cut".into()))?;
                    let cap = (base as f64 * factor).floor() as u64;
                    for t in span {
                        cap_route[r * d + t] = cap_route[r * d + t].min(cap);
                    }
                }
                Lever::Removals { nationality, per_week } => {
                    let Some(Target::Place(name)) = &e.target else { continue };
                    let p = place_of(name)?;
                    if places[p].kind() == PlaceKind::Destination {
                        return Err(bad("removals from a destination".into()));
                    }
                    let nat = match nationality {
                        None => None,
                        Some(n) => match nationalities.iter().position(|m| m == n) {
                            Some(k) => Some(k as u16),
                            // Nobody of that nationality enters: nothing to remove.
                            None => continue,
                        },
                    };
                    let mut daily = vec![0u64; d];
                    let offset = scenario.day_of(e.first);
                    let n = u128::from(*per_week);
                    for t in span {
                        let k = (t as i64 - offset + 1) as u128;
                        daily[t] = ((k * n) / 7 - ((k - 1) * n) / 7) as u64;
                    }
                    removals.push((p, nat, daily));
                }
                Lever::LeaveChance { chance } => {
                    let Some(Target::Place(name)) = &e.target else { continue };
                    let p = place_of(name)?;
                    for t in span {
                        leave[p * d + t] = *chance;
                    }
                }
                Lever::InflowShock { factor: f } => {
                    let only = match &e.target {
                        Some(Target::Place(name)) => Some(place_of(name)?),
                        _ => None,
                    };
                    for (k, (p, _, _)) in inflow.iter().enumerate() {
                        if only.is_none_or(|q| q == *p) {
                            if factor[k].is_empty() {
                                factor[k] = vec![1.0; d];
                            }
                            for t in span.clone() {
                                factor[k][t] *= f;
                            }
                        }
                    }
                }
            }
        }
        for ((_, _, daily), f) in inflow.iter_mut().zip(&factor) {
            if f.is_empty() {
                continue;
            }
            // Whole people: the running total of the scaled inflow, rounded down.
            let (mut sum, mut given) = (0.0_f64, 0u64);
            for (v, &m) in daily.iter_mut().zip(f) {
                sum += *v as f64 * m;
                let total = sum.floor() as u64;
                *v = total.saturating_sub(given);
                given = total.max(given);
            }
        }
        // Inflow shocks can multiply the inflow past what a run can count.
        let people: u128 = inflow
            .iter()
            .flat_map(|(_, _, daily)| daily)
            .map(|&v| u128::from(v))
            .sum();
        if people > u128::from(MAX_PEOPLE) {
            return Err(SimError::TooMany {
                what: "people entering the corridor (inflow shocks included)",
                got: usize::try_from(people).unwrap_or(usize::MAX),
                max: MAX_PEOPLE as usize,
            });
        }
        let people = people as u64;
        Ok(Self {
            people,
            days,
            n_places,
            n_routes,
            route_to,
            dwell: places.iter().map(super::Place::dwell_days).collect(),
            leave,
            holding: places.iter().map(super::Place::holding_capacity).collect(),
            is_dest: places.iter().map(|p| p.kind() == PlaceKind::Destination).collect(),
            out,
            order: model.order().to_vec(),
            shares,
            outcomes,
            first_day,
            horizon,
            cap_place,
            cap_route,
            inflow,
            removals,
            nationalities,
        })
    }
}

/// The most people the agent engine takes: each is a 16-byte record while in the corridor, so this
/// bounds its memory at 16 GiB.
pub(crate) const MAX_AGENTS: u64 = 1 << 30;

impl Plan {
    /// Errors when the agent engine would hold more than [`MAX_AGENTS`] people.
    pub(crate) fn check_agents(&self) -> Result<()> {
        if self.people > MAX_AGENTS {
            return Err(SimError::TooMany {
                what: "people for the agent engine (16 bytes each; the cohort engine has no such bound)",
                got: usize::try_from(self.people).unwrap_or(usize::MAX),
                max: MAX_AGENTS as usize,
            });
        }
        Ok(())
    }
}

/// How people are divided between routes and between the outcomes of a route.
pub(crate) trait Split {
    /// Whether each person is a record of its own (agents) or people are merged into cohorts.
    const PEOPLE: bool;
    /// Divides `n` people of nationality `nat` at place `p` between its routes (`probs`).
    fn routes(&mut self, p: usize, nat: u16, n: u32, probs: &[f64], out: &mut Vec<u32>);
    /// Divides `n` people of nationality `nat` setting out on route `r` between its outcomes.
    fn outcomes(&mut self, r: usize, nat: u16, n: u32, probs: &[f64], out: &mut Vec<u32>);
    /// How many of the `n` people who may leave place `p` today choose to, each with `chance`.
    fn leavers(&mut self, p: usize, n: u64, chance: f64) -> u64;
}

/// The cohort engine's rule: carried largest remainder (see the module docs).
#[derive(Debug)]
pub(crate) struct Carried {
    nats: usize,
    routes: Vec<Vec<f64>>,
    outcomes: Vec<Vec<f64>>,
    /// Per place: the fractional people owed to [leave, stay].
    leave: Vec<[f64; 2]>,
}

impl Carried {
    pub(crate) fn new(plan: &Plan) -> Self {
        let nats = plan.nationalities.len().max(1);
        Self {
            nats,
            routes: (0..plan.n_places * nats)
                .map(|i| vec![0.0; plan.shares[i / nats].len()])
                .collect(),
            outcomes: (0..plan.n_routes * nats)
                .map(|i| vec![0.0; plan.outcomes[i / nats].len()])
                .collect(),
            leave: vec![[0.0; 2]; plan.n_places],
        }
    }
}

/// Divides `n` whole people between outcomes of probabilities `probs`, carrying in `owed` the
/// fractional people each outcome is owed from earlier batches.
#[allow(clippy::needless_range_loop)] // four passes over the same outcome index
pub(crate) fn carried(n: u32, probs: &[f64], owed: &mut [f64], out: &mut Vec<u32>) {
    out.clear();
    let nf = f64::from(n);
    let x = |k: usize, owed: &[f64]| nf * probs[k] + owed[k];
    let mut total = 0u64;
    for k in 0..probs.len() {
        let a = if probs[k] > 0.0 {
            x(k, owed).floor().max(0.0) as u32
        } else {
            0
        };
        out.push(a);
        total += u64::from(a);
    }
    while total < u64::from(n) {
        let mut best = None;
        for k in 0..probs.len() {
            if probs[k] > 0.0 {
                let gap = x(k, owed) - f64::from(out[k]);
                if best.is_none_or(|(_, g)| gap > g) {
                    best = Some((k, gap));
                }
            }
        }
        let Some((k, _)) = best else { break };
        out[k] += 1;
        total += 1;
    }
    while total > u64::from(n) {
        let mut best = None;
        for k in 0..probs.len() {
            if out[k] > 0 {
                let over = f64::from(out[k]) - x(k, owed);
                if best.is_none_or(|(_, g)| over > g) {
                    best = Some((k, over));
                }
            }
        }
        let Some((k, _)) = best else { break };
        out[k] -= 1;
        total -= 1;
    }
    for k in 0..probs.len() {
        if probs[k] > 0.0 {
            owed[k] = x(k, owed) - f64::from(out[k]);
        }
    }
}

impl Split for Carried {
    const PEOPLE: bool = false;

    fn routes(&mut self, p: usize, nat: u16, n: u32, probs: &[f64], out: &mut Vec<u32>) {
        carried(n, probs, &mut self.routes[p * self.nats + usize::from(nat)], out);
    }

    fn outcomes(&mut self, r: usize, nat: u16, n: u32, probs: &[f64], out: &mut Vec<u32>) {
        carried(n, probs, &mut self.outcomes[r * self.nats + usize::from(nat)], out);
    }

    fn leavers(&mut self, p: usize, n: u64, chance: f64) -> u64 {
        // The carried rule on the whole day's count: at most u32::MAX people at a time.
        let (mut left, mut n) = (0u64, n);
        let mut out = Vec::with_capacity(2);
        while n > 0 {
            let m = n.min(u64::from(u32::MAX)) as u32;
            carried(m, &[chance, 1.0 - chance], &mut self.leave[p], &mut out);
            left += u64::from(out[0]);
            n -= u64::from(m);
        }
        left
    }
}

/// The agent engine's rule: each person's route and outcome drawn from the seeded generator.
#[derive(Debug)]
pub(crate) struct Draw(pub(crate) Rng);

impl Draw {
    fn sample(&mut self, probs: &[f64], n: u32, out: &mut Vec<u32>) {
        out.clear();
        out.resize(probs.len(), 0);
        for _ in 0..n {
            let u = self.0.next_f64();
            let mut acc = 0.0;
            let mut pick = 0;
            for (k, &p) in probs.iter().enumerate() {
                if p > 0.0 {
                    acc += p;
                    pick = k;
                    if u < acc {
                        break;
                    }
                }
            }
            out[pick] += 1;
        }
    }
}

impl Split for Draw {
    const PEOPLE: bool = true;

    fn routes(&mut self, _: usize, _: u16, n: u32, probs: &[f64], out: &mut Vec<u32>) {
        self.sample(probs, n, out);
    }

    fn outcomes(&mut self, _: usize, _: u16, n: u32, probs: &[f64], out: &mut Vec<u32>) {
        self.sample(probs, n, out);
    }

    fn leavers(&mut self, _: usize, n: u64, chance: f64) -> u64 {
        (0..n).map(|_| u64::from(self.0.next_f64() < chance)).sum()
    }
}

/// Daily records, `[i * days + t]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Records {
    pub(crate) place_arrivals: Vec<u64>,
    pub(crate) place_departures: Vec<u64>,
    pub(crate) place_stock: Vec<u64>,
    /// Person-days waited by the people who left on the day.
    pub(crate) place_wait: Vec<u64>,
    pub(crate) place_removed: Vec<u64>,
    pub(crate) route_departures: Vec<u64>,
    pub(crate) route_arrivals: Vec<u64>,
    pub(crate) route_in_transit: Vec<u64>,
    pub(crate) route_dead: Vec<u64>,
    pub(crate) route_turned_back: Vec<u64>,
    pub(crate) entered: u64,
    /// Person-days from entry to arrival at a destination, over everyone who arrived at one.
    pub(crate) journey_days: u64,
}

struct State<'a, S: Split> {
    plan: &'a Plan,
    split: S,
    queues: Vec<VecDeque<Unit>>,
    calendar: Vec<Vec<Unit>>,
    stock: Vec<u64>,
    incoming: Vec<u64>,
    in_transit: Vec<u64>,
    rec: Records,
    split_buf: Vec<u32>,
    left_buf: Vec<u64>,
}

/// Appends `unit` to `v`: person by person, or merged into the last cohort when it is the same.
fn push<S: Split>(v: &mut impl Queue, unit: Unit) {
    if S::PEOPLE {
        for _ in 0..unit.count {
            v.push_back(Unit { count: 1, ..unit });
        }
        return;
    }
    if let Some(last) = v.last_mut()
        && last.entered == unit.entered
        && last.arrived == unit.arrived
        && last.nat == unit.nat
        && let Some(c) = last.count.checked_add(unit.count)
    {
        last.count = c;
        return;
    }
    v.push_back(unit);
}

trait Queue {
    fn last_mut(&mut self) -> Option<&mut Unit>;
    fn push_back(&mut self, u: Unit);
}

impl Queue for VecDeque<Unit> {
    fn last_mut(&mut self) -> Option<&mut Unit> {
        self.back_mut()
    }
    fn push_back(&mut self, u: Unit) {
        VecDeque::push_back(self, u);
    }
}

impl Queue for Vec<Unit> {
    fn last_mut(&mut self) -> Option<&mut Unit> {
        <[Unit]>::last_mut(self)
    }
    fn push_back(&mut self, u: Unit) {
        self.push(u);
    }
}

impl<'a, S: Split> State<'a, S> {
    fn new(plan: &'a Plan, split: S) -> Self {
        let d = plan.days as usize;
        let pd = plan.n_places * d;
        let rd = plan.n_routes * d;
        Self {
            plan,
            split,
            queues: vec![VecDeque::new(); plan.n_routes],
            calendar: vec![Vec::new(); plan.n_routes * plan.horizon],
            stock: vec![0; plan.n_places],
            incoming: vec![0; plan.n_places],
            in_transit: vec![0; plan.n_routes],
            rec: Records {
                place_arrivals: vec![0; pd],
                place_departures: vec![0; pd],
                place_stock: vec![0; pd],
                place_wait: vec![0; pd],
                place_removed: vec![0; pd],
                route_departures: vec![0; rd],
                route_arrivals: vec![0; rd],
                route_in_transit: vec![0; rd],
                route_dead: vec![0; rd],
                route_turned_back: vec![0; rd],
                entered: 0,
                journey_days: 0,
            },
            split_buf: Vec::new(),
            left_buf: Vec::new(),
        }
    }

    fn run(mut self) -> Records {
        let plan = self.plan;
        let d = plan.days as usize;
        for t in 0..plan.days {
            let ti = t as usize;
            // 1. Arrivals at the ends of routes.
            for r in 0..plan.n_routes {
                let slot = r * plan.horizon + ti % plan.horizon;
                let mut bucket = std::mem::take(&mut self.calendar[slot]);
                let to = plan.route_to[r];
                for u in &bucket {
                    let c = u64::from(u.count);
                    self.rec.route_arrivals[r * d + ti] += c;
                    self.in_transit[r] -= c;
                    self.incoming[to] -= c;
                    self.arrive(to, u.nat, u.entered, u.count, t);
                }
                bucket.clear();
                self.calendar[slot] = bucket;
            }
            // 2. Inflow.
            for (p, nat, daily) in &plan.inflow {
                let mut n = daily[ti];
                self.rec.entered += n;
                while n > 0 {
                    let c = n.min(u64::from(u32::MAX)) as u32;
                    self.arrive(*p, *nat, t, c, t);
                    n -= u64::from(c);
                }
            }
            // 3. Removals.
            for (p, nat, daily) in &plan.removals {
                if daily[ti] > 0 {
                    self.remove(*p, *nat, daily[ti], ti);
                }
            }
            // 4. Departures, downstream first.
            for &p in &plan.order {
                if !plan.is_dest[p] {
                    self.depart(p, t);
                }
            }
            // 5. Stocks at the end of the day.
            for p in 0..plan.n_places {
                self.rec.place_stock[p * d + ti] = self.stock[p];
            }
            for r in 0..plan.n_routes {
                self.rec.route_in_transit[r * d + ti] = self.in_transit[r];
            }
        }
        self.rec
    }

    fn arrive(&mut self, p: usize, nat: u16, entered: u32, n: u32, t: u32) {
        let plan = self.plan;
        let d = plan.days as usize;
        let c = u64::from(n);
        self.rec.place_arrivals[p * d + t as usize] += c;
        self.stock[p] += c;
        if plan.is_dest[p] {
            self.rec.journey_days += c * u64::from(t - entered);
            return;
        }
        let out = &plan.out[p];
        let unit = Unit {
            entered,
            arrived: t,
            count: n,
            nat,
        };
        if out.len() == 1 {
            push::<S>(&mut self.queues[out[0]], unit);
            return;
        }
        let mut buf = std::mem::take(&mut self.split_buf);
        self.split.routes(p, nat, n, &plan.shares[p], &mut buf);
        for (k, &m) in buf.iter().enumerate() {
            if m > 0 {
                push::<S>(&mut self.queues[out[k]], Unit { count: m, ..unit });
            }
        }
        self.split_buf = buf;
    }

    fn remove(&mut self, p: usize, nat: Option<u16>, mut k: u64, t: usize) {
        let plan = self.plan;
        let d = plan.days as usize;
        while k > 0 {
            let mut best: Option<(u32, usize, usize)> = None;
            for &r in &plan.out[p] {
                let hit = self.queues[r].iter().position(|u| nat.is_none_or(|n| n == u.nat));
                if let Some(i) = hit {
                    let a = self.queues[r][i].arrived;
                    if best.is_none_or(|(b, _, _)| a < b) {
                        best = Some((a, r, i));
                    }
                }
            }
            let Some((_, r, i)) = best else { break };
            let u = &mut self.queues[r][i];
            let m = k.min(u64::from(u.count));
            u.count -= m as u32;
            if u.count == 0 {
                self.queues[r].remove(i);
            }
            self.stock[p] -= m;
            self.rec.place_removed[p * d + t] += m;
            k -= m;
        }
    }

    fn room(&self, q: usize) -> u64 {
        self.plan.holding[q].map_or(OPEN, |h| h.saturating_sub(self.stock[q] + self.incoming[q]))
    }

    fn depart(&mut self, p: usize, t: u32) {
        let plan = self.plan;
        let d = plan.days as usize;
        let ti = t as usize;
        let mut place_left = plan.cap_place[p * d + ti];
        if place_left == 0 {
            return;
        }
        let outs = &plan.out[p];
        let dwell = plan.dwell[p];
        let chance = plan.leave[p * d + ti];
        if chance < 1.0 {
            // Each person who may leave today leaves with `chance`; who leaves is taken oldest
            // first below (the count is what a memoryless choice fixes).
            let may = if dwell == 0 {
                self.stock[p]
            } else {
                outs.iter()
                    .map(|&r| {
                        self.queues[r]
                            .iter()
                            .take_while(|u| u64::from(u.arrived) + u64::from(dwell) <= u64::from(t))
                            .map(|u| u64::from(u.count))
                            .sum::<u64>()
                    })
                    .sum()
            };
            place_left = place_left.min(self.split.leavers(p, may, chance));
            if place_left == 0 {
                return;
            }
        }
        let mut left = std::mem::take(&mut self.left_buf);
        left.clear();
        left.extend(outs.iter().map(|&r| plan.cap_route[r * d + ti]));
        loop {
            let mut best: Option<(u32, usize)> = None;
            for (k, &r) in outs.iter().enumerate() {
                if left[k] == 0 {
                    continue;
                }
                let Some(h) = self.queues[r].front() else { continue };
                if u64::from(h.arrived) + u64::from(dwell) > u64::from(t) {
                    continue;
                }
                if best.is_none_or(|(a, _)| h.arrived < a) && self.room(plan.route_to[r]) > 0 {
                    best = Some((h.arrived, k));
                }
            }
            let Some((_, k)) = best else { break };
            let r = outs[k];
            let room = self.room(plan.route_to[r]);
            let Some(head) = self.queues[r].front_mut() else { break };
            let m = u64::from(head.count).min(place_left).min(left[k]).min(room) as u32;
            let unit = Unit { count: m, ..*head };
            head.count -= m;
            if head.count == 0 {
                self.queues[r].pop_front();
            }
            place_left -= u64::from(m);
            left[k] -= u64::from(m);
            self.dispatch(p, r, unit, t);
            if place_left == 0 {
                break;
            }
        }
        self.left_buf = left;
    }

    fn dispatch(&mut self, p: usize, r: usize, unit: Unit, t: u32) {
        let plan = self.plan;
        let d = plan.days as usize;
        let ti = t as usize;
        let m = u64::from(unit.count);
        self.rec.place_departures[p * d + ti] += m;
        self.rec.place_wait[p * d + ti] += m * u64::from(t - unit.arrived);
        self.stock[p] -= m;
        self.rec.route_departures[r * d + ti] += m;
        let mut buf = std::mem::take(&mut self.split_buf);
        self.split
            .outcomes(r, unit.nat, unit.count, &plan.outcomes[r], &mut buf);
        self.rec.route_dead[r * d + ti] += u64::from(buf[0]);
        self.rec.route_turned_back[r * d + ti] += u64::from(buf[1]);
        let to = plan.route_to[r];
        for (j, &c) in buf.iter().enumerate().skip(2) {
            if c == 0 {
                continue;
            }
            let days = plan.first_day[r] + (j - 2) as u32;
            let due = t.saturating_add(days);
            if due >= plan.days {
                // Arrives after the scenario ends: counted in transit from here on.
                self.in_transit[r] += u64::from(c);
                self.incoming[to] += u64::from(c);
                continue;
            }
            let slot = r * plan.horizon + due as usize % plan.horizon;
            push::<S>(
                &mut self.calendar[slot],
                Unit {
                    arrived: due,
                    count: c,
                    ..unit
                },
            );
            self.in_transit[r] += u64::from(c);
            self.incoming[to] += u64::from(c);
        }
        self.split_buf = buf;
    }
}

/// Runs the cohort engine on a resolved plan.
pub(crate) fn cohorts(plan: &Plan) -> Records {
    State::new(plan, Carried::new(plan)).run()
}

/// Runs the agent engine on a resolved plan with generator `rng`.
pub(crate) fn agents(plan: &Plan, rng: Rng) -> Records {
    State::new(plan, Draw(rng)).run()
}

impl Model {
    /// Runs the seeded agent engine: each person's route and outcome drawn from the crate's
    /// xoshiro256\*\* generator seeded with `seed`. Same seed, same run, on every platform.
    ///
    /// # Errors
    /// [`SimError::UnknownPlace`] or [`SimError::UnknownRoute`] for a name in the scenario that
    /// the model does not have; [`SimError::Event`] for an event that does not fit the model;
    /// [`SimError::TooMany`] beyond 65,536 nationalities, when inflow shocks take the people entering
    /// past 10¹², or (this engine only, which holds each person as a 16-byte record) past 2³⁰
    /// people (1,073,741,824; [`Model::run_cohorts`] has no such bound).
    ///
    /// # Example
    /// ```
    /// use corridor::sim::{Model, Place, PlaceKind, Route, Scenario, Transit};
    /// use corridor::flow::Nationality;
    /// use time::macros::date;
    ///
    /// let model = Model::builder()
    ///     .place(Place::new("Acandí", PlaceKind::CrossingPoint)?)
    ///     .place(Place::new("Bajo Chiquito", PlaceKind::Destination)?)
    ///     .route(Route::new("Acandí", "Bajo Chiquito", 1.0, Transit::uniform(2, 10)?)?.attrition(0.01, 0.0)?)
    ///     .build()?;
    /// let scenario = Scenario::new(date!(2022 - 01 - 01), 30)?.inflow_daily("Acandí", Nationality::Unknown, vec![100; 30])?;
    /// let a = model.run(&scenario, 7)?;
    /// assert_eq!(a, model.run(&scenario, 7)?);
    /// assert_eq!(a.entered(), 3_000);
    /// # Ok::<(), corridor::Error>(())
    /// ```
    pub fn run(&self, scenario: &Scenario, seed: u64) -> crate::Result<Run> {
        let plan = Plan::new(self, scenario)?;
        plan.check_agents()?;
        let rec = agents(&plan, Rng::seed_from_u64(seed));
        Ok(Run::new(self, scenario, &plan, rec))
    }

    /// Runs the deterministic cohort engine (see the [module docs](super) for its rounding
    /// rule).
    ///
    /// # Errors
    /// As [`Model::run`].
    pub fn run_cohorts(&self, scenario: &Scenario) -> crate::Result<Run> {
        let plan = Plan::new(self, scenario)?;
        let rec = cohorts(&plan);
        Ok(Run::new(self, scenario, &plan, rec))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carried_is_exact_and_tracks_expectation() {
        let probs = [0.013, 0.2, 0.787];
        let mut owed = [0.0; 3];
        let mut out = Vec::new();
        let mut totals = [0u64; 3];
        let mut n_total = 0u64;
        for i in 0..10_000u32 {
            let n = 1 + i % 7;
            carried(n, &probs, &mut owed, &mut out);
            assert_eq!(out.iter().map(|&v| u64::from(v)).sum::<u64>(), u64::from(n));
            for k in 0..3 {
                totals[k] += u64::from(out[k]);
            }
            n_total += u64::from(n);
            for k in 0..3 {
                let expect = n_total as f64 * probs[k];
                assert!(
                    (totals[k] as f64 - expect).abs() <= 1.0 + 1e-6,
                    "{k}: {} vs {expect}",
                    totals[k]
                );
            }
        }
        // Zero-probability outcomes never get anyone.
        let mut owed = [0.0; 2];
        carried(5, &[0.0, 1.0], &mut owed, &mut out);
        assert_eq!(out, [0, 5]);
    }

    #[test]
    fn unit_is_small() {
        assert_eq!(std::mem::size_of::<Unit>(), 16);
    }
}
