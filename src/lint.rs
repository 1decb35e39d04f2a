//! The library entry: one source in, findings out. No printing here.

use crate::model::Format;
use crate::parse;
use crate::rules::{Finding, RuleSet};
use crate::source::Source;
use jiff::civil::Date;

/// Parse a source in the given format and check it against the rule set.
pub fn lint_source(source: &Source, format: Format, rules: &RuleSet, today: Date) -> Vec<Finding> {
    let charter = parse::parse(source, format, &rules.vocab);
    rules.check(source, &charter, today)
}
