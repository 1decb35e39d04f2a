//! Inline suppression: `<!-- charter-disable rule -->` in Markdown, `# charter-disable rule`
//! in TOML, with `charter-enable` and `charter-disable-next-line`. The parser finds the
//! directives (`parse::comments`); here they become the lines each rule is off on.

use crate::model::{Directive, DirectiveKind};
use std::collections::{HashMap, HashSet};

/// Which rules are off on which lines.
#[derive(Debug, Default)]
pub struct Suppressions {
    /// (rules, first line, last line) with 1-based inclusive lines; an empty rule list
    /// means every rule.
    ranges: Vec<(Vec<String>, usize, usize)>,
    /// Rules disabled and never re-enabled: they also silence whole-file findings.
    file_wide: Vec<Vec<String>>,
    /// The same, by the rule they name, so that a finding is looked up rather than
    /// checked against every directive (a charter of 10,000 directives and as many
    /// findings would otherwise take their product).
    index: Index,
}

/// The `disable`s not yet closed, by the rules they name, so that an `enable` finds the
/// ones it closes without going through every one still open.
#[derive(Default)]
struct Open {
    /// (rules, the line it started on); `None` once closed.
    slots: Vec<Option<(Vec<String>, usize)>>,
    by_rule: HashMap<String, Vec<usize>>,
    /// Slots of a bare `disable` (every rule).
    bare: Vec<usize>,
    /// Slots before this one are all closed (a bare `enable` closes everything).
    live_from: usize,
}

impl Open {
    fn add(&mut self, rules: Vec<String>, line: usize) {
        let i = self.slots.len();
        if rules.is_empty() {
            self.bare.push(i);
        }
        for r in &rules {
            self.by_rule.entry(r.clone()).or_default().push(i);
        }
        self.slots.push(Some((rules, line)));
    }

    /// Take out the open ranges an `enable` of `rules` closes, oldest first.
    fn closed_by(&mut self, rules: &[String]) -> Vec<(Vec<String>, usize)> {
        let mut hit: Vec<usize> = if rules.is_empty() {
            let all = (self.live_from..self.slots.len()).collect();
            self.live_from = self.slots.len();
            self.by_rule.clear();
            self.bare.clear();
            all
        } else {
            let mut hit = std::mem::take(&mut self.bare);
            for r in rules {
                hit.extend(self.by_rule.remove(r).unwrap_or_default());
            }
            hit
        };
        hit.sort_unstable();
        hit.dedup();
        hit.into_iter()
            .filter_map(|i| self.slots.get_mut(i).and_then(Option::take))
            .collect()
    }
}

/// Lines off, merged into sorted disjoint spans, by the name a directive gives (as
/// written, for a rule name; lower-cased, for a code) and for every rule.
#[derive(Debug, Default)]
struct Index {
    by_name: HashMap<String, Vec<(usize, usize)>>,
    by_code: HashMap<String, Vec<(usize, usize)>>,
    every: Vec<(usize, usize)>,
    file_names: HashSet<String>,
    file_codes: HashSet<String>,
    file_every: bool,
}

impl Index {
    fn new(ranges: &[(Vec<String>, usize, usize)], file_wide: &[Vec<String>]) -> Index {
        let mut ix = Index::default();
        for (rules, a, b) in ranges {
            if a > b {
                continue;
            }
            if rules.is_empty() {
                ix.every.push((*a, *b));
            }
            for r in rules {
                ix.by_name.entry(r.clone()).or_default().push((*a, *b));
                ix.by_code
                    .entry(r.to_ascii_lowercase())
                    .or_default()
                    .push((*a, *b));
            }
        }
        for rules in file_wide {
            ix.file_every |= rules.is_empty();
            ix.file_names.extend(rules.iter().cloned());
            ix.file_codes
                .extend(rules.iter().map(|r| r.to_ascii_lowercase()));
        }
        merge(&mut ix.every);
        ix.by_name.values_mut().for_each(merge);
        ix.by_code.values_mut().for_each(merge);
        ix
    }
}

