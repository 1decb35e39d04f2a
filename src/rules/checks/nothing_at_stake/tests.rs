use crate::rules::checks::testkit::{arg, Kit};

/// A value exchange with the two stakes given.
fn stakes(we: &str, partner: &str) -> Kit {
    let src = format!(
        "+++\ncompany = \"Acme\"\npartner = \"Keel\"\n+++\n## Value exchange\n\
         - **We lose:** {we}\n- **Partner loses:** {partner}\n"
    );
    Kit::md(&src)
        .company("Acme")
        .partner("Keel")
        .section("value-exchange", "## Value exchange")
        .field("we-lose", "We lose", we)
        .field("partner-loses", "Partner loses", partner)
}

#[test]
fn a_token_stake_is_one_finding_at_the_token() {
    let k = stakes("the $40k build", "Minimal — only some staff time.");
    let hits = k.run("nothing-at-stake");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].span.start, k.span("Minimal").start);
    assert_eq!(hits[0].variant, "matched");
}

#[test]
fn tokens_anywhere_in_the_stake() {
    for stake in [
        "Our exposure is minimal.",
        "Beyond a few hours of a PM's time, nothing.",
        "Nothing material beyond staff time.",
        "negligible",
        "Only time.",
    ] {
        let k = stakes("the $40k build", stake);
        assert_eq!(k.run("nothing-at-stake").len(), 1, "{stake}");
    }
}

#[test]
fn money_or_people_make_a_stake_whatever_it_opens_with() {
    for stake in [
        "Minimal in cash, but two engineers for a quarter.",
        "Little beyond the €25k launch budget, which is sunk.",
        "Nothing it can recover: its build effort and a quarter of roadmap space.",
        "Its credibility with the channel and the launch slot it gave up.",
    ] {
        let k = stakes("the $40k build", stake);
        assert!(k.run("nothing-at-stake").is_empty(), "{stake}");
    }
}

#[test]
fn a_stake_that_says_it_is_the_other_one() {
    let k = stakes(
        "the $40k build and a quarter of two engineers",
        "Same as ours.",
    );
    let hits = k.run("nothing-at-stake");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].variant, "repeats");
    assert_eq!(hits[0].span, k.span("Same as ours."));
    assert_eq!(arg(&hits[0], "other_side"), "Acme");
}

#[test]
fn the_other_text_again_with_the_names_swapped() {
    let k = stakes(
        "Acme loses its credibility with the channel and the launch slot.",
        "Keel loses its credibility with the channel and the launch slot.",
    );
    let hits = k.run("nothing-at-stake");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].variant, "repeats");
    assert_eq!(arg(&hits[0], "target_side"), "Keel");
    // Two stakes that share words are not copies.
    let k = stakes(
        "the launch slot",
        "the launch slot and the €25k budget it spent",
    );
    assert!(k.run("nothing-at-stake").is_empty());
}

#[test]
fn nothing_on_both_sides_is_two_findings_not_a_repeat() {
    let k = stakes("nothing", "nothing");
    let hits = k.run("nothing-at-stake");
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.variant == "matched"));
}

#[test]
fn repeats_needs_two_fields() {
    let mut t = crate::rules::checks::testkit::params("nothing-at-stake");
    t.insert(
        "targets".into(),
        toml::Value::Array(vec!["field:value-exchange/we-lose".into()]),
    );
    assert!(super::factory(&t).is_err());
}
