//! `charter init`: write a commented charter.toml.

use super::InitArgs;

pub fn run(_args: InitArgs) -> u8 {
    eprintln!("charter init: not implemented yet");
    super::exit::TROUBLE
}
