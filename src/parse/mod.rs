//! Source text to [`Charter`]: one reader per format, one model out.

pub mod front_matter;
pub mod markdown;
pub mod meta;
pub(crate) mod signed;
pub mod toml;

use crate::model::{Charter, Format};
use crate::source::Source;
use crate::vocab::{Memo, Vocabulary};

/// Parse a charter. Never fails: what cannot be read is recorded in `Charter::issues`.
pub fn parse(source: &Source, format: Format, vocab: &Vocabulary) -> Charter {
    match format {
        Format::Markdown => markdown::parse(source, vocab),
        Format::Toml => self::toml::parse(source, vocab),
    }
}

/// [`parse`], looking labels up through `memo`: a caller parsing many charters keeps
/// one from one charter to the next, so that labels seen before cost one hash.
pub fn parse_with(source: &Source, format: Format, memo: &mut Memo<'_>) -> Charter {
    match format {
        Format::Markdown => markdown::parse_with(source, memo),
        Format::Toml => self::toml::parse(source, memo.vocab()),
    }
}

/// The format a file name implies: `.toml` is TOML, anything else Markdown.
pub fn format_for(name: &str) -> Format {
    if name.to_ascii_lowercase().ends_with(".toml") {
        Format::Toml
    } else {
        Format::Markdown
    }
}
