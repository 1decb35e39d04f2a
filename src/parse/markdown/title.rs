//! The two sides named in a charter's title (`Keel × Orbital: partnership charter`,
//! `BIRCH ANALYTICS / KETTLE FOODS — JOINT PILOT`, `Partnership charter: Acme and
//! Orbital`), for charters that name them nowhere else. Without names, labels such as
//! `Birch:` or `Kettle puts in` cannot be told apart; with them they read as the sides.
//!
//! The first side named is taken as ours, unless a side already known says otherwise:
//! a title is written by one side, and it puts itself first far more often than not.

use crate::model::{Meta, Span, Text};

/// Separators between the two sides, spaced so that `Hewlett-Packard` stays one name;
/// the strongest first.
const BETWEEN: &[&str] = &[
    " × ", " x ", " X ", " + ", " / ", " ⟷ ", " ↔ ", " <> ", " and ", " And ", " AND ", " & ",
    " with ", " With ", " WITH ", " vs ",
];

/// Where a title's description starts or ends (`: partnership charter`, ` — joint pilot`).
const DESCRIPTION: &[&str] = &[": ", " — ", " – ", " - ", " | ", " (", ")", ", "];

/// Words that describe the document rather than name a side, set aside at either end.
const DOCUMENT_WORDS: &[&str] = &[
    "partnership",
    "partner",
    "charter",
    "agreement",
    "alliance",
    "pilot",
    "joint",
    "program",
    "programme",
    "mou",
    "memo",
    "memorandum",
    "of",
    "understanding",
    "plan",
    "proposal",
    "draft",
    "the",
    "for",
    "between",
    "a",
    "an",
    "integration",
    "collaboration",
    "co-sell",
    "reseller",
    "referral",
    "strategic",
    "heads",
    "terms",
    "okr",
    "okrs",
];

/// Words that open a title naming only the side the charter is written with
/// (`Partner with Kestrel Maps`, `Integrating with Orbital`): the writer's own side
/// goes unnamed.
const WITH_VERBS: &[&str] = &[
    "partner",
    "partnering",
    "partnership",
    "integrate",
    "integrating",
    "work",
    "working",
    "co-sell",
    "co-selling",
    "collaborate",
    "collaborating",
    "team",
    "teaming",
    "join",
    "joining",
    "launch",
    "launching",
    "pilot",
    "piloting",
];

/// Words that start a title's purpose after a name (`Kestrel Maps for offline
/// routing`): the name ends before them.
const PURPOSE: &[&str] = &["for", "to"];

/// Fill the company and partner `meta` lacks from the title of `body` (at byte
/// `base`). Names that name a section (`# Goals & Objectives`) are no sides. A title
/// that names only the side it is written with (`Partner with Kestrel Maps`) gives the
/// partner alone: the other side is left for the rest of the document to name.
pub fn fill_sides(body: &str, base: usize, is_section: impl Fn(&str) -> bool, meta: &mut Meta) {
    if meta.company.is_some() && meta.partner.is_some() {
        return;
    }
    let at = |s: &str| base + (s.as_ptr() as usize - body.as_ptr() as usize);
    let text = |s: &str| Text::new(s, Span::new(at(s), at(s) + s.len()));
    if let Some((a, b)) = sides(body, &is_section) {
        super::sides::place(meta, (text(a), None), (text(b), None));
        return;
    }
    let Some(p) = first_heading(body)
        .and_then(partner_only)
        .filter(|p| !is_section(p))
    else {
        return;
    };
    let known = crate::vocab::Names::new(meta.company.as_ref().map(|t| t.text.as_str()), None);
    if meta.partner.is_none() && known.side_of(p).is_none() {
        meta.partner = Some(text(p));
    }
}

/// The sides a front-matter title names (`title: "Charter: Acme and Orbital"`), where
/// the body names none. Its span is the value's; a quoted or folded value is not the
/// source byte for byte, and then both names point at the whole value.
pub fn fill_sides_from(title: &Text, is_section: impl Fn(&str) -> bool, meta: &mut Meta) {
    if meta.company.is_some() && meta.partner.is_some() {
        return;
    }
    let Some((a, b)) = title_sides(&title.text).filter(|(a, b)| !is_section(a) && !is_section(b))
    else {
        return;
    };
    let exact = title.span.len() == title.text.len();
    let text = |s: &str| {
        let at = s.as_ptr() as usize - title.text.as_ptr() as usize;
        let span = if exact {
            Span::new(title.span.start + at, title.span.start + at + s.len())
        } else {
            title.span
        };
        Text::new(s, span)
    };
    super::sides::place(meta, (text(a), None), (text(b), None));
}

