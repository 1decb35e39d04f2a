//! What the fixture tests share: linting a file with the default pack, in-process.

#![allow(dead_code)]

use charter::lint::lint_source;
use charter::parse::format_for;
use charter::rules::RuleSet;
use charter::source::Source;
use jiff::civil::{date, Date};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The fixed day every fixture is linted on (`stale-review` depends on it).
pub const TODAY: Date = date(2026, 11, 21);

/// One finding as the tests compare it: rule name, message, 1-based line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub rule: String,
    pub message: String,
    pub line: usize,
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{} {}", self.line, self.rule, self.message)
    }
}

pub fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::default_rules().expect("the default pack loads"))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Lint a text as if it were the file `name` (the name decides the format).
pub fn lint_text(name: &str, text: &str) -> Vec<Found> {
    let source = Source::new(name, text.to_string());
    let findings = lint_source(&source, format_for(name), rules(), TODAY);
    findings
        .iter()
        .map(|f| Found {
            rule: f.rule.clone(),
            message: f.message.clone(),
            line: source.line_col(f.span.start).0,
        })
        .collect()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn lint_file(path: &Path) -> Vec<Found> {
    lint_text(&path.to_string_lossy(), &read(path))
}

/// Findings without their lines, sorted: what two formats of one charter share.
pub fn rule_messages(found: &[Found]) -> Vec<(String, String)> {
    let mut out: Vec<_> = found
        .iter()
        .map(|f| (f.rule.clone(), f.message.clone()))
        .collect();
    out.sort();
    out
}

pub fn show(found: &[Found]) -> String {
    if found.is_empty() {
        return "  (no findings)".to_string();
    }
    found
        .iter()
        .map(|f| format!("  {f}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rule names of `rules/default.toml`, read from the file itself.
pub fn pack_rule_names() -> Vec<String> {
    let text = read(&root().join("rules/default.toml"));
    let pack: toml::Table = toml::from_str(&text).expect("rules/default.toml parses");
    pack["rule"]
        .as_array()
        .expect("[[rule]] entries")
        .iter()
        .map(|r| r["name"].as_str().expect("a rule has a name").to_string())
        .collect()
}

/// Files under `dir` (recursively) whose name ends with `suffix`, sorted.
pub fn files_ending(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
