//! `--changed-since REF` in a real repository: every changed name is found, whatever
//! its characters, and a ref is only ever a ref.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

const CLEAN_MD: &str = "examples/northwind-ledger.charter.md";

fn git(root: &Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .args(args)
        .current_dir(root)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .expect("git runs")
        .status
        .success();
    assert!(ok, "git {args:?}");
}

fn lint(root: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("charter")
        .expect("binary")
        .args([
            "lint",
            "--no-config",
            "--today",
            "2026-11-21",
            "--format",
            "json",
        ])
        .args(args)
        .current_dir(root)
        .output()
        .expect("runs")
}

#[test]
fn names_git_would_quote_are_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    git(root, &["init", "-q"]);
    // Quoting on, as it is by default: without -z git prints "na\303\257ve…".
    git(root, &["config", "core.quotePath", "true"]);
    fs::copy(CLEAN_MD, root.join("unchanged.charter.md")).expect("copy");
    fs::copy(CLEAN_MD, root.join("naïve.charter.md")).expect("copy");
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "base"]);
    let edited = fs::read_to_string(CLEAN_MD).expect("read") + "\nEdited.\n";
    fs::write(root.join("naïve.charter.md"), edited).expect("edit");
    let untracked = "say \"hi\" café.charter.md";
    if fs::copy(CLEAN_MD, root.join(untracked)).is_err() {
        return; // the file system refuses `"` in names
    }
    let out = lint(root, &["--changed-since", "HEAD", "."]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        v["summary"]["files"],
        2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_ref_that_looks_like_an_option_is_not_passed_as_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    git(root, &["init", "-q"]);
    fs::copy(CLEAN_MD, root.join("a.charter.md")).expect("copy");
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "base"]);
    for reference in ["--output=out.txt", "no-such-ref"] {
        let out = lint(root, &[&format!("--changed-since={reference}"), "."]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{reference}: {err}");
        assert!(err.contains("is not a commit"), "{reference}: {err}");
    }
    assert!(!root.join("out.txt").exists(), "git obeyed --output");
}
