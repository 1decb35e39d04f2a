//! `charter man`: man pages generated from the clap definitions (clap_mangen).
//!
//! Without `--out`, the top page `charter.1` goes to standard output, for
//! `charter man | man -l -`. With `--out DIR`, `charter.1` and one page per subcommand
//! (`charter-lint.1`, …) are written there, for packagers installing into `man1/`.

use super::{exit, Cli, ManArgs};
use clap::CommandFactory;
use std::path::{Path, PathBuf};

pub fn run(args: ManArgs) -> u8 {
    let cmd = command();
    match args.out {
        None => {
            let mut page = Vec::new();
            if let Err(e) = clap_mangen::Man::new(cmd).render(&mut page) {
                eprintln!("error: cannot render the man page: {e}");
                return exit::TROUBLE;
            }
            super::write_stdout(&page)
        }
        Some(dir) => match write_pages(cmd, &dir) {
            Ok(paths) => {
                for p in paths {
                    eprintln!("wrote {}", p.display());
                }
                exit::CLEAN
            }
            Err(e) => {
                eprintln!("error: cannot write man pages to {}: {e}", dir.display());
                exit::TROUBLE
            }
        },
    }
}

/// The command tree as the pages describe it. Building it fills in the subcommands'
/// display names (`charter-lint`), which name their pages; the `help` subcommand is
/// clap's own and gets no page.
fn command() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// Write a page for `cmd` and, depth first, for each of its visible subcommands.
fn write_pages(cmd: clap::Command, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    let mut stack = vec![cmd];
    while let Some(cmd) = stack.pop() {
        stack.extend(cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
        written.push(clap_mangen::Man::new(cmd).generate_to(dir)?);
    }
    Ok(written)
}
