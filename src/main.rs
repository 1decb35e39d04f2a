use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match charter::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with status 0; usage errors get 2,
            // which is also our "could not run" code.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                charter::cli::exit::TROUBLE
            } else {
                0
            });
        }
    };
    charter::cli::run(cli)
}

/// mimalloc (see `charter::alloc`).
#[global_allocator]
static GLOBAL: charter::alloc::Mimalloc = charter::alloc::Mimalloc;
