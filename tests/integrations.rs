//! What other tools read from this repository: shell completions, man pages, the
//! pre-commit hook manifest and the GitHub Actions example. The hook itself runs in
//! tests/pre-commit/run.sh (it needs pre-commit and a release build).

use assert_cmd::Command;
use serde_yaml_ng::Value;
use std::fs;

fn charter(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("charter")
        .expect("binary builds")
        .args(args)
        .output()
        .expect("runs")
}

fn yaml(path: &str) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{path} is not YAML: {e}"))
}

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = charter(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8_lossy(&out.stdout);
        for word in ["charter", "lint", "deny-warnings", "schema"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    assert_eq!(charter(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_prints_the_top_page_and_writes_one_per_subcommand() {
    let out = charter(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains(".TH charter 1"), "{page}");
    assert!(page.contains("lint"), "{page}");

    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = dir.path().join("man1");
    let out = charter(&["man", "--out", out_dir.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0));
    let mut names: Vec<String> = fs::read_dir(&out_dir)
        .expect("written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for page in [
        "charter.1",
        "charter-lint.1",
        "charter-schema.1",
        "charter-completions.1",
    ] {
        assert!(
            names.iter().any(|n| n == page),
            "{page} missing from {names:?}"
        );
    }
    assert!(!names.iter().any(|n| n == "charter-help.1"), "{names:?}");
    let lint = fs::read_to_string(out_dir.join("charter-lint.1")).expect("read");
    assert!(lint.contains("deny\\-warnings"), "{lint}");
}

#[test]
fn the_pre_commit_manifest_offers_the_charter_hook() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = &hooks[0];
    assert_eq!(hook["id"], "charter");
    assert_eq!(hook["entry"], "charter lint");
    assert_eq!(hook["language"], "rust");
    assert_eq!(hook["pass_filenames"], true);
    // pre-commit names excluded files too: the config's `exclude` must still hold.
    assert_eq!(hook["args"][0], "--force-exclude");
    let files = regex::Regex::new(hook["files"].as_str().expect("files")).expect("regex");
    for name in ["a.charter.md", "partners/b.charter.toml"] {
        assert!(files.is_match(name), "{name}");
    }
    for name in ["charter.toml", "README.md", "a.charter.md.bak"] {
        assert!(!files.is_match(name), "{name}");
    }
}

/// The README's `.pre-commit-config.yaml` (run for real by tests/pre-commit/run.sh).
#[test]
fn the_readme_pre_commit_config_uses_the_hook() {
    let readme = fs::read_to_string("README.md").expect("README");
    let (_, after) = readme
        .split_once("<!-- tested by tests/pre-commit/run.sh -->")
        .expect("marker in README");
    let block = after
        .split("```")
        .nth(1)
        .expect("a code block after the marker");
    let block = block.strip_prefix("yaml\n").expect("a yaml block");
    let config: Value = serde_yaml_ng::from_str(block).expect("YAML");
    let repo = &config["repos"][0];
    assert!(
        repo["repo"].is_string() && repo["rev"].is_string(),
        "{repo:?}"
    );
    assert_eq!(repo["hooks"][0]["id"], "charter");
}

#[test]
fn the_github_workflow_example_lints_changes_and_uploads_sarif() {
    let wf = yaml("examples/github-workflow.yml");
    assert_eq!(wf["permissions"]["security-events"], "write");
    let steps = wf["jobs"]["lint"]["steps"].as_sequence().expect("steps");
    let run = |needle: &str| {
        steps
            .iter()
            .find(|s| s["run"].as_str().is_some_and(|r| r.contains(needle)))
            .unwrap_or_else(|| panic!("no step runs {needle}"))
    };
    run("cargo install");
    run("--changed-since \"origin/$BASE_REF\" --format github");
    assert_eq!(run("--format sarif > charter.sarif")["if"], "always()");
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("an upload-sarif step");
    assert_eq!(upload["with"]["sarif_file"], "charter.sarif");
    // Code scanning needs runs on the default branch to compare a pull request with.
    assert!(wf["on"]["push"]["branches"].is_sequence(), "{:?}", wf["on"]);
    assert!(wf["on"].get("pull_request").is_some(), "{:?}", wf["on"]);
    // A fork's pull request has a read-only token: the upload is skipped there.
    let cond = upload["if"].as_str().expect("an if on the upload");
    for part in [
        "always()",
        "github.event_name != 'pull_request'",
        "github.event.pull_request.head.repo.full_name == github.repository",
    ] {
        assert!(cond.contains(part), "{cond}");
    }
    // The majors current at the time of writing (each runs on Node 24).
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    for want in [
        "actions/checkout@v7",
        "actions/cache@v6",
        "github/codeql-action/upload-sarif@v4",
    ] {
        assert!(uses.contains(&want), "{want} not in {uses:?}");
    }
}

/// actionlint, where it is installed (.ci/run installs it and sets
/// CHARTER_REQUIRE_ACTIONLINT, so in CI this never skips).
#[test]
fn the_github_workflow_example_passes_actionlint() {
    use std::io::Write;
    let out = match std::process::Command::new("actionlint")
        .arg("examples/github-workflow.yml")
        .output()
    {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            assert!(
                std::env::var_os("CHARTER_REQUIRE_ACTIONLINT").is_none(),
                "actionlint is not on the PATH, and CHARTER_REQUIRE_ACTIONLINT is set"
            );
            // Straight to stderr: the test harness captures eprintln! of passing tests.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: actionlint not on the PATH, so examples/github-workflow.yml was not checked"
            );
            return;
        }
        Err(e) => panic!("actionlint: {e}"),
    };
    assert!(
        out.status.success(),
        "actionlint found problems:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Help and man pages are read where only the binary is installed: they point at
/// commands, never at files of the source repository, and never back at themselves.
#[test]
fn help_and_man_pages_point_at_commands_not_repository_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = dir.path().join("man1");
    let out = charter(&["man", "--out", out_dir.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0));
    let mut texts = Vec::new();
    for entry in fs::read_dir(&out_dir).expect("written") {
        let path = entry.expect("entry").path();
        texts.push((
            path.display().to_string(),
            fs::read_to_string(&path).unwrap(),
        ));
    }
    for sub in ["lint", "new", "init", "rules", "explain", "inspect"] {
        let out = charter(&[sub, "--help"]);
        let help = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            !help.contains(&format!("charter {sub} --help")),
            "{sub} --help refers to itself: {help}"
        );
        texts.push((format!("{sub} --help"), help));
    }
    let repo_path = regex::Regex::new(r"\b(docs|tests|rules|templates|examples)/[\w./-]*").unwrap();
    for (name, text) in &texts {
        let text = text.replace("\\-", "-");
        assert!(
            !repo_path.is_match(&text),
            "{name}: {:?}",
            repo_path.find(&text).map(|m| m.as_str())
        );
    }
}

/// The README's first command, `cargo run --release -- ARGS`, run as the user's shell
/// would (globs expanded) with the built binary: it lints the complete examples, which
/// stay clean whatever today's date is.
#[cfg(unix)]
#[test]
fn the_readme_first_command_lints_clean() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(root.join("README.md")).expect("README");
    let block = readme
        .split("```sh\n")
        .nth(1)
        .expect("a sh block in the README");
    let first = block.lines().next().expect("a command");
    let args = first
        .strip_prefix("cargo run --release -- ")
        .unwrap_or_else(|| panic!("not a cargo run command: {first}"));
    assert!(
        args.starts_with("lint ") && args.contains("--today"),
        "{first}"
    );
    let bin = assert_cmd::cargo::cargo_bin("charter");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("\"$0\" {args} --color never"))
        .arg(&bin)
        .current_dir(root)
        .env_remove("NO_COLOR")
        .output()
        .expect("sh runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{first}\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("checked: no findings"), "{stdout}");
}

