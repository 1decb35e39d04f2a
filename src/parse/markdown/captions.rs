//! A caption line naming a side over the signed line under it (`For Tiffinwala Foods
//! Pvt. Ltd.⏎Sd/- Ritika Menon, 18th July, 2026`): one signature, the caption's side
//! signed by the line under it. Read apart, the caption looks unsigned and the signed
//! line names no side.

use crate::model::Signature;

/// Join each caption (a side, no date, not signed) with the signed line right under it
/// that names no side.
pub fn join(src: &str, sigs: &mut Vec<Signature>) {
    // Cheap first: only a signed line with no side can take a caption's side.
    if !sigs.iter().any(|s| s.signed && s.side.is_none()) {
        return;
    }
    let mut i = 1;
    while i < sigs.len() {
        let (head, line) = (&sigs[i - 1], &sigs[i]);
        let between = src.get(head.span.end..line.span.start).unwrap_or("x");
        let next_line = between.chars().all(char::is_whitespace)
            && between.bytes().filter(|&b| b == b'\n').count() <= 1;
        let caption = head.side.is_some() && head.date.is_none() && !head.signed;
        if caption && next_line && line.signed && line.side.is_none() {
            let side = head.side;
            let span = head.span.join(line.span);
            sigs.remove(i - 1);
            if let Some(s) = sigs.get_mut(i - 1) {
                s.side = side;
                s.span = span;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Side;
    use crate::parse::markdown::tests::parse_str;

    #[test]
    fn a_caption_gives_its_side_to_the_signed_line_under_it() {
        let text = "---\ncompany: Tiffinwala Foods\npartner: Swiftkart\n---\n\n## Sign-off\n\n\
            For Tiffinwala Foods\nSd/- Ritika Menon, Head, 18th July, 2026\n\n\
            For Swiftkart\nSd/- Anand Kulkarni, VP, 20th July, 2026\n";
        let c = parse_str(text);
        let sides: Vec<_> = c.signatures.iter().map(|s| (s.side, s.signed)).collect();
        assert_eq!(
            sides,
            [(Some(Side::Company), true), (Some(Side::Partner), true)]
        );
        assert!(text[c.signatures[0].span.start..].starts_with("For Tiffinwala"));
    }

    #[test]
    fn a_caption_with_a_blank_line_after_it_stays_apart() {
        let text = "---\ncompany: Tiffinwala Foods\npartner: Swiftkart\n---\n\n## Sign-off\n\n\
            - For Tiffinwala Foods\n\n\n- Sd/- Ritika Menon, 18th July, 2026\n";
        let c = parse_str(text);
        assert_eq!(c.signatures.len(), 2);
    }
}
