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
    let cli = Cli::command();
    let page = clap_mangen::Man::new(cli.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    // Each command with its own options here: there are no separate synoptic-export(1) pages.
    super::manual::write_commands(&cli, out)?;
    page.render_extra_section(out)?;
    super::manual::write_sections(out)?;
    page.render_version_section(out)?;
    Ok(())
}
