//! Real, sourced data embedded in the crate.
//!
//! (Placeholder: lands with issue 2.)
