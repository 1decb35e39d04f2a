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
