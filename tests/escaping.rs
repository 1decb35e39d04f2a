//! What a charter or its file name holds reaches a terminal or a CI log as text, never
//! as control: no ANSI escape, no lone CR, and no newline that would start a line of
//! its own (GitHub Actions runs a log line starting `::error` as a workflow command).

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const CLEAN_MD: &str = "examples/northwind-ledger.charter.md";
const GOAL: &str = "40 new mid-market accounts sourced through Northwind by the end of run.";

/// `charter ARGS` in `dir`: stdout and stderr together.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs");
    let mut all = String::from_utf8_lossy(&out.stdout).into_owned();
    all.push_str(&String::from_utf8_lossy(&out.stderr));
    all
}

/// A charter with a placeholder behind terminal escapes, a BEL and a lone CR, under
/// a name that holds a newline and a workflow command; `None` where the file system
/// refuses such a name.
fn hostile() -> Option<tempfile::TempDir> {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = fs::read_to_string(CLEAN_MD)
        .expect("example")
        .replace(GOAL, "\x1b[2J\x1b]0;pwned\x07\rTBD");
    fs::write(dir.path().join("x\n::error file=y::pwned.charter.md"), text).ok()?;
    Some(dir)
}

fn assert_safe(out: &str, what: &str) {
    for c in ['\x1b', '\x07'] {
        assert!(!out.contains(c), "{what} sends {c:?}: {out}");
    }
    assert!(
        !out.lines().any(|l| l.trim_start().starts_with("::")),
        "{what} starts a line with a workflow command: {out}"
    );
    assert!(!out.contains("\r"), "{what} sends a CR: {out}");
    assert!(
        out.contains("x␊::error file=y::pwned.charter.md"),
        "{what}: {out}"
    );
}

#[test]
fn human_and_concise_show_control_characters_instead_of_sending_them() {
    let Some(dir) = hostile() else { return };
    for format in ["human", "concise"] {
        let out = run(
            dir.path(),
            &[
                "lint",
                "--no-config",
                "--today",
                "2026-11-21",
                "--color",
                "never",
                "--format",
                format,
                ".",
            ],
        );
        assert_safe(&out, format);
        assert!(out.contains("placeholder"), "{format}: {out}");
    }
    // The excerpt keeps its columns: the label still sits under `TBD`.
    let out = run(
        dir.path(),
        &["lint", "--no-config", "--color", "never", "."],
    );
    let line = out.lines().find(|l| l.contains("␛[2J")).expect("excerpt");
    let label = out
        .lines()
        .skip_while(|l| !l.contains("␛[2J"))
        .nth(1)
        .expect("label line");
    let at = |s: &str, pat: &str| s.find(pat).map(|b| s[..b].chars().count());
    assert_eq!(at(line, "TBD"), at(label, "───"), "{out}");
}

#[test]
fn inspect_and_unreadable_inputs_are_escaped_too() {
    let Some(dir) = hostile() else { return };
    let out = run(dir.path(), &["inspect", "--no-config", "."]);
    assert_safe(&out, "inspect");
    fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let missing = "sub/y\n::error file=z::gone.charter.md";
    let out = run(
        dir.path(),
        &["lint", "--no-config", "--format", "concise", missing],
    );
    assert!(
        !out.lines().any(|l| l.starts_with("::")),
        "a missing input's name: {out}"
    );
}
