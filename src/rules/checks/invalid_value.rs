//! `invalid-value`: a status or leverage value charter does not know.

use crate::rules::{Check, Ctx, Hit};

const STATUSES: &str = "draft, crawl, walk, run, ended";
const LEVERAGE: &str = "requirement, economic, competitive, customer, co-marketing";

#[derive(Debug)]
struct InvalidValue;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(InvalidValue))
}

fn hit(key: &str, found: &str, expected: &str, span: crate::model::Span) -> Hit {
    Hit::at(span)
        .arg("key", key)
        .arg("found", crate::rules::support::text::shorten(found))
        .arg("expected", expected)
}

impl Check for InvalidValue {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let meta = &cx.charter.meta;
        if let Some(status) = &meta.status {
            // A status we understand (no status at all means draft, which is fine).
            if status.value.is_err() {
                let t = &status.text;
                hits.push(hit("status", &t.text, STATUSES, t.span));
            }
        }
        for value in &meta.leverage {
            // Empty entries say nothing; `leverage-missing` weighs the list as a whole.
            if value.value.is_ok() || !value.text.has_words() {
                continue;
            }
            let t = &value.text;
            hits.push(hit("leverage", &t.text, LEVERAGE, t.span));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str =
        "+++\nstatus = \"live\"\nstatus2 = \"Walk\"\nleverage = [\"economic\", \"vibes\"]\n+++\n";

    #[test]
    fn unknown_status_and_leverage_are_reported() {
        let k = Kit::md(SRC).status("live").leverage(&["economic", "vibes"]);
        let hits = k.run("invalid-value");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].span, k.span("live"));
        assert_eq!(arg(&hits[0], "key"), "status");
        assert_eq!(arg(&hits[0], "found"), "live");
        assert_eq!(arg(&hits[0], "expected"), "draft, crawl, walk, run, ended");
        assert_eq!(hits[1].span, k.span("vibes"));
        assert_eq!(arg(&hits[1], "key"), "leverage");
    }

    #[test]
    fn known_values_pass() {
        let k = Kit::md(SRC).status("Walk").leverage(&["economic"]);
        assert!(k.run("invalid-value").is_empty());
        assert!(Kit::md(SRC).run("invalid-value").is_empty());
    }
}
