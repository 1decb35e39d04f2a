//! Section headings written as plain lines, as charters pasted from an email or a
//! plain-text document write them: a line in capitals (`1. GOALS`, `WHO DECIDES`), a
//! line wrapped in equals signs (`== Goals ==`), or a short line of its own followed by
//! its content (`What success looks like`).
//!
//! Read cautiously, and only for a charter whose Markdown headings name fewer than two
//! sections (see `collect`): a line becomes a heading when it stands at the start of a
//! paragraph, is a few words with no sentence punctuation, is not one of a run of such
//! lines (a table of contents), and names a section; and only when the charter has at
//! least two such lines naming different sections, so that a stray short line never
//! counts. In a charter that writes its headings in capitals or between `==`, a line in
//! the same style that names nothing is a heading too (`PARTNERSHIP BASICS`), so that
//! its content is not read into the section before it.
//!
//! A numbered line over an underline (`1. GOALS` over `--------`) is a heading to its
//! author, though to CommonMark it is a one-item list and a thematic break (or a
//! paragraph of `=`): it counts when the line is short, stands alone and the underline
//! is about as wide as it, which a separator rule after a real one-item list seldom is.
//!
//! The lines found are rewritten as ATX headings in a copy of the body, and the copy is
//! read instead; [`Shifts`] maps its offsets back to the source.

use crate::vocab::Lookup;

/// A plain line longer than this is a sentence, not a heading.
const MAX_LEN: usize = 80;
/// Words in a capitals or `==` heading, and in a mixed-case one.
const MAX_WORDS: usize = 10;
const MAX_PLAIN_WORDS: usize = 8;

/// The bytes inserted before each line made a heading; a mixed-case line in a charter
/// with a heading style of its own (capitals, `==`, underlines) is a sub-heading under
/// those (`Greenvale gives:` under `2. WHAT EACH SIDE PUTS IN`), so it may be a field.
const MARK: &str = "## ";
const SUB_MARK: &str = "### ";

/// How a line was written as a heading.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    /// `== Goals ==`
    Equals,
    /// `1. GOALS`
    Caps,
    /// `What success looks like`, `Phases:`
    Plain,
    /// `1. Goals` over `--------`
    Underlined,
}

/// A line that may be a heading.
struct Candidate {
    /// Where its text starts in the body (after any `> ` quote markers).
    at: usize,
    /// Where the line ends, before its line break.
    end: usize,
    style: Style,
    /// The section it names, by its index in the vocabulary's key order.
    section: Option<usize>,
    /// It starts with an ordered-list marker (`1.`, `2)`): an underline does not make
    /// it a Setext heading.
    listed: bool,
    /// For an underlined line, its underline (blanked in the rewrite).
    underline: Option<(usize, usize)>,
}

/// Offsets in the rewritten body back to the source body: where bytes were inserted.
#[derive(Debug, Default)]
pub struct Shifts {
    /// Per insertion, in order: its start in the rewritten body, its length, and the
    /// total inserted up to and including it.
    inserts: Vec<(usize, usize, usize)>,
}

impl Shifts {
    /// The source offset of offset `m` in the rewritten body; inside inserted bytes,
    /// the place they were inserted at.
    pub fn map(&self, m: usize) -> usize {
        let i = self.inserts.partition_point(|&(start, _, _)| start <= m);
        let Some(&(start, len, total)) = i.checked_sub(1).and_then(|i| self.inserts.get(i)) else {
            return m;
        };
        if m < start + len {
            start - (total - len)
        } else {
            m - total
        }
    }
}

