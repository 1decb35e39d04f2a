//! The library entry: one source in, findings out. No printing here.

use crate::model::{Charter, Format};
use crate::parse;
use crate::rules::{Finding, RuleSet};
use crate::source::Source;
use jiff::civil::Date;

/// Parse a source in the given format and check it against the rule set.
pub fn lint_source(source: &Source, format: Format, rules: &RuleSet, today: Date) -> Vec<Finding> {
    let charter = parse::parse(source, format, &rules.vocab);
    check(source, &charter, rules, today)
}

/// Check a parsed charter against the rule set.
pub fn check(source: &Source, charter: &Charter, rules: &RuleSet, today: Date) -> Vec<Finding> {
    let findings = rules.check(source, charter, today);
    if !source.text.trim().is_empty() {
        return findings;
    }
    // A file with nothing in it (a BOM and white space at most) misses every section,
    // the tier and the rest: one finding that says so reads better than a pile of
    // them. It keeps the rule, code and severity of the first missing section.
    let first = findings
        .iter()
        .position(|f| f.rule == "missing-section")
        .unwrap_or(0);
    let Some(mut one) = findings.into_iter().nth(first) else {
        return Vec::new();
    };
    one.message = "the charter is empty".to_string();
    one.help = "Start from a skeleton (`charter new PARTNER --tier 1|2|3`) or an example \
                charter, then fill it in."
        .to_string();
    vec![one]
}
