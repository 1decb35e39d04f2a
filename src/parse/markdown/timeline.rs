//! Timeline phases: a table with a phase column, one sub-heading per phase with
//! labelled items, or a labelled list item per phase (`- Crawl: two pilots`).

use super::blocks::{Block, Kind};
use super::inline;
use super::label::{field_table, item, joined, nested_end, row_field, Label, Reader};
use crate::model::{Charter, Field, Phase, Section, Span, Text};
use crate::parse::phases::{dates_within, set_dates, DatePart};
use crate::vocab::PhasePart;

fn new_phase(rd: &Reader, name: Text, span: Span) -> Phase {
    let kind = rd.lookup.phase_for(&name.text);
    Phase::new(name, kind, span)
}

/// Add a phase to the charter. A phase already listed and written again (clauses,
/// then a summary table of the same plan) is one phase: the restatement fills in the
/// parts the first left out. A restatement whose dates differ is kept apart, so that
/// the two plans are both seen and their clash reported.
fn add(charter: &mut Charter, p: Phase) {
    let found = charter.phase_index.find(&charter.phases, &p);
    let Some((i, q)) = found.and_then(|i| Some((i, charter.phases.get_mut(i)?))) else {
        charter.phases.push(p);
        return;
    };
    fn fill<T>(mine: &mut Option<T>, theirs: Option<T>) {
        if mine.is_none() {
            *mine = theirs;
        }
    }
    fill(&mut q.start, p.start);
    fill(&mut q.end, p.end);
    fill(&mut q.scope, p.scope);
    fill(&mut q.go_no_go, p.go_no_go);
    fill(&mut q.result, p.result);
    charter.phase_index.refile(&charter.phases, i);
}

/// Set one part of a phase from a labelled value, and the parts labelled inside it
/// (`Scope: two pilots. Go/No-Go: ≥ 20%`).
fn set_parts(rd: &Reader, p: &mut Phase, part: PhasePart, value: Text) {
    let (own, more) = inline::parts(rd, &value);
    set_part(rd, p, part, own);
    for (part, value) in more {
        set_part(rd, p, part, value);
    }
}

/// Set one part of a phase from a labelled value or a cell. Empty values set nothing.
fn set_part(rd: &Reader, p: &mut Phase, part: PhasePart, value: Text) {
    if value.text.trim().is_empty() {
        return;
    }
    match part {
        PhasePart::Phase => {}
        PhasePart::Start => set_dates(rd.src, p, DatePart::Start, &value),
        PhasePart::End => set_dates(rd.src, p, DatePart::End, &value),
        PhasePart::Dates => set_dates(rd.src, p, DatePart::Dates, &value),
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
            Kind::Heading(level) => {
                // `#### 5.1.3 Gate` under `### 5.1 Crawl`: that part, its body the value.
                let part = rd
                    .lookup
                    .phase_part_for(&b.text)
                    .filter(|p| *p != PhasePart::Phase);
                let Some(part) = part else {
                    i += 1;
                    continue;
                };
                let end = heading_end(blocks, i, *level);
                let under = blocks.get(i + 1..end).unwrap_or_default();
                if let Some(last) = under.last() {
                    p.span = p.span.join(last.full);
                }
                set_parts(rd, p, part, joined(None, under, b.span.end));
                i = end;
            }
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
                // `Dates: …⏎Scope: …⏎Go/no-go: …` under the phase's heading: a part a line.
                let lines = matches!(b.kind, Kind::Para)
                    .then(|| super::lines::labelled_lines(rd, "timeline", b))
                    .flatten();
                if let Some(pieces) = lines {
                    content(rd, p, &pieces, sec);
                    i += 1;
                    continue;
                }
                let end = nested_end(blocks, i);
                let nested = blocks.get(i + 1..end).unwrap_or_default();
                if let Some(l) = Label::of(b) {
                    if let Some(part) = rd.lookup.phase_part_for(l.name) {
                        set_parts(
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

/// Index after the content under heading `i` of level `level`: the next heading at
/// that level or above.
fn heading_end(blocks: &[Block], i: usize, level: u8) -> usize {
    let mut j = i + 1;
    while let Some(b) = blocks.get(j) {
        if matches!(b.kind, Kind::Heading(l) if l <= level) {
            break;
        }
        j += 1;
    }
    j
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
        dates_within(rd.src, &mut p, h.span);
    }
    let text = p.span;
    stated::read(rd, &mut p, text);
    add(charter, p);
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
    let name = label.label();
    let mut p = new_phase(rd, name.clone(), b.full);
    let (scope, more) = inline::parts(rd, &label.value());
    // Dates in the name (`Crawl (6 Apr – 15 May 2027)`), else in the scope.
    dates_within(rd.src, &mut p, name.span);
    if p.start.is_none() && p.end.is_none() {
        dates_within(rd.src, &mut p, scope.span);
    }
    if scope.has_words() {
        p.scope = Some(scope);
    }
    for (part, value) in more {
        set_part(rd, &mut p, part, value);
    }
    content(rd, &mut p, nested, sec);
    stated::read(rd, &mut p, b.full);
    add(charter, p);
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
        .map(|c| rd.lookup.phase_column_for(&c.text))
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
            // A first column of phase names under a title that names no part: `| |
            // Start | End |`, or `| Item | Keel | Orbital |` over a row per phase (a
            // sheet's plan), whose dates and bars the rows state.
            let untitled = cols.first().is_some_and(Option::is_none);
            let mut named = [false; 3];
            for (_, cells) in body() {
                if let Some(p) = cells.first().and_then(|c| rd.lookup.phase_for(&c.text)) {
                    if let Some(seen) = named.get_mut(p as usize) {
                        *seen = true;
                    }
                }
            }
            let phases = named.iter().filter(|n| **n).count();
            let read = phases >= 2 || (phases == 1 && cols.iter().any(Option::is_some));
            (untitled && read).then_some(0)
        });
    // No column names a part: each row's first other cell is written as a phase's
    // item is (`1 Feb – 22 Mar 2027: 60 homes; go if ≥ 20% faster`).
    let untitled_parts = cols.iter().all(Option::is_none);
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
                // A cell may carry a labelled part of its own (`… 20% faster. Result:
                // passed, 31%.` in the go/no-go column).
                if ci != pc {
                    set_parts(rd, &mut p, *part, cell.clone());
                }
            }
        }
        if untitled_parts {
            row_as_item(rd, &mut p, cells, pc);
        }
        stated::read(rd, &mut p, row.span);
        add(charter, p);
    }
}

