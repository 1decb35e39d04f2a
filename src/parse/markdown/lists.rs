//! Metrics and signatures: the list items and table rows of those two sections.

use super::blocks::{Block, Kind};
use super::dates::dates;
use super::label::{header_cells, item, row_field, Label, Reader};
use crate::model::{Charter, Metric, Section, Side, Signature, Span, Text};
use crate::parse::signed;
use crate::value::date::DateValue;
use crate::vocab::MetricPart;

/// `- Month-end close time under 2 days`, with an optional nested `- Target: …`.
pub fn metric_item(rd: &Reader, b: &Block, nested: &[Block], charter: &mut Charter) {
    let Some(name) = item(b) else { return };
    let target = nested.iter().find_map(|n| {
        let l = Label::of(n)?;
        (rd.lookup.metric_part_for(l.name) == Some(MetricPart::Target)
            && l.rest.chars().any(char::is_alphanumeric))
        .then(|| l.value())
    });
    charter.metrics.push(Metric {
        name,
        target,
        span: b.full,
    });
}

/// Whether a labelled line under the metrics heading is a metric: it states
/// something after its label (`Guest satisfaction: improve`), as a label alone
/// introduces what follows, and states no field the pack cues for the section
/// (`KPI review: biweekly` is the review cadence, read from the section's lines).
pub fn states_metric(rd: &Reader, l: &Label, b: &Block) -> bool {
    if !l.rest.chars().any(char::is_alphanumeric) {
        return false;
    }
    let norm = crate::vocab::normalize(&b.text);
    let words: Vec<&str> = norm.split(' ').collect();
    !rd.lookup
        .vocab()
        .cues()
        .of("metrics")
        .any(|c| c.stated_in(&words))
}

/// `Hotels connected: 300 by December` (or `Hotels connected` ⏎ `: 300 by December`
/// in a definition list): the label names the metric, its value is the target.
pub fn labelled_metric(rd: &Reader, l: &Label, b: &Block, charter: &mut Charter) {
    let mut name = l.label();
    // A definition list's term ends a line before its `: definition`.
    if let Some(written) = rd.src.get(name.span.start..name.span.end) {
        name.span.end = name.span.start + written.trim_end().len();
    }
    charter.metrics.push(Metric {
        name,
        target: Some(l.value()),
        span: b.full,
    });
}

/// A metrics table: `Metric` and `Target` columns when the header names them;
/// otherwise each row is a metric (or a field, `| Tracked in | dashboard |`).
pub fn metrics_table(rd: &Reader, rows: &[Block], sec: &mut Section, charter: &mut Charter) {
    let cols: Vec<Option<MetricPart>> = header_cells(rows)
        .iter()
        .map(|c| rd.lookup.metric_part_for(&c.text))
        .collect();
    let target_col = cols.iter().position(|c| *c == Some(MetricPart::Target));
    let name_col = cols
        .iter()
        .position(|c| *c == Some(MetricPart::Name))
        .or_else(|| target_col.map(|t| usize::from(t == 0)));
    // A column titled as one of the section's fields (`Review`, `Tracked in`): its
    // first filled cell is that field, once per table (`| … | Monthly |`).
    let field_cols: Vec<(usize, &str)> = if cols.len() > 2 {
        header_cells(rows)
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != name_col && Some(*i) != target_col)
            .filter_map(|(i, c)| Some((i, rd.lookup.field_for(&sec.key, &c.text)?)))
            .collect()
    } else {
        Vec::new()
    };
    for &(col, key) in &field_cols {
        let title = header_cells(rows).get(col);
        let value = rows.iter().find_map(|r| match &r.kind {
            Kind::Row {
                cells,
                header: false,
                ..
            } => cells.get(col).filter(|c| c.has_words()),
            _ => None,
        });
        if let (Some(title), Some(value)) = (title, value) {
            if sec.field(key).is_none() {
                sec.fields.push(crate::model::Field {
                    key: key.to_string(),
                    label: title.clone(),
                    value: value.clone(),
                });
            }
        }
    }
    for row in rows {
        let Kind::Row { cells, header, .. } = &row.kind else {
            continue;
        };
        if let Some(f) = row_field(rd, &sec.key, cells) {
            sec.fields.push(f);
            continue;
        }
        if *header {
            continue;
        }
        let name = match name_col {
            Some(nc) => cells.get(nc).filter(|c| c.has_words()).cloned(),
            None => item(row),
        };
        let Some(name) = name else { continue };
        let target = target_col
            .and_then(|t| cells.get(t))
            .filter(|c| !c.text.trim().is_empty())
            .cloned();
        charter.metrics.push(Metric {
            name,
            target,
            span: row.span,
        });
    }
}

