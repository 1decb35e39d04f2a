//! TOML charters: metadata at the top level, one table per section. See docs/format.md.

use crate::model::{Charter, Format};
use crate::source::Source;
use crate::vocab::Vocabulary;

pub fn parse(source: &Source, _vocab: &Vocabulary) -> Charter {
    Charter::empty(Format::Toml, source.text.len())
}
