//! The marks a text export puts around shared wording, chosen so that no article's own
//! characters can be taken for them, or the writer's painter instead.

use super::Painter;
use crate::compare::agree::Level;
use crate::compare::synopsis::Synopsis;

/// Pairs of marks for wording shared by every source and by several, in order of preference:
/// an export uses the first pair whose characters no article contains, so a mark can never be
/// taken for the article's own brackets.
const MARK_CHOICES: &[[&str; 4]] = &[
    ["{", "}", "[", "]"],
    ["⟦", "⟧", "⟨", "⟩"],
    ["⦃", "⦄", "⦅", "⦆"],
];

/// How shared wording is shown: painted by the writer's painter, or between marks.
pub(super) struct Marking<'a> {
    pub(super) painter: Option<&'a dyn Painter>,
    pub(super) marks: [&'static str; 4],
}

impl Marking<'_> {
    pub(super) fn around(&self, level: Level) -> Option<(&'static str, &'static str)> {
        match level {
            Level::All => Some((self.marks[0], self.marks[1])),
            Level::Several => Some((self.marks[2], self.marks[3])),
            Level::Alone => None,
        }
    }

    /// The legend printed at the top of an export without colours.
    pub(super) fn legend(&self) -> String {
        let [a, b, c, d] = self.marks;
        let mut legend = format!(
            "Marks: {a}…{b} shared by every source covering the topic, {c}…{d} by several; \
             unmarked: this source only."
        );
        if self.marks != MARK_CHOICES[0] {
            legend.push_str(" (The articles use { } [ ] themselves.)");
        }
        legend
    }
}

/// The first pair of marks that no article of `synopsis` contains (the last if all do).
pub(super) fn choose_marks(synopsis: &Synopsis) -> [&'static str; 4] {
    let used = |mark: &str| {
        synopsis
            .articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .any(|p| p.text.contains(mark))
    };
    MARK_CHOICES
        .iter()
        .find(|marks| !marks.iter().any(|m| used(m)))
        .unwrap_or(&MARK_CHOICES[MARK_CHOICES.len() - 1])
        .to_owned()
}
