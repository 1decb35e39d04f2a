//! The checks rules name: generic ones that packs instantiate with parameters, and
//! specific ones for what needs code. One check, one file; registered in [`CHECKS`].

use super::Factory;

/// Check name (as a pack's `check = "…"` says it) to the function that builds it.
pub static CHECKS: &[(&str, Factory)] = &[];

pub fn factory(name: &str) -> Option<Factory> {
    CHECKS.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
}