/// The body with its plain-line headings rewritten as ATX headings, when it has at
/// least two naming different sections; `None` otherwise.
pub fn rewrite(body: &str, lookup: &Lookup<'_>) -> Option<(String, Shifts)> {
    let found = candidates(body, lookup);
    let mut named: Vec<usize> = found.iter().filter_map(|c| c.section).collect();
    named.sort_unstable();
    named.dedup();
    if named.len() < 2 {
        return None;
    }
    // A style used for two or more section headings is the charter's heading style:
    // its lines that name nothing are headings too (mixed-case lines never are).
    let house = |style: Style| {
        style != Style::Plain
            && found
                .iter()
                .filter(|c| c.style == style && c.section.is_some())
                .count()
                >= 2
    };
    let styled = found.iter().any(|c| house(c.style));
    let mut out = String::with_capacity(body.len() + 16 * SUB_MARK.len());
    let mut shifts = Shifts::default();
    let mut copied = 0;
    for c in found
        .iter()
        .filter(|c| c.section.is_some() || house(c.style))
    {
        out.push_str(body.get(copied..c.at)?);
        match c.style {
            // `== Goals ==` → `## Goals ##`: the same length, so no offset moves.
            Style::Equals => {
                let line = body.get(c.at..c.end)?;
                let open = line.len() - line.trim_start_matches('=').len();
                let close = line.len() - line.trim_end_matches('=').len();
                let hashes = |n: usize| "#".repeat(n.min(6)) + &"=".repeat(n.saturating_sub(6));
                out.push_str(&hashes(open));
                out.push_str(line.get(open..line.len() - close)?);
                out.push_str(&"#".repeat(close));
            }
            Style::Caps | Style::Plain | Style::Underlined => {
                let mark = if c.style == Style::Plain && styled {
                    SUB_MARK
                } else {
                    MARK
                };
                shifts.inserts.push((
                    out.len(),
                    mark.len(),
                    shifts.inserts.last().map_or(0, |s| s.2) + mark.len(),
                ));
                out.push_str(mark);
                out.push_str(body.get(c.at..c.end)?);
            }
        }
        copied = c.end;
        // The underline is blank in the copy: under an ATX heading a line of `=` would
        // be a paragraph of its own.
        if let Some((start, end)) = c.underline {
            out.push_str(body.get(copied..start)?);
            out.extend(std::iter::repeat_n(' ', end - start));
            copied = end;
        }
    }
    out.push_str(body.get(copied..)?);
    Some((out, shifts))
}

/// Every line that may be a heading, with the section it names.
fn candidates(body: &str, lookup: &Lookup<'_>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    let mut prev_blank = true;
    // The previous line's candidate, until its content is seen.
    let mut pending: Option<Candidate> = None;
    let mut pos = 0;
    for raw in body.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let (quote, inner) = unquote(line);
        let text = inner.trim();
        if let Some(f) = fence {
            if text.starts_with(f) {
                fence = None;
            }
            prev_blank = false;
            continue;
        }
        if text.starts_with("```") || text.starts_with("~~~") {
            fence = text.get(..3);
            pending = None;
            prev_blank = false;
            continue;
        }
        if text.is_empty() {
            prev_blank = true;
            continue;
        }
        let shape = shape(inner);
        // A candidate stands alone: what follows it is content, not another line naming
        // a section (a table of contents) nor a Setext underline (already a heading,
        // unless the line is a list item's).
        if let Some(p) = pending.take() {
            if is_underline(text) {
                if p.listed && underlines(body.get(p.at..p.end).unwrap_or_default(), text) {
                    let at = start + (line.len() - line.trim_start().len());
                    out.push(Candidate {
                        style: Style::Underlined,
                        underline: Some((at, at + text.len())),
                        ..p
                    });
                }
            } else {
                let run = shape.is_some_and(|(_, name)| section_index(lookup, name).is_some());
                // Under a heading, a line indented four spaces would start a code block:
                // a mixed-case line over indented content (`Greenvale gives:` over its
                // indented items) stays a paragraph, its label read with its content.
                let coded = p.style == Style::Plain && inner.len() - inner.trim_start().len() >= 4;
                if !run && !coded && p.style != Style::Underlined {
                    out.push(p);
                }
            }
        }
        if prev_blank && inner.len() - inner.trim_start().len() < 4 {
            let listed = listed(inner);
            // A mixed-case numbered line is a heading only if an underline follows.
            if let Some((style, name)) = shape.or(listed.map(|n| (Style::Underlined, n))) {
                let at = start + quote + (inner.len() - inner.trim_start().len());
                pending = Some(Candidate {
                    at,
                    end: start + line.trim_end().len(),
                    style,
                    section: section_index(lookup, name),
                    listed: listed.is_some(),
                    underline: None,
                });
            }
        }
        prev_blank = false;
    }
    out
}

