//! `leverage-missing`: the metadata states no leverage at all.

use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct LeverageMissing;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(LeverageMissing))
}

impl Check for LeverageMissing {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        // Any value with words counts, even an unknown one (`invalid-value` reports those).
        if cx.charter.meta.leverage.iter().any(|l| l.text.has_words()) {
            return;
        }
        hits.push(Hit::whole(cx.charter));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Kit;

    const SRC: &str = "+++\ntier = 2\nleverage = [\"\", \"economic\"]\n+++\n";

    #[test]
    fn fires_without_leverage_about_the_whole_charter() {
        let k = Kit::md(SRC).meta("+++");
        let hits = k.run("leverage-missing");
        assert_eq!(hits.len(), 1);
        assert!(hits[0].whole_file);
        assert_eq!(hits[0].span, k.charter.meta.span.unwrap());
    }

    #[test]
    fn fires_when_all_values_are_empty() {
        let k = Kit::md(SRC).leverage(&["\"\""]);
        // The text of `""` as written has no words.
        assert_eq!(k.run("leverage-missing").len(), 1);
    }

    #[test]
    fn silent_with_any_leverage() {
        let k = Kit::md(SRC).leverage(&["\"\"", "economic"]);
        assert!(k.run("leverage-missing").is_empty());
    }
}
