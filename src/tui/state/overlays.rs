//! The overlays' own state: the topic list's selection and filter, the help screen's scroll,
//! and the prompt line with the search it runs. Each is a small record `App` holds.

use synoptic_core::lang::text::fold;
use synoptic_core::model::topic::Topic;

use crate::tui::layout::search::Match;

/// The topic list: the selected topic, and what the list is filtered by.
#[derive(Clone, Debug, Default)]
pub struct TopicList {
    pub selected: usize,
    pub filter: String,
}

impl TopicList {
    /// The topics the list shows: all, or those whose label, id or keywords contain the
    /// filter (case and accents ignored).
    pub fn listed(&self, topics: &[Topic]) -> Vec<usize> {
        let filter = fold(self.filter.trim());
        (0..topics.len())
            .filter(|&t| {
                let topic = &topics[t];
                filter.is_empty()
                    || fold(&topic.label).contains(&filter)
                    || fold(&topic.id).contains(&filter)
                    || topic.keywords.iter().any(|k| fold(k).contains(&filter))
            })
            .collect()
    }

    /// Select the topic at position `at` of `listed`, if there is one.
    pub fn select(&mut self, listed: &[usize], at: usize) {
        if let Some(&t) = listed.get(at) {
            self.selected = t;
        }
    }

    /// Keep the selection if the filter still lists it, else select the first listed topic.
    pub fn refilter(&mut self, topics: &[Topic]) {
        let listed = self.listed(topics);
        if !listed.contains(&self.selected) {
            self.select(&listed, 0);
        }
    }
}

/// The help screen: its first line shown.
#[derive(Clone, Copy, Debug, Default)]
pub struct Help {
    pub scroll: usize,
}

/// The prompt line (a search or a keyword being typed) and the search it last ran.
#[derive(Clone, Debug, Default)]
pub struct Search {
    pub input: String,
    pub query: Option<String>,
    pub matches: Vec<Match>,
    /// The match shown last, once the user has moved through them.
    pub index: Option<usize>,
}
