//! Rule packs: `rules/*.toml` files that declare rules and vocabulary.

use crate::vocab::VocabSpec;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The default pack, compiled in.
pub const DEFAULT_PACK: &str = include_str!("../../rules/default.toml");

/// [`DEFAULT_PACK`] as JSON (see `build.rs`): what start-up reads, being faster to parse.
pub const DEFAULT_PACK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default-pack.json"));

pub use crate::severity::{Level, Severity};

/// One pack file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PackFile {
    /// The pack's name, for messages.
    #[serde(default)]
    pub pack: Option<String>,
    #[serde(default, rename = "rule")]
    pub rules: Vec<RuleDef>,
    #[serde(flatten)]
    pub vocab: VocabSpec,
}

/// One rule as a pack declares it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleDef {
    /// Stable code, `CH001`.
    pub code: String,
    /// Stable kebab-case name, `missing-section`.
    pub name: String,
    pub severity: Severity,
    /// The severity while the charter's status is `draft` (or absent), when it differs.
    #[serde(default)]
    pub draft_severity: Option<Severity>,
    /// The Rust check that carries the rule out (see `rules::checks::CHECKS`).
    pub check: String,
    #[serde(default)]
    pub params: toml::Table,
    /// One line for `charter rules`.
    pub summary: String,
    /// The finding's message; `{name}` is replaced by the check's value for `name`.
    pub message: String,
    /// Messages for particular kinds of hit (`missing`, `matched`, …), by the hit's variant.
    #[serde(default)]
    pub messages: BTreeMap<String, String>,
    /// One line under each finding: what to do.
    pub fix: String,
    /// Why the rule matters; what `charter explain` prints.
    pub help: String,
    #[serde(default)]
    pub example: Option<Example>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub bad: String,
    pub good: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_default_pack_reads_as_the_toml_one() {
        let from_toml: PackFile = toml::from_str(DEFAULT_PACK).expect("TOML pack");
        let from_json: PackFile = serde_json::from_str(DEFAULT_PACK_JSON).expect("JSON pack");
        // Debug shows every field, in order (sections and params keep pack order).
        assert_eq!(format!("{from_json:?}"), format!("{from_toml:?}"));
        assert!(!from_json.rules.is_empty());
    }
}
