//! Questions on the terminal: the partner's name, the tier, and the tier decision
//! tree. Generic over the streams so the logic is tested without a terminal.

use crate::model::Tier;
use std::io::{BufRead, Write};

/// How many unusable answers before giving up.
const TRIES: usize = 3;

/// Ask until a non-empty line comes back; end of input is an error.
pub fn line(
    input: &mut impl BufRead,
    out: &mut impl Write,
    question: &str,
) -> Result<String, String> {
    for _ in 0..TRIES {
        let _ = write!(out, "{question} ");
        let _ = out.flush();
        let mut buf = String::new();
        let n = input
            .read_line(&mut buf)
            .map_err(|e| format!("cannot read the answer: {e}"))?;
        if n == 0 {
            return Err("no answer (end of input)".to_string());
        }
        let answer = buf.trim();
        if !answer.is_empty() {
            return Ok(answer.to_string());
        }
    }
    Err("no answer given".to_string())
}

pub fn yes_no(
    input: &mut impl BufRead,
    out: &mut impl Write,
    question: &str,
) -> Result<bool, String> {
    for _ in 0..TRIES {
        match line(input, out, &format!("{question} [y/n]"))?
            .to_ascii_lowercase()
            .as_str()
        {
            "y" | "yes" => return Ok(true),
            "n" | "no" => return Ok(false),
            _ => {
                let _ = writeln!(out, "Please answer y or n.");
            }
        }
    }
    Err("no yes-or-no answer given".to_string())
}

pub fn tier(input: &mut impl BufRead, out: &mut impl Write) -> Result<Tier, String> {
    for _ in 0..TRIES {
        let a = line(
            input,
            out,
            "Partner tier (1 integration, 2 partnership, 3 strategic):",
        )?;
        if let Some(t) = Tier::parse(&a) {
            return Ok(t);
        }
        let _ = writeln!(out, "`{a}` is not a tier.");
    }
    Err("no tier chosen".to_string())
}

/// The "which partner tier" decision tree: self-serve capable partners are tier 1;
/// otherwise a marquee logo is tier 3, and everyone else tier 2.
pub fn decide_tier(input: &mut impl BufRead, out: &mut impl Write) -> Result<Tier, String> {
    if yes_no(
        input,
        out,
        "Does the partner have engineering resources to build on our public API themselves?",
    )? {
        let _ = writeln!(
            out,
            "Tier 1 (integration): self-serve. Re-evaluate for tier 2 after 6 months."
        );
        return Ok(Tier::Integration);
    }
    if yes_no(
        input,
        out,
        "Is this a marquee partner whose logo shifts our positioning?",
    )? {
        let _ = writeln!(out, "Tier 3 (strategic): co-development.");
        Ok(Tier::Strategic)
    } else {
        let _ = writeln!(out, "Tier 2 (partnership): joint development.");
        Ok(Tier::Partnership)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn decide(answers: &str) -> Result<Tier, String> {
        decide_tier(&mut Cursor::new(answers.as_bytes()), &mut Vec::new())
    }

    #[test]
    fn the_decision_tree_picks_the_tier() {
        assert_eq!(decide("yes\n"), Ok(Tier::Integration));
        assert_eq!(decide("n\ny\n"), Ok(Tier::Strategic));
        assert_eq!(decide("no\nno\n"), Ok(Tier::Partnership));
        assert_eq!(decide("maybe\nN\nY\n"), Ok(Tier::Strategic));
        assert!(decide("").is_err());
    }

    #[test]
    fn names_and_tiers_are_asked_again_until_usable() {
        let mut out = Vec::new();
        let name = line(
            &mut Cursor::new(b"\n  Northwind  \n".as_slice()),
            &mut out,
            "Partner:",
        );
        assert_eq!(name.as_deref(), Ok("Northwind"));
        let t = tier(&mut Cursor::new(b"gold\nstrategic\n".as_slice()), &mut out);
        assert_eq!(t, Ok(Tier::Strategic));
        assert!(line(&mut Cursor::new(b"".as_slice()), &mut out, "Partner:").is_err());
    }
}