/// A signature line. A task-list item is signed when ticked. A plain item counts as
/// a signature line when it names a side, carries a date or says "signed"; it is
/// signed only when it has both a date and the word "signed" (a bare name with a
/// date is more often a planned date than a signature), or a conformed `/s/ name`
/// (`Sd/- name`).
/// A line that says it is not signed (`pending`, `to be signed`, `____`) is not,
/// whatever else it carries.
pub fn signature(rd: &Reader, b: &Block) -> Option<Signature> {
    let text = b.text.trim();
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    // `Signed for and on behalf of Acme:` with nothing after the colon is the caption
    // over a signature line, not one: it is no more signed than the line under it.
    if text.ends_with(':') {
        return None;
    }
    let iso = dates(rd.src, b.span).next();
    let side = rd.lookup.names().side_of(text);
    // ASCII case folding finds the same "signed" as `to_lowercase`, without a copy;
    // only the places where an `s` stands are compared.
    let bytes = text.as_bytes();
    let says_signed = memchr::memchr2_iter(b's', b'S', bytes).any(|at| {
        bytes
            .get(at..at + 6)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"signed"))
    });
    // `signed` as a word of its own (not `designed`, `assigned`), after the signer's
    // name: `Dana Ruiz (Keel) — signed` is signed, date or no date. A line opening
    // with it is a caption or a mark, read by `mark`.
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    let signed_word = memchr::memchr2_iter(b's', b'S', bytes).any(|at| {
        at > 0
            && bytes
                .get(at..at + 6)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"signed"))
            && !word(at.checked_sub(1).and_then(|i| bytes.get(i)))
            && !word(bytes.get(at + 6))
            && text[..at].chars().any(char::is_alphabetic)
    });
    let conformed = signed::conformed_at(text).is_some();
    let task = match b.kind {
        Kind::Item { task, .. } => task,
        _ => None,
    };
    if task.is_none() && side.is_none() && iso.is_none() && !says_signed && !conformed {
        return None;
    }
    // Only a signature line is searched for a date as people write it.
    let date = iso.or_else(|| first_date(rd.src, b.span));
    let unsigned = signed::says_unsigned(text);
    let signed = match task {
        Some(t) => t && !unsigned,
        None => {
            !unsigned
                && ((date.is_some() && says_signed)
                    || signed_word
                    || signed::mark(text) == Some(true))
        }
    };
    Some(Signature {
        span: b.full,
        who: Text::new(who(text, date.as_ref()), b.span),
        signed,
        date,
        side,
    })
}

/// The signer as written: the line up to its date, without the dash before it.
fn who(text: &str, date: Option<&Text>) -> String {
    let before = date
        .and_then(|d| crate::vocab::find_bytes(text.as_bytes(), d.text.as_bytes()))
        .and_then(|at| text.get(..at))
        .unwrap_or(text);
    let before = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '—' | '–' | '-' | ',' | ';' | ':' | '|' | '(' | '@')
    });
    if before.chars().any(char::is_alphabetic) {
        before.to_string()
    } else {
        text.to_string()
    }
}

/// The first date in the source under `span`: an ISO date, else a day as people
/// write it (`12 Feb 2027`, `January 12, 2027`), each with its own span.
fn first_date(src: &str, span: Span) -> Option<Text> {
    if let Some(d) = dates(src, span).next() {
        return Some(d);
    }
    let s = src.get(span.start..span.end)?;
    crate::value::date::dates_in(s).find_map(|f| {
        matches!(f.value, DateValue::Day(_)).then(|| {
            Text::new(
                s.get(f.range.clone()).unwrap_or_default(),
                Span::new(span.start + f.range.start, span.start + f.range.end),
            )
        })
    })
}

