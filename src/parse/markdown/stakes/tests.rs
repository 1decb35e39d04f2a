//! Side-named lines under a loss lead-in are that side's stake.

use crate::model::Charter;
use crate::parse::markdown::parse;
use crate::source::Source;
use crate::vocab::default_vocab;

const FRONT: &str = "---\ncompany: Tiffinwala\npartner: Swiftkart\n---\n\n## Give and take\n\n";

fn read(body: &str) -> Charter {
    let text = format!("{FRONT}{body}");
    parse(&Source::new("t.charter.md", text), &default_vocab())
}

fn keys(c: &Charter) -> Vec<(String, String)> {
    let sec = c.section("value-exchange").expect("a value exchange");
    sec.fields
        .iter()
        .map(|f| (f.key.clone(), f.label.text.clone()))
        .collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect()
}

#[test]
fn a_bold_lead_in_makes_the_side_lines_under_it_losses() {
    let c = read(
        "**Tiffinwala gives**\n- ₹15 lakh\n\n**At stake**\n- Tiffinwala: the ₹15 lakh\n- Swiftkart: the ₹40 lakh\n",
    );
    assert_eq!(
        keys(&c),
        pairs(&[
            ("we-give", "Tiffinwala gives"),
            ("we-lose", "Tiffinwala"),
            ("partner-loses", "Swiftkart"),
        ])
    );
}

#[test]
fn a_lead_in_read_as_a_loss_field_is_carried_by_its_lines() {
    let c = read(
        "**2.3 If this fails, what we lose**\n- Tiffinwala: the ₹15 lakh\n- Swiftkart: the ₹40 lakh\n",
    );
    assert_eq!(
        keys(&c),
        pairs(&[("we-lose", "Tiffinwala"), ("partner-loses", "Swiftkart")])
    );
}

#[test]
fn an_item_lead_in_carries_to_its_nested_items() {
    let c = read(
        "- [x] What each of us loses if it flops\n  - [x] Tiffinwala: the ₹15 lakh\n  - [x] Swiftkart: the ₹40 lakh\n",
    );
    assert_eq!(
        keys(&c),
        pairs(&[("we-lose", "Tiffinwala"), ("partner-loses", "Swiftkart")])
    );
}

#[test]
fn a_lead_in_that_also_speaks_of_giving_leaves_the_lines_gives() {
    let c = read(
        "**What each side puts in and risks**\n- Tiffinwala: ₹15 lakh\n- Swiftkart: ₹40 lakh\n",
    );
    assert_eq!(
        keys(&c),
        pairs(&[("we-give", "Tiffinwala"), ("partner-gives", "Swiftkart")])
    );
}

#[test]
fn an_item_naming_a_side_heads_its_nested_items() {
    let c =
        read("- [x] Tiffinwala\n  - [x] ₹15 lakh\n  - [x] two people\n- Swiftkart\n  - ₹40 lakh\n");
    assert_eq!(
        keys(&c),
        pairs(&[("we-give", "Tiffinwala"), ("partner-gives", "Swiftkart")])
    );
    let sec = c.section("value-exchange").expect("a value exchange");
    assert_eq!(sec.fields[0].value.text, "₹15 lakh\ntwo people");
}

#[test]
fn a_deeper_heading_naming_another_field_ends_the_one_above() {
    // A term sheet's keys: the first is the section's own heading, the rest deeper.
    let text = "---\ncompany: Tiffinwala\npartner: Swiftkart\n---\n\n# Terms\n\n## Tiffinwala's commitments\n\n- ₹15 lakh\n\n### Swiftkart's commitments\n\n- two engineers\n\n### What each party stands to lose\n\nTiffinwala: the ₹15 lakh.\n\n- Swiftkart: the engineers' year.\n";
    let c = parse(
        &Source::new("t.charter.md", text.to_string()),
        &default_vocab(),
    );
    assert_eq!(
        keys(&c),
        pairs(&[
            ("we-give", "Tiffinwala's commitments"),
            ("partner-gives", "Swiftkart's commitments"),
            ("we-lose", "Tiffinwala"),
            ("partner-loses", "Swiftkart"),
        ])
    );
}
