//! Splitting the front matter off a Markdown charter (TOML `+++` or YAML `---`).
//!
//! Done by hand at byte 0 rather than by pulldown-cmark, whose metadata-block
//! extension would neither report an unclosed block nor give us the offsets we need.

use crate::model::{Issue, IssueKind, Meta, Span, Text};
use crate::parse::markdown::yaml::{self, YamlValue};
use crate::parse::meta::{self, META_KEYS};
use toml::de::DeTable;

/// Keys that other Markdown tools keep in front matter (static-site generators, Marp and
/// other slide tools, note apps). A charter that is also a page or a deck carries them
/// on purpose, so they are left alone rather than reported as typos. Anything else
/// charter does not know is still reported: a key meant for charter is never dropped
/// in silence.
const OTHER_TOOLS_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "author",
    "authors",
    "date",
    "lastmod",
    "updated",
    "description",
    "summary",
    "tags",
    "categories",
    "keywords",
    "aliases",
    "slug",
    "permalink",
    "layout",
    "draft",
    "weight",
    "lang",
    "language",
    "toc",
    "math",
    "cssclass",
    "cssclasses",
    "marp",
    "theme",
    "paginate",
    "size",
    "class",
    "header",
    "footer",
    "style",
    "backgroundcolor",
    "backgroundimage",
    "color",
    "transition",
    "revealjs",
    "format",
    "output",
    "id",
    "version",
];

fn is_other_tools_key(key: &str) -> bool {
    let key = key.trim();
    OTHER_TOOLS_KEYS.iter().any(|k| {
        k.eq_ignore_ascii_case(key) || k.eq_ignore_ascii_case(&key.replace(['-', '_'], ""))
    })
}

fn is_title(key: &str) -> bool {
    key.trim().eq_ignore_ascii_case("title")
}

/// Report `key` as unknown unless another tool owns it.
fn unknown(key: &str, span: Span, issues: &mut Vec<Issue>) {
    if !is_other_tools_key(key) {
        issues.push(meta::unknown_key(key, span, META_KEYS));
    }
}

/// The front matter read from the top of a Markdown file.
#[derive(Debug, Default)]
pub struct FrontMatter {
    pub meta: Meta,
    /// Where the Markdown body starts (after the closing delimiter's line ending).
    pub body_start: usize,
    pub issues: Vec<Issue>,
    /// The document's title, kept by pandoc, static-site generators and note apps in
    /// front matter (`title: …`) rather than as a first heading: it may name the sides.
    pub title: Option<Text>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Toml,
    Yaml,
}

/// One line: `start..end` without its terminator, `next` after it (`\n`, `\r\n` or a lone `\r`).
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

fn line_at(text: &str, start: usize) -> Line {
    let bytes = text.as_bytes();
    let rest = bytes.get(start..).unwrap_or_default();
    match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
        Some(i) => {
            let end = start + i;
            let next = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                end + 2
            } else {
                end + 1
            };
            Line { start, end, next }
        }
        None => Line {
            start,
            end: text.len(),
            next: text.len(),
        },
    }
}

/// Whether a line is exactly `delim`, allowing trailing spaces and tabs.
fn is_delimiter(line: &str, delim: &str) -> bool {
    line.strip_prefix(delim)
        .is_some_and(|rest| rest.bytes().all(|b| b == b' ' || b == b'\t'))
}

fn syntax(message: impl Into<String>, span: Span) -> Issue {
    Issue {
        kind: IssueKind::Syntax,
        message: message.into(),
        span,
    }
}

/// Read the front matter at the top of `text`, if any.
pub fn read(text: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    // Most Markdown without front matter starts with a heading: no need to find its end.
    if !text.starts_with("+++") && !text.starts_with("---") {
        return fm;
    }
    let first = line_at(text, 0);
    let opening = &text[first.start..first.end];
    let (kind, closers): (Kind, &[&str]) = if is_delimiter(opening, "+++") {
        (Kind::Toml, &["+++"])
    } else if is_delimiter(opening, "---") {
        // YAML documents may also end with `...`.
        (Kind::Yaml, &["---", "..."])
    } else {
        return fm;
    };

    let content_start = first.next;
    let Some(closing) = closing_line(text, content_start, closers) else {
        let what = if kind == Kind::Toml { "+++" } else { "---" };
        fm.issues.push(syntax(
            format!("front matter opened with `{what}` is never closed"),
            Span::new(first.start, first.end),
        ));
        // Nothing after the opening line can be trusted as Markdown either way; read
        // the rest as the body so sections are still found.
        fm.body_start = first.next;
        return fm;
    };

    let block = Span::new(0, closing.end);
    fm.meta.span = Some(block);
    fm.body_start = closing.next;
    let content = &text[content_start..closing.start];
    if content.trim().is_empty() {
        fm.issues.push(syntax("empty front matter", block));
    } else {
        match kind {
            Kind::Toml => read_toml(content, content_start, &mut fm),
            Kind::Yaml => read_yaml(content, content_start, &mut fm),
        }
    }
    skip_second_block(text, &mut fm);
    fm
}

