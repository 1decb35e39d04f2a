//! The parse floor: the least any charter linter must do, with nothing else.
//!
//! `parse-floor [-j N] PATH...` walks like `charter lint` (hidden folders, `target/` and
//! `node_modules/` skipped, `*.charter.md` / `*.charter.toml` kept, named files always
//! kept), reads every file, and parses it with the parsers charter uses: the `+++` TOML
//! front matter with `toml::de::DeTable::parse` and the Markdown body with pulldown-cmark
//! (the same extensions, offsets on, every event consumed); a TOML charter is
//! `DeTable::parse`d whole. No model, no rules, no output beyond one summary line.
//! Files are parsed in chunks of 256 with rayon's `par_iter`, as `charter lint` does,
//! so the two scale the same way with `-j`.
//!
//! Built with the same allocator as `charter` (`charter::alloc`, mimalloc).
//!
//! No gitignore handling: that is work charter chooses to do, and part of what the
//! benchmark charges it for.

use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use toml::de::DeTable;
use walkdir::WalkDir;

/// The allocator `charter` uses, so that the two are compared on the same footing.
#[global_allocator]
static GLOBAL: charter::alloc::Mimalloc = charter::alloc::Mimalloc;

/// As `charter lint`'s chunk size.
const CHUNK: usize = 256;

#[derive(Default)]
struct Totals {
    files: usize,
    bytes: usize,
    events: usize,
    toml_errors: usize,
    unreadable: usize,
}

impl Totals {
    fn add(&mut self, o: &Totals) {
        self.files += o.files;
        self.bytes += o.bytes;
        self.events += o.events;
        self.toml_errors += o.toml_errors;
        self.unreadable += o.unreadable;
    }
}

fn main() -> ExitCode {
    let mut threads = 0usize;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-j" | "--threads" => match args.next().and_then(|v| v.parse().ok()) {
                Some(n) => threads = n,
                None => {
                    eprintln!("parse-floor: --threads needs a number");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("usage: parse-floor [-j N] PATH...");
                return ExitCode::SUCCESS;
            }
            _ => paths.push(PathBuf::from(a)),
        }
    }
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let files = collect(&paths);
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("parse-floor: cannot start threads: {e}");
            return ExitCode::from(2);
        }
    };
    let totals = pool.install(|| {
        let mut t = Totals::default();
        for chunk in files.chunks(CHUNK) {
            let parts: Vec<Totals> = chunk.par_iter().map(|p| parse_file(p)).collect();
            for p in &parts {
                t.add(p);
            }
        }
        t
    });
    println!(
        "{} files, {} bytes, {} events, {} TOML errors, {} unreadable",
        totals.files, totals.bytes, totals.events, totals.toml_errors, totals.unreadable
    );
    ExitCode::SUCCESS
}

fn collect(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let mut it = WalkDir::new(path).sort_by_file_name().into_iter();
        while let Some(entry) = it.next() {
            let Ok(entry) = entry else { continue };
            let is_dir = entry.file_type().is_dir();
            if entry.depth() > 0 {
                let name = entry.file_name().to_string_lossy();
                if name.starts_with('.') || (is_dir && (name == "target" || name == "node_modules"))
                {
                    if is_dir {
                        it.skip_current_dir();
                    }
                    continue;
                }
            }
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry.file_name().to_string_lossy().to_ascii_lowercase();
            if name.ends_with(".charter.md") || name.ends_with(".charter.toml") {
                out.push(entry.into_path());
            }
        }
    }
    out
}

fn parse_file(path: &Path) -> Totals {
    let mut t = Totals::default();
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        _ => {
            t.unreadable = 1;
            return t;
        }
    };
    t.files = 1;
    t.bytes = text.len();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_toml {
        t.toml_errors = usize::from(black_box(DeTable::parse(text)).is_err());
        return t;
    }
    let (front, body) = split_front_matter(text);
    if let Some(front) = front {
        t.toml_errors = usize::from(black_box(DeTable::parse(front)).is_err());
    }
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        black_box((&event, range));
        t.events += 1;
    }
    t
}

/// `+++` on the first line opens TOML front matter; the next `+++` line closes it.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text.strip_prefix("+++") else {
        return (None, text);
    };
    let Some(rest) = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
    else {
        return (None, text);
    };
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "+++" {
            return (Some(&rest[..at]), &rest[at + line.len()..]);
        }
        at += line.len();
    }
    (None, text)
}
