//! A table whose one column names sections, as a spreadsheet exports a whole charter
//! (`| Section | Item | Keel | Orbital | Notes |`, rows grouped by `Goals`, `Give`,
//! `Plan`, …): each run of rows is a section of its own, read as a table under a
//! heading of that name with the section column taken out (`blocks::sheet`); a run
//! named like metadata (`Basics`, `Key facts`) holds metadata (`preamble`).
//!
//! A blank section cell, or the same text again, continues the run above it, as
//! spreadsheets export grouped rows.
//!
//! A lawyer's term sheet is the two-column shape of the same thing (`| Term |
//! Provision |`): each row's key is a heading (`**8. Objectives**`), a field of the
//! section above (`Meetings`) or a metadata key (`**3. Tier**`), its value the text.
//! What tells it from any other two-column table (metrics, metadata, a governance
//! table) is that its keys open several different sections.

/// Headings (and sheet runs) that hold metadata: one of these words in the name.
const META_HEADINGS: &[&str] = &[
    "facts",
    "particulars",
    "terms",
    "glance",
    "summary",
    "overview",
    "details",
    "properties",
    "metadata",
    "basics",
];

/// A section cell is a name of a few words, not a value.
const MAX_NAME_BYTES: usize = 40;

pub fn is_meta_heading(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| META_HEADINGS.iter().any(|m| w.eq_ignore_ascii_case(m)))
}

/// The column of a table (its data rows, each a row of cell texts) that names
/// sections: `names` says whether a cell names a section or metadata. The first
/// data row is tested first, so that a table of anything else costs a look-up per
/// short cell of one row. Then the column must name sections on most runs (a blank
/// or repeated cell continues the one above), at least two different ones, with
/// some run longer than a row (a list of sections, one per row, is no sheet), and
/// leave an item and a value column beside it.
pub fn section_column<R>(
    rows: &[R],
    cell: impl for<'x> Fn(&'x R, usize) -> Option<&'x str>,
    names: impl Fn(&str) -> bool,
) -> Option<usize> {
    let first = rows.first()?;
    cell(first, 2)?;
    let short = |c: &str| !c.is_empty() && c.len() <= MAX_NAME_BYTES;
    let col = (0..)
        .map_while(|i| cell(first, i))
        .position(|c| short(c) && names(c))?;
    let mut runs = 0;
    let mut named = 0;
    let mut distinct: Vec<&str> = Vec::new();
    let mut prev = "";
    for row in rows {
        let c = cell(row, col).unwrap_or_default();
        if c.is_empty() || c == prev {
            continue;
        }
        prev = c;
        runs += 1;
        if short(c) && names(c) {
            named += 1;
            if !distinct.contains(&c) {
                distinct.push(c);
            }
        }
    }
    let most = named * 3 >= runs * 2;
    (most && distinct.len() >= 2 && rows.len() > runs).then_some(col)
}

/// What a term sheet's key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key<'v> {
    /// A section (its canonical key): the row opens it, unless it is already open.
    Section(&'v str),
    /// A metadata key: the preamble reads the row.
    Meta,
    /// A clause of the agreement itself (`Governing law`): the row belongs to no section.
    Boilerplate,
    /// Anything else: a field of the section open, or its text.
    Other,
}

/// Rows whose keys open a section, at least, in a term sheet.
const MIN_SECTION_KEYS: usize = 3;

/// A term sheet keeps its keys short: a longer first cell is text, not a key.
const MAX_KEY_BYTES: usize = 60;

/// Whether a table (its data rows) is a term sheet: two columns, three rows or more,
/// whose keys open at least two sections other than `open` (three keys or more), the section the table
/// sits in. The shape is tested first, so that a table of anything else costs
/// nothing; only then is each key looked up.
pub fn is_term_sheet<'v, R>(
    rows: &[R],
    cell: impl for<'x> Fn(&'x R, usize) -> Option<&'x str>,
    key: impl Fn(&str) -> Key<'v>,
    open: Option<&str>,
) -> bool {
    let two = |r: &R| cell(r, 1).is_some() && cell(r, 2).is_none();
    if rows.len() < 3 || !rows.first().is_some_and(two) {
        return false;
    }
    let mut distinct: Vec<&str> = Vec::new();
    let mut named = 0;
    for row in rows {
        let k = cell(row, 0).unwrap_or_default();
        if k.len() > MAX_KEY_BYTES {
            continue;
        }
        if let Key::Section(s) = key(k) {
            if Some(s) == open {
                continue;
            }
            named += 1;
            if !distinct.contains(&s) {
                distinct.push(s);
            }
            // Two keys of a metadata table may name sections by a word
            // (`Pipeline stage`, `Record owner`); a term sheet's keys name more.
            if distinct.len() >= 2 && named >= MIN_SECTION_KEYS {
                return true;
            }
        }
    }
    false
}

