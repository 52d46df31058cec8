//! Real, sourced data embedded in the crate (feature `csv`).
//!
//! - [`darien`]: irregular crossings of the Darién Gap (Colombia → Panama), monthly
//!   2020–2025, annual 2010–2024 and by nationality, each figure with its source.
//!
//! The data files ship inside the crate under `data/` and are read with
//! `include_str!`: nothing is fetched or opened at run time.

pub mod darien;
