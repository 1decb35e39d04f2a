//! Numbers in messages.

/// A number for a message: `20`, `12.5`.
pub(crate) fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_messages() {
        assert_eq!(number(20.0), "20");
        assert_eq!(number(12.5), "12.5");
    }
}
