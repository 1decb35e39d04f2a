//! A figure of a bar or a result, and the metric it is for.

use crate::value::number::{numbers_in, Number};
use std::ops::Range;

/// A figure of a bar or a result and the clause it stands in (byte ranges into the
/// bar's or result's text). The clause's other content words name its metric; they are
/// compared only when a result is read against its bar, so they are not kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub number: Number,
    pub clause: Range<usize>,
}

impl Measure {
    /// Whether two figures measure the same thing: their clauses (`text` holds this
    /// one's, `other_text` the other's) share a metric word.
    pub fn same_metric(&self, text: &str, other: &Measure, other_text: &str) -> bool {
        // Whether a word names no metric, or is a number word, is asked only of a word
        // both sides share: most words are not shared, and the pairs are the same as
        // when those words are left out first.
        let mut theirs: Vec<(&str, &str)> = Vec::with_capacity(8);
        theirs.extend(other.candidates(other_text));
        let keeps = |w: &str| !not_metric(w) && !is_number_word(w);
        self.candidates(text).any(|(w, s)| {
            theirs
                .iter()
                .any(|(ow, os)| os.eq_ignore_ascii_case(s) && keeps(w) && keeps(ow))
        })
    }

    /// The content words of the clause outside the figure, without their common
    /// endings (`adopted`, `adoption` and `adopt` are all `adopt`).
    #[cfg(test)]
    fn metric<'a>(&self, text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.candidates(text)
            .filter(|(w, _)| !not_metric(w) && !is_number_word(w))
            .map(|(_, s)| s)
    }

    /// The words of [`Measure::metric`] before words that name no metric and number
    /// words are left out, each as written and stemmed.
    fn candidates<'a>(&self, text: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let clause = text.get(self.clause.clone()).unwrap_or_default();
        let base = self.clause.start;
        let figure = self.number.range.clone();
        alphabetic_words(clause).filter_map(move |(at, w)| {
            let start = base + at;
            let in_figure = figure.start <= start && start < figure.end;
            (w.len() >= 3 && !in_figure).then(|| (w, stem(w)))
        })
    }
}

/// The runs of alphabetic characters of `text` with their offsets: its split at every
/// other character, without the empty pieces. ASCII is read byte by byte; only a
/// non-ASCII character is decoded.
fn alphabetic_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = text.as_bytes();
    let mut at = 0;
    let alphabetic_at = move |i: usize| -> (bool, usize) {
        match b.get(i) {
            Some(c) if c.is_ascii() => (c.is_ascii_alphabetic(), 1),
            Some(_) => text
                .get(i..)
                .and_then(|t| t.chars().next())
                .map_or((false, 1), |c| (c.is_alphabetic(), c.len_utf8())),
            None => (false, 1),
        }
    };
    std::iter::from_fn(move || {
        while at < b.len() {
            let (yes, len) = alphabetic_at(at);
            if yes {
                break;
            }
            at += len;
        }
        if at >= b.len() {
            return None;
        }
        let start = at;
        while at < b.len() {
            let (yes, len) = alphabetic_at(at);
            if !yes {
                break;
            }
            at += len;
        }
        text.get(start..at).map(|w| (start, w))
    })
}

/// Words that name no metric: articles, verbs of measuring, verdicts, bounds. Sorted,
/// lowercase (a test holds both), for a binary search.
const NOT_METRIC: &[&str] = &[
    "above", "achieved", "across", "all", "among", "and", "are", "bar", "been", "below", "both",
    "cent", "cleared", "each", "every", "fewer", "for", "from", "goal", "had", "has", "have",
    "into", "its", "least", "less", "maximum", "measured", "met", "minimum", "more", "most", "our",
    "out", "over", "pass", "passed", "pct", "per", "percent", "result", "results", "target",
    "than", "that", "the", "their", "under", "was", "were", "which", "who", "with", "within",
];

/// Whether `w` is one of [`NOT_METRIC`] in any ASCII case: lowered into a buffer on the
/// stack first, as every clause word is asked.
fn not_metric(w: &str) -> bool {
    const LONGEST: usize = 8;
    let mut buf = [0u8; LONGEST];
    let Some(lower) = buf.get_mut(..w.len()) else {
        return false;
    };
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    NOT_METRIC
        .binary_search_by(|n| n.as_bytes().cmp(lower))
        .is_ok()
}

/// Number words are the figure, not the metric (`thirty percent faster close`).
fn is_number_word(w: &str) -> bool {
    numbers_in(w)
        .next()
        .is_some_and(|n| n.range == (0..w.len()))
}

/// A word without its common endings: `adopted`, `adopting`, `adoption`, `adopts` →
/// `adopt`; `stores` → `store`.
fn stem(w: &str) -> &str {
    for end in ["ation", "ion", "ing", "ed", "es", "s"] {
        let cut = w.len().saturating_sub(end.len());
        let ends = w.get(cut..).is_some_and(|e| e.eq_ignore_ascii_case(end));
        if ends && cut >= 3 {
            return w.get(..cut).unwrap_or(w);
        }
    }
    w
}

#[cfg(test)]
mod tests;
