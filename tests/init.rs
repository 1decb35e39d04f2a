//! `charter init`: a commented charter.toml that loads, never written over an existing one.

use assert_cmd::Command;
use charter::config::Config;
use charter::rules::RuleSet;
use std::fs;

fn init(dir: &std::path::Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("charter")
        .unwrap()
        .current_dir(dir)
        .arg("init")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn writes_a_config_that_loads_and_documents_every_key() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = init(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let path = dir.path().join("charter.toml");
    let cfg = Config::load(&path).unwrap();
    assert!(cfg.file.rules.is_empty() && cfg.file.include.is_empty());
    let text = fs::read_to_string(&path).unwrap();
    for key in [
        "rules",
        "include",
        "exclude",
        "templates",
        "charters",
        "company",
        "[severity]",
        "[params.",
    ] {
        assert!(text.contains(key), "{key} is documented");
    }
    // Every rule of the built-in pack is listed with its default severity.
    let rules = RuleSet::default_rules().unwrap();
    assert!(!rules.rules.is_empty());
    for rule in &rules.rules {
        let line = format!("# {} = \"{}\"", rule.name, rule.default_severity.name());
        assert!(text.contains(&line), "{line}");
    }
}

#[test]
fn an_existing_config_is_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("charter.toml");
    fs::write(&path, "company = \"Keel\"\n").unwrap();
    let (code, err) = init(dir.path(), &["."]);
    assert_eq!(code, 2);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "company = \"Keel\"\n");
    let (code, err) = init(dir.path(), &["--force"]);
    assert_eq!(code, 0, "{err}");
    Config::load(&path).unwrap();
}

#[test]
fn writes_into_a_named_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = init(dir.path(), &["team/partners"]);
    assert_eq!(code, 0, "{err}");
    Config::load(&dir.path().join("team/partners/charter.toml")).unwrap();
}

/// A line of the generated config that is a setting with `# ` in front of it (a key
/// and its value, or a table header), as against a comment in prose.
fn commented_setting(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("# ")?;
    let key_end = rest.find(" = ").unwrap_or(0);
    let is_key = key_end > 0
        && rest[..key_end]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    (is_key || rest.starts_with("[params.")).then_some(rest)
}

#[test]
fn every_commented_setting_works_where_it_stands_when_uncommented() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = init(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let text = fs::read_to_string(dir.path().join("charter.toml")).unwrap();
    let mut uncommented = 0;
    let all_on: String = text
        .lines()
        .map(|line| match commented_setting(line) {
            Some(setting) => {
                uncommented += 1;
                format!("{setting}\n")
            }
            None => format!("{line}\n"),
        })
        .collect();
    // Every rule's severity line plus the six top-level keys and the two
    // parameter examples (a header and a value each).
    let rules = RuleSet::default_rules().unwrap().rules.len();
    assert!(
        uncommented >= rules + 6 + 4,
        "{uncommented} settings:\n{all_on}"
    );
    // The examples name a pack and a template folder: give them something to find.
    fs::create_dir_all(dir.path().join("rules")).unwrap();
    fs::write(dir.path().join("rules/our-team.toml"), "").unwrap();
    fs::create_dir_all(dir.path().join("our-templates")).unwrap();
    let config = dir.path().join("all-on.toml");
    fs::write(&config, &all_on).unwrap();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/northwind-ledger.charter.md");
    let out = Command::cargo_bin("charter")
        .unwrap()
        .current_dir(dir.path())
        .args(["lint", "--today", "2026-09-01", "--config"])
        .arg(&config)
        .arg(&example)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}\n{all_on}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
