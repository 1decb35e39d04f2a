//! A stretch under a heading that names no section, read by its content.

use super::super::{Block, Kind};
use super::SIGNATURES;
use crate::parse::markdown::label::Label;

/// The section a stretch under an unrecognised heading is by its content: items,
/// rows or sub-headings naming two or more crawl/walk/run phases are the timeline;
/// two or more signature lines the signatures; two or more owner, sponsor or
/// escalation labels the governance.
pub(super) fn by_content<'a>(
    lookup: &crate::vocab::Lookup<'a>,
    blocks: &[Block],
) -> Option<&'a str> {
    let mut phases = [false; 3];
    let mut signed = 0;
    let mut governance = 0;
    for b in blocks {
        let lead = match &b.kind {
            Kind::Row { cells, header, .. } => {
                if *header {
                    continue;
                }
                cells.first().map_or("", |c| c.text.as_str())
            }
            Kind::Heading(_) => b.text.as_str(),
            Kind::Item { .. } => lead(&b.text),
            // Prose mentions phases in passing (`results are shared with every walk
            // customer`): only items, rows and headings name them.
            Kind::Para => "",
        };
        if let Some(p) = lookup.phase_for(lead) {
            if let Some(seen) = phases.get_mut(p as usize) {
                *seen = true;
            }
        }
        let t = b.text.trim_start().as_bytes();
        if t.get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"signed"))
            || t.starts_with(b"/s/")
        {
            signed += 1;
        }
        if let Some(l) = Label::of(b) {
            if lookup.field_for("governance", l.name).is_some() {
                governance += 1;
            }
        }
    }
    let key = if phases.iter().filter(|p| **p).count() >= 2 {
        "timeline"
    } else if signed >= 2 {
        SIGNATURES
    } else if governance >= 2 {
        "governance"
    } else {
        return None;
    };
    lookup.vocab().section_keys().find(|k| *k == key)
}

/// The start of a line that may name a phase: before its first colon, parenthesis or
/// dash (`Crawl (8 Feb – 26 Mar)`, `Walk: …`), or the whole of a short item; empty
/// when neither is a few words.
fn lead(text: &str) -> &str {
    const MAX: usize = 48;
    let mut end = match text.find([':', '(', '—', '–']) {
        Some(at) if at <= MAX => at,
        _ if text.len() <= MAX => text.len(),
        _ => return "",
    };
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}
