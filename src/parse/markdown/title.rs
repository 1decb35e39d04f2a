//! The two sides named in a charter's title (`Keel × Orbital: partnership charter`,
//! `BIRCH ANALYTICS / KETTLE FOODS — JOINT PILOT`, `Partnership charter: Acme and
//! Orbital`), for charters that name them nowhere else. Without names, labels such as
//! `Birch:` or `Kettle puts in` cannot be told apart; with them they read as the sides.
//!
//! The first side named is taken as ours: a title is written by one side, and it
//! puts itself first far more often than not. Only the labels' side depends on it;
//! what is read is the same either way.

/// Separators between the two sides, spaced so that `Hewlett-Packard` stays one name.
const BETWEEN: &[&str] = &[
    " × ", " x ", " X ", " / ", " & ", " and ", " And ", " AND ", " + ", " <> ", " ↔ ", " with ",
    " With ", " WITH ", " – ", " — ", " - ", " vs ", " | ",
];

/// Where a title's description starts (`: partnership charter`, ` — joint pilot`).
const DESCRIPTION: &[&str] = &[": ", " — ", " – ", " - ", " | ", " (", ", "];

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
    "technology",
    "strategic",
    "business",
    "heads",
    "terms",
    "charter:",
];

/// The two names a title gives, ours first, when it gives two. A first heading that
/// names a section (`# Goals and objectives`) is no title.
pub fn sides(body: &str, is_section: impl Fn(&str) -> bool) -> Option<(String, String)> {
    let title = first_heading(body)?;
    if is_section(&title) {
        return None;
    }
    // The part before the description, or after it (`Partnership charter: Acme and Orbital`).
    let mut parts = vec![title.as_str()];
    for sep in DESCRIPTION {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    // A part that is itself `A / B`; failing that, the whole title split once.
    parts
        .iter()
        .find_map(|p| split_two(p))
        .or_else(|| split_two(&title))
}

/// `A <sep> B` with both sides plausible names.
fn split_two(text: &str) -> Option<(String, String)> {
    BETWEEN.iter().find_map(|sep| {
        let mut it = text.split(sep);
        let (a, b) = (it.next()?, it.next()?);
        if it.next().is_some() {
            return None;
        }
        let (a, b) = (name(a)?, name(b)?);
        (!a.eq_ignore_ascii_case(&b)).then_some((a, b))
    })
}

/// A side's name without the document words around it: one to five words, starting
/// with a capital letter or digit.
fn name(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '*' | '_' | '`' | '"' | '“' | '”')))
        .filter(|w| !w.is_empty())
        .collect();
    let doc = |w: &&str| DOCUMENT_WORDS.contains(&w.to_lowercase().as_str());
    let start = words.iter().position(|w| !doc(w))?;
    let end = words.iter().rposition(|w| !doc(w))? + 1;
    let kept = words.get(start..end)?;
    let first = kept.first()?.chars().next()?;
    if kept.len() > 5 || !(first.is_uppercase() || first.is_ascii_digit()) {
        return None;
    }
    Some(kept.join(" "))
}

/// The text of the body's first heading: ATX (`# …`), Setext (a line underlined with
/// `===` or `---`) or a bold line standing alone (`**…**`). Only the first non-blank
/// line is looked at: a title comes first.
fn first_heading(body: &str) -> Option<String> {
    let mut lines = body
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim());
    let first = lines.find(|l| !l.is_empty())?;
    if let Some(rest) = first.strip_prefix('#') {
        let text = rest
            .trim_start_matches('#')
            .trim()
            .trim_end_matches('#')
            .trim();
        return Some(text.to_string());
    }
    if let Some(inner) = first.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
        return Some(inner.trim().to_string());
    }
    let under = lines.next()?;
    let setext =
        !under.is_empty() && (under.bytes().all(|b| b == b'=') || under.bytes().all(|b| b == b'-'));
    setext.then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::sides;

    fn two(body: &str) -> Option<(String, String)> {
        sides(body, |t| t.starts_with("Goals"))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn titles_in_common_shapes_name_both_sides() {
        assert_eq!(
            two("# Keel × Northwind Ledger: partnership charter\n"),
            pair("Keel", "Northwind Ledger")
        );
        assert_eq!(
            two("BIRCH ANALYTICS / KETTLE FOODS — JOINT PILOT CHARTER\n====\n"),
            pair("BIRCH ANALYTICS", "KETTLE FOODS")
        );
        assert_eq!(
            two("# Partnership charter: Acme and Orbital\n"),
            pair("Acme", "Orbital")
        );
        assert_eq!(
            two("**Quill Legal Tech & Ferro Document Cloud Partnership Agreement**\n"),
            pair("Quill Legal Tech", "Ferro Document Cloud")
        );
        assert_eq!(
            two("\n## Charter for the Lumen + Harbor integration (draft)\n"),
            pair("Lumen", "Harbor")
        );
    }

    #[test]
    fn titles_that_name_no_pair_give_nothing() {
        assert_eq!(two("# Partnership charter\n"), None);
        assert_eq!(two("# Goals and Objectives\n"), None);
        assert_eq!(two("Some prose first.\n\n# Keel × Orbital\n"), None);
        assert_eq!(two("# Hewlett-Packard partnership\n"), None);
        assert_eq!(two(""), None);
    }
}
