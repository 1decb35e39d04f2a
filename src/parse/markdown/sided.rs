//! One value that names each side's holder of a field under one label: `Executive
//! sponsors: Stackmoor: Daniel Strøm, CEO · Ironhull Cloud: Mei Takahashi, GM`, or a
//! table row `| 16.1 Owners | Clinicly: Amara Nwosu, COO. Fenmore: Gareth Pell, … |`.
//! The label names the role for both sides; each part opens with a side's name and a
//! colon, and is read with the label before it (`Executive sponsors Stackmoor`), as
//! a run-in heading's labels are (`runin`), so the words stay the pack's.

use super::blocks::{Block, Kind};
use crate::model::{Field, Span, Text};
use crate::vocab::{strip_numbering, Names};

/// The label is a few words.
const MAX_HEAD_WORDS: usize = 5;
/// A part's label is a side's name, perhaps with a word or two.
const MAX_NAME_WORDS: usize = 4;

/// The fields of `b` when its value is parts naming both sides under one label:
/// at least two parts, each naming a side and giving a field (`field` reads a label
/// in the section at hand), and the fields not all the same.
pub fn fields<'a>(
    names: &Names,
    b: &Block,
    field: impl Fn(&str) -> Option<&'a str>,
) -> Option<Vec<Field>> {
    let (head, body, at) = match &b.kind {
        Kind::Row { cells, .. } if cells.len() == 2 => {
            let (h, v) = (cells.first()?, cells.get(1)?);
            // Most rows: a value with no colon, aside or possessive has no parts.
            may_have_parts(v.text.as_bytes())?;
            let cell = v.span;
            let at = move |i: usize| (cell.start + i).min(cell.end);
            (
                h.text.as_str(),
                v.text.as_str(),
                Box::new(at) as Box<dyn Fn(usize) -> usize>,
            )
        }
        Kind::Para | Kind::Item { .. } => {
            let t = b.text.as_bytes();
            // Most paragraphs: no colon, or one and no aside or possessive after it,
            // so no label over parts.
            let first = memchr::memchr(b':', t)?;
            let rest = t.get(first + 1..)?;
            may_have_parts(rest)?;
            let head = b.text.get(..first)?;
            let from = first + 1;
            let body = b.text.get(from..)?;
            let at = move |i: usize| b.source_offset(from + i);
            (head, body, Box::new(at) as Box<dyn Fn(usize) -> usize>)
        }
        _ => return None,
    };
    let head = strip_numbering(head.trim().trim_matches(['*', '_']));
    let head = head.trim_end_matches([':', '.']).trim();
    let words = head.split_whitespace().count();
    if words == 0 || words > MAX_HEAD_WORDS || head.contains([':', '.']) {
        return None;
    }
    by_colons(names, head, body, &at, &field).or_else(|| by_asides(names, head, body, &at, &field))
}

/// Whether `role` is a label over both sides' parts (`Executive sponsors`): with a
/// side's name, it names a field.
pub fn is_role<'a>(names: &Names, role: &str, field: impl Fn(&str) -> Option<&'a str>) -> bool {
    let Some(name) = names.full_name(crate::model::Side::Company) else {
        return false;
    };
    key_for(role, name, &field, &mut String::new()).is_some()
}

/// The field of `role` (the label over the parts) for the side `name` names: the pack's
/// labels name one side's holder, the role before or after the side's name
/// (`Executive sponsors Acme`, `Acme owners`), and each with the role in the singular
/// (`owner Acme`).
fn key_for<'a>(
    role: &str,
    name: &str,
    field: &impl Fn(&str) -> Option<&'a str>,
    label: &mut String,
) -> Option<&'a str> {
    let singular = role.strip_suffix('s').filter(|h| !h.ends_with('s'));
    [Some(role), singular]
        .into_iter()
        .flatten()
        .find_map(|role| {
            [(role, name), (name, role)].into_iter().find_map(|(a, b)| {
                label.clear();
                label.push_str(a);
                label.push(' ');
                label.push_str(b);
                field(label)
            })
        })
}

/// Parts that each open with a side's name and a colon (`Acme: Jane Roe · Orbital: …`).
fn by_colons<'a>(
    names: &Names,
    head: &str,
    body: &str,
    at: &dyn Fn(usize) -> usize,
    field: &impl Fn(&str) -> Option<&'a str>,
) -> Option<Vec<Field>> {
    let mut out: Vec<Field> = Vec::new();
    let mut label = String::new();
    for (start, end) in parts(body) {
        let part = body.get(start..end).unwrap_or_default();
        let Some((name, value)) = part.split_once(':') else {
            // A part with no side of its own continues the one before it.
            if let Some(f) = out.last_mut() {
                continue_value(f, part, at(end));
            }
            continue;
        };
        let n = name.split_whitespace().count();
        let side = (1..=MAX_NAME_WORDS)
            .contains(&n)
            .then(|| names.side_of(name.trim()))
            .flatten();
        let key = side.and_then(|_| key_for(head, name.trim(), field, &mut label));
        let Some(key) = key else {
            // The first part must open a side's value; a later one continues.
            continue_value(out.last_mut()?, part, at(end));
            continue;
        };
        let lead = start + (name.len() - name.trim_start().len());
        let colon = start + name.len();
        let vstart = colon + 1 + (value.len() - value.trim_start().len());
        out.push(Field {
            key: key.to_string(),
            label: Text::new(name.trim(), Span::new(at(lead), at(colon))),
            value: Text::new(value.trim(), Span::new(at(vstart).min(at(end)), at(end))),
        });
    }
    both_sides(out)
}

