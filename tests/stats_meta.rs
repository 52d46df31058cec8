//! Compile-time checks: the public result types of the trend, descriptive and rate helpers are
//! `Send`, `Sync`, `Debug`, `Clone` and `PartialEq`.

use corridor::stats::{
    Change, Extreme, GapPolicy, HamedRao, MannKendall, Pettitt, RateTest, SeasonalMannKendall, SeasonalSensSlope,
    SensSlope, Trend, Window,
};

fn assert_traits<T: Send + Sync + std::fmt::Debug + Clone + PartialEq + 'static>() {}

#[test]
fn public_types_are_thread_safe_values() {
    assert_traits::<MannKendall>();
    assert_traits::<SensSlope>();
    assert_traits::<SeasonalMannKendall>();
    assert_traits::<SeasonalSensSlope>();
    assert_traits::<HamedRao>();
    assert_traits::<Pettitt>();
    assert_traits::<Trend>();
    assert_traits::<RateTest>();
    assert_traits::<Extreme>();
    assert_traits::<GapPolicy>();
    assert_traits::<Window>();
    assert_traits::<Change>();
}
