//! `charter explain RULE`: a rule's help from its pack, with its examples.

use super::{exit, ExplainArgs};
use std::fmt::Write;

pub fn run(args: ExplainArgs) -> u8 {
    let rules = match super::load_rules(&args.config) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let Some(rule) = rules.rule(&args.rule) else {
        let names: Vec<&str> = rules.rules.iter().map(|r| r.name.as_str()).collect();
        let hint = crate::suggest::closest(&args.rule, &names)
            .map(|n| format!(" Did you mean `{n}`?"))
            .unwrap_or_default();
        eprintln!(
            "error: no rule `{}`.{hint} `charter rules` lists them.",
            args.rule
        );
        return exit::TROUBLE;
    };
    // Built whole, then written once: a failed write is reported, not a panic.
    let mut text = String::new();
    let active = rule.severity.map(|s| s.name()).unwrap_or("off");
    let _ = writeln!(text, "{} ({})", rule.name, rule.code);
    text.push('\n');
    let _ = writeln!(text, "{}", rule.summary);
    text.push('\n');
    let draft = rule
        .draft_severity
        .map(|s| format!(", {s} while the charter is a draft"))
        .unwrap_or_default();
    let _ = writeln!(
        text,
        "Severity: {} by default{draft}; {active} now. Pack: {}.",
        rule.default_severity, rule.pack
    );
    text.push('\n');
    let _ = writeln!(text, "{}", rule.help);
    if let Some(ex) = &rule.example {
        text.push('\n');
        let _ = writeln!(text, "Fails:");
        text.push('\n');
        for line in ex.bad.trim_end().lines() {
            let _ = writeln!(text, "    {line}");
        }
        text.push('\n');
        let _ = writeln!(text, "Passes:");
        text.push('\n');
        for line in ex.good.trim_end().lines() {
            let _ = writeln!(text, "    {line}");
        }
    }
    super::write_stdout(text.as_bytes())
}
