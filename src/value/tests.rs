//! Both readers on any text: no panic, ranges on character boundaries, linear time.

use super::date::{dates_in, dates_in_every_token};
use super::number::{numbers_in, numbers_in_every_token};
use proptest::prelude::*;

fn check(text: &str) {
    for f in dates_in(text) {
        assert!(f.range.start < f.range.end && f.range.end <= text.len());
        assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
    }
    for n in numbers_in(text) {
        assert!(n.range.start < n.range.end && n.range.end <= text.len());
        assert!(text.is_char_boundary(n.range.start) && text.is_char_boundary(n.range.end));
    }
}

/// The start set leaves out no token the grammars could begin at.
fn same_as_every_token(text: &str) {
    let dates: Vec<_> = dates_in(text).collect();
    assert_eq!(
        dates,
        dates_in_every_token(text).collect::<Vec<_>>(),
        "{text}"
    );
    let numbers: Vec<_> = numbers_in(text).collect();
    let every: Vec<_> = numbers_in_every_token(text).collect();
    assert_eq!(numbers, every, "{text}");
}

proptest! {
    #[test]
    fn never_panic_on_any_text(text in "\\PC{0,80}") {
        check(&text);
    }

    #[test]
    fn never_panic_on_date_like_text(
        text in "([0-9]{1,4}|March|Q3|from|to|of|within|weeks|ongoing|€|£|k|m|%|\u{a0}|–|-|/|\\.|,| |é|一){0,30}"
    ) {
        check(&text);
    }

    #[test]
    fn start_set_misses_nothing(
        words in prop::collection::vec((prop::sample::select(GRAMMAR), prop::sample::select(&[" ", " ", ""][..])), 0..24)
    ) {
        let text: String = words.iter().flat_map(|(w, sep)| [*w, *sep]).collect();
        same_as_every_token(&text);
    }
}

/// Words and signs from both grammars, and some they do not know.
const GRAMMAR: &[&str] = &[
    "1",
    "12",
    "2027",
    "1,200",
    "March",
    "mar",
    "Sept",
    "MAY",
    "Q3",
    "h2",
    "Monday",
    "sat",
    "from",
    "to",
    "between",
    "and",
    "until",
    "till",
    "ongoing",
    "within",
    "for",
    "a",
    "an",
    "one",
    "Twenty",
    "five",
    "hundred",
    "million",
    "half",
    "dozen",
    "at",
    "least",
    "no",
    "not",
    "more",
    "less",
    "fewer",
    "than",
    "under",
    "below",
    "up",
    "maximum",
    "minimum",
    "of",
    "out",
    "over",
    "above",
    "exceeding",
    "greater",
    "days",
    "weeks",
    "Month",
    "signing",
    "kickoff",
    "after",
    "per",
    "cent",
    "percent",
    "FTEs",
    "engineers",
    "senior",
    "time",
    "k",
    "m",
    "USD",
    "US",
    "A",
    "GBP",
    "XYZ",
    "€",
    "£",
    "$",
    "₱",
    "%",
    "≥",
    "≤",
    ">",
    "<",
    "=",
    "−",
    "+",
    "–",
    "-",
    "/",
    ".",
    ",",
    "\u{a0}",
    "é",
    "Zürich",
];

/// Every two words of the grammars before a few endings that complete their phrases.
#[test]
fn start_set_misses_nothing_in_pairs() {
    let ends = [
        "",
        " 12",
        " than 12 %",
        " of 20 staff",
        " 3 days after signing",
        " weeks after crawl",
        " March 2027",
    ];
    for a in GRAMMAR {
        for b in GRAMMAR {
            for end in ends {
                same_as_every_token(&format!("{a} {b}{end}"));
            }
        }
    }
}

/// Every line and file of the fixtures and examples, read with and without the start set.
#[test]
fn start_set_misses_nothing_in_charters() {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                out.push(text);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    walk(&root.join("examples"), &mut texts);
    walk(&root.join("tests/fixtures"), &mut texts);
    assert!(texts.len() > 100);
    for text in &texts {
        same_as_every_token(text);
        for line in text.lines() {
            same_as_every_token(line);
        }
    }
}

#[test]
fn read_a_megabyte_in_one_pass() {
    let unit = "2027 March 1 12,5 % 1 200 Q3 2027-04-06 ";
    let text = unit.repeat(1_000_000 / unit.len());
    let repeats = text.len() / unit.len();
    // Each unit holds one date (`Q3 2027`; `March 1` has no year): counted, not timed, so a slow machine cannot fail it.
    assert_eq!(dates_in(&text).count(), repeats);
    assert!(numbers_in(&text).count() >= 4 * repeats);
}
