//! The two sides as a memorandum or agreement names them in its opening: a recital
//! (`This Memorandum is made between Kinloch City Council ("the Council") and the
//! University of Aberlour ("the University")`), a parties clause (`1. Halberd Museum
//! Trust, a registered charity … ("the Museum").`), a `BETWEEN: (1) … and (2) …`
//! block. Each party is named once in full and then by the term it is defined as
//! (`the Council`), and the labels that follow use the term (`For the Council`), so
//! the side keeps both: `Kinloch City Council ("the Council")`, which
//! [`crate::vocab::Names`] reads as the name and a short form of it.
//!
//! The first party named is taken as ours, as a title's first side is (see `title`),
//! unless a side already known says otherwise.

use crate::model::{Meta, Span, Text};
use crate::vocab::defined_term;

/// How far into the body a parties clause is looked for: it comes first, after a
/// title, a reference line and perhaps a particulars table.
const OPENING: usize = 4000;

/// Defined terms that name the document or its parts, not a party.
const NOT_A_PARTY: &[&str] = &[
    "mou",
    "moa",
    "memorandum",
    "agreement",
    "charter",
    "party",
    "parties",
    "effective date",
    "commencement date",
    "partnership",
    "programme",
    "program",
    "project",
    "pilot",
    "services",
    "term",
];

/// Words that join or introduce the parties, set aside before a name.
const LEADING: &[&str] = &["and", "between", "by", "the", "of", "with"];

/// Legal suffixes that end a company's name.
const SUFFIXES: &[&str] = &[
    "limited",
    "ltd",
    "llp",
    "llc",
    "inc",
    "plc",
    "gmbh",
    "corporation",
    "corp",
    "ag",
    "bv",
];

/// Fill the company and partner `meta` lacks from the parties named with defined
/// terms in the opening of `body` (at byte `base`). The opening ends at the first
/// heading that names a section.
pub fn fill_sides(body: &str, base: usize, is_section: impl Fn(&str) -> bool, meta: &mut Meta) {
    if meta.company.is_some() && meta.partner.is_some() {
        return;
    }
    let opening = opening(body, is_section);
    let parties = parties(opening);
    let [a, b] = match parties.as_slice() {
        [a, b, ..] => [a, b],
        _ => return,
    };
    let text = |p: &Party| {
        Text::new(
            format!("{} (\"{}\")", p.name, p.term),
            Span::new(base + p.at, base + p.at + p.len),
        )
    };
    super::sides::place(
        meta,
        (text(a), Some(a.term.as_str())),
        (text(b), Some(b.term.as_str())),
    );
}

/// A party: its name as written, where the name stands in the opening, and the term
/// it is defined as (without `the` and quotes).
#[derive(Debug, PartialEq)]
struct Party {
    name: String,
    at: usize,
    len: usize,
    term: String,
}

/// The body up to the first heading that names a section, at most [`OPENING`] bytes.
fn opening(body: &str, is_section: impl Fn(&str) -> bool) -> &str {
    let mut end = body.len().min(OPENING);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let mut pos = 0;
    let mut prev = "";
    for line in body.get(..end).unwrap_or_default().split_inclusive('\n') {
        let t = line.trim();
        let setext = !t.is_empty() && !prev.is_empty() && t.bytes().all(|b| b == b'=' || b == b'-');
        let heading = if let Some(h) = t.strip_prefix('#') {
            Some(h.trim_start_matches('#').trim())
        } else if setext {
            Some(prev)
        } else {
            None
        };
        if heading.is_some_and(|h| is_section(h.trim_matches('*'))) {
            return body.get(..pos).unwrap_or_default();
        }
        prev = t;
        pos += line.len();
    }
    body.get(..end).unwrap_or_default()
}

/// The parties the opening defines, in order, each once.
fn parties(text: &str) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    // Where the clause naming the next party can start: after the last defined term.
    let mut from = 0;
    let mut search = 0;
    while let Some(i) = text.get(search..).and_then(|t| t.find('(')) {
        let open = search + i;
        let Some(close) = text.get(open..).and_then(|t| t.find(')')).map(|c| open + c) else {
            break;
        };
        search = close + 1;
        let Some(term) = text.get(open + 1..close).and_then(defined_term) else {
            continue;
        };
        let clause_from = from;
        from = close + 1;
        if NOT_A_PARTY.contains(&term.to_lowercase().as_str()) {
            continue;
        }
        let Some((at, name)) = name_before(text, clause_from, open) else {
            continue;
        };
        if out.iter().any(|p| p.term.eq_ignore_ascii_case(term)) {
            continue;
        }
        out.push(Party {
            name: name.to_string(),
            at,
            len: name.len(),
            term: term.to_string(),
        });
        if out.len() == 2 {
            break;
        }
    }
    out
}

