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
