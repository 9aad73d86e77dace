//! The reader's configuration file: default comparison mode, pane width, colours, key bindings.
//! The defaults ship as `assets/config.toml`, compiled in; a user file overrides any part.

pub mod theme;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;

use synoptic_core::input::read::{SMALL_FILE_BYTES, read_limited};

use crate::tui::config::theme::Theme;
use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::{Context, Keymap};
use crate::tui::layout::mode::Mode;

/// The default configuration, as shipped.
pub const DEFAULT_CONFIG: &str = include_str!("../../../assets/config.toml");

/// Everything the configuration sets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub mode: Mode,
    pub min_pane_width: u16,
    pub theme: Theme,
    pub keymap: Keymap,
}

impl Default for Config {
    /// The shipped configuration, `assets/config.toml`: the one place the defaults, the
    /// reader's keys included, are written.
    fn default() -> Self {
        static SHIPPED: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
        SHIPPED
            .get_or_init(|| {
                let bare = Config {
                    mode: Mode::Agreement,
                    min_pane_width: 30,
                    theme: Theme::default(),
                    keymap: Keymap::without_reader_keys(),
                };
                // Compiled in and parsed by a test: it cannot fail at run time.
                parse_onto(bare, "assets/config.toml", DEFAULT_CONFIG)
                    .expect("the shipped configuration is valid")
            })
            .clone()
    }
}

/// What is wrong with a configuration file, and where.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    reader: RawReader,
    #[serde(default)]
    colors: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<String, toml::Spanned<Vec<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawReader {
    mode: Option<toml::Spanned<String>>,
    min_pane_width: Option<toml::Spanned<u16>>,
}

/// Where in the configuration text something is: errors name the file, line and column.
struct Source<'a> {
    file: &'a str,
    text: &'a str,
}

impl Source<'_> {
    fn error(&self, offset: usize, message: String) -> ConfigError {
        let before = &self.text[..offset.min(self.text.len())];
        ConfigError {
            file: self.file.to_owned(),
            line: before.matches('\n').count() + 1,
            column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
            message,
        }
    }
}

/// Read a configuration text over the defaults. `file` names it in messages.
pub fn parse_config(file: &str, text: &str) -> Result<Config, ConfigError> {
    parse_onto(Config::default(), file, text)
}

/// Read a configuration text over `config`.
fn parse_onto(mut config: Config, file: &str, text: &str) -> Result<Config, ConfigError> {
    let source = Source { file, text };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        source.error(
            e.span().map_or(0, |s| s.start),
            e.message().trim().to_owned(),
        )
    })?;
    read_reader(&raw.reader, &mut config, &source)?;
    read_colors(&raw.colors, &mut config.theme, &source)?;
    read_keys(&raw.keys, &mut config.keymap, &source)?;
    Ok(config)
}

fn read_reader(raw: &RawReader, config: &mut Config, source: &Source) -> Result<(), ConfigError> {
    if let Some(mode) = &raw.mode {
        config.mode = Mode::from_name(mode.get_ref()).ok_or_else(|| {
            let names: Vec<String> = Mode::all().map(|m| format!("{:?}", m.name())).collect();
            source.error(
                mode.span().start,
                format!(
                    "mode {:?} is not one of {}",
                    mode.get_ref(),
                    names.join(", ")
                ),
            )
        })?;
    }
    if let Some(width) = &raw.min_pane_width {
        if !(12..=400).contains(width.get_ref()) {
            return Err(source.error(
                width.span().start,
                "min_pane_width must be between 12 and 400".into(),
            ));
        }
        config.min_pane_width = *width.get_ref();
    }
    Ok(())
}

fn read_colors(
    raw: &BTreeMap<String, toml::Spanned<String>>,
    theme: &mut Theme,
    source: &Source,
) -> Result<(), ConfigError> {
    for (name, value) in raw {
        let at = value.span().start;
        let slot = color_slot(theme, name).ok_or_else(|| {
            source.error(
                at,
                format!("unknown colour {name:?}; known: {}", COLORS.join(", ")),
            )
        })?;
        *slot = value.get_ref().parse::<Color>().map_err(|_| {
            source.error(
                at,
                format!(
                    "{:?} is not a colour; write a name ({}), \"#rrggbb\" or a number 0-255",
                    value.get_ref(),
                    COLOR_NAMES.join(", ")
                ),
            )
        })?;
    }
    Ok(())
}