/// The first line from `from` on that is one of `closers`. Such a line starts with
/// a closer's first byte (`+`, `-` or `.`), so those bytes are searched for instead of
/// reading every line.
fn closing_line(text: &str, from: usize, closers: &[&str]) -> Option<Line> {
    let bytes = text.as_bytes();
    let first_byte = |c: &&str| c.as_bytes().first().copied();
    let a = closers.first().and_then(first_byte)?;
    let b = closers.last().and_then(first_byte)?;
    memchr::memchr2_iter(a, b, bytes.get(from..)?)
        .map(|i| from + i)
        .filter(|&at| at == from || matches!(bytes[at - 1], b'\n' | b'\r'))
        .map(|at| line_at(text, at))
        .find(|line| {
            let s = &text[line.start..line.end];
            closers.iter().any(|c| is_delimiter(s, c))
        })
}

fn read_toml(content: &str, base: usize, fm: &mut FrontMatter) {
    let (table, errors) = DeTable::parse_recoverable(content);
    // Recovery after the first error mostly reports its echoes; one is enough.
    for e in errors.iter().take(1) {
        let span = match e.span() {
            Some(r) => meta::shift(r, base),
            None => Span::new(base, base + content.len()),
        };
        fm.issues.push(syntax(
            format!("front matter is not valid TOML: {}", e.message().trim()),
            span,
        ));
    }
    let rest = meta::read_meta(table.get_ref(), base, &mut fm.meta, &mut fm.issues);
    for (key, value) in rest {
        let span = meta::shift(key.span(), base).join(meta::shift(value.span(), base));
        if is_title(key.get_ref()) {
            if let toml::de::DeValue::String(t) = value.get_ref() {
                fm.title = Some(Text::new(t.as_ref(), meta::shift(value.span(), base)));
            }
        }
        unknown(key.get_ref(), span, &mut fm.issues);
    }
}

fn read_yaml(content: &str, base: usize, fm: &mut FrontMatter) {
    let doc = yaml::parse(content, base);
    fm.issues.extend(
        doc.errors.into_iter().map(|(message, span)| {
            syntax(format!("front matter is not valid YAML: {message}"), span)
        }),
    );
    let m = &mut fm.meta;
    for entry in doc.entries {
        let whole = entry.key_span.join(entry.value.span());
        let key = match meta::meta_key(&entry.key) {
            Some("leverage") => {
                m.leverage_span = Some(whole);
                let values = match entry.value {
                    YamlValue::Scalar(t) => vec![t],
                    YamlValue::List(items, _) => items,
                    YamlValue::Null(_) => Vec::new(),
                    YamlValue::Map(span) => {
                        fm.issues
                            .push(meta::wrong_type(&entry.key, "table", "a list", span));
                        Vec::new()
                    }
                };
                m.leverage = meta::leverages(values);
                continue;
            }
            Some(key) => key,
            None => {
                if let (true, YamlValue::Scalar(t)) = (is_title(&entry.key), &entry.value) {
                    fm.title = Some(t.clone());
                }
                unknown(&entry.key, whole, &mut fm.issues);
                continue;
            }
        };
        let text = match entry.value {
            YamlValue::Scalar(t) => Some(t),
            YamlValue::Null(_) => None,
            YamlValue::List(_, span) => {
                fm.issues
                    .push(meta::wrong_type(&entry.key, "array", "text", span));
                None
            }
            YamlValue::Map(span) => {
                fm.issues
                    .push(meta::wrong_type(&entry.key, "table", "text", span));
                None
            }
        };
        meta::set(m, key, text);
    }
}

/// A second block right after the first (`+++ … +++` then `--- … ---`, say) is front
/// matter in the wrong place: report it and keep it out of the body, where `---` would
/// otherwise read as a thematic break and a setext heading. Only a `---` block whose
/// lines look like `key: value` counts, so an ordinary thematic break is left alone.
fn skip_second_block(text: &str, fm: &mut FrontMatter) {
    let Some(line) = first_filled_line(text, fm.body_start) else {
        return;
    };
    let opening = &text[line.start..line.end];
    let delim = if is_delimiter(opening, "+++") {
        "+++"
    } else if is_delimiter(opening, "---") {
        "---"
    } else {
        return;
    };
    let mut keyed = false;
    let mut at = line.next;
    while at < text.len() {
        let l = line_at(text, at);
        let s = &text[l.start..l.end];
        if is_delimiter(s, delim) {
            if delim == "+++" || keyed {
                fm.issues.push(syntax(
                    "a second front matter block; only the first, at the very top, is read",
                    Span::new(line.start, l.end),
                ));
                fm.body_start = l.next;
            }
            return;
        }
        let t = s.trim();
        if delim == "---" {
            if t.is_empty() || t.starts_with('#') || t.starts_with("- ") {
                // allowed inside YAML
            } else if looks_like_key_value(t) {
                keyed = true;
            } else {
                return;
            }
        }
        at = l.next;
    }
}