/// The side a title names after a verb and `with` (`PDR-014: Partner with Kestrel Maps
/// for offline routing`): every word before `with` is a verb of partnering, a word
/// for the document or a document id.
fn partner_only(title: &str) -> Option<&str> {
    let (before, after) = [" with ", " With "]
        .iter()
        .find_map(|sep| title.split_once(sep))?;
    // Only the part after the last description mark is the sentence (`PDR-014: …`).
    let before = DESCRIPTION
        .iter()
        .filter_map(|d| before.rfind(d).map(|i| i + d.len()))
        .max()
        .and_then(|i| before.get(i..))
        .unwrap_or(before);
    let verbish = |w: &str| WITH_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v)) || is_doc_word(w);
    let mut words: Vec<&str> = before.split_whitespace().collect();
    if let Some(first) = words.first().copied() {
        if is_doc_id(first.trim_end_matches(':'), words.get(1).copied()) {
            words.remove(0);
        }
    }
    if words.is_empty() || !words.iter().all(|w| verbish(w)) {
        return None;
    }
    let end = DESCRIPTION
        .iter()
        .filter_map(|d| after.find(d))
        .min()
        .unwrap_or(after.len());
    name(after.get(..end)?)
}

/// Whether a word describes the document rather than names a side. A slide or clause
/// number (`01 / Lumarq`, `3.`) is no part of a name either, nor a draft's version
/// (`charter v2`).
fn is_doc_word(w: &str) -> bool {
    DOCUMENT_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
        || w.chars().all(|c| c.is_ascii_digit() || c == '.')
        || w.strip_prefix(['v', 'V'])
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// Whether `word` (with the word after it, `next`) is a document's id rather than a
/// name: `PDR-014`, `RFC-12`, `JIRA-123`, or capitals before a number (`ADR 7`).
fn is_doc_id(word: &str, next: Option<&str>) -> bool {
    let caps = |t: &str| t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase());
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    // A year after capitals is a date (`IBM 2027 partnership`), not a number.
    let year = |t: &str| t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
    match word.split_once('-') {
        Some((a, n)) => caps(a) && digits(n),
        None => caps(word) && next.is_some_and(|n| digits(n) && !year(n)),
    }
}

/// The two names a title gives, in its order, as slices of `body`; names that name a
/// section (`# Goals & Objectives`) are not sides.
pub fn sides(body: &str, is_section: impl Fn(&str) -> bool) -> Option<(&str, &str)> {
    let title = first_heading(body)?;
    let mail = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .is_some_and(is_mail_header);
    title_sides(title)
        .or_else(|| mail.then(|| senders(body)).flatten())
        .filter(|(a, b)| !is_section(a) && !is_section(b))
}

/// The two names a title names.
fn title_sides(title: &str) -> Option<(&str, &str)> {
    // The part before the description, or after it (`Partnership charter: Acme and Orbital`).
    let mut parts = vec![title];
    for sep in DESCRIPTION {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    BETWEEN
        .iter()
        .find_map(|sep| {
            parts
                .iter()
                .find_map(|p| split_two(p, sep))
                .or_else(|| split_two(title, sep))
        })
        .or_else(|| {
            // Any lone symbol between two names (`Tallyho 🤝 Pebble Pay`, `A ⇄ B`).
            parts.iter().find_map(|p| {
                let symbol = p.split_whitespace().find(|w| {
                    !w.chars().any(char::is_alphanumeric)
                        && !matches!(*w, "-" | "–" | "—" | "|" | ":")
                })?;
                let at = p.find(&format!(" {symbol} "))?;
                let (a, b) = (p.get(..at)?, p.get(at + symbol.len() + 2..)?);
                let (a, b) = (name(a)?, name(b)?);
                (!a.eq_ignore_ascii_case(b)).then_some((a, b))
            })
        })
}

/// The sides named by the organisations of a block of mail headers, when its subject
/// names no pair: `From: Callum Reid, Damplock` / `To: Martina Osei, Pebblecrest Home
/// Insurance`, the sender's first. Only lines inside a block of headers count.
fn senders(body: &str) -> Option<(&str, &str)> {
    fn org(value: &str) -> Option<&str> {
        value.rsplit_once(", ").and_then(|(_, o)| name(o))
    }
    let mut block: Vec<(&str, &str)> = Vec::new();
    for line in body.lines().map(str::trim).chain([""]) {
        if let Some(h) = header(line) {
            block.push(h);
            continue;
        }
        let find = |n: &str| {
            block
                .iter()
                .find(|(h, _)| *h == n)
                .and_then(|(_, v)| org(v))
        };
        if let (Some(a), Some(b)) = (find("from"), find("to")) {
            if !a.eq_ignore_ascii_case(b) {
                return Some((a, b));
            }
        }
        block.clear();
    }
    None
}

/// `A <sep> B` with both sides plausible names.
fn split_two<'a>(text: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let mut it = text.split(sep);
    let (a, b) = (it.next()?, it.next()?);
    if it.next().is_some() {
        return None;
    }
    let (a, b) = (name(a)?, name(b)?);
    (!a.eq_ignore_ascii_case(b)).then_some((a, b))
}

