use super::pipe;

/// `pipe` of `body`, checked to keep its length and every line ending's place.
fn piped(body: &str) -> Option<String> {
    let out = pipe(body)?;
    assert_eq!(out.len(), body.len());
    Some(out)
}

#[test]
fn a_simple_table_becomes_a_pipe_table_of_the_same_length() {
    let body = "Text.\n\n  Metric      Target   Reviewed\n  ----------- -------- --------\n  Shops live  400      monthly\n  Card share  55%\n\nAfter.\n";
    assert_eq!(
        piped(body).unwrap(),
        "Text.\n\n  Metric     |Target  |Reviewed\n  -----------|--------|--------\n  Shops live |400     |monthly\n  Card share |55%\n\nAfter.\n"
    );
}

#[test]
fn characters_count_as_columns_not_bytes() {
    let body = "  Party   Name\n  ------- ----------\n  Keel    Tomasz Wróbel\n  Örbit   Ana\n";
    assert_eq!(
        piped(body).unwrap(),
        "  Party  |Name\n  -------|----------\n  Keel   |Tomasz Wróbel\n  Örbit  |Ana\n"
    );
}

#[test]
fn text_across_a_gap_lists_and_breaks_are_left_alone() {
    assert_eq!(pipe("no tables here\n"), None);
    assert_eq!(pipe("  A     B\n  ----- -----\n  long text here\n"), None);
    assert_eq!(pipe("Para\n- - -\nNext\n"), None);
    assert_eq!(pipe("Para\n\n-----------\n\nNext\n"), None);
}

#[test]
fn a_multiline_table_has_a_row_per_blank_line_parted_block() {
    let body = "\
  --------------------------
  Phase  Dates
  ------ -------------------
  Crawl  11 January --
         26 February 2027

  Walk   from 1 March
  --------------------------
After.
";
    let out = piped(body).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0].trim(), "");
    assert_eq!(lines[1].trim_end(), "Phase|Dates");
    assert_eq!(lines[2], "  ------|-------------------");
    assert_eq!(lines[3].trim_end(), "Crawl|11 January -- 26 February 2027");
    // The row's second line and the blank line are padding now.
    assert_eq!(lines[4].trim_end(), "Walk|from 1 March");
    assert_eq!(lines[5].trim(), "");
    assert_eq!(lines[6], "After.");
}

#[test]
fn a_multiline_table_with_crlf_keeps_its_line_endings() {
    let body = "------------------\r\nA      B\r\n------ -----\r\nx      y\r\n       z\r\n------------------\r\n";
    let out = piped(body).unwrap();
    assert_eq!(out.matches("\r\n").count(), 5);
    assert!(out.contains("x|y z"), "{out:?}");
}

#[test]
fn a_grid_table_with_a_header_becomes_a_pipe_table() {
    let body = "\
+--------------+--------------+
| Keel         | Orbital      |
+==============+==============+
| Gives: two   | Gives: a 15% |
| engineers.   | share.       |
+--------------+--------------+
| Loses: $80k  | Loses: time  |
+--------------+--------------+
";
    let out = piped(body).unwrap();
    let rows: Vec<&str> = out
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(
        rows,
        [
            "Keel|Orbital",
            "|--------------|--------------|",
            "Gives: two engineers.|Gives: a 15% share.",
            "Loses: $80k|Loses: time",
        ]
    );
}

#[test]
fn an_empty_cell_at_either_end_keeps_its_pipe() {
    let body = "  ------------------
  A      B
  ------ -----------
         y

  x
  ------------------
";
    let out = piped(body).unwrap();
    assert!(out.contains("|y"), "{out:?}");
    assert!(out.contains("x|"), "{out:?}");
}

#[test]
fn a_grid_table_without_a_header_is_left_alone() {
    let body = "+-----+-----+\n| a   | b   |\n+-----+-----+\n| c   | d   |\n+-----+-----+\n";
    assert_eq!(pipe(body), None);
}

proptest::proptest! {
    /// Any text of table-ish bytes: never a panic, and a copy of the same length.
    #[test]
    fn any_text_keeps_its_length(body in "(  |---|--|-| |\\+|\\+--|\\||=|:|ab|é|\n|\r\n|\r|\n\n){0,120}") {
        if let Some(out) = pipe(&body) {
            proptest::prop_assert_eq!(out.len(), body.len());
        }
        if let Some(out) = super::super::attributes::blank(&body) {
            proptest::prop_assert_eq!(out.len(), body.len());
        }
    }
}
