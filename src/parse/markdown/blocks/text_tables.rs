//! Tables laid out in plain text, as pandoc writes a Word table and as people line up
//! columns in a plain-text document, read as pipe tables:
//!
//! ```text
//!   Metric                 Target        Reviewed      a simple table: a header
//!   ---------------------- ------------- ----------    over a rule of dash runs
//!   Shops live             400           monthly
//! ```
//!
//! pandoc's multiline table (a full rule over the header and under the last row, rows
//! spanning lines and parted by blank lines) and its grid table (`+---+---+` rules,
//! `|` between cells, `+===+` under the header) are read too. To CommonMark each is
//! paragraphs and thematic breaks.
//!
//! The table is rewritten in a copy of the body, byte for byte in length, so that every
//! offset outside it stays the source's: a simple table gets a pipe in the blank column
//! after each run of dashes; a row that spans lines is written as one pipe row where it
//! starts, its cells' lines joined, and padded with spaces to where the next row starts.
//! A table whose text crosses a column gap, or whose row does not fit, is left alone.

mod layout;

use memchr::memmem::Finder;
use std::sync::LazyLock;

use layout::{char_range, Line};

/// The body with its text tables written as pipe tables, or `None` when it has none.
pub(super) fn pipe(body: &str) -> Option<String> {
    if !may_hold_rule(body.as_bytes()) {
        return None;
    }
    let bytes = body.as_bytes();
    let lines = layout::lines(body);
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < lines.len() {
        let found = grid(&lines, i)
            .or_else(|| multiline(&lines, i))
            .or_else(|| simple(&lines, i));
        match found {
            Some((next, edits)) => {
                let buf = out.get_or_insert_with(|| bytes.to_vec());
                for (at, b) in edits {
                    if let Some(slot) = buf.get_mut(at) {
                        *slot = b;
                    }
                }
                i = next;
            }
            None => i += 1,
        }
    }
    // Only ASCII bytes were written, over whole lines or ASCII spaces: still UTF-8.
    String::from_utf8(out?).ok()
}

/// Whether a line of `body` opens as every layout's rule does, with two dashes (after
/// at most three spaces, or after a grid's `+`): found by searching for the dashes,
/// with a searcher built once, and looking back to the start of their line; most
/// bodies have none (`<!--` is not one).
fn may_hold_rule(body: &[u8]) -> bool {
    static DASHES: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"--"));
    let mut from = 0;
    while let Some(at) = body
        .get(from..)
        .and_then(|b| DASHES.find(b))
        .map(|i| from + i)
    {
        let start = memchr::memrchr2(b'\n', b'\r', &body[..at]).map_or(0, |i| i + 1);
        let line = &body[start..];
        let indent = line.iter().take(3).take_while(|&&c| c == b' ').count();
        if at == start + indent || (at == start + indent + 1 && line.get(indent) == Some(&b'+')) {
            return true;
        }
        // One look per line: the rest of this one (a pipe table's `|---|---|`) is
        // passed over.
        match memchr::memchr2(b'\n', b'\r', &body[at..]) {
            Some(i) => from = at + i + 1,
            None => return false,
        }
    }
    false
}

/// Byte edits to the body: (offset, new byte).
type Edits = Vec<(usize, u8)>;

/// A simple table whose header is line `i`: the line after the table and the edits.
fn simple(lines: &[Line], i: usize) -> Option<(usize, Edits)> {
    let header = lines.get(i)?;
    let rule = lines.get(i + 1).filter(|l| l.may_be_rule())?;
    let gaps = layout::rule_gaps(rule.text)?;
    let first = lines.get(i + 2)?;
    let above_blank = i.checked_sub(1).is_none_or(|a| lines[a].is_blank());
    if header.is_blank() || first.is_blank() || !above_blank {
        return None;
    }
    let end = (i + 2..lines.len())
        .find(|&j| lines[j].is_blank())
        .unwrap_or(lines.len());
    let mut edits = Edits::new();
    for line in lines.get(i..end)? {
        for at in layout::pipes_at(line.text, &gaps)? {
            edits.push((line.start + at, b'|'));
        }
    }
    Some((end, edits))
}

/// A multiline table whose top rule is line `i`.
fn multiline(lines: &[Line], i: usize) -> Option<(usize, Edits)> {
    if !lines.get(i)?.may_be_rule() || !layout::is_full_rule(lines.get(i)?.text) {
        return None;
    }
    // The header's lines, then the rule that sets the columns.
    let rule_at =
        (i + 2..(i + 6).min(lines.len())).find(|&j| layout::rule_gaps(lines[j].text).is_some())?;
    let rule = &lines[rule_at];
    let header = lines.get(i + 1..rule_at)?;
    if header.iter().any(Line::is_blank) {
        return None;
    }
    let bottom = (rule_at + 1..lines.len())
        .take(400)
        .find(|&j| layout::is_full_rule(lines[j].text))?;
    let starts = layout::run_starts(rule.text);
    let mut edits = Edits::new();
    blank_line(&lines[i], &mut edits);
    write_row(header, &starts, text_end(lines, rule_at - 1)?, &mut edits)?;
    for at in layout::pipes_at(rule.text, &layout::rule_gaps(rule.text)?)? {
        edits.push((rule.start + at, b'|'));
    }
    // Each row: its lines up to a blank line; the blank line is padding of the row.
    let mut j = rule_at + 1;
    while j < bottom {
        if lines[j].is_blank() {
            j += 1;
            continue;
        }
        let end = (j..bottom).find(|&k| lines[k].is_blank()).unwrap_or(bottom);
        let next = (end..bottom)
            .find(|&k| !lines[k].is_blank())
            .unwrap_or(bottom);
        let row = lines.get(j..end)?;
        write_row(row, &starts, text_end(lines, next - 1)?, &mut edits)?;
        j = next;
    }
    blank_line(&lines[bottom], &mut edits);
    Some((bottom + 1, edits))
}

