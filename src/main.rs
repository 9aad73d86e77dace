//! The `synoptic` binary: parse arguments, run, turn errors into messages and exit codes.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use synoptic::cli::{
    Cli, Command, Input, Progress, UsageError, completions, exit_code, export, extract, fetch, man,
    topics, use_color,
};
use synoptic_core::output::sanitize::for_terminal;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_or_help(&e),
    };
    let result = match &cli.command {
        Some(Command::Export(args)) => export(args, terminal_width()),
        Some(Command::Topics(args)) => {
            let width = std::io::stdout()
                .is_terminal()
                .then(terminal_width)
                .flatten();
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            topics(args, &mut out, width).and_then(|()| Ok(std::io::Write::flush(&mut out)?))
        }
        Some(Command::Extract(args)) => extract(args, &mut std::io::stdout().lock()),
        Some(Command::Fetch(args)) => fetch(args, &Progress::start()),
        Some(Command::Completions { shell }) => completions(*shell, &mut std::io::stdout()),
        Some(Command::Man) => man(&mut std::io::stdout()),
        None => reader(&cli.input),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of a pipe went away (`synoptic man | head`): nothing is wrong.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // File names and article text reach messages: never raw to the terminal.
            let message = format!("{err:#}");
            eprintln!("synoptic: error: {}", for_terminal(&message));
            ExitCode::from(exit_code(&err) as u8)
        }
    }
}

/// The reader on the articles of `input`, when standard output is a terminal.
fn reader(input: &Input) -> anyhow::Result<()> {
    // Articles first: their errors (a mistyped path or subcommand) say more than this one.
    let synoptic::cli::Aligned {
        synopsis,
        topics,
        warnings,
    } = synoptic::cli::load_for_reader(input)?;
    if !std::io::stdout().is_terminal() {
        return Err(UsageError(
            "standard output is not a terminal; use `synoptic export` to write the aligned \
             view to a pipe or file"
                .into(),
        )
        .into());
    }
    let color = use_color(input.color, true);
    let loaded = (synopsis, topics, warnings.as_slice());
    synoptic::tui::terminal::run(loaded, input.config.as_deref(), color)
}

/// `--help`, `--version` or a usage error from clap. Its text is written with the write
/// checked: help that cannot be written (a full disk) is an error, a closed pipe is not.
fn usage_or_help(e: &clap::Error) -> ExitCode {
    match e.print() {
        Ok(()) => ExitCode::from(e.exit_code() as u8),
        Err(io) if io.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(io) => {
            eprintln!("synoptic: error: cannot write the help ({io})");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    synoptic::cli::write_error_kinds(err).any(|kind| kind == std::io::ErrorKind::BrokenPipe)
}

fn terminal_width() -> Option<usize> {
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}
