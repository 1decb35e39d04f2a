//! Our side's name when only the partner's is known (a title such as `Partner with
//! Kestrel Maps`): read from labels written in pairs, one per side, where the
//! partner's names the partner (`Fieldwise owner:` beside `Kestrel owner:`,
//! `Fieldwise:` above `Kestrel Maps:`). The label beside the partner's, with the same
//! words after the name, names the other side.

use crate::model::{Meta, Side, Span, Text};
use crate::vocab::Names;

/// A side's name in a label is a few words.
const MAX_NAME_WORDS: usize = 3;

/// A label is the start of a line up to its colon, this long at most.
const MAX_LABEL: usize = 48;

/// A bare name beside the partner's (`Fieldwise:` above `Kestrel Maps:`) is taken
/// only when it is written this often in the document: a name runs through a
/// charter, a one-off label (`Risks:`) does not.
const MIN_MENTIONS: usize = 3;

/// Fill the company `meta` lacks from the labels of `body` (at byte `base`) that pair
/// with the partner's. A label with words after the name (`Fieldwise owner` beside
/// `Kestrel owner`) is the stronger evidence and wins over a bare one.
pub fn fill(body: &str, base: usize, meta: &mut Meta) {
    if meta.company.is_some() {
        return;
    }
    let Some(partner) = meta.partner.as_ref() else {
        return;
    };
    let names = Names::new(None, Some(&partner.text));
    let mut prev: Option<&str> = None;
    let mut bare: Option<&str> = None;
    let mut found: Option<&str> = None;
    for line in body.lines() {
        let label = label(line);
        if let (Some(a), Some(b)) = (prev, label) {
            for (x, p, before) in [(a, b, true), (b, a, false)] {
                match other_side(&names, &partner.text, x, p) {
                    Some((name, true)) => found = found.or(Some(name)),
                    Some((name, false)) if before && mentions(body, name) >= MIN_MENTIONS => {
                        bare = bare.or(Some(name));
                    }
                    _ => {}
                }
            }
        }
        if found.is_some() {
            break;
        }
        prev = label;
    }
    let Some(name) = found.or(bare) else { return };
    let at = base + (name.as_ptr() as usize - body.as_ptr() as usize);
    meta.company = Some(Text::new(name, Span::new(at, at + name.len())));
}

/// The name label `x` gives beside the partner's label `p` when the two differ only
/// in the name that opens them, and whether words follow the name (`owner`).
fn other_side<'a>(names: &Names, partner: &str, x: &'a str, p: &str) -> Option<(&'a str, bool)> {
    let rest = partner_rest(names, partner, p)?;
    let name = x.len().checked_sub(rest.len()).and_then(|n| {
        let tail = x.get(n..)?;
        tail.eq_ignore_ascii_case(rest).then(|| x.get(..n))?
    })?;
    let name = name.trim();
    let words = name.split_whitespace().count();
    let plausible = (1..=MAX_NAME_WORDS).contains(&words)
        && name.starts_with(|c: char| c.is_uppercase())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '&' | '-' | '.' | '\''))
        && names.side_of(name).is_none();
    plausible.then_some((name, !rest.trim().is_empty()))
}

/// The words after the partner's name that open label `p` (`owner` in `Kestrel
/// owner`), empty for the bare name; `None` when `p` does not open with the name.
fn partner_rest<'a>(names: &Names, partner: &str, p: &'a str) -> Option<&'a str> {
    // The whole name first (`Kestrel Maps:`), then its shorter forms (`Kestrel owner`).
    if let Some(head) = p.get(..partner.len()) {
        if head.eq_ignore_ascii_case(partner) && p.get(partner.len()..).is_some() {
            return p.get(partner.len()..);
        }
    }
    p.match_indices(' ')
        .map(|(i, _)| i)
        .chain([p.len()])
        .take(MAX_NAME_WORDS)
        .find(|&i| {
            p.get(..i)
                .is_some_and(|h| names.side_of(h) == Some(Side::Partner))
        })
        .and_then(|i| p.get(i..))
}

/// A line's label: after a list marker and emphasis, the words before a colon.
fn label(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let t = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
        .unwrap_or(t)
        .trim_start_matches("**");
    let colon = t.get(..MAX_LABEL.min(t.len()))?.find(':')?;
    let l = t.get(..colon)?.trim_end_matches("**").trim();
    (!l.is_empty()).then_some(l)
}

/// How often `name` is written in `body`.
fn mentions(body: &str, name: &str) -> usize {
    memchr::memmem::find_iter(body.as_bytes(), name.as_bytes()).count()
}

#[cfg(test)]
mod tests {
    use super::fill;
    use crate::model::{Meta, Span, Text};

    fn company(body: &str, partner: &str) -> Option<String> {
        let at = body.find(partner).unwrap_or(0);
        let mut meta = Meta {
            partner: Some(Text::new(partner, Span::new(at, at + partner.len()))),
            ..Meta::default()
        };
        fill(body, 0, &mut meta);
        let c = meta.company?;
        assert_eq!(&body[c.span.start..c.span.end], c.text);
        Some(c.text)
    }

    #[test]
    fn a_label_paired_with_the_partners_names_our_side() {
        let body = "## Governance\n\n- Fieldwise owner: Noor\n- Kestrel owner: Tomasz\n";
        assert_eq!(company(body, "Kestrel Maps").as_deref(), Some("Fieldwise"));
        let body = "**Kestrel lead:** Tomasz\n**Fieldwise lead:** Noor\n";
        assert_eq!(company(body, "Kestrel Maps").as_deref(), Some("Fieldwise"));
    }

    #[test]
    fn a_bare_name_needs_to_run_through_the_document() {
        let body = "Fieldwise needs maps.\n\n- Fieldwise: routing\n- Kestrel Maps: fleets\n\
                    \nSigned for Fieldwise.\n";
        assert_eq!(company(body, "Kestrel Maps").as_deref(), Some("Fieldwise"));
        let body = "- Risks: some\n- Kestrel Maps: fleets\n- Shared users: fewer lost jobs\n";
        assert_eq!(company(body, "Kestrel Maps"), None);
    }

    #[test]
    fn labels_that_do_not_pair_name_nothing() {
        let body = "- Escalation: owners\n- Kestrel owner: Tomasz\n- Sync: weekly\n";
        assert_eq!(company(body, "Kestrel Maps"), None);
    }
}
