//! Tables read by their columns: a column per field (`| Vantor puts in | Plume puts in |`,
//! one side's list down each column), and the row of a party × attribute matrix whose
//! title names a field on its own (`| Partner manager | Jonas Lind | — |`).

use super::blocks::{Block, Kind};
use super::label::{field_of, Reader};
use crate::model::{Field, Section, Span, Text};

/// Read `rows` as a column per field when every header cell names a field of its own
/// and no two the same; whether it did. Each column's cells, top to bottom, are its
/// field's value, one per line.
pub fn per_field(
    rd: &Reader,
    rows: &[Block],
    titles: &[Text],
    columns: &[(Option<&str>, Option<usize>)],
    sec: &mut Section,
) -> bool {
    let named = || columns.iter().map(|(f, _)| *f);
    if titles.len() < 2 || named().any(|f| f.is_none()) {
        return false;
    }
    for (i, a) in named().enumerate() {
        if named().skip(i + 1).any(|b| b == a) {
            return false;
        }
    }
    for (c, (title, key)) in titles.iter().zip(named()).enumerate() {
        let Some(key) = key else { continue };
        let mut text = String::new();
        let mut span: Option<Span> = None;
        for row in rows.iter().skip(1) {
            let Kind::Row { cells, .. } = &row.kind else {
                continue;
            };
            let Some(cell) = cells.get(c).filter(|t| t.has_words()) else {
                continue;
            };
            // `Loses: …` under `Keel`: the column's side with the cell's label names
            // another field of that side.
            if let Some(field) = labelled_cell(rd, &sec.key, title, cell).filter(|f| f.key != key) {
                sec.fields.push(field);
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&cell.text);
            span = Some(span.map_or(cell.span, |s| s.join(cell.span)));
        }
        sec.fields.push(Field {
            key: key.to_string(),
            label: title.clone(),
            value: Text::new(text, span.unwrap_or(Span::empty(title.span.end))),
        });
    }
    true
}

/// A cell that opens with a label naming, after its column's title, a field of its own
/// (`Loses:` under `Keel` is `Keel loses`): that field, its value the rest of the cell.
fn labelled_cell(rd: &Reader, section: &str, title: &Text, cell: &Text) -> Option<Field> {
    let (label, value) = cell.text.split_once(':')?;
    let label = label.trim();
    if label.is_empty() || super::label::too_many_words(label) || !title.has_words() {
        return None;
    }
    let key = field_of(rd, section, &format!("{} {label}", title.text.trim()))?;
    Some(Field {
        key: key.to_string(),
        label: Text::new(label, cell.span),
        value: Text::new(value.trim(), cell.span),
    })
}

/// The field of a matrix row (three columns or more) whose first cell names a field
/// on its own: its value is the row's other cells that say something, joined.
pub fn row_alone(rd: &Reader, section: &str, titles: &[Text], cells: &[Text]) -> Option<Field> {
    let (title, values) = cells.split_first()?;
    if titles.len() < 3 || !title.has_words() {
        return None;
    }
    let key = field_of(rd, section, &title.text)?;
    let mut said = values.iter().filter(|v| v.has_words());
    let first = said.next()?;
    let mut value = first.clone();
    for v in said {
        value.text.push_str("; ");
        value.text.push_str(&v.text);
        value.span = value.span.join(v.span);
    }
    Some(Field {
        key: key.to_string(),
        label: title.clone(),
        value,
    })
}
