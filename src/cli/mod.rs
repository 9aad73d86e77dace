//! The command line: arguments (clap), loading, and running the reader or an export.
//! Errors end here, as a message naming the file and what to do, and an exit code.

mod export;
mod extras;
mod manual;
mod progress;
mod topics_cmd;
mod warnings;
mod web_cmd;

pub use export::{export, write_error_kinds};
pub use extras::{completions, man};
pub use progress::Progress;
pub use topics_cmd::topics;
pub use web_cmd::{ExtractArgs, FetchArgs, extract, fetch};

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};

use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::{
    EMBEDDED_TOPICS, LoadError, MAX_ARTICLE_BYTES, load_bytes, load_embedded, load_paths,
};
use synoptic_core::input::read::{ReadProblem, SMALL_FILE_BYTES, read_bounded, read_limited};
use synoptic_core::input::topics_file::{TopicsError, TopicsFile, parse_topics};
use synoptic_core::output::export::ExportError;
use synoptic_core::output::sanitize::for_terminal;

const EXAMPLES: &str = "Examples:
  synoptic                              read the embedded seed articles
  synoptic articles/                    read every .txt, .md and saved page in a folder
  synoptic a.txt b.txt --topics t.toml  read two articles with your own topics
  synoptic export --format json -o out.json articles/
  synoptic export --topic outage --width 120
  synoptic fetch -o today/ https://… https://…   two articles saved from their addresses
  synoptic extract page.html            a saved page's article as Markdown";

#[derive(Parser, Debug)]
#[command(name = "synoptic", version, about = "Read news coverage side by side, aligned by topic", after_help = EXAMPLES)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub input: Input,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Write the aligned view (text, Markdown or JSON) without the terminal UI.
    Export(ExportArgs),
    /// List the topics: the topic x article coverage matrix, keywords and sizes.
    Topics(TopicsArgs),
    /// Print the article of a saved web page as Markdown with front matter (what synoptic reads).
    Extract(ExtractArgs),
    /// Download web pages into a folder: each article as Markdown, the page beside it.
    Fetch(FetchArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) on standard output.
    Man,
}

#[derive(Args, Debug)]
pub struct TopicsArgs {
    #[command(flatten)]
    pub input: Input,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TopicsFormat::Text)]
    pub format: TopicsFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicsFormat {
    Text,
    Json,
    /// A topics file (defined and discovered topics) to edit and pass back with `--topics`.
    Toml,
}

/// Where the articles and topics come from.
#[derive(Args, Debug, Clone, Default)]
pub struct Input {
    /// Article files, saved web pages (.html, .htm, .html.gz), directories of them, or web
    /// addresses (fetched into the cache); `-` reads standard input. None: the embedded seeds.
    pub paths: Vec<PathBuf>,
    /// Topics file (TOML). Default: topics.toml in a directory PATH, or the embedded topics.
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
    /// When to use colours.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Reader configuration (TOML). Default: ~/.config/synoptic/config.toml if it exists.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: Input,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Write to FILE instead of standard output (never replaces a file without --force).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Only the topic with this id.
    #[arg(long, value_name = "ID")]
    pub topic: Option<String>,
    /// JSON shape: 1 lists the sharing articles of every span (grows with the square of the
    /// sources); 2 is linear (see the README).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=2))]
    pub format_version: Option<u8>,
    /// Text and Markdown: lay each topic out in synopsis rows, the passages that tell the same
    /// thing side by side (Markdown: a table with a column per source; text too narrow for a
    /// column each: one row under the other).
    #[arg(long)]
    pub rows: bool,
    /// Line width for text and Markdown, 20 to 2000 (default: the terminal's, or 160).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=2000))]
    pub width: Option<u16>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    Text,
    Markdown,
    Json,
}

/// An error the user caused (bad input or usage): exit code 2 rather than 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Exit code for an error, as the interface promises: 2 for bad input or usage, 1 otherwise.
pub fn exit_code(err: &anyhow::Error) -> i32 {
    let bad_input = err.chain().any(|e| {
        e.is::<UsageError>()
            || e.is::<crate::files::Refused>()
            || e.is::<LoadError>()
            || e.is::<TopicsError>()
            || e.is::<crate::tui::config::ConfigError>()
            || matches!(
                e.downcast_ref::<ExportError>(),
                Some(ExportError::UnknownTopic { .. })
            )
    });
    if bad_input { 2 } else { 1 }
}

/// Load articles and topics, tell the user what was noticed, and align.
pub fn load(input: &Input) -> Result<Synopsis> {
    load_showing(input, &Progress::start())
}

/// [`load`], saying on `progress` what it is doing.
/// For the reader: the aligned articles and where their topics came from (see
/// `load_with_topics`), behind the same progress line as `load`.
pub fn load_for_reader(input: &Input) -> Result<Aligned> {
    load_with_topics(input, &Progress::start())
}

pub fn load_showing(input: &Input, progress: &Progress) -> Result<Synopsis> {
    Ok(load_with_topics(input, progress)?.synopsis)
}

/// Articles aligned to their topics, and where those topics came from.
pub struct Aligned {
    pub synopsis: Synopsis,
    /// The topics aligned to and the file the reader saves corrections to.
    pub topics: crate::tui::effects::corrections_file::TopicsOrigin,
    /// The warnings and notes written while loading, which the reader's screen hides.
    pub warnings: Vec<String>,
}

