//! The error design: narrow errors per module, one crate error that converts from each (`?`) and
//! back (`TryFrom`), as the `time` crate does.

use corridor::flow::{FlowError, FlowSeries, Location};
use corridor::network::{Actor, NetworkError, SmugglingNetwork, Tie, TieKind};
use corridor::stats::{self, StatsError};
use corridor::{Country, Error, Period};

/// The fixed entry points still compose with `?` in a function returning `corridor::Error`.
fn entry_points() -> corridor::Result<()> {
    let y = [1.0, 2.0, 4.0, 3.0, 5.0, 7.0, 6.0, 8.0];
    let mk: stats::MannKendall = stats::mann_kendall(&y)?;
    assert!(mk.s() > 0.0);
    let sen = stats::sens_slope(&y)?;
    assert!(sen.slope() > 0.0);
    let rate = stats::poisson_rate_test(10, 1.0, 20, 1.0)?;
    assert!(rate.p_value() > 0.0);
    let mut b = SmugglingNetwork::builder();
    let a = b.add_actor(Actor::person("a"));
    let c = b.add_actor(Actor::person("c"));
    b.add_tie(a, c, Tie::undirected(TieKind::Logistics))?;
    let net = b.build()?;
    let ev = net.eigenvector()?;
    assert_eq!(ev.len(), 2);
    let _ = Location::new("Bajo Chiquito")?.in_country(Country::PAN);
    let _ = FlowSeries::new("2021-08".parse::<Period>()?, vec![None])?;
    Ok(())
}

#[test]
fn entry_points_compose_with_the_crate_error() {
    entry_points().unwrap();
}

#[test]
fn narrow_errors_round_trip_through_the_crate_error() {
    let s = stats::mann_kendall(&[1.0]).unwrap_err();
    let e: Error = s.clone().into();
    assert_eq!(StatsError::try_from(e).unwrap(), s);

    let mut b = SmugglingNetwork::builder();
    let a = b.add_actor(Actor::person("a"));
    let n = b.add_tie(a, a, Tie::undirected(TieKind::Logistics)).unwrap_err();
    assert!(matches!(n, NetworkError::SelfTie { .. }));
    let e: Error = n.clone().into();
    assert_eq!(NetworkError::try_from(e).unwrap(), n);

    let f = Location::new(" ").unwrap_err();
    let e: Error = f.clone().into();
    assert_eq!(FlowError::try_from(e).unwrap(), f);
}

#[test]
fn try_from_gives_back_another_family_unchanged() {
    let e: Error = stats::descriptive::mean(&[]).unwrap_err().into();
    let back = FlowError::try_from(e).unwrap_err();
    assert!(matches!(back, Error::Stats(StatsError::TooShort { .. })), "{back:?}");
    let e: Error = Location::new("").unwrap_err().into();
    assert!(matches!(
        NetworkError::try_from(e),
        Err(Error::Flow(FlowError::EmptyName { .. }))
    ));
}
