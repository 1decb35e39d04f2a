//! `unknown-key`: a metadata or TOML key the format does not know, usually a typo.

use crate::model::IssueKind;
use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct UnknownKey;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(UnknownKey))
}

impl Check for UnknownKey {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        for issue in &cx.charter.issues {
            // Syntax and type problems are `parse-error`'s.
            if issue.kind != IssueKind::UnknownKey {
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

    const SRC: &str = "partner = \"Northwind\"\nparnter = \"x\"\ntier = {}\n";

    #[test]
    fn reports_unknown_keys_only() {
        let k = Kit::toml(SRC)
            .issue(IssueKind::UnknownKey, "unknown key `parnter`", "parnter")
            .issue(IssueKind::WrongType, "tier must be text", "{}");
        let hits = k.run("unknown-key");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.span("parnter"));
        assert_eq!(arg(&hits[0], "problem"), "unknown key `parnter`");
    }

    #[test]
    fn silent_without_issues() {
        assert!(Kit::toml(SRC).run("unknown-key").is_empty());
    }
}
