//! `synoptic export`, and writing files safely.

use std::io::{self, IsTerminal};

use anyhow::Result;

use super::{ExportArgs, FormatArg, Progress, UsageError, load_showing, use_color};
use crate::files::{Target, write_file};
use crate::overlap::write_overlapped;
use synoptic_core::compare::agree::Level;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::output::export::{ExportOptions, Format, JsonVersion, Painter, write_export};

/// ANSI colours for a terminal: bold green for wording every covering source shares, yellow
/// for wording several share. The core only says which is which.
#[derive(Debug)]
struct Ansi;

static ANSI: Ansi = Ansi;

impl Painter for Ansi {
    fn start(&self, level: Level) -> &str {
        match level {
            Level::All => "\x1b[1;32m",
            Level::Several => "\x1b[33m",
            Level::Alone => "",
        }
    }

    fn end(&self, level: Level) -> &str {
        match level {
            Level::Alone => "",
            _ => "\x1b[0m",
        }
    }
}

/// Run `synoptic export`.
pub fn export(args: &ExportArgs, terminal_width: Option<usize>) -> Result<()> {
    if args.format_version.is_some() && args.format != FormatArg::Json {
        return Err(UsageError(
            "--format-version applies to --format json only; leave it out for text and markdown"
                .into(),
        )
        .into());
    }
    let progress = Progress::start();
    let synopsis = load_showing(&args.input, &progress)?;
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    // Exporting to the terminal itself: the progress line would land in the output.
    let _progress = if to_terminal {
        drop(progress);
        None
    } else {
        progress.stage(&format!(
            "writing the export of {} topics",
            synopsis.topics.len()
        ));
        Some(progress)
    };
    let opts = ExportOptions {
        format: match args.format {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
        },
        topic: args.topic.clone(),
        width: args
            .width
            .map(usize::from)
            .or(if to_terminal { terminal_width } else { None })
            .unwrap_or(160)
            .clamp(20, 2000),
        painter: use_color(args.input.color, to_terminal).then_some(&ANSI as &dyn Painter),
        json_version: match args.format_version {
            Some(2) => JsonVersion::V2,
            _ => JsonVersion::V1,
        },
        rows: args.rows,
    };
    // An unknown --topic is refused by write_export before it writes anything.
    match &args.output {
        Some(path) => {
            let rules = Target {
                force: args.force,
                inputs: &args.input.paths,
                exit_on_signal: true,
            };
            write_file(path, &rules, |out| Ok(write_export(&synopsis, &opts, out)?))
        }
        None => write_to_stdout(&synopsis, &opts),
    }
}

/// The export on standard output, in chunks of a MiB written while the next is made (standard
/// output is line-buffered). A closed pipe (`synoptic export | head`) is taken quietly in main.
fn write_to_stdout(synopsis: &Synopsis, opts: &ExportOptions) -> Result<()> {
    write_overlapped(io::stdout(), |out| Ok(write_export(synopsis, opts, out)?)).map_err(|e| {
        if is_write_error(&e) {
            e.context(
                "cannot write the export to standard output; check the disk or the program \
                 reading it, or give --output FILE",
            )
        } else {
            e
        }
    })
}

/// Whether writing failed, as opposed to the export refusing (an unknown `--topic`).
fn is_write_error(err: &anyhow::Error) -> bool {
    write_error_kinds(err).next().is_some()
}

/// The kinds of the input/output errors in `err`'s chain, wherever they hide: as an
/// `io::Error`, inside a JSON error, or inside the export's own error (which is transparent,
/// so its `io::Error` does not show in the chain itself).
pub fn write_error_kinds(err: &anyhow::Error) -> impl Iterator<Item = io::ErrorKind> + '_ {
    use synoptic_core::output::export::ExportError;
    err.chain().filter_map(|e| {
        e.downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| {
                e.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            })
            .or(match e.downcast_ref::<ExportError>() {
                Some(ExportError::Io(io)) => Some(io.kind()),
                _ => None,
            })
    })
}