/// A phase row whose columns name no part: its first other cell that says something
/// is read as the text of `- Crawl: …` is, for dates, scope and labelled parts.
fn row_as_item(rd: &Reader, p: &mut Phase, cells: &[Text], pc: usize) {
    let Some(cell) = cells
        .iter()
        .enumerate()
        .find(|(i, c)| *i != pc && !c.text.trim().is_empty())
        .map(|(_, c)| c)
    else {
        return;
    };
    let (scope, more) = inline::parts(rd, cell);
    dates_within(rd.src, p, cell.span);
    if scope.has_words() {
        p.scope = Some(scope);
    }
    for (part, value) in more {
        set_part(rd, p, part, value);
    }
}

/// Phases written as sentences in a timeline paragraph or item (`blocks[i]`): a
/// sentence that names a phase and dates it (`The crawl phase runs from 6 April to 15
/// May 2027, with two pilot stores.`) starts one, unless that phase is already listed;
/// the sentences after it are its text until the next one starts. A sentence that
/// starts with a phase part's label (`Go/no-go: ≥ 20% faster close.`) is that part.
///
/// The phase the block leaves open goes on through the item's nested items and the
/// blocks after it that open no phase and carry no other label (`**Crawl** — 6 weeks
/// from kickoff` and the list under it). Returns the index after them when a phase was
/// left open, None when the block is read as before (no phase, or none open at its end).
pub fn sentence_phases(
    rd: &Reader,
    blocks: &[Block],
    i: usize,
    sec: &mut Section,
    charter: &mut Charter,
) -> Option<usize> {
    let b = blocks.get(i)?;
    let s = rd.src.get(b.span.start..b.span.end).unwrap_or_default();
    // The open phase and the span of its text so far.
    let mut current: Option<(Phase, Span)> = None;
    let close = |open: Option<(Phase, Span)>, charter: &mut Charter| {
        if let Some((mut p, text)) = open {
            stated::read(rd, &mut p, text);
            charter.phases.push(p);
        }
    };
    for (from, to) in inline::sentences(s) {
        let span = Span::new(b.span.start + from, b.span.start + to);
        let sentence = Text::new(&s[from..to], span);
        if let Some((p, text)) = current.as_mut() {
            let (own, more) = inline::parts(rd, &sentence);
            if !more.is_empty() && !own.has_words() {
                for (part, value) in more {
                    set_part(rd, p, part, value);
                }
                *text = text.join(span);
                continue;
            }
        }
        let Some(kind) = opens(rd, &sentence.text) else {
            if let Some((_, text)) = current.as_mut() {
                *text = text.join(span);
            }
            continue;
        };
        let listed = |c: &mut Charter| c.phase_index.has(&c.phases, kind);
        if let Some((_, text)) = current.as_mut().filter(|(p, _)| p.kind == Some(kind)) {
            *text = text.join(span);
            continue;
        }
        close(current.take(), charter);
        if listed(charter) {
            continue;
        }
        let mut p = new_phase(rd, sentence.clone(), span);
        dates_within(rd.src, &mut p, span);
        p.scope = Some(sentence);
        current = Some((p, span));
    }
    let (mut p, text) = current?;
    let mut end = nested_end(blocks, i);
    while blocks.get(end).is_some_and(|n| continues(rd, n)) {
        end = nested_end(blocks, end);
    }
    let own = p.span;
    let more = blocks.get(i + 1..end).unwrap_or_default();
    content(rd, &mut p, more, sec);
    p.span = own;
    let text = more.iter().fold(text, |t, n| t.join(n.full));
    close(Some((p, text)), charter);
    Some(end)
}

/// The phase a sentence names and dates, when it opens one.
fn opens(rd: &Reader, sentence: &str) -> Option<crate::model::PhaseKind> {
    // The phase word first: most sentences name none, and it costs less to find
    // than a date.
    let kind = rd.lookup.phase_for(sentence)?;
    crate::value::date::dates_in(sentence).next()?;
    Some(kind)
}

/// Whether a block after a phase written in sentences is more of that phase's text:
/// a paragraph or item that opens no phase and carries no label but a phase part's.
fn continues(rd: &Reader, b: &Block) -> bool {
    if !matches!(b.kind, Kind::Para | Kind::Item { .. }) {
        return false;
    }
    if let Some(l) = Label::of(b) {
        return rd
            .lookup
            .phase_part_for(l.name)
            .is_some_and(|part| part != PhasePart::Phase);
    }
    let s = rd.src.get(b.span.start..b.span.end).unwrap_or_default();
    !inline::sentences(s).any(|(a, z)| opens(rd, &s[a..z]).is_some())
}

mod stated;

#[cfg(test)]
mod tests;
