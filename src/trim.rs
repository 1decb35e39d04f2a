//! `str::trim` and friends with an ASCII fast path.
//!
//! The standard trims decode characters from each end and ask the Unicode tables
//! whether each is whitespace; the labels, values and cells of a charter nearly always
//! start and end with a visible ASCII character, which settles the question in one
//! comparison per end. Anything else goes to the standard trims, so results are the same.

/// Whether `b` is a byte that ends a trim: visible ASCII (not whitespace, not the
/// start or middle of a multi-byte character).
fn solid(b: Option<&u8>) -> bool {
    b.is_some_and(u8::is_ascii_graphic)
}

/// [`str::trim`].
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    if solid(b.first()) && solid(b.last()) {
        s
    } else {
        s.trim()
    }
}

/// [`str::trim_start`].
pub fn trim_start(s: &str) -> &str {
    if solid(s.as_bytes().first()) {
        s
    } else {
        s.trim_start()
    }
}

/// [`str::trim_end`].
pub fn trim_end(s: &str) -> &str {
    if solid(s.as_bytes().last()) {
        s
    } else {
        s.trim_end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_as_the_standard_library_does() {
        let cases = [
            "",
            " ",
            "a",
            " a ",
            "\u{a0}a\u{a0}",
            "\u{2003}label\u{3000}",
            "é",
            " é ",
            "a\r\n",
            "\ta\t",
            "😀 x 😀",
            "\u{85}x\u{85}",
            "x\u{b}",
        ];
        for s in cases {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
    }
}