/// A signatures table: one signature per row. With a `Signed` column, a row is signed
/// when that cell is ticked (`x`, `✓ signed`, `yes`, `/s/ name`); without one, when
/// it has a date (a table has no check boxes, and a filled-in date is how people sign
/// there). A row that says it is not signed (`pending`, `____`) never is.
pub fn signatures_table(rd: &Reader, rows: &[Block], sec: &mut Section, charter: &mut Charter) {
    if party_columns(rd, rows, charter) {
        return;
    }
    let signed_col = header_cells(rows).iter().position(|c| {
        let t = c.text.to_lowercase();
        t.contains("signed") || t.contains("signature") || t.contains("status")
    });
    for row in rows {
        let Kind::Row { cells, header, .. } = &row.kind else {
            continue;
        };
        if *header {
            continue;
        }
        let Some(line) = item(row) else { continue };
        if !line.text.chars().any(char::is_alphabetic) {
            sec.items.push(line);
            continue;
        }
        let date = first_date(rd.src, row.span);
        let signed = !signed::says_unsigned(&line.text)
            && match signed_col {
                // `Signed: ✓`, or the day it was signed (`Signed | 14 January 2027`).
                Some(c) => cells.get(c).is_some_and(|c| match signed::mark(&c.text) {
                    Some(mark) => mark,
                    None => first_date(&c.text, span_of(&c.text)).is_some(),
                }),
                None => date.is_some(),
            };
        let who_cells: Vec<&str> = cells
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                Some(*i) != signed_col
                    && dates(&c.text, span_of(&c.text)).next().is_none()
                    && first_date(&c.text, span_of(&c.text)).is_none()
            })
            .map(|(_, c)| c.text.as_str())
            .filter(|t| !t.trim().is_empty())
            .collect();
        charter.signatures.push(Signature {
            span: row.span,
            who: Text::new(who_cells.join(", "), row.span),
            signed,
            date,
            side: rd.lookup.names().side_of(&line.text),
        });
    }
}

fn span_of(s: &str) -> Span {
    Span::new(0, s.len())
}

/// A signatures table with a column per party (`| For Corvane | For the Board of
/// Regents |` over rows of `/s/ name`, name and title, `Date: …`; or `| | For the
/// Museum | For Quaytix |` over rows titled `Name`, `Signature`, `Date`): one
/// signature per column, read down it. A column is signed when a cell carries a mark
/// (`/s/ name`, `✓`), the `Signature` row is filled in, or it has a date; a blank
/// column is not. Whether the table was read so (its header names both sides).
fn party_columns(rd: &Reader, rows: &[Block], charter: &mut Charter) -> bool {
    let names = rd.lookup.names();
    let titles = header_cells(rows);
    let sides: Vec<(usize, Side)> = titles
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((i, names.side_of(&t.text)?)))
        .collect();
    let both = sides.iter().any(|(_, s)| *s == Side::Company)
        && sides.iter().any(|(_, s)| *s == Side::Partner);
    if !both || sides.len() != 2 {
        return false;
    }
    for &(col, side) in &sides {
        let Some(title) = titles.get(col) else {
            continue;
        };
        let mut span = title.span;
        let (mut who, mut date, mut marked, mut unsigned) = (Vec::new(), None, false, false);
        for row in rows {
            let Kind::Row {
                cells,
                header: false,
                ..
            } = &row.kind
            else {
                continue;
            };
            let Some(cell) = cells.get(col).filter(|c| c.has_words()) else {
                continue;
            };
            span = span.join(cell.span);
            unsigned |= signed::says_unsigned(&cell.text);
            let row_title = cells.first().filter(|_| col > 0);
            marked |= signed::mark(&cell.text) == Some(true)
                || row_title.is_some_and(|t| signed::names_signature(&t.text));
            match first_date(rd.src, cell.span) {
                Some(d) if date.is_none() => date = Some(d),
                Some(_) => {}
                None => who.push(cell.text.trim()),
            }
        }
        let who = if who.is_empty() {
            title.clone()
        } else {
            Text::new(who.join(", "), span)
        };
        charter.signatures.push(Signature {
            span,
            who,
            signed: !unsigned && (marked || date.is_some()),
            date,
            side: Some(side),
        });
    }
    true
}

#[cfg(test)]
mod tests;
