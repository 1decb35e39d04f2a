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
        // Whether a word is a number word is asked only of a word both sides share, as
        // reading one costs more than the rest of the comparison and most words are
        // not shared: the same pairs as filtering number words out first.
        let mut theirs: Vec<(&str, &str)> = Vec::with_capacity(8);
        theirs.extend(other.candidates(other_text));
        self.candidates(text).any(|(w, s)| {
            theirs.iter().any(|(ow, os)| {
                os.eq_ignore_ascii_case(s) && !is_number_word(w) && !is_number_word(ow)
            })
        })
    }

    /// The content words of the clause outside the figure, without their common
    /// endings (`adopted`, `adoption` and `adopt` are all `adopt`).
    #[cfg(test)]
    fn metric<'a>(&self, text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.candidates(text)
            .filter(|(w, _)| !is_number_word(w))
            .map(|(_, s)| s)
    }

    /// The words of [`Measure::metric`] before number words are left out, each as
    /// written and stemmed.
    fn candidates<'a>(&self, text: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let clause = text.get(self.clause.clone()).unwrap_or_default();
        let base = self.clause.start;
        let figure = self.number.range.clone();
        let mut at = 0;
        clause
            .split(|c: char| !c.is_alphabetic())
            .filter_map(move |w| {
                let start = base + at;
                at += w.len() + 1;
                let in_figure = figure.start <= start && start < figure.end;
                let skip = w.len() < 3 || in_figure || not_metric(w);
                (!skip).then(|| (w, stem(w)))
            })
    }
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
