//! A partner's name as a file name: lowercase words joined by `-`. Only letters and
//! digits survive, so the result can hold no path separator, no `..` and no leading
//! dot, and so always names a file inside the output folder.

/// The longest slug kept; longer names are cut at a word boundary.
const MAX_LEN: usize = 64;

/// `"Northwind Ledger"` → `northwind-ledger`; `"../../etc/passwd"` → `etc-passwd`.
/// A name with nothing usable in it is an error saying why.
pub fn slug(name: &str) -> Result<String, String> {
    if name.contains('\0') {
        return Err("the partner name contains a NUL character".to_string());
    }
    let mut out = String::new();
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word: String = word.chars().flat_map(char::to_lowercase).collect();
        let extra = word.len() + usize::from(!out.is_empty());
        if !out.is_empty() && out.len() + extra > MAX_LEN {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    if out.is_empty() {
        return Err(format!(
            "the partner name `{}` has no letters or digits to make a file name from",
            name.escape_debug()
        ));
    }
    // A single overlong word: cut on a character boundary.
    if out.len() > MAX_LEN {
        let mut cut = MAX_LEN;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_safe_file_names() {
        assert_eq!(slug("Northwind Ledger").unwrap(), "northwind-ledger");
        assert_eq!(slug("../../etc/passwd").unwrap(), "etc-passwd");
        assert_eq!(slug("Acme/Cloud").unwrap(), "acme-cloud");
        assert_eq!(slug("/etc/x").unwrap(), "etc-x");
        assert_eq!(slug("a\\b").unwrap(), "a-b");
        assert_eq!(slug("Société Générale").unwrap(), "société-générale");
        assert_eq!(slug("  O'Brien & Co.  ").unwrap(), "o-brien-co");
    }

    #[test]
    fn empty_and_dot_names_are_errors() {
        for bad in ["", ".", "..", "  ", "/", "a\0b"] {
            assert!(slug(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn long_names_are_cut() {
        let s = slug(&"word ".repeat(40)).unwrap();
        assert!(s.len() <= MAX_LEN && !s.ends_with('-'), "{s}");
        assert!(slug(&"x".repeat(200)).unwrap().len() <= MAX_LEN);
    }
}
