//! Provenance of a figure.
//!
//! (Placeholder: lands with issue 2.)
