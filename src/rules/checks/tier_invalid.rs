//! `tier-invalid`: no tier, or a tier that is not 1, 2 or 3 (integration,
//! partnership, strategic).

use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct TierInvalid;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(TierInvalid))
}

impl Check for TierInvalid {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let Some(tier) = &cx.charter.meta.tier else {
            // No tier key at all: about the whole charter.
            hits.push(Hit::whole(cx.charter).variant("missing"));
            return;
        };
        // An empty value (`tier = ""`) is as good as none, but has a place to point at.
        if !tier.text.has_words() {
            hits.push(Hit::at(tier.text.span).variant("missing"));
            return;
        }
        // A tier we understand.
        if tier.value.is_ok() {
            return;
        }
        hits.push(Hit::at(tier.text.span).variant("unknown").arg(
            "found",
            crate::rules::support::text::shorten(&tier.text.text),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};

    const SRC: &str = "+++\ntier = \"gold\"\nother = \"Tier 3\"\nempty = \"\"\n+++\n";

    #[test]
    fn missing_tier_is_about_the_whole_charter() {
        let k = Kit::md(SRC).meta("+++");
        let hits = k.run("tier-invalid");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].variant, "missing");
        assert!(hits[0].whole_file);
    }

    #[test]
    fn empty_tier_is_missing_at_its_place() {
        let k = Kit::md(SRC).tier("\"\"");
        let hits = k.run("tier-invalid");
        assert_eq!(hits[0].variant, "missing");
        assert_eq!(hits[0].span, k.span("\"\""));
    }

    #[test]
    fn unknown_tier_is_reported_with_what_was_written() {
        let k = Kit::md(SRC).tier("gold");
        let hits = k.run("tier-invalid");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].variant, "unknown");
        assert_eq!(hits[0].span, k.span("gold"));
        assert_eq!(arg(&hits[0], "found"), "gold");
    }

    #[test]
    fn known_tier_passes() {
        assert!(Kit::md(SRC).tier("Tier 3").run("tier-invalid").is_empty());
    }
}
