//! A reader for the YAML that front matter actually uses: flat `key: value` lines,
//! flow lists (`key: [a, b]`), block lists (`- item` lines under a key), quoted
//! scalars and `|`/`>` block scalars. Anything richer (nested mappings, anchors) is
//! read as a value of the wrong type or reported, never guessed at. Hand-written so
//! every value keeps its exact byte span, which the YAML crates do not give cheaply.

use crate::model::{Span, Text};

#[derive(Debug)]
pub enum YamlValue {
    Scalar(Text),
    /// The items and the span of the whole list.
    List(Vec<Text>, Span),
    /// A nested mapping (block or `{…}`): never a valid metadata value.
    Map(Span),
    /// `key:` with nothing, `~` or `null`.
    Null(Span),
}

impl YamlValue {
    pub fn span(&self) -> Span {
        match self {
            YamlValue::Scalar(t) => t.span,
            YamlValue::List(_, s) | YamlValue::Map(s) | YamlValue::Null(s) => *s,
        }
    }
}

#[derive(Debug)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: YamlValue,
}

#[derive(Debug, Default)]
pub struct Doc {
    pub entries: Vec<Entry>,
    /// Messages and spans of what could not be read.
    pub errors: Vec<(String, Span)>,
}

/// Lines of `text` as `(start, end)` without terminators; a lone `\r` ends a line too.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push((start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push((start, i));
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < b.len() {
        out.push((start, b.len()));
    }
    out
}

fn indent(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

/// Parse `text`, which starts at byte `base` of the source.
pub fn parse(text: &str, base: usize) -> Doc {
    let mut doc = Doc::default();
    let lines = lines(text);
    let span = |a: usize, b: usize| Span::new(base + a, base + b);
    let mut i = 0;
    while i < lines.len() {
        let (ls, le) = lines[i];
        let line = &text[ls..le];
        i += 1;
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if line.starts_with('\t') {
            doc.errors
                .push(("tabs cannot indent YAML".into(), span(ls, le)));
            continue;
        }
        if indent(line) > 0 {
            doc.errors.push((
                "unexpected indentation (nested values are not metadata)".into(),
                span(ls, le),
            ));
            continue;
        }
        let Some((key_end, value_start)) = key_colon(line) else {
            doc.errors
                .push(("expected `key: value`".into(), span(ls, le)));
            continue;
        };
        let raw_key = line[..key_end].trim_end();
        let key = unquote_key(raw_key);
        let key_span = span(ls, ls + raw_key.len());
        if doc.entries.iter().any(|e| e.key == key) {
            doc.errors
                .push((format!("duplicate key `{key}`"), key_span));
        }
        let vs = ls + value_start;
        let raw = strip_comment(&text[vs..le]);
        let value_trim_start = vs + (raw.len() - raw.trim_start().len());
        let raw = raw.trim();
        let vspan = span(value_trim_start, value_trim_start + raw.len());

        // Lines below the key that belong to it: indented ones, and `- ` items even
        // at column 0 (YAML allows a block list flush with its key).
        let mut j = i;
        while j < lines.len() {
            let (s, e) = lines[j];
            let l = &text[s..e];
            let lt = l.trim();
            if lt.is_empty()
                || indent(l) > 0
                || l.starts_with('\t')
                || l.starts_with("- ")
                || l == "-"
            {
                j += 1;
            } else {
                break;
            }
        }
        // Do not swallow trailing blank lines.
        while j > i && text[lines[j - 1].0..lines[j - 1].1].trim().is_empty() {
            j -= 1;
        }
        let below = &lines[i..j];
        i = j;

        let value = if raw.is_empty() || raw.starts_with('&') {
            block_value(text, below, base, vspan, &mut doc.errors)
        } else if raw.starts_with('|') || raw.starts_with('>') {
            let folded = raw.starts_with('>');
            let parts: Vec<&str> = below.iter().map(|&(s, e)| text[s..e].trim()).collect();
            let joined = parts.join(if folded { " " } else { "\n" });
            let whole = below.last().map_or(vspan, |&(_, e)| vspan.join(span(e, e)));
            YamlValue::Scalar(Text::new(joined.trim().to_string(), whole))
        } else {
            if let Some(&(s, e)) = below.first() {
                doc.errors
                    .push(("unexpected indented line after a value".into(), span(s, e)));
            }
            inline_value(raw, vspan, &mut doc.errors)
        };
        doc.entries.push(Entry {
            key,
            key_span,
            value,
        });
    }
    doc
}

/// The end of the key and the start of the value: the first `:` followed by a blank
/// or the end of the line, outside quotes.
fn key_colon(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut quote = None;
    for (i, &c) in b.iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') if i == 0 => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b':') if matches!(b.get(i + 1), None | Some(b' ' | b'\t')) => {
                return (i > 0).then_some((i, i + 1));
            }
            _ => {}
        }
    }
    None
}