/// Sort spans and join those that overlap or touch.
fn merge(spans: &mut Vec<(usize, usize)>) {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for &(a, b) in spans.iter() {
        match out.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    *spans = out;
}

/// Whether sorted disjoint spans cover `line`.
fn covers(spans: &[(usize, usize)], line: usize) -> bool {
    let after = spans.partition_point(|&(a, _)| a <= line);
    after
        .checked_sub(1)
        .and_then(|i| spans.get(i))
        .is_some_and(|&(_, b)| b >= line)
}

impl Suppressions {
    /// The ranges the directives of a charter (in line order) switch off.
    pub fn new(directives: &[Directive]) -> Suppressions {
        let mut s = Suppressions::default();
        let mut open = Open::default();
        for d in directives {
            let (lineno, rules) = (d.line, d.rules.clone());
            match d.kind {
                DirectiveKind::NextLine => s.ranges.push((rules, lineno + 1, lineno + 1)),
                DirectiveKind::Disable => open.add(rules, lineno),
                DirectiveKind::Enable => {
                    // Close every open range that names one of these rules (or all, for
                    // a bare enable); the rules it named besides stay off from here.
                    for (open_rules, start) in open.closed_by(&rules) {
                        s.ranges.push((open_rules.clone(), start, lineno));
                        let rest: Vec<String> = open_rules
                            .into_iter()
                            .filter(|r| !rules.is_empty() && !rules.contains(r))
                            .collect();
                        if !rest.is_empty() {
                            open.add(rest, lineno);
                        }
                    }
                }
            }
        }
        for (rules, start) in open.slots.into_iter().flatten() {
            s.ranges.push((rules.clone(), start, usize::MAX));
            s.file_wide.push(rules);
        }
        s.index = Index::new(&s.ranges, &s.file_wide);
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
        let ix = &self.index;
        if ix.every.is_empty() && ix.by_name.is_empty() {
            return false;
        }
        let code = code.to_ascii_lowercase();
        if whole_file
            && (ix.file_every || ix.file_names.contains(name) || ix.file_codes.contains(&code))
        {
            return true;
        }
        covers(&ix.every, line)
            || ix.by_name.get(name).is_some_and(|s| covers(s, line))
            || ix.by_code.get(&code).is_some_and(|s| covers(s, line))
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

    /// The ranges as they were worked out before `Open`: every open range checked at
    /// each `enable`.
    fn plain_ranges(directives: &[Directive]) -> Vec<(Vec<String>, usize, usize)> {
        let mut ranges = Vec::new();
        let mut open: Vec<(Vec<String>, usize)> = Vec::new();
        for d in directives {
            let (lineno, rules) = (d.line, d.rules.clone());
            match d.kind {
                DirectiveKind::NextLine => ranges.push((rules, lineno + 1, lineno + 1)),
                DirectiveKind::Disable => open.push((rules, lineno)),
                DirectiveKind::Enable => {
                    let mut keep = Vec::new();
                    for (open_rules, start) in open.drain(..) {
                        let closes = rules.is_empty()
                            || open_rules.is_empty()
                            || open_rules.iter().any(|r| rules.contains(r));
                        if closes {
                            ranges.push((open_rules.clone(), start, lineno));
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
        ranges.extend(open.into_iter().map(|(r, a)| (r, a, usize::MAX)));
        ranges.sort();
        ranges
    }

    /// The index answers as a check of every range would (the plain reference), on
    /// random directives, and the ranges are those the plain way finds.
    #[test]
    fn lookups_agree_with_checking_every_range() {
        let plain = |s: &Suppressions, name: &str, code: &str, line: usize, whole: bool| {
            let names = |rules: &[String]| {
                rules.is_empty()
                    || rules
                        .iter()
                        .any(|r| r == name || r.eq_ignore_ascii_case(code))
            };
            (whole && s.file_wide.iter().any(|r| names(r)))
                || s.ranges
                    .iter()
                    .any(|(rules, a, b)| (*a..=*b).contains(&line) && names(rules))
        };
        let mut seed = 0x853c_49e6_748f_ea9b_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        let words = [
            "placeholder",
            "CH004",
            "ch004",
            "stale-review",
            "",
            "Placeholder",
        ];
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..next(12) {
                let kind = ["disable", "enable", "disable-next-line"][next(3)];
                let rule = words[next(words.len() as u64)];
                let more = if next(3) == 0 { ", stale-review" } else { "" };
                text.push_str(&format!("<!-- charter-{kind} {rule}{more} -->\nx\n"));
            }
            let s = Suppressions::scan(&text);
            let mut ranges = s.ranges.clone();
            ranges.sort();
            let directives = crate::parse::comments::directives(&text);
            assert_eq!(ranges, plain_ranges(&directives), "{text}");
            for line in 0..30 {
                for (name, code) in [("placeholder", "CH004"), ("stale-review", "CH027")] {
                    for whole in [false, true] {
                        assert_eq!(
                            s.suppressed(name, code, line, whole),
                            plain(&s, name, code, line, whole),
                            "{text}\nline {line} {name} {whole}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn bare_disable_means_every_rule() {
        let s = Suppressions::scan("# charter-disable\n");
        assert!(s.suppressed("anything", "CH999", 5, true));
    }
}