/// The party's name in the clause `text[from..to]` before its defined term: the
/// clause's first bold run, or its first words up to a comma or bracket, without the
/// words that introduce it (`between`, `and`, `(1)`, `1.`, `the`). Where the clause
/// starts: after the last line break, `between` or ` and ` before the name.
fn name_before(text: &str, from: usize, to: usize) -> Option<(usize, &str)> {
    let clause = text.get(from..to)?;
    // The clause proper: after the last `between` (`by and between **Corvane…**`).
    let start = clause
        .rfind("between ")
        .or_else(|| clause.rfind("BETWEEN"))
        .map_or(0, |i| i + "between".len());
    // A list or numbered line starts its own clause (`2. Quaytix Limited, …`), as
    // does a table cell (`| Parties | (1) Pebblestone Lettings Limited, …`).
    let start = clause
        .get(start..)
        .and_then(|c| c.trim_end().rfind(['\n', '|']))
        .map_or(start, |i| start + i + 1)
        .max(start);
    let mut rest = clause.get(start..)?;
    loop {
        let before = rest.len();
        rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ':' | ';' | '-' | '—' | '–')
        });
        // List markers and party numbers: `1.`, `(1)`, `-`.
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0
            && rest
                .get(digits..)
                .is_some_and(|r| r.starts_with(['.', ')']))
        {
            rest = rest.get(digits + 1..)?;
        } else if let Some(r) = rest.strip_prefix('(').filter(|r| {
            r.find(')')
                .is_some_and(|c| c <= 3 && r[..c].bytes().all(|b| b.is_ascii_alphanumeric()))
        }) {
            rest = r.get(r.find(')')? + 1..)?;
        }
        let word_end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        let word = rest.get(..word_end)?.trim_matches('*');
        if LEADING.iter().any(|l| word.eq_ignore_ascii_case(l)) && word_end < rest.len() {
            // Keep a bold run's opening marks: `**and Brightwell…**` is still bold.
            let bold = rest.starts_with("**");
            rest = rest.get(word_end..)?.trim_start();
            if bold && !rest.starts_with("**") {
                let at = rest.as_ptr() as usize - text.as_ptr() as usize;
                return bold_or_words(text, at, true);
            }
        }
        if rest.len() == before {
            break;
        }
    }
    let at = rest.as_ptr() as usize - text.as_ptr() as usize;
    bold_or_words(text, at, false)
}

/// The name at byte `at` of `text`: a bold run's content (`open` when its opening
/// marks were already passed), or the words up to a comma, bracket or quote.
fn bold_or_words(text: &str, at: usize, open: bool) -> Option<(usize, &str)> {
    let rest = text.get(at..)?;
    let (at, name) = if let Some(inner) = rest.strip_prefix("**").or(open.then_some(rest)) {
        let skip = rest.len() - inner.len();
        let end = inner.find("**")?;
        (at + skip, inner.get(..end)?)
    } else {
        let end = rest.find([',', '(', '"', '“', '\n']).unwrap_or(rest.len());
        (at, rest.get(..end)?)
    };
    // `the Board of Regents …`: the article is no part of the name.
    let lead = ["the ", "The ", "THE "]
        .iter()
        .find(|p| name.starts_with(**p))
        .map_or(0, |p| p.len());
    let name = name.get(lead..)?.trim();
    let name = name.trim_end_matches([',', '.', ' ', '*']);
    // `ACME WIDGETS LIMITED of 1 High Street`: the address after a legal suffix is not
    // the name.
    let name = name
        .match_indices(' ')
        .find(|&(i, _)| {
            let word = name
                .get(..i)
                .and_then(|h| h.rsplit(' ').next())
                .unwrap_or("");
            SUFFIXES
                .iter()
                .any(|s| word.trim_end_matches('.').eq_ignore_ascii_case(s))
        })
        .map_or(name, |(i, _)| name.get(..i).unwrap_or(name));
    let words = name.split_whitespace().count();
    let ok = (1..=10).contains(&words) && name.starts_with(|c: char| c.is_uppercase());
    ok.then_some((at + lead, name))
}

#[cfg(test)]
mod tests;
