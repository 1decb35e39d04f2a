//! `charter lint`: find charters, lint them in parallel, report in order.

use super::LintArgs;

pub fn run(_args: LintArgs) -> u8 {
    super::exit::TROUBLE
}
