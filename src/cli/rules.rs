//! `charter rules`: the rules of the active packs, one line each.

use super::RulesArgs;
use serde_json::json;
use std::fmt::Write;

pub fn run(args: RulesArgs) -> u8 {
    let rules = match super::load_rules(&args.config) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if args.json {
        let list: Vec<_> = rules
            .rules
            .iter()
            .map(|r| {
                json!({
                    "code": r.code,
                    "name": r.name,
                    "default_severity": r.default_severity.name(),
                    "severity": r.severity.map(|s| s.name()).unwrap_or("off"),
                    "draft_severity": r.draft_severity.map(|s| s.name()),
                    "pack": r.pack,
                    "summary": r.summary,
                })
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&list).unwrap_or_default();
        text.push('\n');
        return super::write_stdout(text.as_bytes());
    }
    let width = rules.rules.iter().map(|r| r.name.len()).max().unwrap_or(0);
    // Built whole, then written once: a failed write is reported, not a panic.
    let mut text = format!(
        "{:<7} {:<width$} {:<8} {:<8} summary\n",
        "code", "rule", "default", "active"
    );
    for r in &rules.rules {
        let active = r.severity.map(|s| s.name()).unwrap_or("off");
        let _ = writeln!(
            text,
            "{:<7} {:<width$} {:<8} {:<8} {}",
            r.code,
            r.name,
            r.default_severity.name(),
            active,
            r.summary
        );
    }
    super::write_stdout(text.as_bytes())
}
