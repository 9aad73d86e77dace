//! The reader's comparison modes and their names, which the status bar, the configuration
//! file and the `d` key all take from the enum.

use strum::{EnumIter, EnumString, IntoEnumIterator, IntoStaticStr};

/// How member paragraphs are coloured. The variant's name in lower case is the name the
/// configuration file and the status bar use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, EnumString, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
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
    /// Every mode, in the order `d` cycles through them.
    pub fn all() -> impl Iterator<Item = Mode> {
        Mode::iter()
    }

    /// The name the configuration file and the status bar use.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The mode `d` moves to from this one.
    pub fn next(self) -> Mode {
        Mode::iter()
            .cycle()
            .skip_while(|&m| m != self)
            .nth(1)
            .unwrap_or(self)
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        name.parse().ok()
    }
}
