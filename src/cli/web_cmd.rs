//! `synoptic extract` and `synoptic fetch`: web pages made into the Markdown articles synoptic
//! reads; and web addresses given where paths go, fetched into the cache and read from there.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::Args;

use super::{Progress, UsageError};
use crate::files::{Refused, Target, write_file};
use synoptic_core::input::read::read_limited;
use synoptic_core::input::web::charset::{decode_page, header_charset};
use synoptic_core::input::web::extract::{Page, extract_page};
use synoptic_core::input::web::fetch::{FetchLimits, fetch_page, is_url};
use synoptic_core::input::web::markdown::{article_stem, page_markdown};
use synoptic_core::input::web::page_file::{MAX_PAGE_BYTES, read_page};
use synoptic_core::lang::text::key_hash;
use synoptic_core::output::sanitize::for_terminal;

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// A saved web page (.html, .htm, or either gzipped).
    pub page: PathBuf,
    /// The address the page came from, when the page does not say (fills `url`).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}

#[derive(Args, Debug)]
pub struct FetchArgs {
    /// Web addresses (http:// or https://) of the articles.
    #[arg(required = true, value_name = "URL")]
    pub urls: Vec<String>,
    /// The folder to write into: NN_outlet-slug.md for each article, the page beside it.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Write into a folder that already holds files (files of the same names are replaced).
    #[arg(long)]
    pub force: bool,
}

/// `synoptic extract PAGE`: the page's article as Markdown with front matter, on `out`.
pub fn extract(args: &ExtractArgs, out: &mut dyn Write) -> Result<()> {
    let shown = for_terminal(&args.page.display().to_string()).into_owned();
    let bytes = read_limited(&args.page, MAX_PAGE_BYTES)
        .map_err(|problem| UsageError(format!("{shown}: the page {problem}")))?;
    let name = args
        .page
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let page = read_page(name.as_deref().unwrap_or(""), &bytes, args.url.as_deref())
        .map_err(|e| UsageError(format!("{shown}: {e}")))?;
    out.write_all(page_markdown(&page).as_bytes())?;
    Ok(out.flush()?)
}

/// `synoptic fetch URL... -o DIR`: every page that can be had, written into DIR; those that
/// cannot are named with the reason, after the others are written.
pub fn fetch(args: &FetchArgs, progress: &Progress) -> Result<()> {
    prepare_folder(&args.output, args.force)?;
    let mut failed = 0;
    for (i, url) in args.urls.iter().enumerate() {
        progress.stage(&format!("fetching {} of {}", i + 1, args.urls.len()));
        match fetch_into(url, i + 1, &args.output, args.force) {
            Ok(path) => progress.say(&format!(
                "synoptic: {} -> {}",
                for_terminal(url),
                for_terminal(&path.display().to_string())
            )),
            Err(e) => {
                failed += 1;
                progress.say(&format!(
                    "synoptic: warning: {}: {}",
                    for_terminal(url),
                    for_terminal(&format!("{e:#}"))
                ));
            }
        }
    }
    if failed > 0 {
        anyhow::bail!(
            "{failed} of {} pages could not be had (named above); the others are in {}",
            args.urls.len(),
            for_terminal(&args.output.display().to_string())
        );
    }
    Ok(())
}

/// A folder to write pages into: a new one, an empty one, or any one with `force`.
fn prepare_folder(dir: &Path, force: bool) -> Result<()> {
    let shown = for_terminal(&dir.display().to_string()).into_owned();
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Refused(format!(
                "{shown} exists and is not a folder; choose another"
            ))
            .into());
        }
        let holds_files = std::fs::read_dir(dir)
            .with_context(|| format!("{shown}: cannot read the folder"))?
            .next()
            .is_some();
        if holds_files && !force {
            return Err(Refused(format!(
                "{shown} already holds files; choose a new folder, or give --force to write into it"
            ))
            .into());
        }
    }
    std::fs::create_dir_all(dir).with_context(|| format!("{shown}: cannot create the folder"))
}

/// Fetch `url`, and write its article (`NN_outlet-slug.md`) and the page as served
/// (`NN_outlet-slug.html`) into `dir`. The article's path.
fn fetch_into(url: &str, number: usize, dir: &Path, force: bool) -> Result<PathBuf> {
    let fetched = fetch_page(url, FetchLimits::default())?;
    let charset = fetched.content_type.as_deref().and_then(header_charset);
    let (html, _) = decode_page(&fetched.bytes, charset);
    let page: Page = extract_page(&html, Some(&fetched.url))?;
    let stem = article_stem(number, &page);
    let rules = Target {
        force,
        ..Target::default()
    };
    let article = dir.join(format!("{stem}.md"));
    write_file(&dir.join(format!("{stem}.html")), &rules, |out| {
        Ok(out.write_all(&fetched.bytes)?)
    })?;
    write_file(&article, &rules, |out| {
        Ok(out.write_all(page_markdown(&page).as_bytes())?)
    })?;
    Ok(article)
}

/// `paths` with every web address replaced by its article in the cache folder, fetched on
/// first use and read from the cache after. An address that cannot be had is said on
/// `progress` and left out; the other articles are still read.
pub fn resolve_urls(paths: &[PathBuf], progress: &Progress) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        let Some(url) = path.to_str().filter(|p| is_url(p)) else {
            out.push(path.clone());
            continue;
        };
        match cached_article(url, progress) {
            Ok(article) => out.push(article),
            Err(e) => progress.say(&format!(
                "synoptic: warning: {}: {}; left out",
                for_terminal(url),
                for_terminal(&format!("{e:#}"))
            )),
        }
    }
    out
}

/// The article of `url` in the cache: `<cache>/synoptic/pages/<hash of url>/`.
fn cached_article(url: &str, progress: &Progress) -> Result<PathBuf> {
    let dir = cache_root().join(format!("{:016x}", key_hash(url)));
    let existing = std::fs::read_dir(&dir).ok().and_then(|entries| {
        entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|e| e == "md"))
    });
    if let Some(article) = existing {
        return Ok(article);
    }
    progress.stage(&format!("fetching {}", for_terminal(url)));
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("{}: cannot create the cache folder", dir.display()))?;
    let fetched = fetch_into(url, 1, &dir, true);
    if fetched.is_err() {
        // An empty folder would say nothing; the address is tried again next time.
        let _ = std::fs::remove_dir(&dir);
    }
    fetched
}

/// `$XDG_CACHE_HOME`, else `~/.cache`, else the system's temporary folder.
fn cache_root() -> PathBuf {
    let from_env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    from_env("XDG_CACHE_HOME")
        .or_else(|| from_env("HOME").map(|h| h.join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
        .join("synoptic")
        .join("pages")
}
