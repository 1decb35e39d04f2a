//! A bar's thresholds and a result's figures, each with the metric it is for, so that
//! a result is read against its own bar (`≥ 20% faster close` against `close 31%
//! faster`, not against the `≥ 70% adopt` beside it).
//!
//! A bar or result is cut into clauses at `;`, `, `, ` and `, ` & `, ` + ` and line
//! ends; each figure belongs to the clause it stands in, and the clause's other
//! content words name its metric ([`Measure::same_metric`]).

use super::{may_state_percent, result_percent};
use crate::model::Measure;
use crate::value::number::{numbers_in, Number, NumberKind};

/// Words before a figure that make it the population a bar is measured on, not the
/// bar (`measured on 100% of pilot users`, `across 100% of stores`).
const QUALIFIERS: &[&str] = &["on", "across", "among", "amongst", "for"];

/// The thresholds of a bar: its percentages, shares and changes, each with its metric;
/// a figure after a qualifier (`on 100% of pilot users`) is left out.
pub fn bar_measures(text: &str) -> Vec<Measure> {
    if !may_state_percent(text) && !has_from(text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (start, end) in clauses(text) {
        let clause = text.get(start..end).unwrap_or_default();
        for n in numbers_in(clause) {
            let n = match n.kind {
                NumberKind::Percent | NumberKind::Share { .. } => n,
                NumberKind::Change { .. } => Number {
                    value: n.value.abs(),
                    ..n
                },
                _ => continue,
            };
            if qualifies(clause, &n) {
                continue;
            }
            out.push(Measure {
                number: shifted(n, start),
                clause: start..end,
            });
        }
    }
    out
}

/// A result's headline figure ([`result_percent`]) and the figures it records, one per
/// clause (each clause's headline: a before and an after is the change), each with
/// its metric.
pub fn read_result(text: &str) -> (Option<Number>, Vec<Measure>) {
    let headline = result_percent(text);
    if headline.is_none() && !may_state_percent(text) && !has_from(text) {
        return (None, Vec::new());
    }
    let cuts = clauses(text);
    // One clause: its figure is the headline, already read.
    if let [(start, end)] = cuts[..] {
        let one = headline.clone().map(|number| Measure {
            number,
            clause: start..end,
        });
        return (headline, one.into_iter().collect());
    }
    let mut out = Vec::new();
    for (start, end) in cuts {
        let clause = text.get(start..end).unwrap_or_default();
        if let Some(n) = result_percent(clause) {
            out.push(Measure {
                number: shifted(n, start),
                clause: start..end,
            });
        }
    }
    (headline, out)
}

/// Whether a result states a figure at all: a number in digits or words (not `a` or
/// `an` alone) outside a date. `went well`, `positive feedback`, `on track` state none.
pub fn states_figure(text: &str) -> bool {
    let dates: Vec<std::ops::Range<usize>> = if text.bytes().any(|b| b.is_ascii_digit()) {
        crate::value::date::dates_in(text)
            .map(|f| f.range)
            .collect()
    } else {
        Vec::new()
    };
    numbers_in(text).any(|n| {
        let written = text.get(n.range.clone()).unwrap_or_default();
        let article = written
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"));
        let in_date = dates
            .iter()
            .any(|d| d.start <= n.range.start && n.range.end <= d.end);
        !article && !in_date
    })
}

fn has_from(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"from"))
}

/// A number moved by `by` bytes (from a clause to the whole text).
fn shifted(mut n: Number, by: usize) -> Number {
    n.range = n.range.start + by..n.range.end + by;
    n
}

/// Whether the word just before `n` makes it a population, not a threshold.
fn qualifies(clause: &str, n: &Number) -> bool {
    let before = clause.get(..n.range.start).unwrap_or_default();
    let last = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    QUALIFIERS.iter().any(|q| last.eq_ignore_ascii_case(q))
}

/// The clauses of a text as byte ranges.
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let cut = match b[i] {
            b';' | b'\n' | b'|' => 1,
            // `, ` but not a thousands comma (`1,200`).
            b',' if b.get(i + 1).is_some_and(|c| c.is_ascii_whitespace()) => 1,
            // ` and `, ` & `, ` + `: the byte after the space first, as most spaces
            // start none of them.
            b' ' => match b.get(i + 1) {
                Some(b'a' | b'A')
                    if b.get(i..i + 5)
                        .is_some_and(|s| s.eq_ignore_ascii_case(b" and ")) =>
                {
                    5
                }
                Some(b'&' | b'+') if b.get(i + 2) == Some(&b' ') => 3,
                _ => 0,
            },
            _ => 0,
        };
        if cut == 0 {
            i += 1;
        } else {
            out.push((start, i));
            i += cut;
            start = i;
        }
    }
    out.push((start, b.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain cut: each separator tried at each byte.
    fn clauses_plain(text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
        while i < b.len() {
            let cut = match b[i] {
                b';' | b'\n' | b'|' => Some(1),
                b',' if b.get(i + 1).is_some_and(|c| c.is_ascii_whitespace()) => Some(1),
                b' ' => [" and ", " & ", " + "]
                    .iter()
                    .find(|w| {
                        b.get(i..i + w.len())
                            .is_some_and(|s| s.eq_ignore_ascii_case(w.as_bytes()))
                    })
                    .map(|w| w.len()),
                _ => None,
            };
            match cut {
                Some(len) => {
                    out.push((start, i));
                    i += len;
                    start = i;
                }
                None => i += 1,
            }
        }
        out.push((start, b.len()));
        out
    }

    proptest! {
        #[test]
        fn clauses_are_the_plain_cut(t in "[ aAnNdD&+;,|\n1x]{0,24}") {
            prop_assert_eq!(clauses(&t), clauses_plain(&t));
        }
    }

    fn values(m: &[Measure]) -> Vec<f64> {
        m.iter().map(|m| m.number.value).collect()
    }

    #[test]
    fn a_population_is_not_the_bar() {
        let m = bar_measures("≥ 20% faster close, measured on 100% of pilot users");
        assert_eq!(values(&m), [20.0]);
        assert!(bar_measures("measured across 100% of stores").is_empty());
    }

    #[test]
    fn each_figure_keeps_its_metric() {
        let (b, r) = (
            "≥ 70% of invited customers adopt; churn ≤ 5%",
            "churn 3%, adoption 75% of invited customers",
        );
        let (bar, res) = (bar_measures(b), read_result(r).1);
        assert_eq!(values(&bar), [70.0, 5.0]);
        assert_eq!(values(&res), [3.0, 75.0]);
        assert!(bar[0].same_metric(b, &res[1], r) && !bar[0].same_metric(b, &res[0], r));
        assert!(bar[1].same_metric(b, &res[0], r));
        let (b, r) = (
            "at least twenty percent faster close",
            "close time from 5 days to 3",
        );
        let (bar, res) = (bar_measures(b), read_result(r).1);
        assert_eq!(values(&res), [40.0]);
        assert!(bar[0].same_metric(b, &res[0], r));
    }

    #[test]
    fn a_figure_is_a_number_outside_a_date() {
        for t in [
            "6 of 10 live",
            "six stores live",
            "NPS 45",
            "from 5 days to 3",
        ] {
            assert!(states_figure(t), "{t}");
        }
        for t in [
            "Went well",
            "Positive feedback from both pilots",
            "On track",
            "Reviewed 2026-11-02, a good start",
            "Passed at the review of 4 Nov 2026",
        ] {
            assert!(!states_figure(t), "{t}");
        }
    }
}