/// The README's hook for a prebuilt `charter` matches the hook this repository
/// offers, and the quick profile it points at exists.
#[test]
fn the_readme_local_hook_for_an_installed_charter_matches_the_manifest() {
    let readme = fs::read_to_string("README.md").expect("README");
    let (_, after) = readme
        .split_once("<!-- tested by tests/integrations.rs -->")
        .expect("marker in README");
    let block = after.split("```").nth(1).expect("a code block");
    let block = block.strip_prefix("yaml\n").expect("a yaml block");
    let config: Value = serde_yaml_ng::from_str(block).expect("YAML");
    assert_eq!(config["repos"][0]["repo"], "local");
    let local = &config["repos"][0]["hooks"][0];
    assert_eq!(local["language"], "system");
    let offered = &yaml(".pre-commit-hooks.yaml")[0];
    for key in ["id", "entry", "args", "files"] {
        assert_eq!(local[key], offered[key], "{key}");
    }

    let manifest: toml::Table = fs::read_to_string("Cargo.toml")
        .expect("Cargo.toml")
        .parse()
        .expect("TOML");
    let quick = &manifest["profile"]["quick"];
    assert_eq!(quick["inherits"].as_str(), Some("release"));
    assert_eq!(quick["lto"].as_bool(), Some(false));
}
