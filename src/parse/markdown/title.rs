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

/// Fill the company and partner `meta` lacks from the title of `body` (at byte
/// `base`). Names that name a section (`# Goals & Objectives`) are no sides.
pub fn fill_sides(body: &str, base: usize, is_section: impl Fn(&str) -> bool, meta: &mut Meta) {
    if meta.company.is_some() && meta.partner.is_some() {
        return;
    }
    let Some((a, b)) = sides(body, is_section) else {
        return;
    };
    let at = |s: &str| base + (s.as_ptr() as usize - body.as_ptr() as usize);
    let text = |s: &str| Text::new(s, Span::new(at(s), at(s) + s.len()));
    super::sides::place(meta, (text(a), None), (text(b), None));
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
    // A slide or clause number (`01 / Lumarq`, `3.`) is no part of a name either.
    // Nor is a draft's version (`charter v2`).
    let doc = |w: &&str| {
        DOCUMENT_WORDS.contains(&w.to_lowercase().as_str())
            || w.chars().all(|c| c.is_ascii_digit() || c == '.')
            || w.strip_prefix(['v', 'V'])
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
    };
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
mod tests {
    use super::{fill_sides, sides};
    use crate::model::Meta;

    fn two(body: &str) -> Option<(&str, &str)> {
        sides(body, |t| t.starts_with("Goals"))
    }

    #[test]
    fn titles_in_common_shapes_name_both_sides() {
        assert_eq!(
            two("# Keel × Northwind Ledger: partnership charter\n"),
            Some(("Keel", "Northwind Ledger"))
        );
        assert_eq!(
            two("BIRCH ANALYTICS / KETTLE FOODS — JOINT PILOT CHARTER\n====\n"),
            Some(("BIRCH ANALYTICS", "KETTLE FOODS"))
        );
        assert_eq!(
            two("# Partnership charter: Acme and Orbital\n"),
            Some(("Acme", "Orbital"))
        );
        assert_eq!(
            two("**Quill Legal Tech & Ferro Document Cloud Partnership Agreement**\n"),
            Some(("Quill Legal Tech", "Ferro Document Cloud"))
        );
        assert_eq!(
            two("\n## Charter for the Lumen + Harbor integration (draft)\n"),
            Some(("Lumen", "Harbor"))
        );
        assert_eq!(
            two("# 🌱 Sprout × Gridline — how we're doing this\n"),
            Some(("Sprout", "Gridline"))
        );
        assert_eq!(
            two("# 01 / Lumarq × Vesterbro\n"),
            Some(("Lumarq", "Vesterbro"))
        );
        assert_eq!(
            two("# Tallyho 🤝 Pebble Pay\n"),
            Some(("Tallyho", "Pebble Pay"))
        );
        assert_eq!(
            two("# Brisa Payments + Quillon POS: Partnership Charter\n"),
            Some(("Brisa Payments", "Quillon POS"))
        );
    }

    #[test]
    fn a_pasted_email_is_titled_by_its_subject() {
        assert_eq!(
            two("**From:** Tomas <t@s.example>\n**Sent:** Monday\n**Subject:** RE: Northbeam / Solvik charter – signed\n\nJenna,\n"),
            Some(("Northbeam", "Solvik"))
        );
        assert_eq!(
            two("From: Nadia <n@f.example>\nTo: Leon\nSubject: Fenwick x Arlo - the charter, final text\n"),
            Some(("Fenwick", "Arlo"))
        );
        assert_eq!(
            two("Subject: Re: Re: Hexmoor <> Bluebell charter v2 — my answers inline\n\nHi,\n"),
            Some(("Hexmoor", "Bluebell"))
        );
        // The organisations of a sender and a recipient name the sides.
        assert_eq!(
            two("Subject: FW: Pebblecrest pilot\nFrom: Callum Reid\nTo: Damplock leadership\n\n\
                Forwarding.\n\nFrom: Callum Reid, Damplock\nTo: Martina Osei, Pebblecrest Home Insurance\n\
                Date: Fri 22 Jan 2027\n\nDear Martina,\n"),
            Some(("Damplock", "Pebblecrest Home Insurance"))
        );
        assert_eq!(
            two("Dear all,\n\nFrom: Callum Reid, Damplock\nTo: Martina Osei, Pebble\n"),
            None
        );
        // A subject that names one side, or a subject in the text below, names no pair.
        assert_eq!(
            two("Subject: FW: Pebblecrest pilot - what we agreed\n"),
            None
        );
        assert_eq!(two("Hi all,\n\nSubject: Keel x Orbital\n"), None);
    }

    #[test]
    fn titles_that_name_no_pair_give_nothing() {
        assert_eq!(two("# Partnership charter\n"), None);
        assert_eq!(two("# Goals and Objectives\n"), None);
        assert_eq!(two("Some prose first.\n\n# Keel × Orbital\n"), None);
        assert_eq!(two("# Hewlett-Packard partnership\n"), None);
        assert_eq!(two("# the plan and the budget\n"), None);
        assert_eq!(two(""), None);
    }

    #[test]
    fn the_sides_fill_the_metadata_with_their_place() {
        let body = "# Keel × Orbital: partnership charter\n";
        let mut meta = Meta::default();
        fill_sides(body, 10, |_| false, &mut meta);
        let company = meta.company.expect("company");
        assert_eq!(company.text, "Keel");
        assert_eq!((company.span.start, company.span.end), (12, 16));
        assert_eq!(meta.partner.map(|p| p.text).as_deref(), Some("Orbital"));
        // A side already known keeps its place; the title gives the other.
        let mut meta = Meta {
            company: Some(crate::model::Text::new(
                "Orbital Systems",
                crate::model::Span::empty(0),
            )),
            ..Meta::default()
        };
        fill_sides(body, 0, |_| false, &mut meta);
        assert_eq!(meta.partner.map(|p| p.text).as_deref(), Some("Keel"));
    }

    #[test]
    fn the_two_sides_from_the_title() {
        for (title, company, partner) in [
            (
                "# Keel × Northwind Ledger: partnership charter",
                "Keel",
                "Northwind Ledger",
            ),
            (
                "# Partnership Charter: Clearwater Diagnostics and Thameside GP Federation",
                "Clearwater Diagnostics",
                "Thameside GP Federation",
            ),
            (
                "# Reseller and Integration Charter — Calder Payroll / Mint & Sterling",
                "Calder Payroll",
                "Mint & Sterling",
            ),
            (
                "# Nimbletrail and Summit & Sons Outfitters",
                "Nimbletrail",
                "Summit & Sons Outfitters",
            ),
        ] {
            let mut m = Meta::default();
            fill_sides(title, 0, |_| false, &mut m);
            let c = m.company.expect(title);
            let p = m.partner.expect(title);
            assert_eq!((c.text.as_str(), p.text.as_str()), (company, partner));
            assert_eq!(&title[c.span.start..c.span.end], company);
            assert_eq!(&title[p.span.start..p.span.end], partner);
        }
        let mut m = Meta::default();
        fill_sides("# Aldermoor Warm Homes Partnership\n", 0, |_| false, &mut m);
        assert!(m.company.is_none() && m.partner.is_none());
    }
}