/// A part that continues the field before it, to `end` in the source.
fn continue_value(f: &mut Field, part: &str, end: usize) {
    f.value.text.push(' ');
    f.value.text.push_str(part.trim());
    f.value.span = Span::new(f.value.span.start, end);
}

/// The fields read, when there are two at least and not all the same.
fn both_sides(out: Vec<Field>) -> Option<Vec<Field>> {
    let two = out.len() >= 2 && out.iter().any(|f| f.key != out[0].key);
    two.then_some(out)
}

/// Parts joined by `and` or `;`, each a holder with its side in an aside (`Dana
/// Whitcombe (VP Alliances, Fernhill) and Marek Hruby (Director, Ostrava)`) or
/// opening with its side's possessive (`Fernhill's CRO and Ostrava's VP EMEA`).
fn by_asides<'a>(
    names: &Names,
    head: &str,
    body: &str,
    at: &dyn Fn(usize) -> usize,
    field: &impl Fn(&str) -> Option<&'a str>,
) -> Option<Vec<Field>> {
    let mut out: Vec<Field> = Vec::new();
    let mut label = String::new();
    for (start, end) in and_parts(body) {
        let part = body.get(start..end)?;
        // One sentence only: the paragraph's other sentences are not this label's.
        let t = part.trim_end().trim_end_matches('.');
        if t.match_indices(". ")
            .any(|(i, _)| t.as_bytes().get(i + 2).is_some_and(u8::is_ascii_uppercase))
        {
            return None;
        }
        let name = side_in_aside(names, part).or_else(|| possessive_side(names, part))?;
        let key = key_for(head, name, field, &mut label)?;
        let lead = start + (part.len() - part.trim_start().len());
        let value = part.trim().trim_end_matches('.');
        out.push(Field {
            key: key.to_string(),
            label: {
                // `name` is a piece of `part`: its own place in the source.
                let n = start + (name.as_ptr() as usize - part.as_ptr() as usize);
                Text::new(name, Span::new(at(n), at(n + name.len())))
            },
            value: Text::new(value, Span::new(at(lead), at(lead + value.len()))),
        });
    }
    both_sides(out)
}

/// Where a value may hold sides' parts: a colon, an aside or a possessive (`'s ` or
/// `’s `).
fn may_have_parts(value: &[u8]) -> Option<usize> {
    memchr::memchr2(b':', b'(', value).or_else(|| possessive_at(value))
}

/// Where the first possessive (`'s ` or `’s `) starts.
fn possessive_at(t: &[u8]) -> Option<usize> {
    // `'` is one byte; `’` is E2 80 99.
    memchr::memchr2_iter(b'\'', 0xE2, t).find(|&i| {
        let after = if t[i] == b'\'' { i + 1 } else { i + 3 };
        (t[i] == b'\'' || t.get(i..i + 3) == Some("’".as_bytes()))
            && t.get(after..after + 2) == Some(b"s ")
    })
}

/// The side named in a part's aside: `VP Alliances, Fernhill` names it in its last
/// piece, or all of it does.
fn side_in_aside<'p>(names: &Names, part: &'p str) -> Option<&'p str> {
    let open = part.find('(')?;
    let close = open + part.get(open..)?.find(')')?;
    let aside = part.get(open + 1..close)?;
    let last = aside.rsplit(',').next().unwrap_or(aside).trim();
    [last, aside.trim()].into_iter().find(|n| {
        (1..=MAX_NAME_WORDS).contains(&n.split_whitespace().count()) && names.side_of(n).is_some()
    })
}

/// The side a part opens with in the possessive (`Fernhill's CRO`): the name before
/// the `'s`.
fn possessive_side<'p>(names: &Names, part: &'p str) -> Option<&'p str> {
    let t = part.trim_start();
    let cut = possessive_at(t.as_bytes())?;
    let name = t.get(..cut)?;
    ((1..=MAX_NAME_WORDS).contains(&name.split_whitespace().count())
        && names.side_of(name).is_some())
    .then_some(name)
}

/// The parts of `text` joined by ` and ` or `; ` outside brackets.
fn and_parts(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0, 0);
    while i < b.len() {
        match b[i] {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && b[i..].starts_with(b" and ") => {
                out.push((start, i));
                start = i + " and ".len();
                i = start;
                continue;
            }
            b';' if depth == 0 => {
                out.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push((start, text.len()));
    out.retain(|(s, e)| text.get(*s..*e).is_some_and(|p| !p.trim().is_empty()));
    out
}

/// The parts of `text`: cut at ` · `, `; ` and `. ` before a capital.
fn parts(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let (cut, skip) = if text.get(i..).is_some_and(|t| t.starts_with(" · ")) {
            (true, " · ".len())
        } else if b.get(i) == Some(&b';') && b.get(i + 1) == Some(&b' ') {
            (true, 2)
        } else if b.get(i) == Some(&b'.')
            && b.get(i + 1) == Some(&b' ')
            && b.get(i + 2).is_some_and(u8::is_ascii_uppercase)
        {
            // The full stop stays with the part before it.
            out.push((start, i + 1));
            start = i + 2;
            i += 2;
            continue;
        } else {
            (false, 1)
        };
        if cut {
            out.push((start, i));
            start = i + skip;
        }
        i += skip;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out.retain(|(s, e)| text.get(*s..*e).is_some_and(|p| !p.trim().is_empty()));
    out
}

#[cfg(test)]
mod tests;
