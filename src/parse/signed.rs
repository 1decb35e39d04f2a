//! Whether a signature line, cell or value says it is signed, as people write it:
//! `✓ signed`, `[x]`, `Yes`, `/s/ Jane Roe` on one side; `pending`, `to be signed`,
//! `not yet signed`, `awaiting signature`, a blank `____` line on the other. Both
//! parsers read signatures through here, so both formats agree.

/// What a text says about being signed: `Some(false)` when it says it is not (this
/// wins over everything else: an unsigned line must never count as signed),
/// `Some(true)` when it carries a mark of signing, `None` when it says neither.
pub fn mark(text: &str) -> Option<bool> {
    if says_unsigned(text) {
        return Some(false);
    }
    let t = text.trim();
    let lower = t.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    let ticked = t.starts_with(['✓', '✔', '✅', '☑'])
        || lower.starts_with("[x]")
        || matches!(
            first.trim_end_matches(['.', ',', ';']),
            "x" | "yes" | "y" | "signed" | "true" | "done" | "executed"
        );
    let conformed = conformed_at(&lower).is_some_and(|at| crate::model::has_words(&lower[at..]));
    (ticked || conformed).then_some(true)
}

/// Where the name after a conformed-signature mark starts: `/s/ Jane Roe`, or the
/// Indian `Sd/- Jane Roe` (a signed copy), the name typed where the ink would be.
pub fn conformed_at(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr_iter(b'/', b).find_map(|at| {
        let before = b.get(..at).unwrap_or_default();
        let after = b.get(at + 1..).unwrap_or_default();
        if after.first() == Some(&b'-') && before.len() >= 2 {
            let sd = &before[before.len() - 2..];
            let word_start = before.len() == 2 || !before[before.len() - 3].is_ascii_alphanumeric();
            return (sd.eq_ignore_ascii_case(b"sd") && word_start).then_some(at + 2);
        }
        (after.starts_with(b"s/")).then_some(at + 3)
    })
}

/// Whether a row or column title names the signature itself (`Signature`, `Signed`),
/// so that a filled-in cell under it is the signature.
pub fn names_signature(title: &str) -> bool {
    let t = title.trim().trim_end_matches(':');
    ["signature", "signed", "sign"]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
}

/// Words and marks that say a signature is still to come.
const UNSIGNED: [&str; 9] = [
    "to be signed",
    "not yet signed",
    "not signed",
    "unsigned",
    "pending",
    "awaiting",
    "outstanding",
    "tbc",
    "tbd",
];

/// What [`says_unsigned`] needs to know of a byte, looked up once: whether it is
/// part of a word, and whether a word of [`UNSIGNED`] starts with it (either case).
const OTHER: u8 = 0;
const WORD: u8 = 1;
const UNSIGNED_START: u8 = 2;

const BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c >= 0x80 {
            t[b] = WORD;
        }
        b += 1;
    }
    let mut i = 0;
    while i < UNSIGNED.len() {
        let first = UNSIGNED[i].as_bytes()[0];
        t[first as usize] = UNSIGNED_START;
        t[first.to_ascii_uppercase() as usize] = UNSIGNED_START;
        i += 1;
    }
    t
};

/// Whether the text says it is not signed: one of [`UNSIGNED`] as words, or a blank
/// line to sign on (`____`, three or more underscores).
pub fn says_unsigned(text: &str) -> bool {
    // One pass over the line, one table look-up a byte: each of [`UNSIGNED`] is
    // compared only where a word starts with its first letter, not searched for nine
    // times over.
    let hay = text.as_bytes();
    let mut in_word = false;
    let mut underscores = 0;
    for (at, &b) in hay.iter().enumerate() {
        let class = BYTE_CLASS[usize::from(b)];
        if class == OTHER {
            in_word = false;
            underscores = if b == b'_' { underscores + 1 } else { 0 };
            if underscores == 3 {
                return true;
            }
            continue;
        }
        underscores = 0;
        let starts = !in_word;
        in_word = true;
        if starts
            && class == UNSIGNED_START
            && UNSIGNED.iter().any(|w| {
                w.as_bytes().first() == Some(&b.to_ascii_lowercase())
                    && words_at(hay, at, w.as_bytes())
            })
        {
            return true;
        }
    }
    false
}

/// A letter or digit, or part of a character beyond ASCII (a letter, as far as a
/// word's edge is concerned).
fn is_word_byte(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] != OTHER
}

/// `needle` (ASCII, lowercase) at `at` in `hay`, ASCII case ignored, with no letter
/// or digit after it; compared in place, without a lowercased copy of every line.
fn words_at(hay: &[u8], at: usize, needle: &[u8]) -> bool {
    hay.get(at..at + needle.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        && !hay.get(at + needle.len()).is_some_and(|&b| is_word_byte(b))
}

#[cfg(test)]
mod tests {
    use super::{mark, says_unsigned};

    #[test]
    fn marks_of_signing() {
        for t in ["✓ signed", "✓", "[x]", "Yes", "x", "/s/ Jane Roe", "Signed"] {
            assert_eq!(mark(t), Some(true), "{t}");
        }
        // India's signed copy: `Sd/-` before the name.
        for t in [
            "Sd/- Ritika Menon, 18th July, 2026",
            "For Acme: SD/- Jane Roe",
        ] {
            assert_eq!(mark(t), Some(true), "{t}");
        }
        for t in ["Sd/-", "Bsd/- Jane", "and/- Jane", "/s/"] {
            assert_eq!(mark(t), None, "{t}");
        }
    }

    #[test]
    fn unsigned_wins() {
        for t in [
            "pending",
            "to be signed",
            "Not yet signed",
            "awaiting signature",
            "Signed for and on behalf of Acme: ________ Date: ____",
            "✓ pending",
            "unsigned",
        ] {
            assert_eq!(mark(t), Some(false), "{t}");
        }
    }

    #[test]
    fn neither() {
        for t in ["", "Jane Roe", "CEO", "signature"] {
            assert_eq!(mark(t), None, "{t}");
        }
        assert!(!says_unsigned("pendingly expending"));
        assert!(!says_unsigned("Unpending, sign-pendingx"));
        assert!(says_unsigned("(pending)"));
        assert!(says_unsigned("Status: TBD."));
        assert!(says_unsigned("é pending"));
        assert!(says_unsigned("Jane Roe __ ___"));
        assert!(!says_unsigned("Jane_Roe __ _"));
        assert!(!says_unsigned("épending"));
    }
}