/// A side's name without the document words around it: one to five words, starting
/// with a capital letter or digit.
fn name(text: &str) -> Option<&str> {
    // Emphasis, quotes and the emoji a heading may lead with are not the name.
    let decoration = |c: char| !(c.is_alphanumeric() || matches!(c, '&' | '.' | '\'' | '’'));
    let mut words: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        let tail = rest.get(start..)?;
        let len = tail.find(char::is_whitespace).unwrap_or(tail.len());
        let word = tail.get(..len)?.trim_matches(decoration);
        if !word.is_empty() {
            words.push(word);
        }
        rest = tail.get(len..)?;
    }
    // A document id (`PDR-014`, `ADR 7`) opens a title, never a name.
    if let Some(first) = words.first().copied() {
        if is_doc_id(first, words.get(1).copied()) {
            words.remove(0);
        }
    }
    // A purpose after the name (`Kestrel Maps for offline routing`) is not part of it.
    if let Some(cut) = words.iter().enumerate().position(|(i, w)| {
        PURPOSE.contains(w)
            && words
                .get(..i)
                .is_some_and(|b| b.iter().any(|w| !is_doc_word(w)))
    }) {
        words.truncate(cut);
    }
    // A verb of partnering is no name either (`Integrating with Orbital`).
    let doc = |w: &&str| is_doc_word(w) || WITH_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v));
    let start = words.iter().position(|w| !doc(w))?;
    let end = words.iter().rposition(|w| !doc(w))?;
    let (first, last) = (words.get(start)?, words.get(end)?);
    if end + 1 - start > 5 || !first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    // The slice of `text` from the first kept word to the end of the last.
    let from = first.as_ptr() as usize - text.as_ptr() as usize;
    let to = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
    text.get(from..to).filter(|n| !n.contains(" / "))
}

/// The text of the body's first heading: ATX (`# …`), Setext (a line underlined with
/// `===` or `---`) or a bold line standing alone (`**…**`). Only the first non-blank
/// line is looked at: a title comes first. A charter pasted from an email has none;
/// there the subject of its mail headers is the title.
fn first_heading(body: &str) -> Option<&str> {
    let mut lines = body
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim());
    // HTML comments before the title are not its first line (Marp's `<!-- theme: … -->`
    // directives, an editor's note).
    let mut comment = false;
    let first = lines.find(|l| {
        let opens = !comment && l.starts_with("<!--");
        if opens || comment {
            comment = !l.contains("-->");
            return false;
        }
        !l.is_empty()
    })?;
    if is_mail_header(first) {
        return Some(subject(body).unwrap_or(""));
    }
    if let Some(rest) = first.strip_prefix('#') {
        return Some(
            rest.trim_start_matches('#')
                .trim()
                .trim_end_matches('#')
                .trim(),
        );
    }
    if let Some(inner) = first.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
        return Some(inner.trim());
    }
    let under = lines.next()?;
    let setext =
        !under.is_empty() && (under.bytes().all(|b| b == b'=') || under.bytes().all(|b| b == b'-'));
    setext.then_some(first)
}

/// Mail header names, as `From:` or Outlook's bold `**From:**`.
const MAIL_HEADERS: &[&str] = &["from", "to", "cc", "date", "sent", "subject"];

/// Reply and forward marks before a subject (`Re: Re: FW: …`).
const REPLY_MARKS: &[&str] = &["re", "fw", "fwd", "aw", "wg", "tr", "sv"];

/// Whether a line is a mail header (`From: …`, `**Subject:** …`).
fn is_mail_header(line: &str) -> bool {
    header(line).is_some()
}

/// A mail header line's name (lowercased against [`MAIL_HEADERS`]) and value.
fn header(line: &str) -> Option<(&'static str, &str)> {
    let line = line
        .trim_start_matches('>')
        .trim_start()
        .trim_start_matches("**");
    let (name, value) = line.split_once(':')?;
    let known = MAIL_HEADERS
        .iter()
        .find(|h| name.trim().eq_ignore_ascii_case(h))?;
    Some((known, value.trim_start_matches("**").trim()))
}

/// The subject of the first block of mail headers at the top of `body`, without its
/// reply and forward marks.
fn subject(body: &str) -> Option<&str> {
    let value = body
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| is_mail_header(l))
        .find_map(|l| header(l).filter(|(name, _)| *name == "subject"))?
        .1;
    let mut rest = value;
    while let Some((mark, tail)) = rest.split_once(':') {
        if !REPLY_MARKS
            .iter()
            .any(|m| mark.trim().eq_ignore_ascii_case(m))
        {
            break;
        }
        rest = tail.trim_start();
    }
    Some(rest.trim())
}

#[cfg(test)]
mod tests;
