//! `charter rules`: the rules of the active packs, one line each.

use super::{exit, RulesArgs};
use serde_json::json;

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
        println!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
        return exit::CLEAN;
    }
    let width = rules.rules.iter().map(|r| r.name.len()).max().unwrap_or(0);
    println!(
        "{:<7} {:<width$} {:<8} {:<8} summary",
        "code", "rule", "default", "active"
    );
    for r in &rules.rules {
        let active = r.severity.map(|s| s.name()).unwrap_or("off");
        println!(
            "{:<7} {:<width$} {:<8} {:<8} {}",
            r.code,
            r.name,
            r.default_severity.name(),
            active,
            r.summary
        );
    }
    exit::CLEAN
}
