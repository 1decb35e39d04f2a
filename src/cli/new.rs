//! `charter new`: render a charter skeleton and write it safely.

use super::NewArgs;

pub fn run(_args: NewArgs) -> u8 {
    eprintln!("charter new: not implemented yet");
    super::exit::TROUBLE
}
