//! The rule engine: packs declare rules, checks written in Rust carry them out.
//!
//! A rule in a pack names a `check` and gives it parameters; [`checks::CHECKS`]
//! maps the check's name to the Rust code that builds it. A check only reports
//! *where* and *what* ([`Hit`]); the pack's rule gives the code, name, severity,
//! message template and help, so all user-facing text is data.

pub mod checks;
pub mod engine;
pub mod pack;
mod support;

use crate::model::{Charter, Format, Span};
use crate::source::Source;
use crate::vocab::Vocabulary;
use jiff::civil::Date;
use std::cell::OnceCell;

pub use engine::{Finding, RuleSet};
pub use pack::Severity;

/// What a check sees of one charter.
pub struct Ctx<'a> {
    pub charter: &'a Charter,
    pub source: &'a Source,
    pub vocab: &'a Vocabulary,
    /// The date time-based rules compare against (`--today`, or the clock).
    pub today: Date,
    /// [`Ctx::comments`], found once per charter however many rules ask.
    comments: OnceCell<Vec<Span>>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        charter: &'a Charter,
        source: &'a Source,
        vocab: &'a Vocabulary,
        today: Date,
    ) -> Ctx<'a> {
        Ctx {
            charter,
            source,
            vocab,
            today,
            comments: OnceCell::new(),
        }
    }

    /// The source text under a span.
    pub fn slice(&self, span: Span) -> &str {
        self.source.slice(span)
    }

    /// The comments in the source, sorted and disjoint: `<!-- … -->` in Markdown,
    /// whole comment lines (`# …`) in TOML, adjacent ones as one span.
    pub fn comments(&self) -> &[Span] {
        self.comments
            .get_or_init(|| comments(self.charter.format, &self.source.text))
    }
}

/// See [`Ctx::comments`].
fn comments(format: Format, text: &str) -> Vec<Span> {
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

/// One place where a check found its defect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    /// Values for the `{name}` placeholders of the rule's message template.
    pub args: Vec<(&'static str, String)>,
    /// The finding is about the charter as a whole (a missing section), not a place in it.
    /// Such hits point at [`Charter::anchor`] and are suppressed by a file-wide disable.
    pub whole_file: bool,
    /// Which of the rule's `messages` to use (`missing`, `matched`, …); `""` for `message`.
    pub variant: &'static str,
}

impl Hit {
    pub fn at(span: Span) -> Hit {
        Hit {
            span,
            args: Vec::new(),
            whole_file: false,
            variant: "",
        }
    }

    /// A hit about the whole charter, shown at its metadata.
    pub fn whole(charter: &Charter) -> Hit {
        Hit {
            span: charter.anchor(),
            args: Vec::new(),
            whole_file: true,
            variant: "",
        }
    }

    pub fn variant(mut self, variant: &'static str) -> Hit {
        self.variant = variant;
        self
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Hit {
        self.args.push((name, value.into()));
        self
    }
}

/// A check: the Rust half of a rule. Built once per run from the pack's parameters,
/// then run on every charter, so all compilation (regexes, word lists) happens in the
/// factory, never in `run`.
pub trait Check: Send + Sync + std::fmt::Debug {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>);
}

/// Builds a check from the parameters of its rule (`[rule.params]` merged with the
/// config's `[params.<rule>]`). An error is a message about those parameters.
pub type Factory = fn(&toml::Table) -> Result<Box<dyn Check>, String>;

/// Deserialize a check's typed parameters from its parameter table.
pub fn params<T: serde::de::DeserializeOwned>(table: &toml::Table) -> Result<T, String> {
    toml::Value::Table(table.clone())
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_string())
}

#[cfg(test)]
mod tests {
    use super::comments;
    use crate::model::{Format, Span};

    #[test]
    fn toml_comment_lines_are_the_lines_that_start_with_a_hash() {
        // What `comments` computes, line by line (adjacent lines joined).
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
            assert_eq!(comments(Format::Toml, text), by_lines(text), "{text:?}");
        }
    }

    #[test]
    fn markdown_comments_run_to_their_end_or_the_end_of_the_text() {
        let text = "a <!-- b --> c <!-- d";
        assert_eq!(
            comments(Format::Markdown, text),
            [Span::new(2, 12), Span::new(15, text.len())]
        );
    }
}
