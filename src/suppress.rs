//! Inline suppression: `<!-- charter-disable rule -->` in Markdown, `# charter-disable rule`
//! in TOML, with `charter-enable` and `charter-disable-next-line`. The parser finds the
//! directives (`parse::comments`); here they become the lines each rule is off on.

use crate::model::{Directive, DirectiveKind};

/// Which rules are off on which lines.
#[derive(Debug, Default)]
pub struct Suppressions {
    /// (rules, first line, last line) with 1-based inclusive lines; an empty rule list
    /// means every rule.
    ranges: Vec<(Vec<String>, usize, usize)>,
    /// Rules disabled and never re-enabled: they also silence whole-file findings.
    file_wide: Vec<Vec<String>>,
}

impl Suppressions {
    /// The ranges the directives of a charter (in line order) switch off.
    pub fn new(directives: &[Directive]) -> Suppressions {
        let mut s = Suppressions::default();
        // Open `disable`s: rules → the line they started on.
        let mut open: Vec<(Vec<String>, usize)> = Vec::new();
        for d in directives {
            let (lineno, rules) = (d.line, d.rules.clone());
            match d.kind {
                DirectiveKind::NextLine => s.ranges.push((rules, lineno + 1, lineno + 1)),
                DirectiveKind::Disable => open.push((rules, lineno)),
                DirectiveKind::Enable => {
                    // Close every open range that names one of these rules (or all, for a bare enable).
                    let mut keep = Vec::new();
                    for (open_rules, start) in open.drain(..) {
                        let closes = rules.is_empty()
                            || open_rules.is_empty()
                            || open_rules.iter().any(|r| rules.contains(r));
                        if closes {
                            s.ranges.push((open_rules.clone(), start, lineno));
                            let rest: Vec<String> = open_rules
                                .into_iter()
                                .filter(|r| !rules.is_empty() && !rules.contains(r))
                                .collect();
                            if !rest.is_empty() {
                                keep.push((rest, lineno));
                            }
                        } else {
                            keep.push((open_rules, start));
                        }
                    }
                    open = keep;
                }
            }
        }
        for (rules, start) in open {
            s.ranges.push((rules.clone(), start, usize::MAX));
            s.file_wide.push(rules);
        }
        s
    }

    /// The suppressions of a text in either format (its directives read as the parser
    /// reads them).
    pub fn scan(text: &str) -> Suppressions {
        Suppressions::new(&crate::parse::comments::directives(text))
    }

    /// No directive at all: nothing is suppressed, whatever the rule or line.
    pub fn is_empty(&self) -> bool {
        // Every file-wide disable is a range too.
        self.ranges.is_empty()
    }

    /// Whether a finding of rule `name` (code `code`) on `line` is suppressed.
    pub fn suppressed(&self, name: &str, code: &str, line: usize, whole_file: bool) -> bool {
        let names = |rules: &[String]| {
            rules.is_empty()
                || rules
                    .iter()
                    .any(|r| r == name || r.eq_ignore_ascii_case(code))
        };
        if whole_file && self.file_wide.iter().any(|r| names(r)) {
            return true;
        }
        self.ranges
            .iter()
            .any(|(rules, a, b)| (*a..=*b).contains(&line) && names(rules))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_next_line_and_file_wide() {
        let text = "a\n<!-- charter-disable placeholder -->\nb\n<!-- charter-enable placeholder -->\nc\n\
                    # charter-disable-next-line stale-review\nd\n<!-- charter-disable missing-section, empty-section -->\ne\n";
        let s = Suppressions::scan(text);
        assert!(s.suppressed("placeholder", "CH004", 3, false));
        assert!(!s.suppressed("placeholder", "CH004", 5, false));
        assert!(s.suppressed("stale-review", "CH027", 7, false));
        assert!(!s.suppressed("stale-review", "CH027", 8, false));
        assert!(s.suppressed("empty-section", "CH003", 9, false));
        assert!(s.suppressed("missing-section", "CH002", 1, true));
        assert!(!s.suppressed("missing-section", "CH002", 1, false));
        assert!(!s.suppressed("placeholder", "CH004", 1, true));
        assert!(!s.is_empty());
        assert!(Suppressions::scan("a\n<!-- charter-disabled x -->\n").is_empty());
    }

    #[test]
    fn codes_work_and_lookalikes_do_not() {
        let s = Suppressions::scan(
            "<!-- charter-disable CH004 -->\nx\n<!-- charter-disabled foo -->\n",
        );
        assert!(s.suppressed("placeholder", "CH004", 2, false));
        assert_eq!(s.ranges.len(), 1);
    }

    #[test]
    fn bare_disable_means_every_rule() {
        let s = Suppressions::scan("# charter-disable\n");
        assert!(s.suppressed("anything", "CH999", 5, true));
    }
}
