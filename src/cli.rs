//! The command line: arguments (clap), loading, and running the reader or an export.
//! Errors end here, as a message naming the file and what to do, and an exit code.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::core::export::{ExportError, ExportOptions, Format, write_export};
use crate::core::ingest::{EMBEDDED_TOPICS, LoadError, load_embedded, load_paths};
use crate::core::synopsis::Synopsis;
use crate::core::topics::{TopicsError, parse_topics};

const EXAMPLES: &str = "Examples:
  synoptic                              read the embedded seed articles
  synoptic articles/                    read every .txt and .md in a directory
  synoptic a.txt b.txt --topics t.toml  read two articles with your own topics
  synoptic export --format json -o out.json articles/
  synoptic export --topic outage --width 120";

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
}

/// Where the articles and topics come from.
#[derive(Args, Debug, Clone, Default)]
pub struct Input {
    /// Article files or directories (every *.txt and *.md inside); `-` reads standard input.
    /// None: the embedded seed articles.
    pub paths: Vec<PathBuf>,
    /// Topics file (TOML). Default: topics.toml in a directory PATH, or the embedded topics.
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
    /// When to use colours.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
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
    /// Line width for text and Markdown (default: the terminal's, or 160).
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
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
            || e.is::<LoadError>()
            || e.is::<TopicsError>()
            || matches!(
                e.downcast_ref::<ExportError>(),
                Some(ExportError::UnknownTopic { .. })
            )
    });
    if bad_input { 2 } else { 1 }
}

/// Load articles and topics, tell the user what was noticed, and align.
pub fn load(input: &Input) -> Result<Synopsis> {
    let (loaded, topics) = if input.paths.is_empty() {
        let topics = match &input.topics {
            Some(file) => read_topics(file)?,
            None => parse_topics("assets/topics.toml", EMBEDDED_TOPICS)?,
        };
        (load_embedded(), topics)
    } else {
        let loaded = load_paths(&input.paths)?;
        let topics = match topics_file(input) {
            Some(file) => read_topics(&file)?,
            None => Default::default(),
        };
        (loaded, topics)
    };
    for notice in &loaded.notices {
        eprintln!("synoptic: warning: {notice}");
    }
    for warning in &topics.warnings {
        eprintln!("synoptic: warning: {warning}");
    }
    Ok(Synopsis::build(loaded.articles, &topics.topics))
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

fn read_topics(file: &Path) -> Result<crate::core::topics::TopicsFile> {
    let shown = file.display().to_string();
    let bytes = std::fs::read(file).map_err(|e| {
        UsageError(format!(
            "{shown}: cannot read the topics file ({e}); check the path"
        ))
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

/// Run `synoptic export`.
pub fn export(args: &ExportArgs, terminal_width: Option<usize>) -> Result<()> {
    let synopsis = load(&args.input)?;
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let opts = ExportOptions {
        format: match args.format {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
        },
        topic: args.topic.clone(),
        width: args
            .width
            .or(if to_terminal { terminal_width } else { None })
            .unwrap_or(160),
        color: use_color(args.input.color, to_terminal),
    };
    if let Some(id) = &opts.topic
        && synopsis.topic_index(id).is_none()
    {
        return Err(ExportError::UnknownTopic {
            id: id.clone(),
            known: synopsis
                .topics
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
        .into());
    }
    match &args.output {
        Some(path) => write_file(path, args.force, |out| {
            Ok(write_export(&synopsis, &opts, out)?)
        }),
        None => {
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            match write_export(&synopsis, &opts, &mut lock) {
                Err(ExportError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => Ok(other?),
            }
        }
    }
}

/// Write through a temporary file beside `path` and a rename: never a half-written file, and
/// never a replaced one unless `force`.
pub fn write_file(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let shown = path.display().to_string();
    if path.exists() && !force {
        return Err(UsageError(format!(
            "{shown} already exists; choose another name or add --force to replace it"
        ))
        .into());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("{shown}: cannot create a file in {}", dir.display()))?;
    {
        let mut writer = io::BufWriter::new(tmp.as_file_mut());
        fill(&mut writer)?;
        writer
            .flush()
            .with_context(|| format!("{shown}: write failed"))?;
    }
    let persisted = if force {
        tmp.persist(path).map(|_| ())
    } else {
        tmp.persist_noclobber(path).map(|_| ())
    };
    persisted.map_err(|e| anyhow!("{shown}: cannot write the file ({})", e.error))
}
