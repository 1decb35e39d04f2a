//! Snapshots (insta) of what `charter lint` prints, so that a change to a finding's
//! line, column or message shows up in review, not only a rule that stops firing:
//!
//! - the concise output of every fixture folder under `fixtures/rules/` (one snapshot
//!   per folder, named after it: a new rule's folder gets one by itself);
//! - the human (miette) output of each charter of `examples/defects/`;
//! - the JSON of `examples/defects/` as a whole.
//!
//! Every run uses `--today 2026-11-21 --no-config`. Snapshots live in
//! `tests/snapshots/`; review a change with `cargo insta review` (or run with
//! `INSTA_UPDATE=always` and read the diff). With `CI` set, insta writes nothing and a
//! missing or different snapshot fails the test. See tests/README.md.

mod common;

use assert_cmd::Command;
use common::{files_ending, root};
use std::path::Path;

/// `charter lint ARGS` in `dir`: exit code, stdout and stderr, as one text.
fn lint(dir: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .current_dir(dir)
        .args(["lint", "--today", "2026-11-21", "--no-config"])
        .args(args)
        .output()
        .expect("runs");
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

#[test]
fn concise_output_of_every_rule_fixture_folder() {
    let dir = root().join("tests/fixtures/rules");
    let mut folders: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/rules")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    assert!(!folders.is_empty());
    settings().bind(|| {
        for folder in folders {
            let name = folder.file_name().expect("name").to_string_lossy();
            let mut s = insta::Settings::clone_current();
            s.set_description(format!("tests/fixtures/rules/{name}"));
            s.bind(|| {
                insta::assert_snapshot!(
                    format!("concise-{name}"),
                    lint(&folder, &["--format", "concise", "."])
                );
            });
        }
    });
}

#[test]
fn human_output_of_each_defect_example() {
    let dir = root().join("examples/defects");
    let files = files_ending(&dir, "");
    assert!(!files.is_empty());
    settings().bind(|| {
        for file in files {
            let name = file
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string();
            insta::assert_snapshot!(
                format!("human-{name}"),
                lint(&dir, &["--color", "never", &name])
            );
        }
    });
}

#[test]
fn json_output_of_the_defect_examples() {
    settings().bind(|| {
        insta::assert_snapshot!(
            "json-defects",
            lint(&root().join("examples/defects"), &["--format", "json", "."])
        );
    });
}
