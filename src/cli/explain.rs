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
    text.push('\n');
    write_params(rule, &mut text);
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

/// The params in effect, as TOML; a value set in charter.toml is marked so.
fn write_params(rule: &crate::rules::engine::Rule, text: &mut String) {
    if rule.params.is_empty() {
        let _ = writeln!(text, "Parameters: none.");
        return;
    }
    let _ = writeln!(
        text,
        "Parameters in effect (the pack's, with charter.toml's on top):"
    );
    text.push('\n');
    for (key, value) in &rule.params {
        let from = if rule.params_from_config.contains(key) {
            "  # from charter.toml"
        } else {
            ""
        };
        let _ = writeln!(text, "    {key} = {}{from}", shorten(&value.to_string()));
    }
}

/// Long word lists and patterns cut to one readable line: the pack has them whole.
fn shorten(text: &str) -> String {
    const MAX: usize = 100;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{cut}… ({} characters in all)", text.chars().count())
}