/// A term sheet's key, or `Other` when the cell is too long to be one.
pub fn term_key<'v>(k: &str, key: impl Fn(&str) -> Key<'v>) -> Key<'v> {
    if k.is_empty() || k.len() > MAX_KEY_BYTES {
        Key::Other
    } else {
        key(k)
    }
}

/// Each data row's run name: its section cell, or the last non-blank one above it.
pub fn run_names<'r, R>(
    rows: &'r [R],
    col: usize,
    cell: impl Fn(&'r R, usize) -> Option<&'r str> + 'r,
) -> impl Iterator<Item = &'r str> + 'r {
    let mut last = "";
    rows.iter().map(move |r| {
        let c = cell(r, col).unwrap_or_default();
        if !c.is_empty() {
            last = c;
        }
        last
    })
}

#[cfg(test)]
mod tests {
    use super::{is_term_sheet, run_names, section_column, Key};

    #[allow(clippy::ptr_arg)] // `R` is the row type, `Vec`
    fn cell<'x>(r: &'x Vec<&str>, i: usize) -> Option<&'x str> {
        r.get(i).copied()
    }

    fn column(rows: &[Vec<&str>]) -> Option<usize> {
        let names = |c: &str| ["Basics", "Goals", "Plan", "Exit", "Owner"].contains(&c);
        section_column(rows, cell, names)
    }

    #[test]
    fn a_column_of_repeated_or_blank_section_names_is_found_where_it_is() {
        let rows = vec![
            vec!["1", "Basics", "Tier", "2"],
            vec!["2", "", "Status", "crawl"],
            vec!["3", "Goals", "Success", "x"],
            vec!["4", "Goals", "Shared", "y"],
            vec!["5", "Exit", "Criteria", "z"],
        ];
        assert_eq!(column(&rows), Some(1));
        let runs: Vec<&str> = run_names(&rows, 1, cell).collect();
        assert_eq!(runs, ["Basics", "Basics", "Goals", "Goals", "Exit"]);
    }

    #[test]
    fn other_tables_are_no_sheet() {
        // One section per row: a list of sections, not a sheet.
        let list = vec![vec!["Goals", "done", "x"], vec!["Plan", "open", "y"]];
        assert_eq!(column(&list), None);
        // Every row of one section.
        let one = vec![vec!["Owner", "Ada", "x"], vec!["", "Rhys", "y"]];
        assert_eq!(column(&one), None);
        // Two columns leave no item beside a value.
        let narrow = vec![vec!["Goals", "x"], vec!["", "y"], vec!["Plan", "z"]];
        assert_eq!(column(&narrow), None);
        // The first row names nothing: not looked at further.
        let plain = vec![vec!["Installs", "2,000", "x"], vec!["Goals", "", "y"]];
        assert_eq!(column(&plain), None);
    }

    fn terms(rows: &[Vec<&str>], open: Option<&str>) -> bool {
        let key = |c: &str| match c {
            "Objectives" | "Purpose" => Key::Section("goals"),
            "Our commitments" => Key::Section("value-exchange"),
            "Owners" | "Escalation" => Key::Section("governance"),
            "Tier" => Key::Meta,
            _ => Key::Other,
        };
        is_term_sheet(rows, cell, key, open)
    }

    #[test]
    fn a_term_sheet_is_two_columns_whose_keys_open_several_sections() {
        let sheet = vec![
            vec!["Tier", "2"],
            vec!["Objectives", "x"],
            vec!["Purpose", "x"],
            vec!["Our commitments", "y"],
            vec!["Owners", "z"],
            vec!["Meetings", "weekly"],
        ];
        assert!(terms(&sheet, None));
        // Keys of one section (and fields of it) are that section's table.
        let governance = vec![
            vec!["Owners", "Ada"],
            vec!["Sync", "weekly"],
            vec!["Escalation", "CEO"],
        ];
        assert!(!terms(&governance, Some("governance")));
        assert!(!terms(&governance, None));
        // A metadata table with two keys that name sections by a word.
        let meta = vec![
            vec!["Tier", "2"],
            vec!["Owners", "Ada"],
            vec!["Purpose", "x"],
        ];
        assert!(!terms(&meta, None));
        // Metrics, or three columns: no term sheet.
        let metrics = vec![
            vec!["Installs", "2,000"],
            vec!["Churn", "2%"],
            vec!["NPS", "40"],
        ];
        assert!(!terms(&metrics, None));
        let wide = vec![
            vec!["Objectives", "x", "a"],
            vec!["Our commitments", "y", "b"],
            vec!["Owners", "z", "c"],
        ];
        assert!(!terms(&wide, None));
    }
}
