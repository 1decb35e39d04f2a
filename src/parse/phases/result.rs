//! The figure a phase's result records, read against its bar.
//!
//! A result that gives a before and an after (`attach 11.2% → 15.9%`, `close time
//! from 5 days to 3`) records the change, not the baseline: the change it states
//! (`up 42%`, `+42%`) when it states one, else the relative change from before to
//! after, as a bar on a change (`up at least 20%`, `20% faster`) is read.

use super::may_state_percent;
use crate::value::number::{numbers_in, Number, NumberKind};

/// The figure a phase's result records: its first percentage, share or change
/// outside brackets, as the headline comes first and an aside in brackets is detail
/// (`Passed: minus 23,4 % (Lohmeier 26,1 %, …)` is 23.4), else the first inside them
/// (`Passed (31%)`).
pub fn result_percent(text: &str) -> Option<Number> {
    // A change with no percentage in it is written `from … to …`.
    let from = || {
        text.as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"from"))
    };
    if !may_state_percent(text) && !from() {
        return None;
    }
    let b = text.as_bytes();
    let mut first_aside: Option<Number> = None;
    let mut numbers = numbers_in(text).peekable();
    while let Some(n) = numbers.next() {
        let n = match n.kind {
            NumberKind::Percent => match numbers.peek() {
                Some(after) if after.kind == NumberKind::Percent && leads_to(text, &n, after) => {
                    let Some(after) = numbers.next() else { break };
                    let stated = numbers.peek().filter(|m| states_change(text, &after, m));
                    match stated {
                        Some(m) => m.clone(),
                        None => match change(&n, &after) {
                            Some(c) => c,
                            None => continue,
                        },
                    }
                }
                _ => n,
            },
            NumberKind::Share { .. } => n,
            // Read `from 5 days to 3` as the 40% it changed by.
            NumberKind::Change { .. } => Number {
                value: n.value.abs(),
                ..n
            },
            _ => continue,
        };
        let before = b.get(..n.range.start).unwrap_or_default();
        let depth = before.iter().fold(0i32, |d, c| match c {
            b'(' | b'[' => d + 1,
            b')' | b']' => d - 1,
            _ => d,
        });
        if depth <= 0 {
            return Some(n);
        }
        first_aside.get_or_insert(n);
    }
    first_aside
}

/// Whether `before` is a baseline that `after` follows: only an arrow or `to` between
/// them (`11.2% → 15.9%`, `11% -> 16%`, `11% to 16%`).
fn leads_to(text: &str, before: &Number, after: &Number) -> bool {
    // The number reader takes the `>` of `->` for a bound (`> 15.9%`).
    let mut end = after.range.start;
    if text.get(end..).is_some_and(|t| t.starts_with('>')) {
        end += 1;
    }
    let gap = text.get(before.range.end..end).unwrap_or_default().trim();
    matches!(gap, "→" | "->" | "⟶" | "=>") || gap.eq_ignore_ascii_case("to")
}

/// Words that say the percentage after them is the change itself (`up 42%`, `a rise
/// of 42%`, `down by 8%`).
const CHANGE_WORDS: &[&str] = &[
    "up",
    "down",
    "by",
    "of",
    "plus",
    "minus",
    "lift",
    "uplift",
    "gain",
    "rise",
    "rose",
    "grew",
    "fell",
    "dropped",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "improved",
    "improvement",
];

/// Whether the percentage `m`, next after the pair ending in `after`, states the
/// change: signed (`+42%`), or after a change word (`, up 42%`), with nothing else
/// between them but punctuation.
fn states_change(text: &str, after: &Number, m: &Number) -> bool {
    if m.kind != NumberKind::Percent {
        return false;
    }
    let gap = text.get(after.range.end..m.range.start).unwrap_or_default();
    let gap = gap.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '('));
    let signed = text
        .get(m.range.start..)
        .is_some_and(|t| t.starts_with(['+', '-', '−']));
    if gap.is_empty() {
        return signed;
    }
    // At most three words, each a change word (`a rise of`, `up by`).
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 3
        && words.iter().all(|w| {
            w.eq_ignore_ascii_case("a")
                || w.eq_ignore_ascii_case("an")
                || CHANGE_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c))
        })
}

/// The relative change from `before` to `after`, as a magnitude: a result is read
/// against a bar that says the direction in words (`20% faster`, `up 20%`).
fn change(before: &Number, after: &Number) -> Option<Number> {
    if before.value == 0.0 {
        return None;
    }
    Some(Number {
        range: before.range.start..after.range.end,
        value: ((after.value - before.value) / before.value * 100.0).abs(),
        kind: NumberKind::Change {
            from: before.value,
            to: after.value,
        },
        bound: None,
    })
}

#[cfg(test)]
mod tests {
    use super::result_percent;

    #[test]
    fn a_before_and_after_records_the_change() {
        for (result, want) in [
            // The change stated wins over the one worked out.
            ("attach 11.2% → 15.9%, up 42%. GO", 42.0),
            ("attach 11.2% -> 15.9% (+40%)", 40.0),
            ("conversion 10% to 12.5%, a rise of 25%", 25.0),
            // Else the relative change from before to after.
            ("attach 11.2% → 15.9%. GO", (15.9 - 11.2) / 11.2 * 100.0),
            ("errors 10% → 8%", 20.0),
            ("close time from 5 days to 3", 40.0),
            // A percentage after the pair that is not a change is not read as one.
            ("attach 10% → 15% in 9 of 12 stores", 50.0),
        ] {
            let got = result_percent(result).map(|n| n.value);
            assert!(
                got.is_some_and(|g| (g - want).abs() < 1e-9),
                "{result}: {got:?}"
            );
        }
    }

    #[test]
    fn the_change_keeps_its_place_in_the_text() {
        let t = "attach 11.2% → 15.9%, up 42%.";
        let n = result_percent(t).unwrap();
        assert_eq!(&t[n.range], "42%");
        let t = "attach 11.2% → 15.9%.";
        let n = result_percent(t).unwrap();
        assert_eq!(&t[n.range], "11.2% → 15.9%");
    }
}
