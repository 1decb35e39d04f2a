//! `missing-signature`: both sides must sign.
//!
//! Only when a signatures section exists (`missing-section` covers its absence).
//! Each side (company, partner) needs a signed signature of its own: with none at
//! all the variant is `missing` (at the section heading), with only unsigned ones it
//! is `unsigned` (at the first of them). Signatures whose side could not be told are
//! counted for a side that has none of its own. When no signature has a side (the
//! metadata names neither party), at least two signed signatures are required
//! instead: each unsigned line is `unsigned`, and if there are fewer than two
//! signatures, `missing` for the rest.

use crate::model::{Charter, Side, Signature};
use crate::rules::{Check, Ctx, Hit, Who};

#[derive(Debug)]
struct MissingSignature;

pub fn factory(params: &toml::Table) -> Result<Box<dyn Check>, String> {
    crate::rules::support::params::no_params(params)?;
    Ok(Box::new(MissingSignature))
}

impl Check for MissingSignature {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let c = cx.charter;
        // No signatures section is `missing-section`'s.
        let Some(section) = c.section("signatures") else {
            return;
        };
        let heading = section.heading.span;
        if c.signatures.iter().all(|s| s.side.is_none()) {
            return without_sides(c, heading, hits);
        }
        for side in [Side::Company, Side::Partner] {
            let mut own: Vec<&Signature> = c
                .signatures
                .iter()
                .filter(|s| s.side == Some(side))
                .collect();
            if own.is_empty() {
                own = c.signatures.iter().filter(|s| s.side.is_none()).collect();
            }
            // Signed by someone for this side.
            if own.iter().any(|s| s.signed) {
                continue;
            }
            // An unsigned line that is still a template prompt is the placeholder
            // rule's finding; reporting it here too would say the same thing twice.
            if !own.is_empty() && own.iter().all(|s| is_prompt(cx.slice(s.span))) {
                continue;
            }
            let name = crate::rules::support::places::side_name(c, side);
            let hit = match own.first() {
                Some(s) => Hit::at(s.span).variant("unsigned"),
                None => Hit::at(heading).variant("missing"),
            };
            hits.push(hit.arg("side", name).who(Who::Side(side)));
        }
    }
}

/// Whether a signature line still holds a `<fill in …>` style prompt.
fn is_prompt(line: &str) -> bool {
    line.find('<')
        .is_some_and(|open| line[open..].contains('>') && !line[open..].starts_with("<!--"))
}

/// No side is known: two signed signatures stand for both sides.
fn without_sides(c: &Charter, heading: crate::model::Span, hits: &mut Vec<Hit>) {
    let signed = c.signatures.iter().filter(|s| s.signed).count();
    // Two signatures are as good as we can tell.
    if signed >= 2 {
        return;
    }
    for s in c.signatures.iter().filter(|s| !s.signed) {
        let who = if s.who.has_words() {
            crate::rules::support::text::shorten(&s.who.text)
        } else {
            "a signatory".to_string()
        };
        hits.push(Hit::at(s.span).variant("unsigned").arg("side", who));
    }
    let side = match c.signatures.len() {
        0 => "either side",
        1 => "the other side",
        _ => return,
    };
    hits.push(Hit::at(heading).variant("missing").arg("side", side));
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};
    use super::is_prompt;
    use crate::model::Side;

    const SRC: &str =
        "+++\ncompany = \"Keel\"\npartner = \"Northwind Ledger\"\n+++\n## Signatures\n\
        - [x] Dana Ruiz, VP Partnerships, Keel — 2026-08-28\n\
        - [ ] Ravi Shah, Head of Alliances, Northwind Ledger\n\
        - [x] Sam Lee, somewhere\n";

    fn kit() -> Kit {
        Kit::md(SRC)
            .company("Keel")
            .partner("Northwind Ledger")
            .section("signatures", "## Signatures")
    }

    #[test]
    fn an_unsigned_side_fires_at_its_line() {
        let k = kit().sig("Dana Ruiz", Some(Side::Company), true).sig(
            "Ravi Shah",
            Some(Side::Partner),
            false,
        );
        let hits = k.run("missing-signature");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].variant, "unsigned");
        assert_eq!(hits[0].span, k.source.line_span(7));
        assert_eq!(arg(&hits[0], "side"), "Northwind Ledger");
    }

    #[test]
    fn a_side_without_any_signature_is_missing_at_the_heading() {
        let k = kit().sig("Ravi Shah", Some(Side::Partner), false);
        let hits = k.run("missing-signature");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].variant, "missing");
        assert_eq!(hits[0].span, k.span("## Signatures"));
        assert_eq!(arg(&hits[0], "side"), "Keel");
        assert_eq!(hits[1].variant, "unsigned");
    }

    #[test]
    fn an_unknown_side_signature_counts_for_the_side_without_one() {
        let k = kit()
            .sig("Dana Ruiz", Some(Side::Company), true)
            .sig("Sam Lee", None, true);
        assert!(k.run("missing-signature").is_empty());
    }

    #[test]
    fn without_sides_two_signed_signatures_are_needed() {
        let k = kit()
            .sig("Dana Ruiz", None, true)
            .sig("Sam Lee", None, true);
        assert!(k.run("missing-signature").is_empty());
        let k = kit().sig("Dana Ruiz", None, true);
        let hits = k.run("missing-signature");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].variant, "missing");
        assert_eq!(arg(&hits[0], "side"), "the other side");
        let k = kit()
            .sig("Dana Ruiz", None, true)
            .sig("Ravi Shah", None, false);
        let hits = k.run("missing-signature");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].variant, "unsigned");
        assert_eq!(arg(&hits[0], "side"), "Ravi Shah");
    }

    #[test]
    fn prompt_lines_are_left_to_the_placeholder_rule() {
        assert!(is_prompt("- [ ] <fill in: signer's name>, Keel"));
        assert!(!is_prompt("- [ ] Dana Ruiz, Keel"));
        assert!(!is_prompt("- [ ] Dana Ruiz, Keel <!-- later -->"));
    }

    #[test]
    fn both_sides_signed_or_no_section_is_silent() {
        let k = kit().sig("Dana Ruiz", Some(Side::Company), true).sig(
            "Ravi Shah",
            Some(Side::Partner),
            true,
        );
        assert!(k.run("missing-signature").is_empty());
        assert!(Kit::md(SRC).run("missing-signature").is_empty());
    }
}
