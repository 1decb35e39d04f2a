//! `charter explain RULE`: a rule's help from its pack, with its examples.

use super::{exit, ExplainArgs};

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
    let active = rule.severity.map(|s| s.name()).unwrap_or("off");
    println!("{} ({})", rule.name, rule.code);
    println!();
    println!("{}", rule.summary);
    println!();
    let draft = rule
        .draft_severity
        .map(|s| format!(", {s} while the charter is a draft"))
        .unwrap_or_default();
    println!(
        "Severity: {} by default{draft}; {active} now. Pack: {}.",
        rule.default_severity, rule.pack
    );
    println!();
    println!("{}", rule.help);
    println!();
    print_params(rule);
    if let Some(ex) = &rule.example {
        println!();
        println!("Fails:");
        println!();
        for line in ex.bad.trim_end().lines() {
            println!("    {line}");
        }
        println!();
        println!("Passes:");
        println!();
        for line in ex.good.trim_end().lines() {
            println!("    {line}");
        }
    }
    exit::CLEAN
}

/// The params in effect, as TOML; a value set in charter.toml is marked so.
fn print_params(rule: &crate::rules::engine::Rule) {
    if rule.params.is_empty() {
        println!("Parameters: none.");
        return;
    }
    println!("Parameters in effect (the pack's, with charter.toml's on top):");
    println!();
    for (key, value) in &rule.params {
        let from = if rule.params_from_config.contains(key) {
            "  # from charter.toml"
        } else {
            ""
        };
        println!("    {key} = {}{from}", shorten(&value.to_string()));
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