fn unquote_key(k: &str) -> String {
    for q in ['"', '\''] {
        if let Some(inner) = k.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner.to_string();
        }
    }
    k.to_string()
}

/// Cut a ` # comment` off a value, minding quotes.
fn strip_comment(v: &str) -> &str {
    let b = v.as_bytes();
    let mut quote = None;
    for (i, &c) in b.iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'#') if i == 0 || matches!(b[i - 1], b' ' | b'\t') => return &v[..i],
            _ => {}
        }
    }
    v
}

/// The value of a `key:` with nothing after it: a block list, a nested mapping, a
/// multi-line plain scalar, or null.
fn block_value(
    text: &str,
    below: &[(usize, usize)],
    base: usize,
    at: Span,
    errors: &mut Vec<(String, Span)>,
) -> YamlValue {
    let span = |a: usize, b: usize| Span::new(base + a, base + b);
    let content: Vec<(usize, usize)> = below
        .iter()
        .copied()
        .filter(|&(s, e)| {
            let t = text[s..e].trim();
            !t.is_empty() && !t.starts_with('#')
        })
        .collect();
    let (Some(&(fs, _)), Some(&(_, le))) = (content.first(), content.last()) else {
        return YamlValue::Null(at);
    };
    let whole = span(fs + indent(&text[fs..]), le);
    let first = text[fs..].trim_start();
    if first.starts_with("- ") || first.starts_with('-') && first.trim() == "-" {
        let mut items = Vec::new();
        for &(s, e) in &content {
            let l = &text[s..e];
            let t = l.trim_start();
            let Some(item) = t.strip_prefix('-') else {
                errors.push(("expected a `- item` line".into(), span(s, e)));
                continue;
            };
            let item_start = e - item.len();
            let raw = strip_comment(item);
            let lead = raw.len() - raw.trim_start().len();
            let raw = raw.trim();
            let vspan = span(item_start + lead, item_start + lead + raw.len());
            match inline_value(raw, vspan, errors) {
                YamlValue::Scalar(t) => items.push(t),
                YamlValue::Null(_) => {}
                other => errors.push(("nested lists are not metadata".into(), other.span())),
            }
        }
        return YamlValue::List(items, whole);
    }
    if content
        .iter()
        .any(|&(s, e)| key_colon(text[s..e].trim()).is_some())
    {
        return YamlValue::Map(whole);
    }
    // A plain scalar folded over several lines.
    let joined: Vec<&str> = content.iter().map(|&(s, e)| text[s..e].trim()).collect();
    YamlValue::Scalar(Text::new(joined.join(" "), whole))
}

