//! A corpus like `shared/tools/gencorpus.py` writes, made from the embedded seed articles so
//! that the benchmark needs nothing outside the repository: `n` articles of 14 to 26
//! paragraphs, each paragraph a seed paragraph perturbed (sentences shuffled, words dropped or
//! swapped in from elsewhere), the same wire copy recurring across outlets.

use std::path::Path;

use synoptic_core::input::ingest::{EMBEDDED_ARTICLES, EMBEDDED_TOPICS};

/// A small deterministic generator (xorshift), seeded by the corpus size as gencorpus.py is.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Sentences of a paragraph: cut after `.`, `!`, `?` or `»` followed by a space.
fn sentences(p: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev = ' ';
    for (i, c) in p.char_indices() {
        if c.is_whitespace() && matches!(prev, '.' | '!' | '?' | '»') {
            out.push(p[start..i].trim());
            start = i;
        }
        prev = c;
    }
    out.push(p[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

fn perturb(rng: &mut Rng, p: &str, words: &[&str]) -> String {
    let mut sents = sentences(p);
    if sents.len() > 1 && rng.unit() < 0.3 {
        for i in (1..sents.len()).rev() {
            let j = rng.below(i + 1);
            sents.swap(i, j);
        }
    }
    let joined = sents.join(" ");
    let mut out: Vec<&str> = Vec::new();
    for w in joined.split_whitespace() {
        let r = rng.unit();
        if r < 0.05 {
            continue;
        }
        out.push(if r < 0.18 { rng.pick(words) } else { w });
    }
    out.join(" ")
}

/// Write `n` articles and the embedded topics file into `dir`.
pub fn write_corpus(n: usize, dir: &Path) -> std::io::Result<()> {
    let texts: Vec<String> = EMBEDDED_ARTICLES
        .iter()
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    let paras: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .filter(|l| l.chars().count() > 60)
        .collect();
    let words: Vec<&str> = paras.iter().flat_map(|p| p.split_whitespace()).collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    std::fs::create_dir_all(dir)?;
    for i in 0..n {
        let k = 14 + rng.below(13);
        let title_words = 5 + rng.below(5);
        let title: Vec<&str> = (0..title_words).map(|_| rng.pick(&words)).collect();
        let title = title.join(" ");
        let title = title.trim_end_matches(['.', ',', ';', ':']);
        let body: Vec<String> = (0..k)
            .map(|_| {
                let p = rng.pick(&paras);
                perturb(&mut rng, p, &words)
            })
            .collect();
        let text = format!("{title}\n\n{}\n", body.join("\n\n"));
        std::fs::write(dir.join(format!("{i:04}_outlet{}.txt", i % 37)), text)?;
    }
    std::fs::write(dir.join("topics.toml"), EMBEDDED_TOPICS)
}
