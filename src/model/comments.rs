//! The comments of a charter and the suppression directives among its lines, read
//! once by the parser so that rules and suppressions need not scan the text again.

use super::Span;
use std::sync::OnceLock;

/// What the parser found of comments and directives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comments {
    /// The comments, sorted and disjoint: `<!-- … -->` in Markdown, whole comment
    /// lines (`# …`) in TOML, adjacent ones as one span. Patterns never match in them.
    pub spans: Vec<Span>,
    /// The `charter-disable` / `charter-enable` / `charter-disable-next-line` lines,
    /// in order; see [`Comments::directives`].
    pub directives: OnceLock<Vec<Directive>>,
}

impl Comments {
    /// The directives, read by `read` (`parse::comments::directives`) the first time
    /// they are asked for: only a charter with a finding needs them, and most have
    /// none, so most never pay for the search of their text. Either comment style is
    /// a directive in either format.
    pub fn directives(&self, read: impl FnOnce() -> Vec<Directive>) -> &[Directive] {
        self.directives.get_or_init(read)
    }
}

/// One suppression directive: `<!-- charter-disable rule -->` or `# charter-disable rule`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// The rules (names or codes) it names; none means every rule.
    pub rules: Vec<String>,
    /// Its 1-based line.
    pub line: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `charter-disable`: off from this line until a matching `charter-enable`.
    Disable,
    /// `charter-enable`: closes the open disables it names.
    Enable,
    /// `charter-disable-next-line`: off on the following line only.
    NextLine,
}
