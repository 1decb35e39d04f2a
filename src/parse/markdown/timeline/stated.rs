//! A phase's parts stated in a sentence of its own text rather than under a label
//! (the pack's `[cues.phase]`): `1. Crawl, 1 Feb – 26 Mar 2027: 4 stores. Go if waste
//! falls by at least 10%.`, `We move on only if the pilots cut emergency orders by at
//! least twenty percent.`, `…: twenty more installers, with the bar that seventy
//! percent of invited installers place three orders.`

use super::super::label::Reader;
use crate::model::{Phase, Span, Text};
use crate::vocab::{normalize, PhasePart};

/// For each cued part `p` lacks, the first sentence of the source under `span` that
/// states it: from the last clause of that sentence that still states it, so that
/// the value (and the number read from it) is the condition, not the dates before it.
pub fn read(rd: &Reader, p: &mut Phase, span: Span) {
    let vocab = rd.lookup.vocab();
    for (part, cue) in vocab.phase_cues() {
        if slot(p, part).is_some_and(|v| v.is_some()) {
            continue;
        }
        let s = rd.src.get(span.start..span.end).unwrap_or_default();
        let states = |t: &str| {
            let norm = normalize(t);
            let words: Vec<&str> = norm.split(' ').collect();
            cue.stated_in(&words)
        };
        let Some((from, to)) = sentences(s).find(|&(a, b)| states(&s[a..b])) else {
            continue;
        };
        let from = clauses(s, from, to)
            .filter(|&c| states(&s[c..to]))
            .last()
            .unwrap_or(from);
        // Without the stop after it, as a labelled bar is kept.
        let to = from + s[from..to].trim_end_matches(['.', ';']).len();
        let value = Text::new(&s[from..to], Span::new(span.start + from, span.start + to));
        if part == PhasePart::Scope {
            p.scope = Some(value);
            continue;
        }
        trim_scope(p, value.span);
        if let Some(v) = slot(p, part) {
            *v = Some(value);
        }
    }
}

/// The phase's value for a part that is kept as text.
fn slot(p: &mut Phase, part: PhasePart) -> Option<&mut Option<Text>> {
    match part {
        PhasePart::Scope => Some(&mut p.scope),
        PhasePart::GoNoGo => Some(&mut p.go_no_go),
        PhasePart::Result => Some(&mut p.result),
        PhasePart::Phase | PhasePart::Start | PhasePart::End | PhasePart::Dates => None,
    }
}

/// A scope written as the source is (`4 stores. Go if waste falls …`) ends before
/// the bar found inside it, when something is left.
fn trim_scope(p: &mut Phase, bar: Span) {
    let Some(scope) = p.scope.as_mut() else {
        return;
    };
    let verbatim = scope.text.len() == scope.span.len();
    if !verbatim || bar.start <= scope.span.start || bar.start >= scope.span.end {
        return;
    }
    let keep = &scope.text[..bar.start - scope.span.start];
    let keep =
        keep.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.'));
    if keep.chars().any(char::is_alphanumeric) {
        let span = Span::new(scope.span.start, scope.span.start + keep.len());
        *scope = Text::new(keep, span);
    }
}

/// The sentences of a phase's text as byte ranges, without the list or quote
/// markers before them: split after `.`, `!`, `?` or `;` and a space, at table
/// cells, and at line ends other than a paragraph's soft breaks (each nested item
/// is its own line).
fn sentences(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        if at >= b.len() {
            return None;
        }
        let line = &s[at..];
        let start = at + (line.len() - trim_marker(line).len());
        let mut i = start;
        while i < b.len() {
            let c = b[i];
            if c == b'|' || (c == b'\n' && !soft_break(&s[i + 1..])) {
                break;
            }
            if matches!(c, b'.' | b'!' | b'?' | b';')
                && b.get(i + 1).is_none_or(u8::is_ascii_whitespace)
            {
                i += 1;
                break;
            }
            i += 1;
        }
        at = i + usize::from(i < b.len() && matches!(b[i], b'\n' | b'|'));
        let body = s[start..i].trim_end();
        if body.chars().any(char::is_alphanumeric) {
            return Some((start, start + body.len()));
        }
    })
}

/// Whether a line break before `next` only wraps a paragraph's sentence: the next
/// line is not blank and starts no list item, quote or table row.
fn soft_break(next: &str) -> bool {
    let line = next.split('\n').next().unwrap_or_default();
    let words = line.trim_start_matches([' ', '\t']);
    !words.trim().is_empty() && !words.starts_with('|') && trim_marker(line) == words
}

/// A line without the blank, list markers (`- `, `1. `) and quote markers before it.
fn trim_marker(t: &str) -> &str {
    let t = t.trim_start_matches([' ', '\t']);
    if let Some(rest) = ["- ", "* ", "+ ", "> "]
        .iter()
        .find_map(|m| t.strip_prefix(m))
    {
        return trim_marker(rest);
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match t[digits..].strip_prefix(['.', ')']) {
        Some(rest) if digits > 0 && rest.starts_with(' ') => trim_marker(rest),
        _ => t,
    }
}

/// Where each clause of the sentence `from..to` starts, the sentence's start first:
/// after `, `, `: ` and a dash between spaces.
fn clauses(s: &str, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    let t = &s[from..to];
    std::iter::once(from).chain(t.char_indices().filter_map(move |(i, c)| {
        let next = t[i + c.len_utf8()..].strip_prefix(' ')?;
        let dash = matches!(c, '—' | '–' | '-') && t[..i].ends_with(' ');
        (matches!(c, ',' | ':') || dash).then(|| to - next.len())
    }))
}

#[cfg(test)]
mod tests;
