//! Timeline phases: a table with a phase column, one sub-heading per phase with
//! labelled items, or a labelled list item per phase (`- Crawl: two pilots`).

use super::blocks::{Block, Kind};
use super::fill::{dates, field_table, item, joined, nested_end, row_field, Ctx, Label};
use crate::model::{Charter, Field, Phase, Section, Span, Text};
use crate::vocab::PhasePart;

fn new_phase(ctx: &Ctx, name: Text, span: Span) -> Phase {
    Phase {
        kind: ctx.lookup.phase_for(&name.text),
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
fn set_part(ctx: &Ctx, p: &mut Phase, part: PhasePart, value: Text) {
    if value.text.trim().is_empty() {
        return;
    }
    // A date field is its ISO date when it holds one; otherwise the text as written,
    // so that `TBD` is still reported as not a date.
    let date_or_text = |value: Text| dates(ctx.src, value.span).next().unwrap_or(value);
    match part {
        PhasePart::Phase => {}
        PhasePart::Start => p.start = Some(date_or_text(value)),
        PhasePart::End => p.end = Some(date_or_text(value)),
        PhasePart::Dates => {
            let mut ds = dates(ctx.src, value.span);
            match ds.next() {
                Some(start) => {
                    p.start = Some(start);
                    p.end = ds.next();
                }
                None => p.start = Some(value),
            }
        }
        PhasePart::Scope => p.scope = Some(value),
        PhasePart::GoNoGo => p.go_no_go = Some(value),
        PhasePart::Result => p.result = Some(value),
    }
}

/// Read a phase's content (labelled parts, section fields, loose text as its scope).
fn content(ctx: &Ctx, p: &mut Phase, blocks: &[Block], sec: &mut Section) {
    let mut loose: Vec<&Block> = Vec::new();
    let mut i = 0;
    while let Some(b) = blocks.get(i) {
        p.span = p.span.join(b.full);
        match &b.kind {
            Kind::Heading(_) => i += 1,
            Kind::Row { cells, header, .. } => {
                i += 1;
                if let [label, value] = cells.as_slice() {
                    if let Some(part) = ctx.lookup.phase_part_for(&label.text) {
                        set_part(ctx, p, part, value.clone());
                        continue;
                    }
                }
                match row_field(ctx, "timeline", cells) {
                    Some(f) => sec.fields.push(f),
                    None if !header => loose.push(b),
                    None => {}
                }
            }
            Kind::Para | Kind::Item { .. } => {
                let end = nested_end(blocks, i);
                let nested = blocks.get(i + 1..end).unwrap_or_default();
                if let Some(l) = Label::of(b) {
                    if let Some(part) = ctx.lookup.phase_part_for(l.name) {
                        set_part(
                            ctx,
                            p,
                            part,
                            joined(Some(l.value()), nested, l.value_start()),
                        );
                        i = end;
                        continue;
                    }
                    if let Some(f) = ctx.lookup.field_for("timeline", l.name) {
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
    ctx: &Ctx,
    h: &Block,
    under: &[Block],
    sec: &mut Section,
    charter: &mut Charter,
) {
    let mut p = new_phase(ctx, Text::new(h.text.clone(), h.span), h.span);
    content(ctx, &mut p, under, sec);
    if p.start.is_none() && p.end.is_none() {
        // `### Crawl: 2026-09-07 to 2026-10-30`
        let mut ds = dates(ctx.src, h.span);
        p.start = ds.next();
        p.end = ds.next();
    }
    charter.phases.push(p);
}

/// `- Crawl (2026-09-07 to 2026-10-30): two pilots`, with any nested labelled parts.
pub fn item_phase(
    ctx: &Ctx,
    b: &Block,
    label: Label,
    nested: &[Block],
    sec: &mut Section,
    charter: &mut Charter,
) {
    let mut p = new_phase(ctx, label.label(), b.full);
    let mut ds = dates(ctx.src, b.span);
    p.start = ds.next();
    p.end = ds.next();
    let scope = label.value();
    if scope.has_words() {
        p.scope = Some(scope);
    }
    content(ctx, &mut p, nested, sec);
    charter.phases.push(p);
}

/// A timeline table: one phase per row when a column names the phase; otherwise
/// a table of fields and items.
pub fn table(ctx: &Ctx, rows: &[Block], sec: &mut Section, charter: &mut Charter) {
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
        .map(|c| ctx.lookup.phase_part_for(&c.text))
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
                    .is_some_and(|c| ctx.lookup.phase_for(&c.text).is_some())
            });
            (untitled && named && cols.iter().any(Option::is_some)).then_some(0)
        });
    let Some(pc) = phase_col else {
        field_table(ctx, rows, sec);
        return;
    };
    for (row, cells) in body() {
        let Some(name) = cells.get(pc) else { continue };
        if cells.iter().all(|c| c.text.trim().is_empty()) {
            continue;
        }
        let mut p = new_phase(ctx, name.clone(), row.span);
        for (ci, part) in cols.iter().enumerate() {
            if let (Some(part), Some(cell)) = (part, cells.get(ci)) {
                if ci != pc {
                    set_part(ctx, &mut p, *part, cell.clone());
                }
            }
        }
        charter.phases.push(p);
    }
}
