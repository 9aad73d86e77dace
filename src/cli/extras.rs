//! Shell completions and the man page, generated from the same clap definition as `--help`.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use super::Cli;

/// Write the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    // clap_complete panics when its writer fails (a closed pipe): generate into memory first.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "synoptic", &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// Write the man page (roff): clap's sections from the same definition as `--help`, then the
/// keys, configuration, topics file, exit status and environment.
pub fn man(out: &mut dyn Write) -> Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    super::manual::write_sections(out)?;
    Ok(())
}
