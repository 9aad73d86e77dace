//! Speed and memory of the pipeline: `cargo bench`. Prints one line per measure with the
//! target it is held to. Timings are the median of several runs; memory is the peak heap.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use synoptic::core::agree::Detail;
use synoptic::core::align::{AlignOptions, align};
use synoptic::core::article::Article;
use synoptic::core::ingest::{EMBEDDED_TOPICS, articles_from_texts, load_embedded};
use synoptic::core::synopsis::Synopsis;
use synoptic::core::topics::{TopicDef, parse_topics};
use synoptic::tui::action::Action;
use synoptic::tui::app::App;

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

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

/// A deterministic corpus: `n` articles of about 20 paragraphs from a Zipf-like French
/// vocabulary, with a few shared "event" sentences so that topics exist.
fn generated(n: usize) -> Vec<(String, String)> {
    let words: Vec<String> = (0..5000)
        .map(|i| format!("mot{}{}", ["a", "e", "i", "o", "u"][i % 5], i))
        .collect();
    let stop = ["le", "la", "de", "des", "et", "un", "une", "à", "en", "que"];
    let events: Vec<String> = (0..40)
        .map(|e| {
            (0..12)
                .map(|k| words[(e * 37 + k * 11) % 400].clone())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut seed: u64 = 42;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|a| {
            let mut text = String::new();
            for p in 0..20 {
                if p % 4 == 0 {
                    text.push_str(&events[(next() % 40) as usize]);
                    text.push(' ');
                }
                for w in 0..40 {
                    let r = next();
                    let word = if w % 3 == 0 {
                        stop[(r % 10) as usize]
                    } else {
                        &words[zipf(r)]
                    };
                    text.push_str(word);
                    text.push(' ');
                }
                text.push_str(".\n\n");
            }
            (format!("gen{a:04}"), text)
        })
        .collect()
}

/// A word index skewed towards the common words, over the whole vocabulary.
fn zipf(r: u64) -> usize {
    let u = (r % 1_000_000) as f64 / 1e6;
    (5000.0 * u * u) as usize % 5000
}

fn build(texts: &[(String, String)]) -> Vec<Article> {
    articles_from_texts(
        texts
            .iter()
            .map(|(id, t)| (id.clone(), format!("{id}.txt"), t.clone()))
            .collect(),
    )
}

/// Topics seeded as a reader would: by words that are telling, not by the commonest word of
/// the corpus. Mid-frequency words each fall in about 2% of the paragraphs.
fn topics_for_generated() -> Vec<TopicDef> {
    [60, 100, 140, 180, 220]
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let vowel = ["a", "e", "i", "o", "u"][k % 5];
            TopicDef {
                id: format!("t{i}"),
                label: format!("Topic {i}"),
                keywords: vec![format!("mot{vowel}{k}")],
                description: None,
            }
        })
        .collect()
}

fn main() {
    let defs = parse_topics("assets/topics.toml", EMBEDDED_TOPICS)
        .unwrap()
        .topics;
    let seeds = time(21, || Synopsis::build(load_embedded().articles, &defs));
    println!(
        "seeds: load + segment + align        {:>9.2?}  (target < 20 ms)",
        seeds
    );

    let texts = generated(1000);
    let gen_defs = topics_for_generated();
    PEAK.store(CURRENT.load(Ordering::Relaxed), Ordering::Relaxed);
    let base = CURRENT.load(Ordering::Relaxed);
    let start = Instant::now();
    let synopsis = Synopsis::build(build(&texts), &gen_defs);
    let big = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed) - base;
    println!(
        "1,000 articles: segment + align      {:>9.2?}  (target < 1 s)  topics: {}",
        big,
        synopsis.topics.len()
    );
    println!(
        "1,000 articles: peak heap            {:>7.1} MB  (target < 200 MB)",
        peak as f64 / 1e6
    );
    let articles = build(&texts);
    let mut found = 0;
    let discovery = time(3, || {
        found = align(&articles, &[], AlignOptions::default()).len();
    });
    println!(
        "1,000 articles: discovery, no topics {:>9.2?}  (target < 300 ms)  topics: {}",
        discovery, found
    );
    drop(articles);
    let agree = time(5, || {
        (0..synopsis.topics.len())
            .map(|t| synopsis.agreement(t, Detail::Counts).members.len())
            .sum::<usize>()
    });
    println!(
        "1,000 articles: agreement, all topics {:>9.2?}  (target < 300 ms)",
        agree
    );

    let first_frame = time(11, || {
        let app = App::new(
            Synopsis::build(load_embedded().articles, &defs),
            (160, 45),
            true,
        );
        let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
        terminal
            .draw(|f| synoptic::tui::render::render(&app, f))
            .unwrap();
    });
    println!(
        "seeds: start to first frame          {:>9.2?}  (target < 50 ms)",
        first_frame
    );

    let two_hundred = Synopsis::build(build(&texts[..200]), &gen_defs);
    let mut app = App::new(two_hundred, (160, 45), true);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    let keys = [
        Action::NextTopic,
        Action::ScrollDown,
        Action::FocusRight,
        Action::PageDown,
        Action::PrevTopic,
        Action::CycleMode,
    ];
    let mut i = 0;
    let key = time(101, || {
        app.update(keys[i % keys.len()]);
        i += 1;
        terminal
            .draw(|f| synoptic::tui::render::render(&app, f))
            .unwrap();
    });
    println!(
        "200 articles: key handled + frame    {:>9.2?}  (target < 5 ms)",
        key
    );
}
