//! `parse-error`: front matter or TOML the parser could not read, and values of the
//! wrong type. The parser records them as issues; this check reports them.

use crate::model::IssueKind;
use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct ParseError;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(ParseError))
}

impl Check for ParseError {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        for issue in &cx.charter.issues {
            // Unknown keys are `unknown-key`'s; only syntax and type problems are ours.
            if !matches!(issue.kind, IssueKind::Syntax | IssueKind::WrongType) {
                continue;
            }
            hits.push(Hit::at(issue.span).arg("problem", issue.message.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};
    use crate::model::IssueKind;

    const SRC: &str = "+++\npartner = \"Northwind\ntier = 2\nparnter = 1\n+++\n";

    #[test]
    fn reports_syntax_and_type_issues_where_they_are() {
        let k = Kit::md(SRC)
            .issue(IssueKind::Syntax, "unterminated string", "\"Northwind")
            .issue(IssueKind::WrongType, "tier must be text", "2")
            .issue(IssueKind::UnknownKey, "unknown key `parnter`", "parnter");
        let hits = k.run("parse-error");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].span, k.span("\"Northwind"));
        assert_eq!(arg(&hits[0], "problem"), "unterminated string");
        assert_eq!(arg(&hits[1], "problem"), "tier must be text");
    }

    #[test]
    fn silent_without_issues() {
        assert!(Kit::md(SRC).run("parse-error").is_empty());
    }
}
