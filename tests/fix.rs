//! `charter lint --fix` on disk: what it writes, what it refuses to touch and says so.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const NORTHWIND_TOML: &str = include_str!("../examples/northwind-ledger.charter.toml");

fn fix_in(dir: &Path, file: &str) -> std::process::Output {
    Command::cargo_bin("charter")
        .expect("binary builds")
        .args([
            "lint",
            "--no-config",
            "--today",
            "2026-11-21",
            "--fix",
            file,
        ])
        .current_dir(dir)
        .output()
        .expect("runs")
}

#[test]
fn a_file_that_does_not_parse_is_left_untouched_and_the_run_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.charter.toml");
    let typo = NORTHWIND_TOML.replacen("target = ", "target ", 1);
    fs::write(&path, &typo).expect("write");
    for _ in 0..2 {
        let out = fix_in(dir.path(), "t.charter.toml");
        assert_eq!(out.status.code(), Some(1), "the parse error is reported");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("t.charter.toml: --fix leaves this file unchanged: it does not parse"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&path).expect("read"), typo);
    }
}

#[test]
fn a_cr_only_charter_is_fixed_once_in_its_own_line_endings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.charter.md");
    let text = "---\rpartner: Acme\rtier: 2\r---\r## Metrics\r\r- 20% more, reviewed monthly\r";
    fs::write(&path, text).expect("write");
    fix_in(dir.path(), "c.charter.md");
    let once = fs::read_to_string(&path).expect("read");
    assert!(once.starts_with("---\rpartner: Acme"), "{once:?}");
    assert!(
        once.contains("## Governance") && !once.contains('\n'),
        "{once:?}"
    );
    fix_in(dir.path(), "c.charter.md");
    assert_eq!(fs::read_to_string(&path).expect("read"), once);
}

#[test]
fn an_edit_made_during_the_fix_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.charter.toml");
    let cut = NORTHWIND_TOML.find("[exit]").expect("exit");
    let end = NORTHWIND_TOML.find("[[signatures]]").expect("sigs");
    let broken = format!("{}{}", &NORTHWIND_TOML[..cut], &NORTHWIND_TOML[end..]);
    fs::write(&path, &broken).expect("write");
    // The hook appends this to the file after it was read, before the fix is written.
    let out = Command::cargo_bin("charter")
        .expect("binary builds")
        .args(["lint", "--no-config", "--today", "2026-11-21", "--fix"])
        .arg("t.charter.toml")
        .env("CHARTER_TEST_EDIT_DURING_FIX", "# an edit\n")
        .current_dir(dir.path())
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("it changed after it was read"), "{err}");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        format!("{broken}# an edit\n")
    );
    assert_eq!(
        fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no temporary file left"
    );
}
