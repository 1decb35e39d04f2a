//! The words charters use: section and field aliases, phase names, table columns.
//!
//! The aliases are data in the rule packs (`[sections.*]`, `[phases]`, `[columns.*]`),
//! so a team can teach `charter` its own headings. Everything is matched after
//! [`normalize`], and aliases are normalized once when the vocabulary is built.
//!
//! `spec` is the pack's schema, `heading` the lenient reading of a section heading, `table` the compiled [`Vocabulary`], `names` the two
//! sides' names read in labels, `normalise` the reduction of a label to its words, and
//! `memo` the remembered answers a parser looks labels up through.

mod by_names;
mod closest;
mod closing;
mod columns;
mod content;
pub mod cues;
mod heading;
mod memo;
mod names;
mod normalise;
mod sides;
mod spec;
mod table;

pub use by_names::PrefixFields;
pub use heading::{strip_numbering, HeadingMatch};
pub use memo::{Lookup, Memo};
pub(crate) use names::find_bytes;
pub use names::{defined_term, Names};
pub use normalise::{normalize, Prefixes};
pub use spec::{MetricPart, PhasePart, SectionSpec, VocabSpec};
pub use table::Vocabulary;

#[cfg(test)]
mod testkit;

/// The default pack's vocabulary, for tests of the parsers. Read from the pack file
/// itself (its rules set aside) so that the vocabulary does not lean on `rules`.
#[cfg(test)]
pub(crate) fn default_vocab() -> Vocabulary {
    #[derive(serde::Deserialize)]
    struct VocabOnly {
        #[serde(flatten)]
        vocab: VocabSpec,
    }
    let mut pack: toml::Table =
        toml::from_str(include_str!("../../rules/default.toml")).expect("default pack parses");
    pack.remove("rule");
    pack.remove("pack");
    let only: VocabOnly = pack.try_into().expect("vocabulary spec");
    Vocabulary::build([&only.vocab]).expect("vocabulary builds")
}
