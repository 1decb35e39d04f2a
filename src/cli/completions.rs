//! `charter completions SHELL`: a completion script generated from the clap definitions,
//! so it can never fall behind the real flags.

use super::{exit, Cli, CompletionsArgs};
use clap::CommandFactory;

pub fn run(args: CompletionsArgs) -> u8 {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "charter", &mut script);
    if script.is_empty() {
        eprintln!("error: no completion script for {}", args.shell);
        return exit::TROUBLE;
    }
    super::write_stdout(&script)
}