/// A value written on the key's line.
fn inline_value(raw: &str, span: Span, errors: &mut Vec<(String, Span)>) -> YamlValue {
    if matches!(raw, "" | "~" | "null" | "Null" | "NULL") {
        return YamlValue::Null(span);
    }
    if raw.starts_with('{') {
        if !raw.ends_with('}') {
            errors.push(("unclosed `{`".into(), span));
        }
        return YamlValue::Map(span);
    }
    if let Some(inner) = raw.strip_prefix('[') {
        let Some(inner) = inner.strip_suffix(']') else {
            errors.push((
                "unclosed `[` (flow lists must close on their line)".into(),
                span,
            ));
            return YamlValue::List(Vec::new(), span);
        };
        let mut items = Vec::new();
        let inner_start = span.start + 1;
        for (off, part) in split_flow(inner) {
            let lead = part.len() - part.trim_start().len();
            let p = part.trim();
            if p.is_empty() {
                continue;
            }
            let s = inner_start + off + lead;
            if let YamlValue::Scalar(t) = scalar(p, Span::new(s, s + p.len()), errors) {
                items.push(t);
            }
        }
        return YamlValue::List(items, span);
    }
    scalar(raw, span, errors)
}

/// Split a flow list's inside on commas outside quotes, with each part's offset.
fn split_flow(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, ',') => {
                out.push((start, &s[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push((start, &s[start..]));
    out
}

fn scalar(raw: &str, span: Span, errors: &mut Vec<(String, Span)>) -> YamlValue {
    if let Some(inner) = raw.strip_prefix('"') {
        let Some(inner) = inner.strip_suffix('"').filter(|_| raw.len() >= 2) else {
            errors.push(("unclosed `\"`".into(), span));
            return YamlValue::Scalar(Text::new(inner.to_string(), span));
        };
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(o) => out.push(o),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        return YamlValue::Scalar(Text::new(out, span));
    }
    if let Some(inner) = raw.strip_prefix('\'') {
        let Some(inner) = inner.strip_suffix('\'').filter(|_| raw.len() >= 2) else {
            errors.push(("unclosed `'`".into(), span));
            return YamlValue::Scalar(Text::new(inner.to_string(), span));
        };
        return YamlValue::Scalar(Text::new(inner.replace("''", "'"), span));
    }
    YamlValue::Scalar(Text::new(raw.to_string(), span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar_text(v: &YamlValue) -> &str {
        match v {
            YamlValue::Scalar(t) => &t.text,
            other => panic!("not a scalar: {other:?}"),
        }
    }

    #[test]
    fn reads_flat_keys_lists_and_quotes() {
        let src = "partner: \"Northwind Ledger\" # who\ntier: 2\nleverage: [economic, 'customer']\nother:\n  - a\n  - b\nnote: >\n  folded\n  text\nempty:\n";
        let doc = parse(src, 100);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        assert_eq!(doc.entries.len(), 6);
        let p = &doc.entries[0];
        assert_eq!(scalar_text(&p.value), "Northwind Ledger");
        let s = p.value.span();
        assert_eq!(&src[s.start - 100..s.end - 100], "\"Northwind Ledger\"");
        assert_eq!(scalar_text(&doc.entries[1].value), "2");
        match &doc.entries[2].value {
            YamlValue::List(items, _) => {
                let texts: Vec<_> = items.iter().map(|t| t.text.as_str()).collect();
                assert_eq!(texts, ["economic", "customer"]);
                let s = items[1].span;
                assert_eq!(&src[s.start - 100..s.end - 100], "'customer'");
            }
            other => panic!("{other:?}"),
        }
        match &doc.entries[3].value {
            YamlValue::List(items, _) => assert_eq!(items.len(), 2),
            other => panic!("{other:?}"),
        }
        assert_eq!(scalar_text(&doc.entries[4].value), "folded text");
        assert!(matches!(doc.entries[5].value, YamlValue::Null(_)));
    }

    #[test]
    fn nested_maps_and_garbage() {
        let doc = parse("partner:\n  name: x\n", 0);
        assert!(matches!(doc.entries[0].value, YamlValue::Map(_)));
        let doc = parse(
            "just words\npartner: [a, b\nx: \"open\n\tk: v\na: 1\na: 2\n",
            0,
        );
        assert_eq!(doc.errors.len(), 5, "{:?}", doc.errors);
        let doc = parse("a: 1\r  b\rc: 2", 0);
        assert!(!doc.errors.is_empty());
    }
}
