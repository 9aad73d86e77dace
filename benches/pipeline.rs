//! Speed and memory of what a user runs: `cargo bench`. Corpora of 100 and 1,000 articles are
//! generated from the embedded seed articles (see `support/generate.rs`); each export command
//! runs as a user runs it (the release binary, output to a pipe), timed end to end, median of
//! three, with the process's peak resident memory. The reader is measured in-process: from
//! reading the files to its first frame, a topic not yet visited, a step of the cursor, the
//! heap after twelve topics, and a correction aligned again.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use synoptic::cli::{ColorChoice, Input, load};
use synoptic::tui::keys::action::Action;
use synoptic::tui::state::app::App;
use synoptic_core::alignment::align::{align, realign};
use synoptic_core::alignment::measure::AlignOptions;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::{EMBEDDED_TOPICS, load_embedded};
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::model::pins::pin_for;

#[path = "support/generate.rs"]
mod generate;

struct Counting;
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn median<T: PartialOrd + Copy>(mut runs: Vec<T>) -> T {
    runs.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    runs[runs.len() / 2]
}

/// One run of the binary: wall time, CPU time (user and system: on a shared machine the stable
/// figure), peak resident memory (bytes), bytes written. The child is reaped by `wait4`, which
/// also reports its own CPU time and peak memory.
#[allow(clippy::zombie_processes)]
fn run_once(args: &[&str]) -> (Duration, Duration, u64, u64) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("cannot run the synoptic binary");
    let mut stdout = child.stdout.take().expect("piped");
    let drain = std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 20];
        let mut total = 0u64;
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 {
                break;
            }
            total += n as u64;
        }
        total
    });
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, once; `status` and `usage` outlive the call.
    let pid = unsafe { libc::wait4(child.id() as i32, &raw mut status, 0, &raw mut usage) };
    let elapsed = start.elapsed();
    assert!(pid > 0 && status == 0, "synoptic {args:?} failed");
    let written = drain.join().expect("drain thread");
    let seconds = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    (elapsed, cpu, usage.ru_maxrss as u64 * 1024, written)
}

struct Measure {
    time: Duration,
    cpu: Duration,
    peak: u64,
    output: u64,
}

fn command(args: &[&str]) -> Measure {
    let runs: Vec<(Duration, Duration, u64, u64)> = (0..3).map(|_| run_once(args)).collect();
    Measure {
        time: median(runs.iter().map(|r| r.0).collect()),
        cpu: median(runs.iter().map(|r| r.1).collect()),
        peak: median(runs.iter().map(|r| r.2).collect()),
        output: runs[0].3,
    }
}

const COMMANDS: &[(&str, &[&str])] = &[
    ("export --format text", &["--format", "text"]),
    ("export --format markdown", &["--format", "markdown"]),
    (
        "export --format json --format-version 2",
        &["--format", "json", "--format-version", "2"],
    ),
    ("export --format json (version 1)", &["--format", "json"]),
];

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// The reader on a directory: start to first frame, then `n` to each of twelve topics not yet
/// visited (the slowest key), `}` twelve times on the last (the slowest step), and the heap
/// once they are all done.
struct Reader {
    first_frame: Duration,
    slowest_topic: Duration,
    slowest_step: Duration,
    heap_after: u64,
}

fn reader(dir: &Path) -> Reader {
    let input = Input {
        paths: vec![dir.to_path_buf()],
        topics: None,
        color: ColorChoice::Never,
        config: None,
    };
    let start = Instant::now();
    let synopsis = load(&input).expect("the generated corpus loads");
    let app = App::new(synopsis, (160, 45), true);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("test backend");
    terminal
        .draw(|f| synoptic::tui::widgets::render::render(&app, f))
        .expect("draw");
    let first_frame = start.elapsed();
    let mut app = app;
    let slowest = slowest_of(&mut app, &mut terminal, Action::NextTopic);
    // The cursor stepping down the last topic: each step unfolds a passage and lays the
    // panes out again.
    let slowest_step = slowest_of(&mut app, &mut terminal, Action::NextParagraph);
    Reader {
        first_frame,
        slowest_topic: slowest,
        slowest_step,
        heap_after: CURRENT.load(Ordering::Relaxed) as u64,
    }
}

/// The slowest of twelve `action`s, each up to the screen drawn.
fn slowest_of(app: &mut App, terminal: &mut Terminal<TestBackend>, action: Action) -> Duration {
    let mut slowest = Duration::ZERO;
    for _ in 0..12 {
        let start = Instant::now();
        app.update(action);
        terminal
            .draw(|f| synoptic::tui::widgets::render::render(app, f))
            .expect("draw");
        slowest = slowest.max(start.elapsed());
    }
    slowest
}

/// The articles of `dir`, read as the reader reads them.
fn articles_in(dir: &Path) -> Vec<synoptic_core::model::article::Article> {
    let input = Input {
        paths: vec![dir.to_path_buf()],
        topics: None,
        color: ColorChoice::Never,
        config: None,
    };
    load(&input).expect("the generated corpus loads").articles
}

