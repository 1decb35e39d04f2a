//! The checks rules name: generic ones that packs instantiate with parameters, and
//! specific ones for what needs code. One check, one file (or folder); registered in
//! [`CHECKS`]. What several checks share is in [`crate::rules::support`].

mod advanced_without_gate;
mod co_marketing_only;
mod empty_section;
mod invalid_date;
mod invalid_value;
mod leverage_missing;
mod metric_not_measurable;
mod missing_go_no_go;
mod missing_signature;
mod nothing_at_stake;
mod parse_error;
mod pattern;
mod phase_duration;
mod phase_incomplete;
mod phase_missing;
mod phase_order;
mod phase_overlap;
mod required_field;
mod required_section;
mod stale_review;
mod tier_invalid;
mod tier_obligations;
mod unknown_key;
mod weak_go_no_go;

use super::Factory;

/// Check name (as a pack's `check = "…"` says it) to the function that builds it.
pub static CHECKS: &[(&str, Factory)] = &[
    ("advanced-without-gate", advanced_without_gate::factory),
    ("co-marketing-only", co_marketing_only::factory),
    ("empty-section", empty_section::factory),
    ("invalid-date", invalid_date::factory),
    ("invalid-value", invalid_value::factory),
    ("leverage-missing", leverage_missing::factory),
    ("metric-not-measurable", metric_not_measurable::factory),
    ("missing-go-no-go", missing_go_no_go::factory),
    ("missing-signature", missing_signature::factory),
    ("nothing-at-stake", nothing_at_stake::factory),
    ("parse-error", parse_error::factory),
    ("pattern", pattern::factory),
    ("phase-duration", phase_duration::factory),
    ("phase-incomplete", phase_incomplete::factory),
    ("phase-missing", phase_missing::factory),
    ("phase-order", phase_order::factory),
    ("phase-overlap", phase_overlap::factory),
    ("required-field", required_field::factory),
    ("required-section", required_section::factory),
    ("stale-review", stale_review::factory),
    ("tier-invalid", tier_invalid::factory),
    ("tier-obligations", tier_obligations::factory),
    ("unknown-key", unknown_key::factory),
    ("weak-go-no-go", weak_go_no_go::factory),
];

pub fn factory(name: &str) -> Option<Factory> {
    CHECKS.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
}

#[cfg(test)]
pub(crate) mod testkit;

#[cfg(test)]
mod tests {
    #[test]
    fn registry_has_no_duplicates() {
        let names: std::collections::HashSet<_> = super::CHECKS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), super::CHECKS.len());
    }
}
