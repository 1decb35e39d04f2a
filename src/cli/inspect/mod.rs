//! `charter inspect PATH...`: how each charter was read — metadata and where it came
//! from, sections and fields with their headings and labels, phases, metrics,
//! signatures, and every heading and label that was not recognised. What a user runs
//! when a finding looks wrong. See docs/inspect.md.
//!
//! Inputs are found and read exactly as `charter lint` finds and reads them (the same
//! config, pack, walk and input errors), so what `inspect` shows is what `lint` saw.

mod human;
pub mod view;

use super::{exit, ConfigArgs};
use crate::output::InputFailure;
use crate::parse;
use crate::rules::RuleSet;
use crate::walk;
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Charters to inspect. Folders are walked as `charter lint` walks them; `-` reads
    /// one charter from standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = InspectFormat::Human)]
    pub format: InspectFormat,
    #[command(flatten)]
    pub input: super::InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    /// A block per file, a line number before every row.
    Human,
    /// One JSON object: `{"version": 1, "files": [...], "errors": [...]}`.
    Json,
}

/// Exit 0 when every input was read, 2 when one could not be (named on stderr); the
/// charters' findings play no part: `inspect` shows, `lint` judges.
pub fn run(args: InspectArgs) -> u8 {
    let color = std::io::stderr().is_terminal();
    let stdin_name = args.input.stdin_filename.as_deref();
    if let Err(e) = super::lint::stdin_name_used(&args.paths, stdin_name) {
        eprintln!("error: {e}");
        return super::exit::TROUBLE;
    }
    let config = match super::load_config_for(&args.config, &args.paths) {
        Ok(c) => c,
        Err(e) => return super::print_error(&e, color),
    };
    let rules = match RuleSet::load(&config) {
        Ok(r) => r,
        Err(e) => return super::print_error(&e, color),
    };
    let matcher = match super::lint::matcher(&config) {
        Ok(m) => m.force_exclude(args.input.force_exclude),
        Err(e) => return super::print_error(&e, color),
    };
    let inputs = walk::collect(&args.paths, &matcher, args.input.follow_links);
    let mut files = Vec::new();
    let mut failures: Vec<InputFailure> = Vec::new();
    for input in &inputs {
        match super::lint::read_input(
            input,
            args.input.stdin_filename.as_deref(),
            args.input.max_file_size,
        ) {
            Ok(source) => {
                let is_stdin = matches!(input, walk::Input::Stdin);
                let format = super::lint::format_of(&source, is_stdin, stdin_name);
                let charter = parse::parse(&source, format, &rules.vocab);
                files.push(view::build(&source, &charter, &rules.vocab));
            }
            Err(f) => {
                eprintln!(
                    "error: {}: {}",
                    crate::output::escape::line(&f.path),
                    crate::output::escape::line(&f.message)
                );
                failures.push(f);
            }
        }
    }
    if inputs.is_empty() {
        // Folders given, no charter in them: say so, as an empty report would not.
        eprintln!(
            "note: no charter found (a walk takes *.charter.md, *.charter.toml and the config's `include` globs)"
        );
    }
    let text = match args.format {
        InspectFormat::Human => files
            .iter()
            .map(human::render)
            .collect::<Vec<_>>()
            .join("\n"),
        InspectFormat::Json => json(&files, &failures),
    };
    let written = super::write_stdout(text.as_bytes());
    if failures.is_empty() {
        written
    } else {
        exit::TROUBLE
    }
}

fn json(files: &[view::FileView], failures: &[InputFailure]) -> String {
    let errors: Vec<serde_json::Value> = failures
        .iter()
        .map(|f| serde_json::json!({ "path": f.path, "message": f.message }))
        .collect();
    let doc = serde_json::json!({
        "version": 1,
        "files": files,
        // Inputs that could not be read (exit 2); also printed to stderr.
        "errors": errors,
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests;
