//! What each side loses, told apart from what it gives: in a value exchange a side's
//! bare name (`- Tiffinwala: …`) says what it gives, unless the heading above it speaks
//! only of losses, or a lead-in does (`**At stake**`, `2.3 If this fails, what we
//! lose`, `- What each of us loses if it flops`): then it says what that side loses.

use super::blocks::{Block, Kind};
use super::fill::subsection_end;
use super::label::{nested_end, too_many_words, Label, Reader};
use crate::model::{Field, Section, Span};

const GIVES: [&str; 2] = ["we-give", "partner-gives"];
const LOSES: [&str; 2] = ["we-lose", "partner-loses"];

/// Give the side-named lines under a loss lead-in their side's loss field, and drop
/// the field the lead-in itself was read as (`If this fails, what we lose`, empty):
/// its lines carry it.
pub fn losses_under_lead_in(rd: &Reader, blocks: &[Block], sec: &mut Section) {
    if sec.key != "value-exchange" {
        return;
    }
    // Cheap first: only a side's bare name read as what it gives can turn into a loss.
    let bare_give = |f: &Field| {
        GIVES.contains(&f.key.as_str()) && rd.lookup.names().is_bare_side(&f.label.text)
    };
    if !sec.fields.iter().any(bare_give) {
        return;
    }
    let mut i = 0;
    while let Some(b) = blocks.get(i) {
        let end = under_end(blocks, i);
        let last = end.checked_sub(1).and_then(|e| blocks.get(e));
        let (Some(last), true) = (last, end > i + 1 && is_loss_lead_in(b)) else {
            i += 1;
            continue;
        };
        let under = Span::new(b.span.end, last.full.end);
        let mut carried = false;
        for f in sec.fields.iter_mut() {
            if !within(f.label.span, under) || !bare_give(f) {
                continue;
            }
            let side = f.label.text.trim();
            let side = side.strip_suffix(" side").unwrap_or(side);
            let as_loss = rd.lookup.field_for(&sec.key, &format!("{side} loses"));
            if let Some(k) = as_loss.filter(|k| LOSES.contains(k)) {
                f.key = k.to_string();
                carried = true;
            }
        }
        if carried {
            sec.fields
                .retain(|f| !(LOSES.contains(&f.key.as_str()) && within(f.label.span, b.span)));
        }
        i = end;
    }
}

/// Index after what a block leads into: an item's nested items, a sub-heading's
/// content, a paragraph's list right after it.
fn under_end(blocks: &[Block], i: usize) -> usize {
    match blocks.get(i).map(|b| &b.kind) {
        Some(Kind::Item { .. }) => nested_end(blocks, i),
        Some(Kind::Heading(level)) => subsection_end(blocks, i, *level),
        Some(Kind::Para) => {
            let mut j = i + 1;
            while matches!(blocks.get(j).map(|b| &b.kind), Some(Kind::Item { .. })) {
                j += 1;
            }
            j
        }
        _ => i + 1,
    }
}

fn within(inner: Span, outer: Span) -> bool {
    inner.start >= outer.start && inner.start < outer.end
}

/// A short line with nothing after its label that speaks of losing and not of giving
/// (`Give and risk` heads both).
fn is_loss_lead_in(b: &Block) -> bool {
    let name = match Label::with_aside(b) {
        Some(l) if l.rest.is_empty() => l.name,
        Some(_) => return false,
        None => crate::trim::trim(&b.text),
    };
    if name.is_empty() || too_many_words(name) {
        return false;
    }
    let is = |list: &[&str], w: &str| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    let (mut loss, mut give) = (false, false);
    for w in name.split(|c: char| !c.is_alphanumeric()) {
        loss |= is(LOSS_WORDS, w);
        give |= is(GIVE_WORDS, w);
    }
    loss && !give
}

/// Words of a heading that speaks of what the sides lose (`What each of us loses if it
/// doesn't work`, `At stake`, `What's at risk`).
const LOSS_WORDS: &[&str] = &[
    "risk",
    "risks",
    "lose",
    "loses",
    "losing",
    "loss",
    "losses",
    "stake",
    "stakes",
    "downside",
    "downsides",
    "exposure",
];

/// Words of a heading that speaks of what the sides give as well (`Give and risk`).
const GIVE_WORDS: &[&str] = &[
    "give",
    "gives",
    "put",
    "puts",
    "bring",
    "brings",
    "commit",
    "commits",
    "commitment",
    "commitments",
    "contribute",
    "contributes",
    "contribution",
    "contributions",
    "invest",
    "invests",
    "investment",
];

/// Under a heading that speaks only of losses, a side's bare name (`Fenwick: the £25k`)
/// says what that side loses, not what it gives: its label reads as `Fenwick loses`.
pub fn losses_under_loss_heading(rd: &Reader, sec: &mut Section) {
    let words = || {
        sec.heading
            .text
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_ascii_lowercase)
    };
    let has = |list: &[&str]| words().any(|w| list.contains(&w.as_str()));
    if sec.key != "value-exchange" || !has(LOSS_WORDS) || has(GIVE_WORDS) {
        return;
    }
    for f in &mut sec.fields {
        if !matches!(f.key.as_str(), "we-give" | "partner-gives") {
            continue;
        }
        let as_loss = format!("{} loses", f.label.text.trim());
        if let Some(k) = rd.lookup.field_for(&sec.key, &as_loss) {
            if matches!(k, "we-lose" | "partner-loses") {
                f.key = k.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests;
