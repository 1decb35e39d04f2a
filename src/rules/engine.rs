//! Compiles packs into a [`RuleSet`] and runs it over a charter.

use super::pack::Severity;
use crate::model::Span;

/// One finding of one rule on one charter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: String,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// One line: what to do.
    pub help: String,
    pub span: Span,
    pub whole_file: bool,
}

/// The rules of the active packs, compiled.
#[derive(Debug, Default)]
pub struct RuleSet {}
