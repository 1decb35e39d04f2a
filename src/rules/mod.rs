//! The rule engine: packs declare rules, checks written in Rust carry them out.
//!
//! A rule in a pack names a `check` and gives it parameters; [`checks::CHECKS`]
//! maps the check's name to the Rust code that builds it. A check only reports
//! *where* and *what* ([`Hit`]); the pack's rule gives the code, name, severity,
//! message template and help, so all user-facing text is data.

pub mod checks;
pub mod engine;
mod fill;
pub mod pack;
mod support;

use crate::model::{Charter, Side, Span};
use crate::source::Source;
use crate::vocab::Vocabulary;
use jiff::civil::Date;

pub use engine::{Finding, RuleSet};
pub use pack::Severity;

/// What a check sees of one charter.
pub struct Ctx<'a> {
    pub charter: &'a Charter,
    pub source: &'a Source,
    pub vocab: &'a Vocabulary,
    /// The date time-based rules compare against (`--today`, or the clock).
    pub today: Date,
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
        }
    }

    /// The source text under a span.
    pub fn slice(&self, span: Span) -> &str {
        self.source.slice(span)
    }
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
    /// The party the finding is about, named by the `{side}` placeholders.
    pub who: Option<Who>,
}

/// A party a finding is about: a side of the partnership (named from the metadata when
/// the message is written) or another party, named as text (`shared customers`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    Side(Side),
    Named(String),
}

impl Hit {
    pub fn at(span: Span) -> Hit {
        Hit {
            span,
            args: Vec::new(),
            whole_file: false,
            variant: "",
            who: None,
        }
    }

    /// A hit about the whole charter, shown at its metadata.
    pub fn whole(charter: &Charter) -> Hit {
        Hit {
            span: charter.anchor(),
            args: Vec::new(),
            whole_file: true,
            variant: "",
            who: None,
        }
    }

    pub fn variant(mut self, variant: &'static str) -> Hit {
        self.variant = variant;
        self
    }

    pub fn who(mut self, who: Who) -> Hit {
        self.who = Some(who);
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
