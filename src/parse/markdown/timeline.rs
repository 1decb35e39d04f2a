//! Timeline phases: a table with a phase column, one sub-heading per phase with
//! labelled items, or a labelled list item per phase (`- Crawl: two pilots`).

use super::blocks::{Block, Kind};
use super::dates::dates;
use super::label::{field_table, item, joined, nested_end, row_field, Label, Reader};
use crate::model::{Charter, Field, Parsed, Phase, Section, Span, Text};
use crate::vocab::PhasePart;

fn new_phase(rd: &Reader, name: Text, span: Span) -> Phase {
    Phase {
        kind: rd.lookup.phase_for(&name.text),
        name,
        span,
        start: None,
        end: None,
        scope: None,
        go_no_go: None,
        result: None,
    }
}

/// Set one part of a phase from a labelled value or a cell. Empty values set nothing.
fn set_part(rd: &Reader, p: &mut Phase, part: PhasePart, value: Text) {
    if value.text.trim().is_empty() {
        return;
    }
    // A date field is its ISO date when it holds one; otherwise the text as written,
    // so that `TBD` is still reported as not a date.
    let date_or_text =
        |value: Text| Parsed::date(dates(rd.src, value.span).next().unwrap_or(value));
    match part {
        PhasePart::Phase => {}
        PhasePart::Start => p.start = Some(date_or_text(value)),
        PhasePart::End => p.end = Some(date_or_text(value)),
        PhasePart::Dates => {
            let mut ds = dates(rd.src, value.span);
            match ds.next() {
                Some(start) => {
                    p.start = Some(Parsed::date(start));
                    p.end = ds.next().map(Parsed::date);
                }
                None => p.start = Some(Parsed::date(value)),
            }
        }
        PhasePart::Scope => p.scope = Some(value),
        PhasePart::GoNoGo => p.go_no_go = Some(value),
        PhasePart::Result => p.result = Some(value),
    }
}

/// Read a phase's content (labelled parts, section fields, loose text as its scope).
fn content(rd: &Reader, p: &mut Phase, blocks: &[Block], sec: &mut Section) {
    let mut loose: Vec<&Block> = Vec::new();
    let mut i = 0;
    while let Some(b) = blocks.get(i) {
        p.span = p.span.join(b.full);
        match &b.kind {
            Kind::Heading(_) => i += 1,
            Kind::Row { cells, header, .. } => {
                i += 1;
                if let [label, value] = cells.as_slice() {
                    if let Some(part) = rd.lookup.phase_part_for(&label.text) {
                        set_part(rd, p, part, value.clone());
                        continue;
                    }
                }
                match row_field(rd, "timeline", cells) {
                    Some(f) => sec.fields.push(f),
                    None if !header => loose.push(b),
                    None => {}
                }
            }
            Kind::Para | Kind::Item { .. } => {
                let end = nested_end(blocks, i);
                let nested = blocks.get(i + 1..end).unwrap_or_default();
                if let Some(l) = Label::of(b) {
                    if let Some(part) = rd.lookup.phase_part_for(l.name) {
                        set_part(
                            rd,
                            p,
                            part,
                            joined(Some(l.value()), nested, l.value_start()),
                        );
                        i = end;
                        continue;
                    }
                    if let Some(f) = rd.lookup.field_for("timeline", l.name) {
                        sec.fields.push(Field {
                            key: f.to_string(),
                            label: l.label(),
                            value: joined(Some(l.value()), nested, l.value_start()),
                        });
                        i = end;
                        continue;
                    }
                    sec.items.extend(item(b));
                } else {
                    loose.push(b);
                }
                i += 1;
            }
        }
    }
    if p.scope.is_none() {
        let scope = joined(None, loose, p.span.end);
        if scope.has_words() {
            p.scope = Some(scope);
        }
    } else {
        sec.items.extend(loose.into_iter().filter_map(item));
    }
}

/// `### Crawl (pilot)` and the content under it.
pub fn heading_phase(
    rd: &Reader,
    h: &Block,
    under: &[Block],
    sec: &mut Section,
    charter: &mut Charter,
) {
    let mut p = new_phase(rd, Text::new(h.text.clone(), h.span), h.span);
    content(rd, &mut p, under, sec);
    if p.start.is_none() && p.end.is_none() {
        // `### Crawl: 2026-09-07 to 2026-10-30`
        let mut ds = dates(rd.src, h.span);
        p.start = ds.next().map(Parsed::date);
        p.end = ds.next().map(Parsed::date);
    }
    charter.phases.push(p);
}

/// `- Crawl (2026-09-07 to 2026-10-30): two pilots`, with any nested labelled parts.
pub fn item_phase(
    rd: &Reader,
    b: &Block,
    label: Label,
    nested: &[Block],
    sec: &mut Section,
    charter: &mut Charter,
) {
    let mut p = new_phase(rd, label.label(), b.full);
    let mut ds = dates(rd.src, b.span);
    p.start = ds.next().map(Parsed::date);
    p.end = ds.next().map(Parsed::date);
    let scope = label.value();
    if scope.has_words() {
        p.scope = Some(scope);
    }
    content(rd, &mut p, nested, sec);
    charter.phases.push(p);
}

/// A timeline table: one phase per row when a column names the phase; otherwise
/// a table of fields and items.
pub fn table(rd: &Reader, rows: &[Block], sec: &mut Section, charter: &mut Charter) {
    let header: &[Text] = match rows.first().map(|r| &r.kind) {
        Some(Kind::Row {
            cells,
            header: true,
            ..
        }) => cells,
        _ => &[],
    };
    let cols: Vec<Option<PhasePart>> = header
        .iter()
        .map(|c| rd.lookup.phase_part_for(&c.text))
        .collect();
    let body = || {
        rows.iter().filter_map(|r| match &r.kind {
            Kind::Row {
                cells,
                header: false,
                ..
            } => Some((r, cells)),
            _ => None,
        })
    };
    let phase_col = cols
        .iter()
        .position(|c| *c == Some(PhasePart::Phase))
        .or_else(|| {
            // An untitled first column of phase names: `| | Start | End |`.
            let untitled = cols.first().is_some_and(Option::is_none);
            let named = body().any(|(_, cells)| {
                cells
                    .first()
                    .is_some_and(|c| rd.lookup.phase_for(&c.text).is_some())
            });
            (untitled && named && cols.iter().any(Option::is_some)).then_some(0)
        });
    let Some(pc) = phase_col else {
        field_table(rd, rows, sec);
        return;
    };
    for (row, cells) in body() {
        let Some(name) = cells.get(pc) else { continue };
        if cells.iter().all(|c| c.text.trim().is_empty()) {
            continue;
        }
        let mut p = new_phase(rd, name.clone(), row.span);
        for (ci, part) in cols.iter().enumerate() {
            if let (Some(part), Some(cell)) = (part, cells.get(ci)) {
                if ci != pc {
                    set_part(rd, &mut p, *part, cell.clone());
                }
            }
        }
        charter.phases.push(p);
    }
}
