//! Definition lists, as pandoc, PHP Markdown Extra and MkDocs write them: a term on a
//! line of its own, its definition on the next after a colon (`Executive sponsors` /
//! `:   Stackmoor: Daniel Strøm`). CommonMark reads both lines as one paragraph; the
//! line break before the `:` is dropped, so the paragraph reads `Term: definition`, a
//! label like any other (metadata, a metric, a side's field).

/// Whether the line after a line break ending at `at` is a definition: after blanks,
/// a colon and a blank.
pub(in crate::parse::markdown) fn follows(src: &str, at: usize) -> bool {
    let b = src.as_bytes();
    let mut i = at;
    // The break's range may or may not include the next line's indent.
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    b.get(i) == Some(&b':') && matches!(b.get(i + 1), Some(b' ' | b'\t'))
}

#[cfg(test)]
mod tests {
    use super::follows;

    #[test]
    fn a_colon_and_a_blank_open_a_definition() {
        assert!(follows("Tier\n: 2", 5));
        assert!(follows("Tier\n   :   2", 5));
        assert!(!follows("Tier\n:: 2", 5));
        assert!(!follows("Tier\n2: x", 5));
        assert!(!follows("Tier\n:", 5));
    }
}
