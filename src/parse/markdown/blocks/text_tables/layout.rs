//! The lines of a text table and the columns they are cut at.

/// A line of the body: its start offset and its text without the line ending.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line<'s> {
    pub start: usize,
    pub text: &'s str,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Whether the line may be a rule of any layout: after at most three spaces, two
    /// dashes or `+-`. Most lines are not, and are passed over at once.
    pub fn may_be_rule(&self) -> bool {
        let b = self.text.as_bytes();
        let indent = b.iter().take(3).take_while(|&&c| c == b' ').count();
        matches!(
            (b.get(indent), b.get(indent + 1)),
            (Some(b'-' | b'+'), Some(b'-'))
        )
    }
}

/// The body's lines, at `\n`, `\r\n` or a lone `\r`.
pub(super) fn lines(body: &str) -> Vec<Line<'_>> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The `\n` of a `\r\n`, already passed: it ends no line of its own.
        if i < start {
            continue;
        }
        out.push(Line {
            start,
            text: body.get(start..i).unwrap_or_default(),
        });
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < bytes.len() {
        out.push(Line {
            start,
            text: body.get(start..).unwrap_or_default(),
        });
    }
    out
}

/// A rule's text after its indent (at most three spaces, as for any block), when it is
/// only dashes and spaces and starts with a dash.
fn rule_text(line: &str) -> Option<(usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line.get(indent..)?.trim_end();
    let dashes =
        indent <= 3 && rest.starts_with('-') && rest.bytes().all(|b| b == b'-' || b == b' ');
    dashes.then_some((indent, rest))
}

/// The columns (in characters) of the blanks that part a rule's runs of dashes
/// (`---- ------ ---`: two gaps), when it has two runs or more, none of one dash (a
/// list or a spaced thematic break, `- - -`).
pub(super) fn rule_gaps(line: &str) -> Option<Vec<usize>> {
    let (indent, rest) = rule_text(line)?;
    let gaps: Vec<usize> = rest
        .as_bytes()
        .windows(2)
        .enumerate()
        .filter(|(_, w)| *w == b"- ")
        .map(|(i, _)| indent + i + 1)
        .collect();
    let runs_long = rest
        .split(' ')
        .filter(|r| !r.is_empty())
        .all(|r| r.len() >= 2);
    (!gaps.is_empty() && runs_long).then_some(gaps)
}

/// The columns where a rule's runs of dashes start.
pub(super) fn run_starts(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    (0..b.len())
        .filter(|&i| b[i] == b'-' && (i == 0 || b[i - 1] == b' '))
        .collect()
}

/// Whether a line is one run of dashes, wide enough to be a table's top or bottom
/// rule rather than a thematic break someone typed.
pub(super) fn is_full_rule(line: &str) -> bool {
    rule_text(line).is_some_and(|(_, r)| !r.contains(' ') && r.len() >= 10)
}

/// The byte offsets in `line` of the blanks at columns `gaps` where pipes go, or `None`
/// when text stands in one of them. Gaps past the line's end take no pipe.
pub(super) fn pipes_at(line: &str, gaps: &[usize]) -> Option<Vec<usize>> {
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

/// The columns of a grid rule's `+` marks (`+----+-----+`, or `+====+` with `fill`
/// `=`), when the line is such a rule with two cells or more.
pub(super) fn grid_bounds(line: &str, fill: u8) -> Option<Vec<usize>> {
    let t = line.trim_end();
    let b = t.as_bytes();
    let ok = b.first() == Some(&b'+')
        && b.last() == Some(&b'+')
        && b.iter().all(|&c| c == b'+' || c == fill || c == b':')
        && b.contains(&fill);
    let bounds: Vec<usize> = (0..b.len()).filter(|&i| b[i] == b'+').collect();
    (ok && bounds.len() >= 3).then_some(bounds)
}

/// Whether a line is a grid row for the columns `bounds`: a `|` at each bound.
pub(super) fn is_grid_row(line: &str, bounds: &[usize]) -> bool {
    let mut cols = line.chars().enumerate();
    bounds
        .iter()
        .all(|&b| cols.find(|&(c, _)| c == b).is_some_and(|(_, ch)| ch == '|'))
}

/// The characters of `line` from column `from` to column `to` (exclusive; the line's
/// end when `None`).
pub(super) fn char_range(line: &str, from: usize, to: Option<usize>) -> &str {
    let byte = |col: usize| line.char_indices().nth(col).map_or(line.len(), |(b, _)| b);
    let start = byte(from);
    let end = to.map_or(line.len(), byte).max(start);
    line.get(start..end).unwrap_or_default()
}
