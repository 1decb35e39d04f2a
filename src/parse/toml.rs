//! TOML charters: metadata at the top level, one table per section. See docs/format.md.
//!
//! The document is parsed once by `toml`'s span-keeping parser ([`DeTable`]), then
//! walked once ([`read`]). Syntax errors do not stop the walk: the parser recovers
//! what it can, and the model is built from that.

mod locate;
mod read;
#[cfg(test)]
mod tests;

use crate::model::{Charter, Format, Issue, IssueKind, Span};
use crate::source::Source;
use crate::vocab::Vocabulary;
use ::toml::de::DeTable;

/// Syntax errors kept per file. A file of garbage can yield one per line; the first
/// few say all there is to say.
const MAX_SYNTAX_ISSUES: usize = 20;

/// `toml` refuses dotted keys of more parts than this (and reports it without a
/// position, so we find the spot ourselves).
const MAX_KEY_PARTS: usize = 80;

pub fn parse(source: &Source, vocab: &Vocabulary) -> Charter {
    let text = source.text.as_str();
    let mut charter = Charter::empty(Format::Toml, text.len());
    // Same cost as `DeTable::parse`, but keeps what precedes and follows an error.
    let (root, errors) = DeTable::parse_recoverable(text);
    let errors: Vec<&::toml::de::Error> = errors
        .iter()
        .filter(|e| !line_ending_artifact(text, e, &errors))
        .collect();
    for e in errors.iter().take(MAX_SYNTAX_ISSUES) {
        charter.issues.push(syntax_issue(source, e));
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
    read::Reader::new(text, vocab, &mut charter).document(root.get_ref());
    charter
}

/// A string left open at the end of a CRLF line: `toml` reports the CR as a character
/// the string may not hold, besides the unclosed string itself (at the LF). The CR
/// belongs to the line ending, so only the error an LF file gets is kept.
fn line_ending_artifact(text: &str, e: &::toml::de::Error, all: &[::toml::de::Error]) -> bool {
    let Some(at) = e.span() else {
        return false;
    };
    let crlf = text.as_bytes().get(at.start..at.start + 2) == Some(b"\r\n");
    crlf && all
        .iter()
        .any(|o| !std::ptr::eq(o, e) && o.span().is_some_and(|s| s.start == at.start + 1))
        && e.message().contains("visible characters")
}

fn syntax_issue(source: &Source, e: &::toml::de::Error) -> Issue {
    let (message, span) = match e.span() {
        Some(r) => (e.message().to_string(), source.clamp(Span::from(r))),
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

/// The default pack's vocabulary, for tests of the parsers.
#[cfg(test)]
pub(crate) fn default_vocab() -> Vocabulary {
    let mut table: ::toml::Table =
        ::toml::from_str(include_str!("../../rules/default.toml")).expect("default pack parses");
    table.remove("rule");
    table.remove("pack");
    let spec: crate::vocab::VocabSpec = table.try_into().expect("vocabulary tables");
    Vocabulary::build([&spec]).expect("vocabulary builds")
}