/// The first line from `pos` on that is not blank, when it could be a delimiter
/// (`None` also when there is no such line). A line that starts with an ASCII byte
/// other than a blank or a delimiter's is neither: it is not read to its end.
fn first_filled_line(text: &str, mut pos: usize) -> Option<Line> {
    while pos < text.len() {
        let rest = &text.as_bytes()[pos..];
        if matches!(rest.first(), Some(&b) if b.is_ascii() && !(b as char).is_whitespace())
            && !rest.starts_with(b"+++")
            && !rest.starts_with(b"---")
        {
            return None;
        }
        let line = line_at(text, pos);
        if !text[line.start..line.end].trim().is_empty() {
            return Some(line);
        }
        pos = line.next;
    }
    None
}

fn looks_like_key_value(line: &str) -> bool {
    match line.split_once(':') {
        Some((key, _)) => {
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '"' | '\''))
        }
        None => false,
    }
}

/// Byte offsets of lines that are exactly `+++` (trailing blanks allowed) in `body`,
/// which starts at `base`. The caller drops those inside code blocks and reports pairs
/// as misplaced front matter. Found by a search for `+`, rare in prose, so a long body
/// costs little; only a `+` that starts a line can start such a line.
pub fn plus_lines(body: &str, base: usize) -> Vec<Span> {
    let bytes = body.as_bytes();
    memchr::memchr_iter(b'+', bytes)
        .filter(|&at| at == 0 || matches!(bytes[at - 1], b'\n' | b'\r'))
        .map(|at| line_at(body, at))
        .filter(|line| is_delimiter(&body[line.start..line.end], "+++"))
        .map(|line| Span::new(base + line.start, base + line.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`plus_lines`] as it was: every `+++` found, then its line read.
    fn plus_lines_reference(body: &str, base: usize) -> Vec<Span> {
        let mut out = Vec::new();
        let bytes = body.as_bytes();
        let mut from = 0;
        while let Some(i) = bytes
            .get(from..)
            .and_then(|s| memchr::memmem::find(s, b"+++"))
        {
            let at = from + i;
            let line_start = at == 0 || matches!(bytes[at - 1], b'\n' | b'\r');
            let line = line_at(body, at);
            if line_start && is_delimiter(&body[line.start..line.end], "+++") {
                out.push(Span::new(base + line.start, base + line.end));
            }
            from = line.next.max(at + 3);
        }
        out
    }

    /// [`closing_line`] as it was: line by line.
    fn closing_line_reference(text: &str, mut pos: usize, closers: &[&str]) -> Option<Line> {
        while pos < text.len() {
            let line = line_at(text, pos);
            if closers
                .iter()
                .any(|c| is_delimiter(&text[line.start..line.end], c))
            {
                return Some(line);
            }
            pos = line.next;
        }
        None
    }

    /// The first line that is not blank, line by line, as [`skip_second_block`] read it.
    fn first_filled_line_reference(text: &str, mut pos: usize) -> Option<Line> {
        let mut line = line_at(text, pos);
        while pos < text.len() && text[line.start..line.end].trim().is_empty() {
            pos = line.next;
            line = line_at(text, pos);
        }
        (pos < text.len()).then_some(line)
    }

    fn span(line: Option<Line>) -> Option<(usize, usize, usize)> {
        line.map(|l| (l.start, l.end, l.next))
    }

    fn opens_block(text: &str, line: &Line) -> bool {
        let s = &text[line.start..line.end];
        is_delimiter(s, "+++") || is_delimiter(s, "---")
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Delimiters, near misses, blanks and every kind of line ending.
        #[test]
        fn searches_agree_with_reading_every_line(
            s in "(\\+{1,4}|-{1,4}|\\.{1,4}|[ \t]{1,3}|\u{a0}|\u{3000}|\n|\r\n|\r|[a-z#:]{1,5}|é){0,40}",
            from in 0usize..8,
        ) {
            let from = (0..=from.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            proptest::prop_assert_eq!(plus_lines(&s[from..], 7), plus_lines_reference(&s[from..], 7));
            for closers in [&["+++"][..], &["---", "..."][..]] {
                proptest::prop_assert_eq!(
                    span(closing_line(&s, from, closers)),
                    span(closing_line_reference(&s, from, closers))
                );
            }
            let filled = first_filled_line_reference(&s, from).filter(|l| opens_block(&s, l));
            let found = first_filled_line(&s, from).filter(|l| opens_block(&s, l));
            proptest::prop_assert_eq!(span(found), span(filled));
        }
    }

    #[test]
    fn keys_of_other_tools_are_left_alone_and_typos_still_reported() {
        let text = "---\nmarp: true\ntheme: gaia\nTitle: Q3 deck\nlast-mod: 2027-01-02\nparnter: Kettle\npartner: Kettle\n---\n# Body\n";
        let fm = read(text);
        let unknown: Vec<&str> = fm.issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(unknown, ["unknown key `parnter` (did you mean `partner`?)"]);
        let text = "+++\ntitle = \"Deck\"\ntags = [\"a\"]\nsponsor = \"Ada\"\n+++\n# Body\n";
        let unknown: Vec<String> = read(text).issues.into_iter().map(|i| i.message).collect();
        assert_eq!(unknown, ["unknown key `sponsor`"]);
    }
}
