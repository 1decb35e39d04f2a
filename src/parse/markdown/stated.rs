//! Metadata stated in sentences, as a founder's memo states it: "I'm treating this as
//! a tier 2 partnership", "the leverage is customer demand", "That is the leverage,
//! and it is economic". Read only for the keys nothing labelled set (front matter and
//! the preamble's labels win), each value with the span of the word that says it.

use crate::model::{Meta, Parsed, Span, Text};
use crate::parse::meta;

/// Fill the tier and leverage `meta` lacks from sentences of `body` (at byte `base`).
pub fn read(body: &str, base: usize, meta: &mut Meta) {
    if !meta::is_set(meta, "tier") {
        if let Some((digit, at, len)) = tier(body) {
            let text = Text::new(digit, Span::new(base + at, base + at + len));
            meta.tier = Some(Parsed::tier(text));
        }
    }
    if !meta::is_set(meta, "leverage") {
        let (kinds, first) = leverage(body);
        if let Some((a, b)) = first.filter(|_| !kinds.is_empty()) {
            meta.leverage_span = Some(Span::new(base + a, base + b));
            meta.leverage = kinds
                .into_iter()
                .map(|(w, a, b)| Parsed::leverage(Text::new(w, Span::new(base + a, base + b))))
                .collect();
        }
    }
}

/// The first tier stated in words: `tier 2`, `Tier: 1`, `tier two`, `Tier II`, or an
/// ordinal before the word (`a partnership of the second tier`, `a third-tier
/// partner`): the tier's digit and where the number is written.
fn tier(body: &str) -> Option<(&'static str, usize, usize)> {
    words_at(body, "tier").find_map(|at| after_tier(body, at).or_else(|| before_tier(body, at)))
}

/// The digit a tier numeral names.
fn digit(word: &str) -> Option<&'static str> {
    Some(match crate::model::Tier::numeral(word)? {
        crate::model::Tier::Integration => "1",
        crate::model::Tier::Partnership => "2",
        crate::model::Tier::Strategic => "3",
    })
}

/// `tier 2`, `Tier: two`, `Tier II` at byte `at`. Ordinals come before the word, and a
/// lone `I` after it is the pronoun unless nothing but punctuation follows
/// (`the tier I mentioned`).
fn after_tier(body: &str, at: usize) -> Option<(&'static str, usize, usize)> {
    let rest = body.get(at + 4..)?;
    let skip = rest.len() - rest.trim_start_matches([' ', ':', '\t', '-']).len();
    let num = rest.get(skip..)?;
    let word: &str = num
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default();
    let roman = word.bytes().all(|b| matches!(b, b'i' | b'I'));
    if roman && !word.bytes().all(|b| b == b'I') {
        return None;
    }
    let after = num.get(word.len()..).unwrap_or_default();
    if word == "I"
        && after
            .trim_start()
            .starts_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    if !roman && !word.bytes().next().is_some_and(|b| b.is_ascii_digit()) && !is_cardinal(word) {
        return None;
    }
    let d = digit(word)?;
    Some((d, at + 4 + skip, word.len()))
}

