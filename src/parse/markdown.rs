//! Markdown charters: front matter, then sections under headings. See docs/format.md.

use crate::model::{Charter, Format};
use crate::source::Source;
use crate::vocab::Vocabulary;

pub fn parse(source: &Source, _vocab: &Vocabulary) -> Charter {
    Charter::empty(Format::Markdown, source.text.len())
}
