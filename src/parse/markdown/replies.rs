//! Signatures given in a reply: an email thread pasted into a file carries the charter
//! in one message and a side's signature in another, outside every section (`No
//! changes from us. Signed for Solvik Freight: Tomas Solvik, VP Operations, September
//! 14, 2026.`). Read only for a side that has not signed in the charter itself.

use super::blocks::{Block, Kind};
use super::label::Reader;
use super::lists;
use crate::model::{Charter, Side, Span};

/// Words that may come before `signed` at the start of a signing sentence (`Agreed and
/// signed for …`).
const BEFORE: [&str; 5] = ["agreed", "approved", "accepted", "and", "countersigned"];

/// Add the signed signatures that sentences outside the sections give for a side that
/// has none.
pub fn read(rd: &Reader, base: usize, charter: &mut Charter) {
    let unsigned = |c: &Charter, side: Side| {
        !c.signatures
            .iter()
            .any(|s| s.signed && s.side == Some(side))
    };
    if !unsigned(charter, Side::Company) && !unsigned(charter, Side::Partner) {
        return;
    }
    let mut taken: Vec<Span> = charter.sections.iter().map(|s| s.span).collect();
    taken.sort_unstable_by_key(|s| s.start);
    let mut from = base;
    let mut gaps = Vec::new();
    for s in &taken {
        if s.start > from {
            gaps.push(Span::new(from, s.start));
        }
        from = from.max(s.end);
    }
    gaps.push(Span::new(from, rd.src.len().max(from)));
    for gap in gaps {
        let Some(text) = rd.src.get(gap.start..gap.end) else {
            continue;
        };
        for at in signing_starts(text) {
            let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |n| at + n);
            let Some(line) = text.get(at..end) else {
                continue;
            };
            let span = Span::new(gap.start + at, gap.start + end);
            let block = Block {
                kind: Kind::Para,
                text: line.to_string(),
                span,
                full: span,
                chunks: Vec::new(),
            };
            let Some(s) = lists::signature(rd, &block) else {
                continue;
            };
            if s.signed && s.side.is_some_and(|side| unsigned(charter, side)) {
                charter.signatures.push(s);
            }
        }
    }
}

/// Where the sentences of `text` that sign start: a sentence whose first words are
/// `signed`, or a few of [`BEFORE`] and then `signed`.
fn signing_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b's', b'S', bytes).filter_map(move |at| {
        let word = bytes.get(at..at + 6)?;
        if !word.eq_ignore_ascii_case(b"signed")
            || bytes.get(at + 6).is_some_and(u8::is_ascii_alphanumeric)
        {
            return None;
        }
        // Back to the sentence's start, over the words allowed before `signed`.
        let before = text.get(..at)?;
        let start = before
            .rfind(['.', '!', '?', '\n', '>'])
            .map_or(0, |i| i + 1);
        let lead = before.get(start..)?;
        let ok = lead.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty() || BEFORE.iter().any(|b| w.eq_ignore_ascii_case(b))
        });
        ok.then(|| start + (lead.len() - lead.trim_start().len()))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn signing_sentences_start_with_signed() {
        let t = "No changes from us. Signed for Solvik: Tomas, 14 Sep 2026.\n\
                 Agreed and signed for Keel — Ana, 2 Feb 2027\n\
                 I've signed for Northbeam; once you reply we're done.";
        let starts: Vec<&str> = super::signing_starts(t).map(|i| &t[i..i + 10]).collect();
        assert_eq!(starts, ["Signed for", "Agreed and"]);
    }
}
