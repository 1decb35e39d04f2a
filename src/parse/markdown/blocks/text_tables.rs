//! Tables laid out in plain text with a dashed rule under the header, as pandoc writes a
//! Word table (its "simple tables") and as people line up columns in a plain-text
//! document:
//!
//! ```text
//!   Metric                 Target        Reviewed
//!   ---------------------- ------------- ----------
//!   Shops live             400           monthly
//! ```
//!
//! To CommonMark that is a paragraph and a thematic break. A pipe is put in the blank
//! column after each run of dashes, on the rule, the header and each row up to the
//! next blank line, in a copy of the body: the table is then a pipe table, and every
//! offset stays the source's. A table whose text crosses a column gap is left alone,
//! and so is pandoc's multiline table (its rows span lines and are parted by blank
//! lines, which a pipe table cannot hold).

/// The body with its text tables written as pipe tables, or `None` when it has none.
pub(super) fn pipe(body: &str) -> Option<String> {
    // A rule has two runs of dashes with a blank between: one search rules most
    // bodies out.
    memchr::memmem::find(body.as_bytes(), b"- -")?;
    let lines: Vec<(usize, &str)> = lines(body).collect();
    let mut out: Option<Vec<u8>> = None;
    for (i, &(_, rule)) in lines.iter().enumerate() {
        let Some(gaps) = rule_gaps(rule) else {
            continue;
        };
        let (Some(&(_, header)), Some(&(_, first))) = (
            i.checked_sub(1).and_then(|h| lines.get(h)),
            lines.get(i + 1),
        ) else {
            continue;
        };
        let above = i.checked_sub(2).and_then(|a| lines.get(a));
        // The header stands alone (a multiline table has a full rule over it).
        if blank(header) || blank(first) || above.is_some_and(|&(_, a)| !blank(a)) {
            continue;
        }
        let end = (i + 1..lines.len())
            .find(|&j| lines.get(j).is_none_or(|&(_, l)| blank(l)))
            .unwrap_or(lines.len());
        let table = lines.get(i - 1..end).unwrap_or_default();
        let places: Option<Vec<Vec<usize>>> =
            table.iter().map(|&(_, l)| pipes_at(l, &gaps)).collect();
        let Some(places) = places else { continue };
        let buf = out.get_or_insert_with(|| body.as_bytes().to_vec());
        for (&(start, _), at) in table.iter().zip(places) {
            for p in at {
                if let Some(b) = buf.get_mut(start + p) {
                    *b = b'|';
                }
            }
        }
    }
    // Only ASCII spaces were replaced, by ASCII pipes: still UTF-8.
    String::from_utf8(out?).ok()
}

/// Each line's start offset and text, without its line ending.
fn lines(body: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    body.split_inclusive('\n').map(move |l| {
        let start = at;
        at += l.len();
        (start, l.trim_end_matches(['\n', '\r']))
    })
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The columns (in characters) of the blanks that part a rule's runs of dashes
/// (`---- ------ ---`: two gaps), when the line is such a rule of two runs or more,
/// indented less than a code block.
fn rule_gaps(line: &str) -> Option<Vec<usize>> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line.get(indent..)?.trim_end();
    if indent > 3 || !rest.starts_with('-') || !rest.bytes().all(|b| b == b'-' || b == b' ') {
        return None;
    }
    let mut gaps = Vec::new();
    let bytes = rest.as_bytes();
    for (i, w) in bytes.windows(2).enumerate() {
        if w == b"- " {
            gaps.push(indent + i + 1);
        }
    }
    // Runs of one dash are a list or a spaced thematic break (`- - -`), not columns.
    let runs_long = rest
        .split(' ')
        .filter(|r| !r.is_empty())
        .all(|r| r.len() >= 2);
    (!gaps.is_empty() && runs_long).then_some(gaps)
}

/// The byte offsets in `line` of the blanks at columns `gaps` where pipes go, or `None`
/// when text stands in one of them. Gaps past the line's end take no pipe.
fn pipes_at(line: &str, gaps: &[usize]) -> Option<Vec<usize>> {
    let mut at = Vec::with_capacity(gaps.len());
    let mut cols = line.char_indices().enumerate();
    for &g in gaps {
        match cols.find(|&(col, _)| col == g) {
            Some((_, (byte, ' '))) => at.push(byte),
            Some(_) => return None,
            None => break,
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::pipe;

    #[test]
    fn a_simple_table_becomes_a_pipe_table_of_the_same_length() {
        let body = "Text.\n\n  Metric      Target   Reviewed\n  ----------- -------- --------\n  Shops live  400      monthly\n  Card share  55%\n\nAfter.\n";
        let out = pipe(body).unwrap();
        assert_eq!(out.len(), body.len());
        assert_eq!(
            out,
            "Text.\n\n  Metric     |Target  |Reviewed\n  -----------|--------|--------\n  Shops live |400     |monthly\n  Card share |55%\n\nAfter.\n"
        );
    }

    #[test]
    fn characters_count_as_columns_not_bytes() {
        let body = "  Party   Name\n  ------- ----------\n  Keel    Tomasz Wróbel\n  Örbit   Ana\n";
        let out = pipe(body).unwrap();
        assert_eq!(
            out,
            "  Party  |Name\n  -------|----------\n  Keel   |Tomasz Wróbel\n  Örbit  |Ana\n"
        );
    }

    #[test]
    fn text_across_a_gap_lists_and_breaks_are_left_alone() {
        assert_eq!(pipe("no tables here\n"), None);
        let crossing = "  A     B\n  ----- -----\n  long text here\n";
        assert_eq!(pipe(crossing), None);
        let breaks = "Para\n- - -\nNext\n";
        assert_eq!(pipe(breaks), None);
        // A multiline table: a full rule over the header.
        let multi = "  ----------------\n  A     B\n  ----- -----\n  x     y\n";
        assert_eq!(pipe(multi), None);
    }
}