/// `one`, `two`, `three`: the words after `tier` that count (`tier second` does not).
fn is_cardinal(word: &str) -> bool {
    ["one", "two", "three"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// `second tier`, `third-tier` ending at byte `at` (where `tier` starts).
fn before_tier(body: &str, at: usize) -> Option<(&'static str, usize, usize)> {
    let head = body.get(..at)?;
    let head = head.strip_suffix([' ', '-'])?;
    let start = head
        .rfind(|c: char| !c.is_ascii_alphanumeric())
        .map_or(0, |i| i + 1);
    let word = head.get(start..)?;
    let ordinal = !is_cardinal(word) && !word.bytes().all(|b| b.is_ascii_digit());
    let roman = word.bytes().all(|b| matches!(b, b'i' | b'I'));
    if !ordinal || roman {
        return None;
    }
    Some((digit(word)?, start, word.len()))
}

/// The leverage kinds named in the sentences that speak of `leverage`, each once with
/// where it is written, and the span of the first such sentence.
#[allow(clippy::type_complexity)]
fn leverage(body: &str) -> (Vec<(String, usize, usize)>, Option<(usize, usize)>) {
    let mut kinds: Vec<(String, usize, usize)> = Vec::new();
    let mut first = None;
    for at in words_at(body, "leverage") {
        let (a, b) = sentence(body, at);
        let Some(s) = body.get(a..b) else { continue };
        let mut pos = 0;
        for w in s.split(|c: char| !c.is_alphanumeric() && c != '-') {
            let start = a + pos;
            pos += w.len() + 1;
            let Some(kind) = crate::model::Leverage::parse(w) else {
                continue;
            };
            if w.eq_ignore_ascii_case("leverage")
                || kinds
                    .iter()
                    .any(|(k, ..)| crate::model::Leverage::parse(k) == Some(kind))
            {
                continue;
            }
            kinds.push((w.to_string(), start, start + w.len()));
        }
        if first.is_none() && !kinds.is_empty() {
            first = Some((a, b));
        }
    }
    (kinds, first)
}

/// The sentence around byte `at`: from after the previous `.`, `?`, `!` (before a
/// blank) or line break, to the next one.
fn sentence(body: &str, at: usize) -> (usize, usize) {
    let bytes = body.as_bytes();
    let ends = |i: usize| match bytes.get(i) {
        Some(b'\n') => true,
        Some(b'.' | b'?' | b'!') => bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()),
        _ => false,
    };
    let mut a = at;
    while a > 0 && !ends(a - 1) {
        a -= 1;
    }
    let mut b = at;
    while b < bytes.len() && !ends(b) {
        b += 1;
    }
    let s = body.get(a..b).unwrap_or_default();
    let lead = s.len() - s.trim_start().len();
    (a + lead, b)
}

/// Where `word` (ASCII, lowercase) stands in `body` as a whole word, any case.
fn words_at<'a>(body: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let bytes = body.as_bytes();
    let first = word.as_bytes().first().copied().unwrap_or_default();
    let letter = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes).filter(move |&at| {
        bytes
            .get(at..at + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
            && !(at > 0 && letter(bytes.get(at - 1)))
            && !letter(bytes.get(at + word.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(body: &str) -> Meta {
        let mut m = Meta::default();
        read(body, 0, &mut m);
        m
    }

    #[test]
    fn tier_in_a_sentence() {
        for (body, n) in [
            (
                "I'm treating this as a tier 2 partnership: we build it together.",
                2,
            ),
            (
                "Status today: walk. Tier: 1, an integration partnership.",
                1,
            ),
            ("Summit is a Tier three partner.", 3),
            (
                "This Memorandum records a partnership of the second tier under the framework.",
                2,
            ),
            ("Aldgate is a third-tier partner.", 3),
            ("Partnership tier II (joint development).", 2),
        ] {
            let m = read_str(body);
            let t = m.tier.expect(body);
            assert_eq!(t.value.map(|t| t.number()), Ok(n), "{body}");
            let written = &body[t.text.span.start..t.text.span.end];
            assert!(
                ["1", "2", "3", "three", "second", "third", "II"].contains(&written),
                "{written}"
            );
        }
        for body in [
            "Tiered pricing for the top tier customers.",
            "Which tier I mean is open.",
            "Any tier second-guessed.",
        ] {
            assert!(read_str(body).tier.is_none(), "{body}");
        }
    }

    #[test]
    fn leverage_in_sentences() {
        let body = "We need them. That is the leverage, and it is economic: they make money.\n\
            Customers ask for it, so there is customer leverage as well.";
        let m = read_str(body);
        let kinds: Vec<&str> = m.leverage.iter().map(|l| l.text.text.as_str()).collect();
        assert_eq!(kinds, ["economic", "customer"]);
        let s = m.leverage_span.expect("a span");
        assert!(body[s.start..s.end].starts_with("That is the leverage"));
        let l = &m.leverage[0];
        assert_eq!(&body[l.text.span.start..l.text.span.end], "economic");
        let m =
            read_str("The short version: the leverage is customer demand, and we are in crawl.");
        assert_eq!(m.leverage.len(), 1);
        assert!(read_str("We leverage their brand.").leverage.is_empty());
    }

    #[test]
    fn labelled_metadata_wins() {
        let mut m = Meta {
            leverage_span: Some(Span::new(0, 1)),
            ..Meta::default()
        };
        read("the leverage is economic", 0, &mut m);
        assert!(m.leverage.is_empty());
    }
}
