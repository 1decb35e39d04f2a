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
        let theirs: Vec<&str> = other.metric(other_text).collect();
        self.metric(text)
            .any(|w| theirs.iter().any(|o| o.eq_ignore_ascii_case(w)))
    }

    /// The content words of the clause outside the figure, without their common
    /// endings (`adopted`, `adoption` and `adopt` are all `adopt`).
    fn metric<'a>(&self, text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
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
                let skip = w.len() < 3
                    || in_figure
                    || NOT_METRIC.iter().any(|n| n.eq_ignore_ascii_case(w))
                    || is_number_word(w);
                (!skip).then(|| stem(w))
            })
    }
}

/// Words that name no metric: articles, verbs of measuring, verdicts, bounds.
const NOT_METRIC: &[&str] = &[
    "the", "and", "for", "with", "than", "least", "most", "more", "less", "fewer", "over", "under",
    "below", "above", "from", "into", "per", "cent", "percent", "pct", "out", "passed", "pass",
    "met", "cleared", "result", "results", "achieved", "measured", "our", "their", "its", "all",
    "both", "each", "every", "within", "across", "among", "was", "were", "are", "been", "has",
    "have", "had", "who", "that", "which", "minimum", "maximum", "target", "bar", "goal",
];

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
