//! TOML charters: metadata at the top level, one table per section. See docs/format.md.
//!
//! The document is parsed once by `toml`'s span-keeping parser ([`DeTable`]), then
//! walked once ([`read`]). Syntax errors do not stop the walk: the parser recovers
//! what it can, and the model is built from that.

mod locate;
mod phase;
mod read;
#[cfg(test)]
mod tests;

use crate::model::{Charter, Format, Issue, IssueKind, Span};
use crate::source::Source;
use crate::vocab::{Memo, Names, Vocabulary};
use ::toml::de::DeTable;

/// Syntax errors kept per file. A file of garbage can yield one per line; the first
/// few say all there is to say.
const MAX_SYNTAX_ISSUES: usize = 20;

/// `toml` refuses dotted keys of more parts than this (and reports it without a
/// position, so we find the spot ourselves).
const MAX_KEY_PARTS: usize = 80;

pub fn parse(source: &Source, vocab: &Vocabulary) -> Charter {
    parse_with(source, &mut Memo::new(vocab))
}

/// [`parse`], looking labels up through `memo`, which a caller parsing many charters
/// keeps from one to the next.
pub fn parse_with(source: &Source, memo: &mut Memo<'_>) -> Charter {
    let text = source.text.as_str();
    let mut charter = Charter::empty(Format::Toml, text.len());
    charter.comments = super::comments::scan(Format::Toml, text);
    // Same cost as `DeTable::parse`, but keeps what precedes and follows an error.
    let (root, errors) = DeTable::parse_recoverable(text);
    // `toml` words and places some errors differently when lines end in CRLF (the `\r`
    // of an unterminated string's line is an "invalid character"; an escape before it
    // is read otherwise). A file's findings must not depend on its line endings, so the
    // errors of a CRLF file come from an LF copy, their spans mapped back.
    let (errors, crs) = if !errors.is_empty() && text.contains("\r\n") {
        let (lf, crs) = without_crs(text);
        (DeTable::parse_recoverable(&lf).1, crs)
    } else {
        (errors, Vec::new())
    };
    for e in errors.iter().take(MAX_SYNTAX_ISSUES) {
        charter.issues.push(syntax_issue(source, e, &crs));
    }
    if errors.len() > MAX_SYNTAX_ISSUES {
        let last = charter.issues.last().map_or(Span::empty(0), |i| i.span);
        charter.issues.push(Issue {
            kind: IssueKind::Syntax,
            message: format!(
                "{} more syntax errors after this one",
                errors.len() - MAX_SYNTAX_ISSUES
            ),
            span: last,
        });
    }
    // Made without the sides' names: the reader builds them only for a label that is
    // not an alias as written, and asks the vocabulary itself then.
    let no_names = Names::default();
    let lookup = memo.lookup(&no_names);
    read::Reader::new(text, &lookup, &mut charter).document(root.get_ref());
    super::phases::finish(&mut charter);
    charter
}

/// `text` with each `\r\n` made `\n`, and where (in the copy) each `\r` was taken out.
fn without_crs(text: &str) -> (String, Vec<usize>) {
    let mut lf = String::with_capacity(text.len());
    let mut crs = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("\r\n") {
        lf.push_str(&rest[..i]);
        crs.push(lf.len());
        lf.push('\n');
        rest = &rest[i + 2..];
    }
    lf.push_str(rest);
    (lf, crs)
}

fn syntax_issue(source: &Source, e: &::toml::de::Error, crs: &[usize]) -> Issue {
    // An offset in the LF copy, back in the file: one byte for each `\r` taken out
    // before it (an offset at a `\n` lands on its `\r`: the same line and column).
    let back = |at: usize| at + crs.partition_point(|&cr| cr < at);
    let (message, span) = match e.span() {
        Some(r) => (
            e.message().to_string(),
            source.clamp(Span::new(back(r.start), back(r.end))),
        ),
        // The only error `toml` reports without a position: a dotted key too long.
        None if e.message() == "recursion limit" => (
            format!("key has more than {MAX_KEY_PARTS} dotted parts"),
            locate::long_dotted_key(&source.text, MAX_KEY_PARTS).unwrap_or_default(),
        ),
        None => (e.message().to_string(), Span::empty(0)),
    };
    Issue {
        kind: IssueKind::Syntax,
        message,
        span,
    }
}
