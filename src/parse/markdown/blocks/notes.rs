//! Speaker notes left in a slide deck are not part of the agreement: a paragraph (also
//! one in a blockquote) that opens with a notes label (`Notes:`, `Speaker notes:`,
//! `**Presenter notes (Sofie):**`, reveal.js's `Note:` on a line of its own) and a
//! Pandoc `::: notes` div are not read. Marp's `<!-- … -->` notes are HTML, never read.

/// Labels that open speaker notes, lowercase, without an aside (`(Sofie)`).
const LABELS: [&str; 6] = [
    "notes",
    "speaker notes",
    "speaker note",
    "presenter notes",
    "presenter note",
    "notes for presenter",
];

/// What a paragraph starting at `src[at..]` opens: nothing, notes that end with it, or
/// a `::: notes` div (and whether its closing `:::` is in the same paragraph, which
/// ends at `end`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Opens {
    Nothing,
    Paragraph,
    Div { closed: bool },
}

pub(super) fn opens(src: &str, at: usize, end: usize) -> Opens {
    let Some(text) = src.get(at..end.min(src.len())) else {
        return Opens::Nothing;
    };
    if !may_open(text) {
        return Opens::Nothing;
    }
    read(text)
}

/// What the paragraph `text` opens, without the first-letter test.
fn read(text: &str) -> Opens {
    if !colon_leads(text) {
        return Opens::Nothing;
    }
    // The first line, as `lines()` would give it, its line break found with `memchr`.
    let line_end = memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len());
    let first = text.get(..line_end).unwrap_or(text).trim();
    if let Some(rest) = first.strip_prefix(":::") {
        let class = rest.trim_start_matches(':').trim();
        let class = class.trim_start_matches('{').trim_start_matches('.');
        if class
            .get(..5)
            .is_some_and(|c| c.eq_ignore_ascii_case("notes"))
        {
            return Opens::Div {
                closed: closes_div(text.get(first.len()..).unwrap_or_default()),
            };
        }
        return Opens::Nothing;
    }
    let head = first.get(..first.len().min(48)).unwrap_or(first);
    let Some(colon) = head.find(':') else {
        return Opens::Nothing;
    };
    let label = head[..colon].trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let label = match label.find('(') {
        Some(p) if label.ends_with(')') => label[..p].trim_end(),
        _ => label,
    };
    let after =
        first[colon + 1..].trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let named = LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
        || (label.eq_ignore_ascii_case("note") && after.is_empty());
    if named {
        Opens::Paragraph
    } else {
        Opens::Nothing
    }
}

/// Whether `text`'s first letter allows a notes label or a div: every label starts
/// with `n`, `s` or `p` and a div with `:`, past blanks and emphasis marks. Any other
/// ASCII byte there rules both out; anything else (a line break, a non-ASCII blank)
/// is left to the full test.
fn may_open(text: &str) -> bool {
    let at = text
        .bytes()
        .find(|b| !matches!(b, b' ' | b'\t' | b'*' | b'_'));
    match at {
        Some(b) if b.is_ascii() && !b.is_ascii_whitespace() => {
            matches!(b.to_ascii_lowercase(), b'n' | b's' | b'p' | b':')
        }
        _ => true,
    }
}

/// Whether the first line of `text` has a colon where `opens` looks for one (within
/// its first 48 bytes, or anywhere when byte 48 splits a character): both a notes
/// label and a `:::` div need one, and most paragraphs have none, so they are passed
/// over without splitting out and trimming their first line.
fn colon_leads(text: &str) -> bool {
    let t = text.trim_start();
    let limit = if t.is_char_boundary(t.len().min(48)) {
        48
    } else {
        t.len()
    };
    let head = t.as_bytes().get(..limit).unwrap_or(t.as_bytes());
    memchr::memchr2(b':', b'\n', head).is_some_and(|i| head.get(i) == Some(&b':'))
}

/// Whether `text` has a line that is only `:::`, closing a div.
pub(super) fn closes_div(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim();
        l.len() >= 3 && l.bytes().all(|b| b == b':')
    })
}

#[cfg(test)]
mod tests {
    use super::{may_open, opens, read, Opens};

    #[test]
    fn the_first_letter_test_only_passes_over_what_opens_nothing() {
        let samples = [
            "Notes: x",
            "**Notes:** x",
            "__Speaker notes__: x",
            "  Presenter note: x",
            "::: notes",
            "Owner: Dana",
            "**Owner:** Dana",
            "Revenue share: 10%",
            "> Notes: x",
            "1. Notes: x",
            "\u{a0}Notes: x",
            "\nNotes: x",
            "* _ Notes: x",
            "Égalité: x",
        ];
        for s in samples {
            assert!(may_open(s) || read(s) == Opens::Nothing, "{s:?}");
        }
        assert!(!may_open("Owner: Dana") && may_open("\u{a0}Notes: x"));
    }

    fn of(s: &str) -> Opens {
        opens(s, 0, s.len())
    }

    #[test]
    fn notes_labels_and_divs_open_notes_and_other_paragraphs_do_not() {
        assert!(of("Notes: drivers are the shared customer") == Opens::Paragraph);
        assert!(of("**Presenter notes (Sofie):** 12 minutes") == Opens::Paragraph);
        assert!(of("Speaker notes: keep this up") == Opens::Paragraph);
        assert!(of("Note:\nWalk could start early") == Opens::Paragraph);
        assert!(of("::: notes\nRhys signs later\n:::") == Opens::Div { closed: true });
        assert!(of("::: {.notes}\nRhys signs later") == Opens::Div { closed: false });
        // Content, not notes: a note with its text on the line, a label that only
        // starts with the word, a div of another class.
        assert!(of("Note: the partner pays in EUR") == Opens::Nothing);
        assert!(of("Notes on pricing: in EUR") == Opens::Nothing);
        assert!(of("::: warning\ntext\n:::") == Opens::Nothing);
        // A colon past where a label's would be, or on a later line, opens nothing.
        assert!(
            of("Notes for the presenter, who reads them aloud at the end: x") == Opens::Nothing
        );
        assert!(of("Rhys signs later\nNotes: x") == Opens::Nothing);
        assert!(of("  Notes: x") == Opens::Paragraph);
    }
}
