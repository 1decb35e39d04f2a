use super::super::testkit::{arg, Kit};
use super::{commitments, lower_into, separator, words_of};
use crate::model::Side;
use crate::rules::Who;

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

const GIVES: &str = "+++\nleverage = [\"economic\"]\n+++\n## Value exchange\n\
    - **We give:** two engineers and a $40k launch budget.\n\
    - **Partner gives:** a joint webinar, a logo on its site and a press release.\n\
    - **Partner gives:** a joint webinar and one solutions engineer.\n\
    - **Partner gives:** a webinar series backed by $30k of paid promotion.\n\
    - **Partner gives:** a webinar and a blog post, free of charge, with no budget behind them.\n\
    - **Partner gives:** Budget-neutral on our side: access to two clinics for testing, and a webinar.\n";

/// The charter with the partner's commitment the line holding `partner`.
fn gives(partner: &str) -> Kit {
    Kit::md(GIVES)
        .leverage(&["economic"])
        .section("value-exchange", "## Value exchange")
        .field(
            "we-give",
            "We give",
            "two engineers and a $40k launch budget.",
        )
        .field("partner-gives", "Partner gives:** ", partner)
}

#[test]
fn a_side_that_gives_only_co_marketing_fires_whatever_the_leverage() {
    let value = "a joint webinar, a logo on its site and a press release.";
    let k = gives(value);
    let hits = k.run("co-marketing-only");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].variant, "commitments");
    assert_eq!(hits[0].span, k.span(value));
    assert_eq!(hits[0].who, Some(Who::Side(Side::Partner)));
    assert_eq!(arg(&hits[0], "lines"), "6");
}

#[test]
fn one_real_commitment_or_money_is_more_than_co_marketing() {
    let k = gives("a joint webinar and one solutions engineer.");
    assert!(k.run("co-marketing-only").is_empty());
    let k = gives("a webinar series backed by $30k of paid promotion.");
    assert!(k.run("co-marketing-only").is_empty());
}

#[test]
fn what_is_denied_is_no_money_and_no_commitment() {
    let k = gives("a webinar and a blog post, free of charge, with no budget behind them.");
    assert_eq!(k.run("co-marketing-only").len(), 1);
    // A denial beside a real commitment does not hide it.
    let k = gives("Budget-neutral on our side: access to two clinics for testing, and a webinar.");
    assert!(k.run("co-marketing-only").is_empty());
}

#[test]
fn commitments_split_at_commas_semicolons_and_and() {
    let parts: Vec<&str> = commitments("a webinar, a logo and a blog post; booth space")
        .map(str::trim)
        .collect();
    assert_eq!(parts, ["a webinar", "a logo", "a blog post", "booth space"]);
}

proptest::proptest! {
    /// The words read by byte from ASCII text are the words the plain reading finds:
    /// the whole commitment lower-cased, then cut at every character that is not a
    /// letter or a digit.
    #[test]
    fn words_are_the_plain_reading(piece in "[a-zA-Z0-9 ,.$%'&()/-]{0,40}|.{0,40}") {
        let mut lower = String::new();
        lower_into(&piece, &mut lower);
        let plain = piece.to_lowercase();
        let want: Vec<&str> = plain
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        proptest::prop_assert_eq!(words_of(&lower), want);
    }
}

/// Commitments cut all at once, as before they were cut as asked for: the reference.
fn commitments_at_once(value: &str) -> Vec<&str> {
    let b = value.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let len = separator(b, i);
        if len > 0 {
            cuts.push((i, i + len));
            i += len;
        } else {
            i += 1;
        }
    }
    cuts.push((b.len(), b.len()));
    let mut from = 0;
    cuts.into_iter()
        .map(|(start, end)| {
            let piece = value.get(from..start).unwrap_or_default();
            from = end;
            piece
        })
        .filter(|p| crate::model::has_words(p))
        .collect()
}

proptest::proptest! {
    #[test]
    fn commitments_cut_as_asked_are_those_cut_at_once(
        value in "([a-z]{0,6}|,|;|\n|&| and | AND | plus |•|\\$| ){0,12}|.{0,60}",
    ) {
        let lazy: Vec<&str> = commitments(&value).collect();
        proptest::prop_assert_eq!(lazy, commitments_at_once(&value));
    }
}
