//! The `synoptic` binary: parse arguments, run, turn errors into messages and exit codes.

use std::process::ExitCode;

use clap::Parser;
use synoptic::cli::{Cli, Command, exit_code, export, load};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Export(args)) => export(args, terminal_width()),
        None => load(&cli.input).and_then(|s| synoptic::tui::run(s, &cli.input)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("synoptic: error: {err:#}");
            ExitCode::from(exit_code(&err) as u8)
        }
    }
}

fn terminal_width() -> Option<usize> {
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}