/// The articles of `input` aligned, with the topics they were aligned to and the topics file
/// the reader saves corrections to: the one given or found, else `topics.toml` in the folder
/// given (where the next run finds it), else none (the reader then uses the current folder).
pub fn load_with_topics(input: &Input, progress: &Progress) -> Result<Aligned> {
    progress.stage("reading the articles");
    let (loaded, topics) = read_input(input, progress)?;
    for notice in &loaded.notices {
        progress.say(&format!(
            "synoptic: warning: {}",
            for_terminal(&notice.to_string())
        ));
    }
    let stale = synoptic_core::model::pins::stale_pins(&loaded.articles, &topics.topics);
    for warning in topics.warnings.iter().chain(&stale) {
        progress.say(&format!("synoptic: warning: {}", for_terminal(warning)));
    }
    if let [only] = loaded.articles.as_slice() {
        progress.say(&format!(
            "synoptic: note: only one article ({}): there is nothing to align it with, so \
             topics and shared wording stay empty. Give two or more articles: several files, \
             a directory, or '-' with other paths.",
            for_terminal(&only.path)
        ));
    }
    progress.stage(&match topics.topics.len() {
        0 => format!("finding the topics of {} articles", loaded.articles.len()),
        n => format!("aligning {} articles to {n} topics", loaded.articles.len()),
    });
    let synopsis = Synopsis::build(loaded.articles, &topics.topics);
    warnings::warn_empty_topics(&synopsis, progress);
    warnings::warn_unreached_keywords(&synopsis, &topics.topics, progress);
    let file = input.topics.clone().or_else(|| {
        let dirs = input.paths.iter().filter(|p| p.is_dir());
        dirs.map(|p| p.join("topics.toml")).next()
    });
    let topics = crate::tui::effects::corrections_file::TopicsOrigin {
        defs: topics.topics,
        file,
    };
    Ok(Aligned {
        synopsis,
        topics,
        warnings: progress.said(),
    })
}

/// The articles of `input` and the topics to align them to.
fn read_input(
    input: &Input,
    progress: &Progress,
) -> Result<(synoptic_core::input::ingest::Loaded, TopicsFile)> {
    let piped = if input.paths.is_empty() {
        piped_stdin()?
    } else {
        None
    };
    Ok(if let Some(bytes) = piped {
        let topics = match &input.topics {
            Some(file) => read_topics(file)?,
            None => TopicsFile::default(),
        };
        (load_bytes("stdin", "-", bytes)?, topics)
    } else if input.paths.is_empty() {
        let topics = match &input.topics {
            Some(file) => read_topics(file)?,
            None => parse_topics("assets/topics.toml", EMBEDDED_TOPICS)?,
        };
        (load_embedded(), topics)
    } else {
        check_not_a_subcommand(&input.paths)?;
        let loaded = load_paths(&web_cmd::resolve_urls(&input.paths, progress))?;
        let topics = match topics_file(input) {
            Some(file) => read_topics(&file)?,
            None => TopicsFile::default(),
        };
        (loaded, topics)
    })
}

/// A first path that does not exist but names a subcommand, or nearly does, is a mistyped or
/// misplaced subcommand: say so rather than "no such file".
fn check_not_a_subcommand(paths: &[PathBuf]) -> Result<()> {
    use clap::CommandFactory;
    let Some(first) = paths.first().filter(|p| !p.exists()) else {
        return Ok(());
    };
    let Some(name) = first.to_str() else {
        return Ok(());
    };
    let command = Cli::command();
    let names: Vec<&str> = command
        .get_subcommands()
        .map(clap::Command::get_name)
        .collect();
    if names.contains(&name) {
        return Err(UsageError(format!(
            "'{name}' is a subcommand: put it first, then its options \
             (synoptic {name} [OPTIONS] [PATH]...)"
        ))
        .into());
    }
    let closest = names
        .iter()
        .map(|n| (edit_distance(name, n), *n))
        .filter(|&(d, n)| d <= 2 && d < n.len())
        .min();
    match closest {
        Some((_, n)) => Err(UsageError(format!(
            "{}: no such file or directory, and no subcommand '{}'; did you mean 'synoptic {n}'?",
            for_terminal(name),
            for_terminal(name)
        ))
        .into()),
        None => Ok(()),
    }
}

/// Levenshtein distance between two short words, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// An article piped in (`cat a.txt | synoptic export`) when no path is given: standard input
/// is read to its end, with the same limit as any article. Nothing there (a terminal,
/// /dev/null, an empty pipe) gives `None`, and the embedded articles are used.
fn piped_stdin() -> Result<Option<Vec<u8>>> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let bytes = read_bounded(std::io::stdin().lock(), MAX_ARTICLE_BYTES)
        .map_err(|problem| UsageError(format!("standard input {problem}")))?;
    Ok((!bytes.is_empty()).then_some(bytes))
}

/// `--topics`, else `topics.toml` inside the first directory given that has one.
fn topics_file(input: &Input) -> Option<PathBuf> {
    input.topics.clone().or_else(|| {
        input
            .paths
            .iter()
            .filter(|p| p.is_dir())
            .map(|p| p.join("topics.toml"))
            .find(|p| p.is_file())
    })
}

fn read_topics(file: &Path) -> Result<TopicsFile> {
    let shown = file.display().to_string();
    let bytes = read_limited(file, SMALL_FILE_BYTES).map_err(|problem| {
        UsageError(match problem {
            ReadProblem::Missing => {
                format!("{shown}: no topics file there; check the path given to --topics")
            }
            problem => format!("{shown}: the topics file {problem}"),
        })
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        UsageError(format!(
            "{shown}: the topics file is not UTF-8; save it as UTF-8"
        ))
    })?;
    Ok(parse_topics(&shown, &text)?)
}

/// Should output to this stream be coloured?
pub fn use_color(choice: ColorChoice, stream_is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}
