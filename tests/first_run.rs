//! What a new user meets first: a run that finds nothing says so, standard input is
//! read as what it is, and an empty file is one clear finding.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

const TODAY: &str = "2026-11-21";
const CLEAN_MD: &str = "examples/northwind-ledger.charter.md";
const CLEAN_TOML: &str = "examples/northwind-ledger.charter.toml";

/// `charter lint --no-config ARGS` in `dir`: (exit code, stdout, stderr).
fn lint(dir: &Path, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::cargo_bin("charter").expect("binary");
    cmd.args(["lint", "--no-config", "--today", TODAY])
        .args(args)
        .current_dir(dir);
    if let Some(text) = stdin {
        cmd.write_stdin(text.to_string());
    }
    let out = cmd.output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn finding_no_charter_is_a_warning_and_an_error_for_named_folders() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir(dir.path().join("docs")).expect("mkdir");
    fs::write(dir.path().join("docs/acme.md"), "# Acme\n").expect("write");
    let (code, _, err) = lint(dir.path(), &[], None);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: no charter found in `.`")
            && err.contains("*.charter.md")
            && err.contains("*.charter.toml"),
        "{err}"
    );
    let (code, out, err) = lint(dir.path(), &["--format", "json", "docs"], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no charter found in `docs`"), "{err}");
    let v: Value = serde_json::from_str(&out).expect("still a JSON report");
    assert_eq!(v["summary"]["files"], 0);
    // One charter among the named paths is enough.
    fs::copy(CLEAN_MD, dir.path().join("a.charter.md")).expect("copy");
    let (code, _, err) = lint(dir.path(), &["docs", "a.charter.md"], None);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("no charter"), "{err}");
}

#[test]
fn standard_input_without_a_name_is_read_as_what_it_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    for example in [CLEAN_TOML, CLEAN_MD] {
        let text = fs::read_to_string(example).expect("example");
        let (code, out, err) = lint(dir.path(), &["--format", "concise", "-"], Some(&text));
        assert_eq!(code, 0, "{example} on stdin: {out}{err}");
    }
    // Inspect reads it the same way.
    let text = fs::read_to_string(CLEAN_TOML).expect("example");
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(["inspect", "--no-config", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.starts_with("- (toml)"), "{shown}");
}

#[test]
fn a_stdin_filename_without_stdin_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::copy(CLEAN_MD, dir.path().join("a.charter.md")).expect("copy");
    for command in ["lint", "inspect"] {
        let out = Command::cargo_bin("charter")
            .expect("binary")
            .args([
                command,
                "--no-config",
                "--stdin-filename",
                "x.charter.toml",
                "a.charter.md",
            ])
            .current_dir(dir.path())
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {err}");
        assert!(
            err.contains("--stdin-filename") && err.contains("`-`"),
            "{err}"
        );
    }
}

#[test]
fn an_empty_file_is_one_finding_that_names_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blanks: [&[u8]; 3] = [b"", b"\xEF\xBB\xBF", b" \n\t\r\n\n"];
    for (i, bytes) in blanks.iter().enumerate() {
        for ext in ["md", "toml"] {
            let name = format!("e{i}.charter.{ext}");
            fs::write(dir.path().join(&name), bytes).expect("write");
            let (code, out, _) = lint(dir.path(), &["--format", "json", &name], None);
            assert_eq!(code, 1, "{name}");
            let v: Value = serde_json::from_str(&out).expect("json");
            let messages: Vec<&str> = v["diagnostics"]
                .as_array()
                .expect("diagnostics")
                .iter()
                .filter_map(|d| d["message"].as_str())
                .collect();
            assert_eq!(messages, ["the charter is empty"], "{name}");
            let (_, out, _) = lint(dir.path(), &["--color", "never", &name], None);
            // Named in the message, or in the excerpt's header when there is a line.
            let named = out.contains(&format!("{name}: the charter is empty"))
                || (out.contains("the charter is empty") && out.contains(&format!("[{name}:1:1]")));
            assert!(named, "{out}");
        }
    }
}

/// A pre-commit run passes `--force-exclude` and the staged files: when every one of
/// them is excluded by the config, nothing was missed, and the hook must pass quietly.
#[test]
fn named_files_all_left_out_by_force_exclude_are_a_clean_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clean = fs::read_to_string(CLEAN_MD).expect("example");
    fs::write(dir.path().join("old.charter.md"), clean).expect("write");
    fs::write(
        dir.path().join("charter.toml"),
        "exclude = [\"old.charter.md\"]\n",
    )
    .expect("write");
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args([
            "lint",
            "--today",
            TODAY,
            "--force-exclude",
            "old.charter.md",
        ])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("no charter found"), "{err}");
}
