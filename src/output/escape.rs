//! Text from files (names, charter lines, messages quoting them) made safe to print to
//! a terminal or a CI log. A control character would otherwise act instead of show: an
//! ANSI escape recolours or rewrites the terminal, a lone CR overwrites the line, and a
//! newline in a file name starts a new log line that GitHub Actions runs as a workflow
//! command (`::error …::`). Each is shown as one visible character (ESC as `␛`,
//! a newline as `␊`), so the text keeps its length in characters and every column
//! counted on the original still points at the same place.

use std::borrow::Cow;

/// A name or a message: one line, every control character but tab made visible.
pub fn line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Lines of a file (an excerpt, a diff): line breaks kept, other control characters
/// made visible.
pub fn lines(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// Where byte `offset` of `s` lands in [`lines`]`(s)`.
pub fn lines_offset(s: &str, offset: usize) -> usize {
    s.char_indices()
        .take_while(|(i, _)| *i < offset)
        .map(|(i, c)| picture(c, is_break(s, i, c)).unwrap_or(c).len_utf8())
        .sum()
}

fn escape(s: &str, keep_breaks: bool) -> Cow<'_, str> {
    let unsafe_at = |i: usize, c: char| picture(c, keep_breaks && is_break(s, i, c)).is_some();
    if !s.char_indices().any(|(i, c)| unsafe_at(i, c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        match picture(c, keep_breaks && is_break(s, i, c)) {
            Some(p) => out.push(p),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A line break: LF, or CR as the first half of CRLF.
fn is_break(s: &str, i: usize, c: char) -> bool {
    c == '\n' || (c == '\r' && s.as_bytes().get(i + 1) == Some(&b'\n'))
}

/// What shows a control character (`None`: print it as it is).
fn picture(c: char, is_kept_break: bool) -> Option<char> {
    match c {
        '\t' => None,
        _ if is_kept_break => None,
        // Unicode's Control Pictures block has one for each C0 character and DEL.
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32),
        '\x7f' => Some('\u{2421}'),
        // C1 controls (CSI among them) have no picture.
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_one_visible_character_each() {
        assert!(matches!(line("plain · text\t"), Cow::Borrowed(_)));
        assert_eq!(line("a\nb\r\n"), "a␊b␍␊");
        assert_eq!(line("\x1b[31mred\x1b[0m"), "␛[31mred␛[0m");
        assert_eq!(line("\u{9b}31m\x7f\0"), "\u{fffd}31m␡␀");
        assert_eq!(
            lines("one\r\ntwo\rthree\n\x1b]8;;x\x07"),
            "one\r\ntwo␍three\n␛]8;;x␇"
        );
        let s = "x\x1by\u{85}z\r\n";
        assert_eq!(lines(s).chars().count(), s.chars().count());
        let at = s.find('z').unwrap_or(0);
        assert_eq!(&lines(s)[lines_offset(s, at)..], "z\r\n");
        assert_eq!(lines_offset(s, s.len()), lines(s).len());
    }
}