/// The topics compiled in beside the seed articles.
fn embedded_defs() -> Vec<synoptic_core::model::topic_def::TopicDef> {
    parse_topics("assets/topics.toml", EMBEDDED_TOPICS)
        .expect("embedded topics")
        .topics
}

/// Discovery alone, with no topics file: what a user sees first on a new event.
fn discovery(dir: &Path) {
    let articles = articles_in(dir);
    let mut found = 0;
    let runs: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            found = align(&articles, &[], AlignOptions::default()).len();
            start.elapsed()
        })
        .collect();
    println!(
        " 1000    discovery alone, no topics file      {:>6.0} ms  {found} topics  (target < 300 ms)",
        median(runs).as_secs_f64() * 1e3
    );
}

/// A correction in the reader: with one topic defined (the topics found beside it compete
/// fully), a paragraph of it pinned, every topic aligned again as `+` does, and the screen
/// drawn again from the new topics.
fn correction(dir: &Path) {
    let articles = articles_in(dir);
    let mut def = embedded_defs().remove(0);
    let first = align(
        &articles,
        std::slice::from_ref(&def),
        AlignOptions::default(),
    );
    let at = first[0].members[0].at;
    def.pins.push(pin_for(&articles, at, true));
    let id = def.id.clone();
    let topics = first.clone();
    let mut app = App::new(Synopsis { articles, topics }, (160, 45), true);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("test backend");
    let mut aligned = Duration::ZERO;
    let runs: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let topics = realign(
                &app.synopsis.articles,
                std::slice::from_ref(&def),
                &first,
                AlignOptions::default(),
            );
            aligned = start.elapsed();
            app.realigned(topics, &id, &id);
            terminal
                .draw(|f| synoptic::tui::widgets::render::render(&app, f))
                .expect("draw");
            start.elapsed()
        })
        .collect();
    println!(
        " 1000    a correction, aligned and drawn  {:>6.0} ms  (aligned {:.0} ms) one topic defined, {} found",
        median(runs).as_secs_f64() * 1e3,
        aligned.as_secs_f64() * 1e3,
        first.len() - 1
    );
}

fn seeds() {
    let defs = embedded_defs();
    let first: Vec<Duration> = (0..11)
        .map(|_| {
            let start = Instant::now();
            let app = App::new(
                Synopsis::build(load_embedded().articles, &defs),
                (160, 45),
                true,
            );
            let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("test backend");
            terminal
                .draw(|f| synoptic::tui::widgets::render::render(&app, f))
                .expect("draw");
            start.elapsed()
        })
        .collect();
    println!(
        "seeds    reader: start to first frame      {:>8.1} ms         (target < 50 ms)",
        median(first).as_secs_f64() * 1e3
    );
}

fn main() {
    // `cargo bench -- --keep DIR` leaves the generated corpora in DIR, to run them by hand.
    let args: Vec<String> = std::env::args().collect();
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1));
    let temporary = tempfile::tempdir().expect("a temporary directory");
    let root = keep.map_or_else(|| temporary.path().to_path_buf(), std::path::PathBuf::from);
    seeds();
    let mut table: Vec<(usize, Vec<Measure>, Reader)> = Vec::new();
    for n in [100, 1000] {
        let dir = root.join(format!("gen{n}"));
        generate::write_corpus(n, &dir).expect("write the generated corpus");
        let path = dir.to_string_lossy().into_owned();
        let measures: Vec<Measure> = COMMANDS
            .iter()
            .map(|(name, args)| {
                let mut all = vec!["export"];
                all.extend_from_slice(args);
                all.push(&path);
                let m = command(&all);
                println!(
                    "{n:>5}    {name:<40} {:>6.2} s {:>6.2} s CPU {:>7.1} MB peak {:>9.1} MB out",
                    m.time.as_secs_f64(),
                    m.cpu.as_secs_f64(),
                    mb(m.peak),
                    mb(m.output)
                );
                m
            })
            .collect();
        let r = reader(&dir);
        println!(
            "{n:>5}    reader: first frame {:>6.2} s, slowest new topic {:>5.1} ms, slowest cursor step {:>5.1} ms, heap after 12 topics {:>6.1} MB",
            r.first_frame.as_secs_f64(),
            r.slowest_topic.as_secs_f64() * 1e3,
            r.slowest_step.as_secs_f64() * 1e3,
            mb(r.heap_after)
        );
        if n == 1000 {
            discovery(&dir);
            correction(&dir);
        }
        table.push((n, measures, r));
    }
    let (small, big) = (&table[0], &table[1]);
    for (i, (name, _)) in COMMANDS.iter().enumerate() {
        println!(
            "growth 100 -> 1,000   {name:<40} time {:>5.1}x  memory {:>5.1}x",
            big.1[i].time.as_secs_f64() / small.1[i].time.as_secs_f64(),
            big.1[i].peak as f64 / small.1[i].peak as f64
        );
    }
    println!(
        "growth 100 -> 1,000   reader first frame                       time {:>5.1}x  heap   {:>5.1}x",
        big.2.first_frame.as_secs_f64() / small.2.first_frame.as_secs_f64(),
        big.2.heap_after as f64 / small.2.heap_after as f64
    );
}