/// The index of the section a heading names, in the vocabulary's key order.
fn section_index(lookup: &Lookup<'_>, name: &str) -> Option<usize> {
    let (key, _) = lookup.heading_for(name)?;
    lookup.vocab().section_keys().position(|k| k == key)
}

/// A line without its blockquote markers (`> `, `>> `), and their length.
pub(super) fn unquote(line: &str) -> (usize, &str) {
    let mut rest = line;
    loop {
        let t = rest.trim_start_matches(' ');
        if rest.len() - t.len() > 3 {
            break;
        }
        match t.strip_prefix('>') {
            Some(r) => rest = r.strip_prefix(' ').unwrap_or(r),
            None => break,
        }
    }
    (line.len() - rest.len(), rest)
}

/// A Setext underline: `===` or `---` alone.
fn is_underline(text: &str) -> bool {
    !text.is_empty() && (text.bytes().all(|b| b == b'=') || text.bytes().all(|b| b == b'-'))
}

/// Whether `rule` (a line of `-` or `=`) underlines `heading`: about as wide, as a
/// plain-text author draws it, where a separator rule is a short `---` or a full line.
fn underlines(heading: &str, rule: &str) -> bool {
    let width = heading.trim().chars().count();
    rule.len() >= 3 && rule.len() * 2 >= width && rule.len() <= width * 2
}

/// A short line that CommonMark reads as an ordered list's item (`1. GOALS`,
/// `2) Who decides`), with no sentence punctuation: the heading it may be, or `None`.
fn listed(inner: &str) -> Option<&str> {
    let text = inner.trim();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text.get(digits..)?.strip_prefix(['.', ')'])?;
    if !(1..=3).contains(&digits) || !rest.starts_with(' ') {
        return None;
    }
    let words = rest.split_whitespace().count();
    let heading_like = text.len() <= MAX_LEN
        && (1..=MAX_WORDS).contains(&words)
        && !text.ends_with(['.', ',', ';', '!', ':'])
        && !text.contains(['|', '@']);
    heading_like.then_some(text)
}

/// How a line would be written as a heading, and its name (for `== Goals ==`, `Goals`;
/// for `Phases:`, `Phases`); `None` when it reads as anything else.
fn shape(inner: &str) -> Option<(Style, &str)> {
    let text = inner.trim();
    if text.len() > MAX_LEN {
        return None;
    }
    if text.starts_with("==") && text.ends_with("==") {
        let name = text.trim_matches('=').trim();
        return (!name.is_empty() && !name.contains('=')).then_some((Style::Equals, name));
    }
    // Markdown of its own: a heading, item, table row, quote, HTML, code or link line.
    if text.starts_with([
        '#', '|', '<', '`', '>', '[', '!', '-', '*', '+', '_', '=', '(',
    ]) {
        return None;
    }
    let name = text.strip_suffix(':').unwrap_or(text).trim_end();
    // Sentence punctuation ends a sentence or a greeting (`Dear Martina,`); a colon
    // inside is a label (`Partner: Orbital`); a pipe a signature block's line.
    if name.ends_with(['.', ',', ';', '!', ')'])
        || name.contains([':', '|', '@'])
        || name.split_whitespace().count() > MAX_WORDS
    {
        return None;
    }
    let mut letters = name.chars().filter(|c| c.is_alphabetic());
    let first = name.chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return None;
    }
    if letters.clone().count() >= 3 && letters.all(|c| !c.is_lowercase()) {
        return Some((Style::Caps, name));
    }
    // A mixed-case line is fewer words, and not a list item (`1. Goals` may be one).
    let numbered = name.bytes().take_while(u8::is_ascii_digit).count();
    if numbered > 0 && name[numbered..].starts_with(['.', ')']) {
        return None;
    }
    (name.split_whitespace().count() <= MAX_PLAIN_WORDS).then_some((Style::Plain, name))
}

#[cfg(test)]
mod tests;
