//! `co-marketing-only`: co-marketing is the only leverage the charter states.

use crate::model::Leverage;
use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct CoMarketingOnly;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(CoMarketingOnly))
}

impl Check for CoMarketingOnly {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let meta = &cx.charter.meta;
        // Unknown values are `invalid-value`'s; only recognised leverage is weighed.
        let mut co_marketing = false;
        for value in &meta.leverage {
            match value.value {
                Ok(Leverage::CoMarketing) => co_marketing = true,
                // Any stronger leverage is enough (no need to read further).
                Ok(_) => return,
                Err(_) => {}
            }
        }
        // No leverage at all is `leverage-missing`'s.
        if !co_marketing {
            return;
        }
        hits.push(match meta.leverage_span {
            Some(span) => Hit::at(span),
            None => Hit::whole(cx.charter),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Kit;

    const SRC: &str =
        "+++\nleverage = [\"co-marketing\", \"Co Marketing\", \"vibes\", \"economic\"]\n+++\n";

    #[test]
    fn fires_at_the_leverage_key_when_only_co_marketing() {
        let k = Kit::md(SRC).leverage(&["co-marketing", "Co Marketing", "vibes"]);
        let hits = k.run("co-marketing-only");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.charter.meta.leverage_span.unwrap());
        assert!(!hits[0].whole_file);
    }

    #[test]
    fn silent_with_stronger_leverage_or_none() {
        let k = Kit::md(SRC).leverage(&["co-marketing", "economic"]);
        assert!(k.run("co-marketing-only").is_empty());
        let k = Kit::md(SRC).leverage(&["vibes"]);
        assert!(k.run("co-marketing-only").is_empty());
        assert!(Kit::md(SRC).run("co-marketing-only").is_empty());
    }
}
