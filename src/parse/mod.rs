//! Source text to [`Charter`]: one reader per format, one model out.

pub mod comments;
pub mod front_matter;
mod implied;
pub mod markdown;
pub mod meta;
pub mod phases;
pub(crate) mod signed;
pub mod sniff;
pub mod toml;

use crate::model::{Charter, Format};
use crate::source::Source;
use crate::vocab::{Memo, Vocabulary};

/// Parse a charter. Never fails: what cannot be read is recorded in `Charter::issues`.
pub fn parse(source: &Source, format: Format, vocab: &Vocabulary) -> Charter {
    let mut charter = match format {
        Format::Markdown => markdown::parse(source, vocab),
        Format::Toml => self::toml::parse(source, vocab),
    };
    implied::add(&mut charter, vocab);
    charter
}

/// [`parse`], looking labels up through `memo`: a caller parsing many charters keeps
/// one from one charter to the next, so that labels seen before cost one hash.
pub fn parse_with(source: &Source, format: Format, memo: &mut Memo<'_>) -> Charter {
    let mut charter = match format {
        Format::Markdown => markdown::parse_with(source, memo),
        Format::Toml => self::toml::parse_with(source, memo),
    };
    implied::add(&mut charter, memo.vocab());
    charter
}

/// The format a file name implies: `.toml` is TOML, anything else Markdown.
pub fn format_for(name: &str) -> Format {
    if name.to_ascii_lowercase().ends_with(".toml") {
        Format::Toml
    } else {
        Format::Markdown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One memo kept across every fixture, in both formats, reads each as a fresh parse does.
    #[test]
    fn a_shared_memo_reads_as_a_fresh_parse() {
        let vocab = crate::vocab::default_vocab();
        let mut memo = Memo::new(&vocab);
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules");
        let mut read = 0;
        for rule in std::fs::read_dir(root).unwrap() {
            for file in std::fs::read_dir(rule.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                let name = path.to_string_lossy().to_string();
                if !name.contains(".charter.") {
                    continue;
                }
                let source = Source::new(&name, std::fs::read_to_string(&path).unwrap());
                let format = format_for(&name);
                let fresh = format!("{:?}", parse(&source, format, &vocab));
                let shared = format!("{:?}", parse_with(&source, format, &mut memo));
                assert_eq!(fresh, shared, "{name}");
                read += 1;
            }
        }
        assert!(read > 40, "{read} fixtures");
    }
}
