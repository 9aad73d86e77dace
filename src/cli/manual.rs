//! The man page's own sections, after the options clap describes: the reader's keys (from the
//! keymap), the configuration file, the topics file, exit status and environment.

use std::io::{self, Write};

use crate::tui::config::{COLORS, Config};
use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::Context;
use crate::tui::layout::mode::Mode;

/// Text as roff reads it literally: backslashes doubled, and a line that starts with a dot or
/// a quote kept from being a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// The COMMANDS section: each subcommand of `cli` (but `help`), what it does, and every
/// option and argument it takes.
pub fn write_commands(cli: &clap::Command, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, ".SH COMMANDS")?;
    for command in cli.get_subcommands().filter(|c| c.get_name() != "help") {
        writeln!(out, ".SS \"synoptic {}\"", roff(command.get_name()))?;
        if let Some(about) = command.get_about() {
            writeln!(out, "{}", roff(&about.to_string()))?;
        }
        for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
            let values: Vec<String> = if arg.get_action().takes_values() {
                let names = arg.get_value_names().unwrap_or_default();
                names.iter().map(|v| format!("<{v}>")).collect()
            } else {
                Vec::new()
            };
            let name = match (arg.get_long(), arg.get_short()) {
                (Some(long), Some(short)) => {
                    format!("\\fB\\-{short}\\fR, \\fB\\-\\-{}\\fR", roff(long))
                }
                (Some(long), None) => format!("\\fB\\-\\-{}\\fR", roff(long)),
                _ => String::new(),
            };
            let values = roff(&values.join(" "));
            let term = if name.is_empty() {
                format!("\\fI{values}\\fR")
            } else {
                format!("{name} \\fI{values}\\fR")
            };
            let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            let possible: Vec<String> = arg
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_owned())
                .collect();
            if !possible.is_empty() {
                help.push_str(&format!(" ({})", possible.join(", ")));
            }
            writeln!(out, ".TP\n{}\n{}", term.trim_end(), roff(&help))?;
        }
    }
    Ok(())
}

/// Write the sections that follow clap's: KEYS, CONFIGURATION, TOPICS FILE, EXIT STATUS,
/// ENVIRONMENT.
pub fn write_sections(out: &mut dyn Write) -> io::Result<()> {
    write_keys(out)?;
    write_configuration(out)?;
    writeln!(out, ".SH \"TOPICS FILE\"")?;
    writeln!(
        out,
        "{}",
        roff(
            "A TOML file of [[topic]] tables, each with id (lowercase letters, digits, - and _), \
             label and keywords (words or phrases, matched regardless of case, accents, \
             apostrophes and word endings), and optionally a description. Keywords are evidence: \
             paragraphs that share a topic's wording join it too. Without --topics, synoptic uses \
             topics.toml inside a directory PATH. `synoptic topics --format toml` writes the \
             topics it found as such a file."
        )
    )?;
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for (code, what) in [
        ("0", "success"),
        (
            "2",
            "bad usage or bad input; the message names the file and what is wrong",
        ),
        (
            "1",
            "anything else (a file that cannot be written, a terminal that fails)",
        ),
    ] {
        writeln!(out, ".TP\n\\fB{code}\\fR\n{}", roff(what))?;
    }
    writeln!(out, ".SH ENVIRONMENT")?;
    for (name, what) in [
        (
            "NO_COLOR",
            "when set and not empty, no colour: the reader and exports mark shared wording with bold, underline and brackets instead",
        ),
        (
            "XDG_CONFIG_HOME",
            "where the configuration file is looked for (default ~/.config)",
        ),
    ] {
        writeln!(out, ".TP\n\\fB{name}\\fR\n{}", roff(what))?;
    }
    Ok(())
}

fn write_keys(out: &mut dyn Write) -> io::Result<()> {
    let keymap = Config::default().keymap;
    writeln!(out, ".SH KEYS")?;
    for (title, context) in [
        ("Reader", Context::Reader),
        ("Topic list", Context::TopicList),
        ("Search prompt", Context::Search),
    ] {
        writeln!(out, ".SS \"{title}\"")?;
        for crate::tui::keys::keymap::HelpRow { keys, what } in keymap.help_rows(context) {
            writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(&keys), roff(what))?;
        }
    }
    Ok(())
}

fn write_configuration(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, ".SH CONFIGURATION")?;
    writeln!(
        out,
        "{}",
        roff(
            "The reader reads --config FILE, else $XDG_CONFIG_HOME/synoptic/config.toml \
             (~/.config/synoptic/config.toml) if it exists. Every table and key is optional; \
             an error names the line."
        )
    )?;
    let modes: Vec<&str> = Mode::all().map(Mode::name).collect();
    let actions: Vec<&str> = Action::config_names().collect();
    for (table, what) in [
        (
            "[reader]",
            format!(
                "mode = one of {}; min_pane_width = 12 to 400, the narrowest pane before panes page sideways",
                modes.join(", ")
            ),
        ),
        (
            "[colors]",
            format!(
                "{} = a colour name, \"#rrggbb\" or a number 0\u{2013}255",
                COLORS.join(", ")
            ),
        ),
        (
            "[keys]",
            format!(
                "{} = a list of keys such as [\"n\", \"Ctrl-n\"]; {} must keep at least one key",
                actions.join(", "),
                quit_and_back()
            ),
        ),
    ] {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(table), roff(&what))?;
    }
    Ok(())
}

/// The configuration names of the two actions nobody may unbind.
fn quit_and_back() -> String {
    let name = |action: Action| action.config_name().unwrap_or("?");
    format!("{} and {}", name(Action::Quit), name(Action::Back))
}
