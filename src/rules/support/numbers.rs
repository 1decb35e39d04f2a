//! Numbers in messages.

/// A number for a message: `20`, `12.5`.
pub(crate) fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        // Arithmetic on a read value leaves float noise (`0.30000000000000004`): a
        // message shows what a person wrote, to four places at most.
        let s = format!("{n:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_messages() {
        assert_eq!(number(20.0), "20");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-2.25), "-2.25");
    }
}
