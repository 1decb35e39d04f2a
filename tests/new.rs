//! `charter new` as users meet it: skeletons per tier and format, complete charters
//! from answers files, the lint round trip, safe writes and hostile input.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TODAY: &str = "2026-11-21";
const START: &str = "2027-01-04";
const TIERS: [&str; 3] = ["1", "2", "3"];
const FORMATS: [&str; 2] = ["md", "toml"];

fn charter(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("charter").expect("binary builds");
    cmd.current_dir(dir).timeout(Duration::from_secs(30));
    cmd
}

/// `charter new … --stdout` in `dir`: (exit code, stdout, stderr).
fn new(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = charter(dir).arg("new").args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/answers")
        .join(name)
}

fn skeleton(dir: &Path, tier: &str, format: &str) -> String {
    let (code, out, err) = new(
        dir,
        &[
            "Northwind Ledger",
            "--tier",
            tier,
            "--company",
            "Keel",
            "--format",
            format,
            "--start",
            START,
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 0, "tier {tier} {format}: {err}");
    out
}

/// Lint one file; `None` while the lint pipeline cannot run (its checks not merged yet).
fn lint(path: &Path) -> Option<Vec<(String, String)>> {
    let out = Command::cargo_bin("charter")
        .unwrap()
        .args(["lint", "--no-config", "--format", "json", "--today", TODAY])
        .arg(path)
        .output()
        .expect("runs");
    if out.status.code() == Some(2) {
        eprintln!(
            "skipping the lint round trip: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .next()
                .unwrap_or_default()
        );
        return None;
    }
    let v: Value = serde_json::from_slice(&out.stdout).expect("lint prints JSON");
    let mut found: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    found.sort();
    Some(found)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

/// The prompts in angle brackets a skeleton carries.
fn prompts(text: &str) -> Vec<String> {
    regex::Regex::new(r"<[^<>\n]*>")
        .unwrap()
        .find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// CommonMark's open tag: a name, then attributes (names, optional values).
fn html_tag() -> regex::Regex {
    regex::Regex::new(
        r#"^<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*/?>$"#,
    )
    .unwrap()
}

fn placeholder_pattern() -> regex::Regex {
    let pack: toml::Table = toml::from_str(charter::rules::pack::DEFAULT_PACK).unwrap();
    let rule = pack["rule"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"].as_str() == Some("placeholder"))
        .unwrap();
    regex::Regex::new(rule["params"]["must-not-match"].as_str().unwrap()).unwrap()
}

#[test]
fn skeletons_render_for_every_tier_and_format_with_only_prompts_to_fill() {
    let dir = tempfile::tempdir().unwrap();
    let pattern = placeholder_pattern();
    for tier in TIERS {
        for format in FORMATS {
            let text = skeleton(dir.path(), tier, format);
            let meta = match format {
                "toml" => text.clone(),
                _ => text.split("+++").nth(1).expect("front matter").to_string(),
            };
            let table: toml::Table = toml::from_str(&meta).expect("re-parses");
            assert_eq!(table["partner"].as_str(), Some("Northwind Ledger"));
            assert_eq!(table["tier"].as_integer(), Some(tier.parse().unwrap()));
            assert_eq!(table["status"].as_str(), Some("draft"));
            // No leverage is chosen for the author.
            assert_eq!(table["leverage"].as_array().map(Vec::len), Some(0));
            // Every prompt is one the placeholder rule finds.
            let ps = prompts(&text);
            assert!(ps.len() > 20, "tier {tier} {format}: {} prompts", ps.len());
            for p in &ps {
                assert!(
                    pattern.is_match(p),
                    "tier {tier} {format}: not a placeholder: {p}"
                );
                // A prompt that is a valid HTML tag is inline HTML to a Markdown
                // reader, and its field reads as empty.
                assert!(
                    !html_tag().is_match(p),
                    "tier {tier} {format}: reads as HTML: {p}"
                );
            }
            // Dates are real and computed from --start.
            assert!(
                text.contains("2027-01-04")
                    && text.contains("2027-02-12")
                    && text.contains("2027-02-15")
            );
            let path = write(dir.path(), &format!("t{tier}.charter.{format}"), &text);
            if let Some(found) = lint(&path) {
                // A skeleton fails only with its prompts, and with the leverage it
                // leaves for the author to choose.
                let other: Vec<_> = found
                    .iter()
                    .filter(|(r, _)| r != "placeholder" && r != "leverage-missing")
                    .collect();
                assert!(other.is_empty(), "tier {tier} {format}: {other:?}");
                assert!(!found.is_empty(), "the prompts are reported");
                let leverage = found.iter().filter(|(r, _)| r == "leverage-missing");
                assert_eq!(leverage.count(), 1, "tier {tier} {format}: {found:?}");
            }
        }
    }
}

#[test]
fn tiers_carry_their_obligations() {
    let dir = tempfile::tempdir().unwrap();
    let t1 = skeleton(dir.path(), "1", "md");
    let t2 = skeleton(dir.path(), "2", "md");
    let t3 = skeleton(dir.path(), "3", "md");
    assert!(t1.contains("office hours") && t1.contains("API docs"));
    assert!(t2.contains("**Sync cadence:**") && !t2.contains("executive sponsor:"));
    for label in [
        "**Our executive sponsor:**",
        "**Partner executive sponsor:**",
        "**Partner manager:**",
        "**Sync cadence:**",
    ] {
        assert!(t3.contains(label), "{label}");
    }
    let t3 = skeleton(dir.path(), "3", "toml");
    assert!(t3.contains("our-sponsor = ") && t3.contains("partner-manager = "));
    assert!(
        html_tag().is_match("<fill in: name of our owner>"),
        "the HTML check works"
    );
}

#[test]
fn complete_answers_give_a_clean_charter_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    for tier in TIERS {
        let answers = fixture(&format!("tier-{tier}.toml"));
        let mut findings = Vec::new();
        for format in FORMATS {
            let (code, out, err) = new(
                dir.path(),
                &[
                    "--answers",
                    answers.to_str().unwrap(),
                    "--format",
                    format,
                    "--start",
                    START,
                    "--stdout",
                    "--no-config",
                ],
            );
            assert_eq!(code, 0, "tier {tier} {format}: {err}");
            assert!(
                prompts(&out).is_empty(),
                "tier {tier} {format}: {:?}",
                prompts(&out)
            );
            let path = write(dir.path(), &format!("a{tier}.charter.{format}"), &out);
            if let Some(found) = lint(&path) {
                assert!(found.is_empty(), "tier {tier} {format}: {found:?}");
                findings.push(found);
            }
        }
        if findings.len() == 2 {
            assert_eq!(
                findings[0], findings[1],
                "tier {tier}: Markdown and TOML differ"
            );
        }
    }
}

#[test]
fn markdown_and_toml_skeletons_give_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    for tier in TIERS {
        let md = write(
            dir.path(),
            "s.charter.md",
            &skeleton(dir.path(), tier, "md"),
        );
        let toml = write(
            dir.path(),
            "s.charter.toml",
            &skeleton(dir.path(), tier, "toml"),
        );
        if let (Some(a), Some(b)) = (lint(&md), lint(&toml)) {
            assert_eq!(a, b, "tier {tier}");
        }
    }
}

#[test]
fn writes_the_slug_file_in_an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = new(
        dir.path(),
        &["Northwind Ledger", "--tier", "2", "--no-config"],
    );
    assert_eq!(code, 0, "{err}");
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["northwind-ledger.charter.md"]);
    let (code, _, err) = new(
        dir.path(),
        &[
            "Northwind Ledger",
            "--tier",
            "2",
            "--format",
            "toml",
            "--no-config",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let text = fs::read_to_string(dir.path().join("northwind-ledger.charter.toml")).unwrap();
    toml::from_str::<toml::Table>(&text).unwrap();
}

#[test]
fn the_default_start_is_next_monday() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = new(
        dir.path(),
        &[
            "Acme",
            "--tier",
            "1",
            "--format",
            "toml",
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let t: toml::Table = toml::from_str(&out).unwrap();
    let start = t["timeline"]["phase"][0]["start"].to_string();
    let start = charter::date::parse(&start).unwrap();
    let today = charter::date::today();
    assert_eq!(start.weekday(), jiff::civil::Weekday::Monday);
    let days = charter::date::days_between(today, start);
    assert!((1..=7).contains(&days), "{today} → {start}");
}

#[test]
fn the_config_names_the_charters_folder_and_company() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "charter.toml",
        "charters = \"partners\"\ncompany = \"Keel\"\n",
    );
    let (code, _, err) = new(dir.path(), &["Acme/Cloud", "--tier", "2"]);
    assert_eq!(code, 0, "{err}");
    let text = fs::read_to_string(dir.path().join("partners/acme-cloud.charter.md")).unwrap();
    assert!(text.contains("company = \"Keel\""));
}

#[test]
fn an_existing_file_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "acme.charter.md", "mine\n");
    let (code, _, err) = new(dir.path(), &["Acme", "--tier", "2", "--no-config"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "mine\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let (code, _, err) = new(
            dir.path(),
            &["Acme", "--tier", "2", "--force", "--no-config"],
        );
        assert_eq!(code, 0, "{err}");
        assert!(fs::read_to_string(&path)
            .unwrap()
            .contains("partner = \"Acme\""));
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".charter-")
        })
        .collect();
    assert!(leftovers.is_empty());
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere.md");
    std::os::unix::fs::symlink(&target, dir.path().join("acme.charter.md")).unwrap();
    let (code, _, err) = new(dir.path(), &["Acme", "--tier", "2", "--no-config"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("already exists"), "{err}");
    assert!(!target.exists(), "nothing written through the link");
}