/// A grid table whose top rule is line `i`; one without a header (`+===+`) is left
/// alone, as a pipe table needs one.
fn grid(lines: &[Line], i: usize) -> Option<(usize, Edits)> {
    let top = lines.get(i).filter(|l| l.text.starts_with('+'))?;
    let bounds = layout::grid_bounds(top.text, b'-')?;
    let mut rules = vec![i];
    let mut j = i + 1;
    while let Some(line) = lines.get(j) {
        if layout::grid_bounds(line.text, b'-').as_ref() == Some(&bounds)
            || layout::grid_bounds(line.text, b'=').as_ref() == Some(&bounds)
        {
            rules.push(j);
        } else if !layout::is_grid_row(line.text, &bounds) {
            break;
        }
        j += 1;
    }
    let header_rule = *rules
        .iter()
        .find(|&&r| layout::grid_bounds(lines[r].text, b'=').is_some())?;
    let last = *rules.last()?;
    if rules.len() < 3 || last + 1 != j || header_rule == i || header_rule == last {
        return None;
    }
    let starts: Vec<usize> = bounds.iter().map(|b| b + 1).collect();
    let mut edits = Edits::new();
    blank_line(top, &mut edits);
    for pair in rules.windows(2) {
        let (from, to) = (pair[0] + 1, pair[1]);
        let row = lines.get(from..to)?;
        if row.is_empty() {
            return None;
        }
        // The header's row ends where its `+===+` rule starts; any other row runs on
        // over the rule after it, to where the next row starts.
        let keep_from = if to == header_rule || to == last {
            text_end(lines, to - 1)?
        } else {
            text_end(lines, to)?
        };
        write_row(row, &starts[..starts.len() - 1], keep_from, &mut edits)?;
        if to == header_rule {
            let rule = &lines[to];
            for (k, b) in rule.text.bytes().enumerate() {
                let new = match b {
                    b'+' => b'|',
                    b'=' | b':' => b'-',
                    other => other,
                };
                edits.push((rule.start + k, new));
            }
        }
    }
    blank_line(&lines[last], &mut edits);
    Some((last + 1, edits))
}

/// Where line `k`'s text ends, before its line ending: a row written up to there keeps
/// that ending as its own.
fn text_end(lines: &[Line], k: usize) -> Option<usize> {
    lines.get(k).map(|l| l.start + l.text.len())
}

/// A line's text replaced by spaces: a blank line, which ends or opens a table.
fn blank_line(line: &Line, edits: &mut Edits) {
    edits.extend((line.start..line.start + line.text.len()).map(|at| (at, b' ')));
}

/// Write the cells of `row` (its lines cut at the columns `starts`, each cell's lines
/// joined) as one pipe row from the row's start, padded with spaces up to `keep_from`,
/// where the line ending it keeps starts. `None` when it does not fit.
fn write_row(row: &[Line], starts: &[usize], keep_from: usize, edits: &mut Edits) -> Option<()> {
    let first = row.first()?;
    let mut cells: Vec<String> = vec![String::new(); starts.len()];
    for line in row {
        for (c, cell) in cells.iter_mut().enumerate() {
            let to = starts.get(c + 1).map(|&s| s.saturating_sub(1));
            let piece = char_range(line.text, starts[c], to);
            let piece = piece.trim().trim_matches('|').trim();
            if !piece.is_empty() {
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(piece);
            }
        }
    }
    // Cells parted by bare pipes, with a pipe at an end only for an empty cell there
    // (GFM takes a lone leading pipe as decoration): a header written on one line has
    // only its column gaps to spare.
    let mut text = cells
        .iter()
        .map(|c| c.replace('|', "/"))
        .collect::<Vec<_>>()
        .join("|");
    if cells.first().is_some_and(String::is_empty) {
        text.insert(0, '|');
    }
    if cells.len() > 1 && cells.last().is_some_and(String::is_empty) {
        text.push('|');
    }
    if text.len() > keep_from.checked_sub(first.start)? {
        return None;
    }
    let bytes = text.as_bytes();
    for (k, at) in (first.start..keep_from).enumerate() {
        edits.push((at, bytes.get(k).copied().unwrap_or(b' ')));
    }
    Some(())
}

#[cfg(test)]
mod tests;
