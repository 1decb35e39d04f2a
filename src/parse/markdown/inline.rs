//! Phase parts written inline, and phases written as sentences:
//! `- Crawl (6 Apr – 15 May 2027): two pilots. Go/No-Go: ≥ 20% faster close. Result: passed, 31%`,
//! `The crawl phase runs from 6 April to 15 May 2027, with two pilot stores.`

use super::label::Reader;
use crate::model::{Span, Text};
use crate::vocab::PhasePart;

/// A value split at the phase-part labels inside it: what comes before the first
/// (its own value), then each later part with its value. A label counts when it
/// starts a sentence (`. Go/No-Go: …`) and names a phase part in the pack.
pub fn parts(rd: &Reader, value: &Text) -> (Text, Vec<(PhasePart, Text)>) {
    let base = value.span.start;
    let s = rd
        .src
        .get(value.span.start..value.span.end)
        .unwrap_or_default();
    // Each label found: (where its sentence starts, where its value starts, the part).
    let mut labels: Vec<(usize, usize, PhasePart)> = Vec::new();
    for (colon, _) in s.match_indices(':') {
        let from = sentence_start(s, colon);
        let name = s[from..colon].trim_matches(|c: char| c.is_whitespace() || c == '*' || c == '_');
        if name.is_empty() || name.len() > 40 {
            continue;
        }
        let Some(part) = rd.lookup.phase_part_for(name) else {
            continue;
        };
        if part == PhasePart::Phase {
            continue;
        }
        let after = colon + 1;
        let at = after
            + s[after..]
                .find(|c: char| !(c.is_whitespace() || c == '*' || c == '_'))
                .unwrap_or(s.len() - after);
        labels.push((from, at, part));
    }
    if labels.is_empty() {
        return (value.clone(), Vec::new());
    }
    let piece = |from: usize, to: usize| {
        let raw = &s[from..to];
        let t = raw.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','));
        let lead = t.len() - t.trim_start().len();
        let t = t.trim_start();
        Text::new(
            t,
            Span::new(base + from + lead, base + from + lead + t.len()),
        )
    };
    let own = piece(0, labels[0].0);
    let mut out = Vec::with_capacity(labels.len());
    for (i, &(_, at, part)) in labels.iter().enumerate() {
        let to = labels.get(i + 1).map_or(s.len(), |l| l.0);
        out.push((part, piece(at.min(to), to)));
    }
    (own, out)
}

/// Where the sentence holding byte `at` starts: after the last `. `, `; `, `! `, `? `
/// or `(` before it, or at the start.
fn sentence_start(s: &str, at: usize) -> usize {
    let b = s.as_bytes();
    let mut i = at;
    while i > 0 {
        let c = b[i - 1];
        if c == b'(' {
            return i;
        }
        if matches!(c, b'.' | b';' | b'!' | b'?') && b.get(i).is_some_and(u8::is_ascii_whitespace) {
            return i;
        }
        i -= 1;
    }
    0
}

/// The sentences of a text as byte ranges: split after `.`, `!`, `?` or `;` followed
/// by a space, so that `2.5` and `Q3.` at the end stay whole.
pub fn sentences(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < b.len() && b[from].is_ascii_whitespace() {
            from += 1;
        }
        if from >= b.len() {
            return None;
        }
        let start = from;
        let mut i = start;
        while i < b.len() {
            if matches!(b[i], b'.' | b'!' | b'?' | b';')
                && b.get(i + 1).is_none_or(u8::is_ascii_whitespace)
            {
                break;
            }
            i += 1;
        }
        from = (i + 1).min(b.len());
        Some((start, i.min(b.len())))
    })
}
