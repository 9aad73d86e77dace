//! The reader's comparison modes and their names: the one table the status bar, the
//! configuration file and the `m` key use.

/// How member paragraphs are coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Telling wording shared by all / several sources.
    Agreement,
    /// What only this source has: its own figures and rare words.
    Own,
    /// Same / moved / different against the focused pane.
    Pairwise,
    Plain,
}

impl Mode {
    /// Every mode, in the order `m` cycles through them.
    pub const ALL: [Mode; 4] = [Mode::Agreement, Mode::Own, Mode::Pairwise, Mode::Plain];

    /// The name the configuration file and the status bar use: the one table of names.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Agreement => "agreement",
            Mode::Own => "own",
            Mode::Pairwise => "pairwise",
            Mode::Plain => "plain",
        }
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }
}
