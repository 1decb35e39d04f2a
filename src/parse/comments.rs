//! The comments of a source and its suppression directives, found once per charter
//! while it is parsed (see [`Comments`]).
//!
//! Directives are found by lines rather than through either format's parser, so the
//! same directive works in both formats: `<!-- charter-disable rule -->` and
//! `# charter-disable rule`, with `charter-enable` and `charter-disable-next-line`.

use crate::model::{Comments, Directive, DirectiveKind, Format, Span};

/// The comments of `text`, a charter in `format`; its directives are read on first use
/// (see [`Comments::directives`], with [`directives`]).
pub fn scan(format: Format, text: &str) -> Comments {
    Comments {
        spans: spans(format, text),
        directives: Default::default(),
    }
}

/// See [`Comments::spans`].
fn spans(format: Format, text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    match format {
        Format::Markdown => {
            // memmem: a SIMD search, its searcher built once rather than for each search.
            use memchr::memmem::Finder;
            use std::sync::LazyLock;
            static CLOSE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"-->"));
            let mut from = 0;
            // memchr for `<`, rare in a charter, then a look at what follows: cheaper than
            // memmem for `<!--` over the whole text.
            while let Some(i) = memchr::memchr(b'<', &bytes[from..]) {
                let start = from + i;
                if !bytes[start..].starts_with(b"<!--") {
                    from = start + 1;
                    continue;
                }
                let end = CLOSE
                    .find(&bytes[start + 4..])
                    .map_or(text.len(), |j| start + 4 + j + 3);
                out.push(Span::new(start, end));
                from = end;
            }
        }
        Format::Toml => {
            // A comment line has a `#`, so only the lines with one are looked at: from
            // each `#`, back to the start of its line and on to the end of it.
            let mut from = 0;
            loop {
                // A comment line usually follows another: no search for its `#`.
                let hash = if bytes.get(from) == Some(&b'#') {
                    from
                } else {
                    match memchr::memchr(b'#', &bytes[from..]) {
                        Some(i) => from + i,
                        None => break,
                    }
                };
                // Most comments start their line: no search back for it.
                let start = if hash == 0 || bytes[hash - 1] == b'\n' {
                    hash
                } else {
                    memchr::memrchr(b'\n', &bytes[..hash]).map_or(0, |j| j + 1)
                };
                let end =
                    memchr::memchr(b'\n', &bytes[hash..]).map_or(text.len(), |j| hash + j + 1);
                // `#` first on its line, after whitespace only (the `trim_start` of a line).
                if text[start..hash].chars().all(char::is_whitespace) {
                    // The lines of a block of comments make one span.
                    match out.last_mut() {
                        Some(last) if last.end == start => last.end = end,
                        _ => out.push(Span::new(start, end)),
                    }
                }
                from = end;
            }
        }
    }
    out
}

/// The directives among the lines of `text`; see [`Comments::directives`].
pub fn directives(text: &str) -> Vec<Directive> {
    // Nearly every charter has none: skip the line loop.
    // memmem: a SIMD search, where `str::contains` looks at every byte; its searcher
    // built once, not for every file.
    static DIRECTIVE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"charter-"));
    if DIRECTIVE.find(text.as_bytes()).is_none() {
        return Vec::new();
    }
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (kind, rules) = directive(line)?;
            Some(Directive {
                kind,
                rules,
                line: i + 1,
            })
        })
        .collect()
}

/// A directive on this line, if any: `<!-- charter-… rules -->` or `# charter-… rules`.
fn directive(line: &str) -> Option<(DirectiveKind, Vec<String>)> {
    let t = line.trim();
    let body = if let Some(rest) = t.strip_prefix("<!--") {
        rest.strip_suffix("-->")?.trim()
    } else if let Some(rest) = t.strip_prefix('#') {
        rest.trim()
    } else {
        return None;
    };
    let (kind, rest) = if let Some(r) = body.strip_prefix("charter-disable-next-line") {
        (DirectiveKind::NextLine, r)
    } else if let Some(r) = body.strip_prefix("charter-disable") {
        (DirectiveKind::Disable, r)
    } else if let Some(r) = body.strip_prefix("charter-enable") {
        (DirectiveKind::Enable, r)
    } else {
        return None;
    };
    // `charter-disabled` is not a directive.
    if rest
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != ':')
    {
        return None;
    }
    let rules = rest
        .trim_start_matches(':')
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    Some((kind, rules))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_comment_lines_are_the_lines_that_start_with_a_hash() {
        // What `spans` computes, line by line (adjacent lines joined).
        let by_lines = |text: &str| {
            let mut out: Vec<Span> = Vec::new();
            let mut at = 0;
            for line in text.split_inclusive('\n') {
                if line.trim_start().starts_with('#') {
                    match out.last_mut() {
                        Some(last) if last.end == at => last.end = at + line.len(),
                        _ => out.push(Span::new(at, at + line.len())),
                    }
                }
                at += line.len();
            }
            out
        };
        for text in [
            "",
            "#",
            "# a\nb = 1 # not\n  # c\r\n\t#d",
            "a = \"#\"\n\u{a0}# nbsp\n\u{2003}x # no\n#\n\n#",
            "x\n#a#b\n # c\n",
        ] {
            assert_eq!(spans(Format::Toml, text), by_lines(text), "{text:?}");
        }
    }

    #[test]
    fn markdown_comments_run_to_their_end_or_the_end_of_the_text() {
        let text = "a <!-- b --> c <!-- d";
        assert_eq!(
            spans(Format::Markdown, text),
            [Span::new(2, 12), Span::new(15, text.len())]
        );
    }

    #[test]
    fn directives_in_either_style_with_their_lines() {
        let d = directives(
            "a\n<!-- charter-disable placeholder -->\n# charter-enable: x, y\n  # charter-disable-next-line\n<!-- charter-disabled foo -->\n",
        );
        let kinds: Vec<_> = d.iter().map(|d| (d.kind, d.line, d.rules.len())).collect();
        assert_eq!(
            kinds,
            [
                (DirectiveKind::Disable, 2, 1),
                (DirectiveKind::Enable, 3, 2),
                (DirectiveKind::NextLine, 4, 0)
            ]
        );
        assert!(directives("no directive here").is_empty());
    }
}