#[test]
fn hostile_partner_names_stay_inside_the_folder_or_fail_clearly() {
    for (name, file) in [
        ("../../etc/passwd", "etc-passwd.charter.md"),
        ("Acme/Cloud", "acme-cloud.charter.md"),
        ("/etc/x", "etc-x.charter.md"),
        ("a/b", "a-b.charter.md"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (code, _, err) = new(dir.path(), &[name, "--tier", "1", "--no-config"]);
        assert_eq!(code, 0, "{name}: {err}");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, [file], "{name}");
    }
    let dir = tempfile::tempdir().unwrap();
    for name in ["", ".", "..", "   "] {
        let (code, _, err) = new(dir.path(), &[name, "--tier", "1", "--no-config"]);
        assert_eq!(code, 2, "{name:?}");
        assert!(err.contains("partner name"), "{name:?}: {err}");
    }
    // A NUL cannot be passed as an argument; it comes through an answers file.
    let answers = write(
        dir.path(),
        "nul.toml",
        "partner = \"a\\u0000b\"\ntier = 1\n",
    );
    let (code, _, err) = new(
        dir.path(),
        &["--answers", answers.to_str().unwrap(), "--no-config"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("NUL"), "{err}");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

#[test]
fn an_unknown_answers_key_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.toml", "[governance]\nour-ownr = \"Dana\"\n");
    let (code, _, err) = new(
        dir.path(),
        &[
            "Acme",
            "--tier",
            "2",
            "--answers",
            answers.to_str().unwrap(),
            "--no-config",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("governance.our-ownr") && err.contains("did you mean `governance.our-owner`"),
        "{err}"
    );
    assert!(err.contains("a.toml"), "names the file: {err}");
}

#[test]
fn an_answer_the_tier_template_has_no_place_for_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(
        dir.path(),
        "a.toml",
        "[metrics]\ntracking = \"the weekly partner dashboard\"\n",
    );
    let tpl = dir.path().join("tpl");
    fs::create_dir(&tpl).unwrap();
    // A team template that drops the metrics section.
    write(
        &tpl,
        "tier-2.md.tera",
        "+++\n{% include \"meta.toml.tera\" %}+++\n# {{ partner }}\n",
    );
    let (code, _, err) = new(
        dir.path(),
        &[
            "Acme",
            "--tier",
            "2",
            "--answers",
            answers.to_str().unwrap(),
            "--templates",
            "tpl",
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("metrics.tracking"), "{err}");
}

#[test]
fn user_templates_override_by_name_and_bad_ones_fail_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("tpl");
    fs::create_dir(&tpl).unwrap();
    write(
        &tpl,
        "prompts.tera",
        &fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/prompts.tera"))
            .unwrap()
            .replace("what we win", "our own wording for what we win"),
    );
    let (code, out, err) = new(
        dir.path(),
        &[
            "Acme",
            "--tier",
            "2",
            "--templates",
            "tpl",
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("our own wording"));

    let (code, _, err) = new(
        dir.path(),
        &[
            "Acme",
            "--tier",
            "2",
            "--templates",
            "nope",
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("nope") && err.contains("does not exist"),
        "{err}"
    );

    write(&tpl, "tier-2.md.tera", "{% if partner %}unclosed");
    let (code, _, err) = new(
        dir.path(),
        &[
            "Acme",
            "--tier",
            "2",
            "--templates",
            "tpl",
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("tier-2.md.tera") && err.contains("parse"),
        "{err}"
    );

    write(
        &tpl,
        "tier-2.md.tera",
        "+++\n{% include \"meta.toml.tera\" %}+++\n{{ no_such_thing }}\n",
    );
    let (code, _, err) = new(
        dir.path(),
        &[
            "Acme",
            "--tier",
            "2",
            "--templates",
            "tpl",
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("no_such_thing"), "{err}");

    // A template that breaks the front matter is caught before anything is written.
    write(
        &tpl,
        "tier-2.md.tera",
        "+++\npartner = {{ partner }}\n+++\n",
    );
    let (code, _, err) = new(
        dir.path(),
        &[
            "Acme Co",
            "--tier",
            "2",
            "--templates",
            "tpl",
            "--no-config",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    assert!(!dir.path().join("acme-co.charter.md").exists());
}

#[test]
fn without_a_terminal_missing_values_fail_instead_of_waiting() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--tier", "2", "--no-config"][..],
        &["Acme", "--no-config"][..],
        &["Acme", "--ask-tier", "--no-config"][..],
    ] {
        let out = charter(dir.path())
            .arg("new")
            .args(args)
            .write_stdin("")
            .timeout(Duration::from_secs(10))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("not a terminal"), "{args:?}: {err}");
    }
}

#[test]
fn hostile_values_render_safely_or_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let nasty = "say \"hi\"\n+++\n[goals]\n# charter-disable\n'''";
    let answers = write(
        dir.path(),
        "a.toml",
        &format!(
            "partner = {}\ncompany = {}\n[goals]\nus = {}\n[exit]\ncriteria = [{}, \"# Goals\"]\n",
            toml::Value::String("Acme \"+++\" Co".into()),
            toml::Value::String("K'eel".into()),
            toml::Value::String(nasty.into()),
            toml::Value::String("--- 3 | 4".into()),
        ),
    );
    let a = answers.to_str().unwrap();

    // TOML: every value comes back exactly.
    let (code, out, err) = new(
        dir.path(),
        &[
            "--tier",
            "2",
            "--answers",
            a,
            "--format",
            "toml",
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let t: toml::Table = toml::from_str(&out).unwrap();
    assert_eq!(t["partner"].as_str(), Some("Acme \"+++\" Co"));
    assert_eq!(t["company"].as_str(), Some("K'eel"));
    assert_eq!(t["goals"]["us"].as_str(), Some(nasty));
    assert_eq!(t["exit"]["criteria"][0].as_str(), Some("--- 3 | 4"));
    assert!(!out
        .lines()
        .any(|l| l.trim() == "+++" || l.starts_with("# charter-disable")));

    // Markdown: a line break cannot stay inside its item, so it is refused by key.
    let (code, _, err) = new(
        dir.path(),
        &[
            "--tier",
            "2",
            "--answers",
            a,
            "--format",
            "md",
            "--no-config",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("goals.us") && err.contains("line break"),
        "{err}"
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );

    // One-line hostile values are escaped and keep the structure.
    let answers = write(
        dir.path(),
        "b.toml",
        "partner = \"Acme \\\"+++\\\" Co\"\n[goals]\nus = \"+++ \\\"quoted\\\" | piped\"\n[exit]\ncriteria = [\"# Goals\", \"1. first\", \"--- 3\"]\n[[timeline.phase]]\nname = \"crawl\"\nscope = \"a | b\"\n",
    );
    let (code, out, err) = new(
        dir.path(),
        &[
            "--tier",
            "2",
            "--answers",
            answers.to_str().unwrap(),
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let front = out
        .split("\n+++\n")
        .next()
        .unwrap()
        .strip_prefix("+++\n")
        .unwrap();
    let t: toml::Table = toml::from_str(front).unwrap();
    assert_eq!(t["partner"].as_str(), Some("Acme \"+++\" Co"));
    assert_eq!(out.matches("## ").count(), 7, "no extra headings:\n{out}");
    assert!(
        out.contains("- \\# Goals") && out.contains("- 1\\. first") && out.contains("- \\--- 3")
    );
    assert!(out.contains("| a \\| b |"), "{out}");
    let path = write(dir.path(), "x.charter.md", &out);
    if let Some(found) = lint(&path) {
        assert!(
            found
                .iter()
                .all(|(r, _)| r != "parse-error" && r != "missing-section"),
            "{found:?}"
        );
    }

    // An HTML comment could switch rules off: refused in Markdown.
    let answers = write(
        dir.path(),
        "c.toml",
        "[goals]\nus = \"x <!-- charter-disable --> y\"\n",
    );
    let (code, _, err) = new(
        dir.path(),
        &[
            "Acme",
            "--tier",
            "2",
            "--answers",
            answers.to_str().unwrap(),
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("goals.us") && err.contains("<!--"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_cleanly_without_a_partial_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores the mode; then there is nothing to test.
    if fs::write(ro.join("probe"), "x").is_ok() {
        eprintln!("skipping: the folder is writable anyway (running as root?)");
        return;
    }
    let (code, _, err) = new(&ro, &["Acme", "--tier", "2", "--no-config"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("acme.charter.md") && err.contains("writable"),
        "{err}"
    );
    assert_eq!(fs::read_dir(&ro).unwrap().count(), 0, "no partial file");
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn the_output_flag_picks_the_file_and_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = new(
        dir.path(),
        &["Acme", "--tier", "3", "--output", "x.toml", "--no-config"],
    );
    assert_eq!(code, 0, "{err}");
    toml::from_str::<toml::Table>(&fs::read_to_string(dir.path().join("x.toml")).unwrap()).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let (code, _, err) = new(
        dir.path(),
        &["Acme", "--tier", "3", "--output", "sub", "--no-config"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("sub/acme.charter.md").exists());
}
