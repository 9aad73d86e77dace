//! Where an export's time goes, phase by phase: `cargo run --release -p synoptic-core
//! --example phases -- DIR [TOPICS] [json2|text|markdown]`. Wall and CPU time (from
//! /proc/self/stat, so Linux only, 10 ms ticks) for reading, aligning and writing, and the
//! resident memory at the end of each (peak so far, and now).

use std::path::PathBuf;
use std::time::Instant;

use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::load_paths;
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::output::export::{ExportOptions, Format, JsonVersion, write_export};

/// User and system CPU seconds of this process so far.
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Peak and current resident memory in MB (`VmHWM`, `VmRSS` of `/proc/self/status`).
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let (wall, cpu0) = (Instant::now(), cpu());
    let out = f();
    let (peak, now) = memory();
    eprintln!(
        "{name:<10} {:>6.3} s wall {:>6.2} s CPU  peak {peak:>4.0} MB, now {now:>4.0} MB",
        wall.elapsed().as_secs_f64(),
        cpu() - cpu0
    );
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: phases DIR [TOPICS] [json2|text|markdown]");
        std::process::exit(2);
    };
    let defs = args.get(1).map_or_else(Vec::new, |path| {
        let text = std::fs::read_to_string(path).expect("a readable topics file");
        parse_topics(path, &text)
            .expect("a valid topics file")
            .topics
    });
    let format = args.get(2).map_or("json2", String::as_str);
    let (wall, cpu0) = (Instant::now(), cpu());
    let loaded = phase("read", || {
        load_paths(&[PathBuf::from(dir)]).expect("articles")
    });
    let synopsis = phase("align", || Synopsis::build(loaded.articles, &defs));
    let opts = ExportOptions {
        format: if format == "markdown" {
            Format::Markdown
        } else if format == "text" {
            Format::Text
        } else {
            Format::Json
        },
        topic: None,
        width: 160,
        painter: None,
        json_version: JsonVersion::V2,
        rows: false,
    };
    let mut sink = std::io::sink();
    phase(format, || {
        write_export(&synopsis, &opts, &mut sink).expect("written");
    });
    eprintln!(
        "{:<10} {:>6.3} s wall {:>6.2} s CPU",
        "total",
        wall.elapsed().as_secs_f64(),
        cpu() - cpu0
    );
}
