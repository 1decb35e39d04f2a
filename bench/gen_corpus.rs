//! `cargo run --release --example gen-corpus -- --out DIR --count N --seed S [--format md|toml|both] [--big BYTES] [--timeline BYTES]`
//!
//! Writes N generated charters under DIR (100 per folder, nested), or with `--big`
//! one large Markdown charter of about BYTES bytes, or with `--timeline` one whose
//! timeline table fills BYTES with phases out of order (see
//! `corpus::timeline_markdown`). Same arguments, same bytes.

#[allow(dead_code)] // shared with the bench runner and a test, which use other parts
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: gen-corpus --out DIR [--count N] [--seed S] [--format md|toml|both] [--big BYTES] [--timeline BYTES]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-corpus: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut out: Option<PathBuf> = None;
    let mut count = 1000u64;
    let mut seed = 42u64;
    let mut format = corpus::Format::Md;
    let mut big: Option<usize> = None;
    let mut timeline: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--out" | "-o" => out = Some(value("--out")?.into()),
            "--count" | "-n" => count = number(&value("--count")?)?,
            "--seed" | "-s" => seed = number(&value("--seed")?)?,
            "--format" | "-f" => {
                let v = value("--format")?;
                format =
                    corpus::Format::parse(&v).ok_or_else(|| format!("unknown format `{v}`"))?;
            }
            "--big" => big = Some(number(&value("--big")?)? as usize),
            "--timeline" => timeline = Some(number(&value("--timeline")?)? as usize),
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let out = out.ok_or("--out is required")?;
    let one = match (big, timeline) {
        (Some(bytes), _) => Some((
            "big",
            bytes,
            corpus::big_markdown as fn(u64, usize) -> String,
        )),
        (None, Some(bytes)) => Some((
            "timeline",
            bytes,
            corpus::timeline_markdown as fn(u64, usize) -> String,
        )),
        (None, None) => None,
    };
    if let Some((kind, bytes, make)) = one {
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        let text = make(seed, bytes);
        let path = out.join(format!("{kind}-{bytes}.charter.md"));
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {} ({} bytes)", path.display(), text.len());
        return Ok(());
    }
    let stats = corpus::generate(&out, count, seed, format).map_err(|e| e.to_string())?;
    println!(
        "wrote {} charters ({} Markdown, {} TOML; {} with defects), {:.1} MB, to {}",
        stats.files,
        stats.md,
        stats.toml,
        stats.defective,
        stats.bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}

/// Accepts `10000`, `10_000` and `10k`/`1m` (for --big sizes).
fn number(s: &str) -> Result<u64, String> {
    let t = s.replace('_', "").to_ascii_lowercase();
    let (digits, mult) = match t.strip_suffix('k') {
        Some(d) => (d, 1_000),
        None => match t.strip_suffix('m') {
            Some(d) => (d, 1_000_000),
            None => (t.as_str(), 1),
        },
    };
    digits
        .parse::<u64>()
        .map(|n| n * mult)
        .map_err(|_| format!("`{s}` is not a number"))
}
