//! `tier-obligations`: what a tier promises has to be in the governance section.
//!
//! Tier 3 (strategic) needs an executive sponsor on each side and a partner manager
//! (governance fields `our-sponsor`, `partner-sponsor`, `partner-manager`). Tier 2
//! (partnership) needs a regular sync: the `sync-cadence` field, or any governance
//! text that names a cadence next to a meeting (`weekly sync`, `monthly call`,
//! `meet every two weeks`), since teams often write it into another item. The tiers
//! are not cumulative: tier 3 does not also require the tier 2 sync.

use crate::model::Side;
use crate::model::{Charter, Tier};
use crate::rules::support::regex::LazyRegex;
use crate::rules::{Check, Ctx, Hit, Who};

/// A governance field a tier needs, how messages name it, and the label to add. An
/// obligation of one side (a sponsor) names that side, by the pack's `sponsor` message.
struct Obligation {
    field: &'static str,
    missing: &'static str,
    label: &'static str,
    side: Option<Side>,
}

const STRATEGIC: &[Obligation] = &[
    Obligation {
        field: "our-sponsor",
        missing: "an executive sponsor on our side",
        label: "Our executive sponsor",
        side: Some(Side::Company),
    },
    Obligation {
        field: "partner-sponsor",
        missing: "an executive sponsor on the partner's side",
        label: "Partner executive sponsor",
        side: Some(Side::Partner),
    },
    Obligation {
        field: "partner-manager",
        missing: "a dedicated partner manager",
        label: "Partner manager",
        side: None,
    },
];

const PARTNERSHIP: &[Obligation] = &[Obligation {
    field: "sync-cadence",
    missing: "a regular sync cadence",
    label: "Sync cadence",
    side: None,
}];

#[derive(Debug)]
struct TierObligations {
    /// A cadence next to a meeting word, either way round.
    sync: LazyRegex,
}

/// A cadence next to a meeting word, either way round.
pub(super) fn sync_pattern() -> String {
    let cadence = r"(?i-u:daily|weekly|bi-?weekly|fortnightly|monthly|every\s+(?:[a-z]+\s+)?(?:days?|weeks?|months?))";
    let meeting = r"(?i-u:syncs?|meetings?|meet|calls?|check-?ins?|stand-?ups?)";
    format!(
        r"(?-u:\b){cadence}(?-u:\b)[^.\n]*?(?-u:\b){meeting}(?-u:\b)|(?-u:\b){meeting}(?-u:\b)[^.\n]*?(?-u:\b){cadence}(?-u:\b)"
    )
}

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    let sync = LazyRegex::new(sync_pattern());
    Ok(Box::new(TierObligations { sync }))
}

impl TierObligations {
    fn met(&self, charter: &Charter, o: &Obligation) -> bool {
        if charter
            .field("governance", o.field)
            .is_some_and(|f| f.value.has_words())
        {
            return true;
        }
        // The sync may be written into any governance item or field.
        o.field == "sync-cadence"
            && charter
                .sections
                .iter()
                .filter(|s| s.key == "governance")
                .flat_map(|s| s.items.iter().chain(s.fields.iter().map(|f| &f.value)))
                .any(|t| self.sync.get().is_match(&t.text))
    }
}

impl Check for TierObligations {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        // A missing or unknown tier is `tier-invalid`'s; tier 1 promises nothing extra.
        let obligations = match cx.charter.meta.tier() {
            Some(Tier::Strategic) => STRATEGIC,
            Some(Tier::Partnership) => PARTNERSHIP,
            _ => return,
        };
        let tier = cx.charter.meta.tier().map_or(0, Tier::number);
        for o in obligations {
            if self.met(cx.charter, o) {
                continue;
            }
            let hit = crate::rules::support::places::at_heading_or_whole(cx.charter, "governance")
                .arg("tier", tier.to_string())
                .arg("missing", o.missing)
                .arg("label", o.label);
            hits.push(match o.side {
                Some(side) => hit.variant("sponsor").who(Who::Side(side)),
                None => hit,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};
    use crate::model::{Parsed, Text};

    #[test]
    fn the_fixed_pattern_builds() {
        crate::rules::support::regex::build(&super::sync_pattern()).expect("sync");
    }

    const SRC: &str = "+++\ntier = 3\nother = 2\n+++\n## Governance\n\
        - **Our executive sponsor:** Sam Lee\n\
        - **Partner manager:**\n\
        - We meet every two weeks to review the pipeline.\n\
        - **Sync cadence:** weekly\n";

    #[test]
    fn tier_three_needs_both_sponsors_and_a_partner_manager() {
        let k = Kit::md(SRC)
            .tier("3")
            .section("governance", "## Governance")
            .field("our-sponsor", "Our executive sponsor", "Sam Lee")
            .field("partner-manager", "Partner manager", "");
        let hits = k.run("tier-obligations");
        assert_eq!(hits.len(), 2);
        assert!(hits.iter().all(|h| h.span == k.span("## Governance")));
        assert_eq!(arg(&hits[0], "tier"), "3");
        assert_eq!(
            arg(&hits[0], "missing"),
            "an executive sponsor on the partner's side"
        );
        assert_eq!(arg(&hits[1], "label"), "Partner manager");
    }

    #[test]
    fn tier_two_needs_a_sync_without_governance_it_is_about_the_whole_charter() {
        let k = Kit::md(SRC).tier("2");
        let hits = k.run("tier-obligations");
        assert_eq!(hits.len(), 1);
        assert!(hits[0].whole_file);
        assert_eq!(arg(&hits[0], "tier"), "2");
        assert_eq!(arg(&hits[0], "label"), "Sync cadence");
    }

    #[test]
    fn tier_two_sync_as_a_field_or_in_prose() {
        let k = Kit::md(SRC)
            .tier("2")
            .section("governance", "## Governance")
            .field("sync-cadence", "Sync cadence", "weekly");
        assert!(k.run("tier-obligations").is_empty());
        let k = Kit::md(SRC)
            .tier("2")
            .section("governance", "## Governance")
            .item("We meet every two weeks to review the pipeline.");
        assert!(k.run("tier-obligations").is_empty());
    }

    #[test]
    fn tier_one_and_unknown_tiers_promise_nothing() {
        assert!(Kit::md(SRC).run("tier-obligations").is_empty());
        let mut k = Kit::md(SRC).tier("3");
        let tier = &mut k.charter.meta.tier;
        let span = tier.as_ref().unwrap().text.span;
        *tier = Some(Parsed::tier(Text::new("1", span)));
        assert!(k.run("tier-obligations").is_empty());
    }
}
