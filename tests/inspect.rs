//! `charter inspect`: how a charter was read. Snapshots (insta, `snapshots/`) of the
//! human output of one Markdown and one TOML example and of the JSON of one; the rest
//! pins what a user relies on: every charter we have can be inspected, inputs and
//! errors follow `lint`, the config's pack applies.

mod common;

use assert_cmd::Command;
use common::{files_ending, root};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// `charter inspect ARGS` in `dir`: exit code, stdout, stderr.
fn inspect(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .current_dir(dir)
        .arg("inspect")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = inspect(dir, &all);
    let doc = serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}{err}"));
    (code, doc)
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

#[test]
fn human_output_of_a_markdown_and_a_toml_example() {
    settings().bind(|| {
        for name in [
            "northwind-ledger.charter.md",
            "northwind-ledger.charter.toml",
        ] {
            let (code, out, err) = inspect(&root().join("examples"), &["--no-config", name]);
            assert_eq!(code, 0, "{err}");
            insta::assert_snapshot!(format!("inspect-human-{name}"), out);
        }
    });
}

#[test]
fn json_output_of_a_markdown_example() {
    settings().bind(|| {
        let (code, out, err) = inspect(
            &root().join("examples"),
            &[
                "--no-config",
                "--format",
                "json",
                "northwind-ledger.charter.md",
            ],
        );
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!("inspect-json-northwind-ledger.charter.md", out);
    });
}

#[test]
fn every_example_and_wild_charter_can_be_inspected() {
    let mut files = Vec::new();
    for dir in ["examples", "tests/fixtures/wild"] {
        files.extend(files_ending(&root().join(dir), ".charter.md"));
        files.extend(files_ending(&root().join(dir), ".charter.toml"));
    }
    files.sort();
    assert!(files.len() > 48, "{}", files.len());
    let args: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let mut all = vec!["--no-config"];
    all.extend(args.iter().map(String::as_str));

    let (code, doc) = json(&root(), &all);
    assert_eq!(code, 0);
    let read = doc["files"].as_array().expect("files");
    assert_eq!(read.len(), files.len());
    for f in read {
        for key in [
            "path",
            "format",
            "unread",
            "issues",
            "metadata",
            "sections",
            "phases",
            "metrics",
            "signatures",
        ] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
        let keys = f["metadata"].as_array().map_or(0, Vec::len);
        assert!(keys >= 7, "{f}");
    }

    // The human form too: one block per file, each headed by its path.
    let (code, out, _) = inspect(&root(), &all);
    assert_eq!(code, 0);
    for a in &args {
        assert!(out.contains(&format!("{a} (")), "{a} not shown");
    }
}

#[test]
fn metadata_says_where_each_value_came_from_and_why_it_did_not_parse() {
    let (_, doc) = json(
        &root().join("examples"),
        &[
            "--no-config",
            "northwind-ledger.charter.md",
            "defects/impossible-review-date.charter.toml",
        ],
    );
    let meta = |file: usize, key: &str| -> Value {
        doc["files"][file]["metadata"]
            .as_array()
            .and_then(|m| m.iter().find(|e| e["key"] == key))
            .cloned()
            .unwrap_or_else(|| panic!("no {key}"))
    };
    let tier = meta(0, "tier");
    assert_eq!(tier["source"], "front-matter");
    assert_eq!(tier["value"], "partnership");
    assert_eq!(tier["line"], 4);
    let review = meta(1, "next-review");
    assert_eq!(review["source"], "toml");
    assert!(review["value"].is_null(), "{review}");
    assert!(review["error"].is_string(), "{review}");
}

#[test]
fn sections_fields_and_phases_carry_their_lines() {
    let (_, doc) = json(
        &root().join("examples"),
        &["--no-config", "northwind-ledger.charter.md"],
    );
    let file = &doc["files"][0];
    let goals = &file["sections"][0];
    assert_eq!(goals["key"], "goals");
    assert_eq!(goals["heading"], "## Mutual goals");
    assert_eq!(goals["line"], 16);
    assert_eq!(goals["fields"][0]["key"], "us");
    assert_eq!(goals["fields"][0]["label"], "For us");
    assert_eq!(goals["fields"][0]["line"], 18);
    let crawl = &file["phases"][0];
    assert_eq!(crawl["kind"], "crawl");
    assert_eq!(crawl["start"]["value"], "2026-09-07");
    assert!(crawl["go_no_go"]["text"].is_string());
}

#[test]
fn a_missing_file_is_exit_2_with_its_name_and_the_others_are_still_shown() {
    let (code, out, err) = inspect(
        &root().join("examples"),
        &[
            "--no-config",
            "nope.charter.md",
            "northwind-ledger.charter.md",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("nope.charter.md"), "{err}");
    assert!(out.contains("northwind-ledger.charter.md"), "{out}");

    let (code, doc) = json(
        &root().join("examples"),
        &["--no-config", "nope.charter.md"],
    );
    assert_eq!(code, 2);
    assert_eq!(doc["errors"][0]["path"], "nope.charter.md");
    assert_eq!(doc["files"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_folder_is_walked_as_lint_walks_it() {
    let (code, doc) = json(&root(), &["--no-config", "examples/defects"]);
    assert_eq!(code, 0);
    let expected = fs::read_dir(root().join("examples/defects"))
        .expect("defects")
        .count();
    assert_eq!(doc["files"].as_array().map(Vec::len), Some(expected));
}

#[test]
fn a_path_is_required() {
    let (code, _, err) = inspect(&root(), &[]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn the_configs_pack_applies() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("charter.toml"), "rules = [\"team.toml\"]\n").expect("write");
    fs::write(
        dir.path().join("team.toml"),
        "[sections.governance]\naliases = [\"bridge crew\"]\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("a.charter.md"),
        "---\npartner: Orbital\n---\n# Orbital\n\n## Bridge crew\n\nWe meet on Tuesdays.\n",
    )
    .expect("write");
    let keys = |doc: &Value| -> Vec<String> {
        doc["files"][0]["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .map(|s| s["key"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let (code, with) = json(dir.path(), &["a.charter.md"]);
    assert_eq!(code, 0, "{with}");
    assert_eq!(keys(&with), ["governance"]);
    let (_, without) = json(dir.path(), &["--no-config", "a.charter.md"]);
    assert!(keys(&without).is_empty(), "{without}");
}

#[test]
fn standard_input_is_read_under_its_given_name() {
    let text =
        fs::read_to_string(root().join("examples/northwind-ledger.charter.toml")).expect("example");
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(["inspect", "--no-config", "--format", "json"])
        .args(["--stdin-filename", "acme.charter.toml", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["files"][0]["path"], "acme.charter.toml");
    assert_eq!(doc["files"][0]["format"], "toml");
}

#[test]
fn the_man_pages_and_completions_know_inspect() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = dir.path().join("man1");
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(["man", "--out", out_dir.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let page = fs::read_to_string(out_dir.join("charter-inspect.1")).expect("charter-inspect.1");
    assert!(page.contains("stdin\\-filename"), "{page}");
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(["completions", "bash"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("inspect"));
}