fn read_keys(
    raw: &BTreeMap<String, toml::Spanned<Vec<String>>>,
    keymap: &mut Keymap,
    source: &Source,
) -> Result<(), ConfigError> {
    // Unbind first, so that two actions may swap keys.
    let known: Vec<&str> = Action::config_names().collect();
    let mut bindings = Vec::new();
    for (name, keys) in raw {
        let action = Action::from_config_name(name).ok_or_else(|| {
            source.error(
                keys.span().start,
                format!("unknown action {name:?}; known: {}", known.join(", ")),
            )
        })?;
        keymap.unbind(action);
        bindings.push((action, keys));
    }
    // In the file's order: the shipped file's order is the help screen's.
    bindings.sort_by_key(|(_, keys)| keys.span().start);
    for (action, keys) in &bindings {
        keymap
            .bind(*action, keys.get_ref())
            .map_err(|m| source.error(keys.span().start, m))?;
    }
    // A reader nobody can leave is a trap, whatever the file says.
    for needed in [Action::Quit, Action::Back] {
        if keymap.first_key(Context::Reader, needed).is_none() {
            let offset = bindings
                .iter()
                .find(|(a, _)| *a == needed)
                .map_or(0, |(_, keys)| keys.span().start);
            let name = needed.config_name().unwrap_or("quit");
            return Err(source.error(
                offset,
                format!("{name} needs at least one key, or nothing could leave the reader"),
            ));
        }
    }
    Ok(())
}

/// The colour slots a configuration file may set, in its `[colors]` table.
pub const COLORS: &[&str] = &[
    "shared_all",
    "shared_some",
    "own",
    "same",
    "moved",
    "changed",
    "focus",
    "status",
];

/// The colour names ratatui reads, as the configuration may write them.
const COLOR_NAMES: &[&str] = &[
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
    "reset",
];

fn color_slot<'t>(theme: &'t mut Theme, name: &str) -> Option<&'t mut Color> {
    Some(match name {
        "shared_all" => &mut theme.shared_all,
        "shared_some" => &mut theme.shared_some,
        "own" => &mut theme.own,
        "same" => &mut theme.same,
        "moved" => &mut theme.moved,
        "changed" => &mut theme.changed,
        "focus" => &mut theme.focus,
        "status" => &mut theme.status,
        _ => return None,
    })
}

impl Config {
    /// Write the configuration as a file that `parse_config` reads back to the same value.
    pub fn to_toml(&self) -> String {
        let mode = self.mode.name();
        let mut s = format!(
            "[reader]\nmode = \"{mode}\"\nmin_pane_width = {}\n\n[colors]\n",
            self.min_pane_width
        );
        let mut theme = self.theme;
        for name in COLORS {
            if let Some(c) = color_slot(&mut theme, name) {
                s.push_str(&format!("{name} = \"{c}\"\n"));
            }
        }
        s.push_str("\n[keys]\n");
        for action in Action::configurable() {
            let name = action.config_name().unwrap_or("?");
            let keys: Vec<String> = self
                .keymap
                .bindings(Context::Reader)
                .iter()
                .filter(|b| b.action == action)
                .map(|b| format!("{:?}", b.name()))
                .collect();
            s.push_str(&format!("{name} = [{}]\n", keys.join(", ")));
        }
        s
    }
}

/// Where a user's configuration lives when `--config` is not given.
pub fn default_location() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".config")))?;
    Some(base.join("synoptic").join("config.toml"))
}

/// The configuration in force: `--config FILE`, else the user's file if there is one, else the
/// shipped defaults.
pub fn load_config(explicit: Option<&Path>) -> anyhow::Result<Config> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_location().filter(|p| p.is_file()) {
            Some(p) => p,
            None => return Ok(Config::default()),
        },
    };
    let shown = path.display().to_string();
    let unreadable = |message: String| ConfigError {
        file: shown.clone(),
        line: 1,
        column: 1,
        message,
    };
    let bytes = read_limited(&path, SMALL_FILE_BYTES)
        .map_err(|problem| unreadable(format!("the configuration {problem}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        unreadable(format!(
            "the configuration is not UTF-8 (byte {at}); save it as UTF-8"
        ))
    })?;
    Ok(parse_config(&shown, &text)?)
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
