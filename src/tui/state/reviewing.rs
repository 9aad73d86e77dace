//! The review (`v`): the current topic's paragraphs the machine is least sure of, members and
//! look-alikes, brought one by one to the top of their pane for `+` or `-`.

use std::collections::BTreeSet;

use super::App;
use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::Context;
use synoptic_core::alignment::review::{ReviewItem, review_queue_of};
use synoptic_core::model::article::source_name;
use synoptic_core::model::vectors::ParaRef;
use synoptic_core::output::sanitize::for_terminal;

impl App {
    /// Show the next paragraph of the current topic's review queue not shown yet.
    pub(super) fn review_next(&mut self) {
        let Some(topic) = self.synopsis.topics.get(self.topic) else {
            self.status = Some("no topic to review".into());
            return;
        };
        let pins = self.current_def().map(|d| d.pins).unwrap_or_default();
        let queue = review_queue_of(&self.synopsis.articles, topic, &pins);
        let (label, id) = (topic.label.clone(), topic.id.clone());
        let seen = match &mut self.review {
            Some((on, seen)) if *on == id => seen,
            review => &mut review.insert((id.clone(), BTreeSet::new())).1,
        };
        let unseen: Vec<ReviewItem> = queue
            .into_iter()
            .filter(|i| !seen.contains(&i.at))
            .collect();
        let Some(&item) = unseen.first() else {
            self.status = Some(format!(
                "nothing left to review in “{}”: every doubtful paragraph has been shown or pinned",
                for_terminal(&label)
            ));
            return;
        };
        seen.insert(item.at);
        let shown = seen.len();
        self.reviewed = Some((id, item.at));
        self.show_for_review(item);
        let of = shown + unseen.len() - 1;
        self.status = Some(self.review_status(item, &label, shown, of));
    }

    /// The paragraph the review showed last, while its topic is the current one: shown whole.
    pub(super) fn under_review(&self) -> Option<ParaRef> {
        let (id, at) = self.reviewed.as_ref()?;
        let topic = self.synopsis.topics.get(self.topic)?;
        (topic.id == *id).then_some(*at)
    }

    /// After a realignment: the paragraph under review, when it left the topic (answered `-`,
    /// or put into another topic that won it), stays under the cursor in its full article, so
    /// the next `+`, `-` or number acts on it and never on a neighbour that took its place.
    pub(super) fn keep_review_in_sight(&mut self) {
        let Some(at) = self.under_review() else {
            return;
        };
        let still_member = (self.synopsis.topics.get(self.topic)).is_some_and(|t| t.holds(at));
        if !still_member && !self.full_article {
            self.show_for_review(ReviewItem {
                at,
                member: false,
                doubt: 0.0,
            });
        }
    }

    /// Bring `item`'s paragraph to the top of its pane, focused: among the topic's passages
    /// for a member, in its full article for a paragraph out of the topic.
    fn show_for_review(&mut self, item: ReviewItem) {
        let article = item.at.article;
        self.full_article = !item.member;
        if self.position(article).is_none() {
            self.all_sources = true;
        }
        self.refocus = false;
        self.focus = article;
        self.pending_jump = Some((article, Some(item.at.paragraph)));
    }

    fn review_status(&self, item: ReviewItem, label: &str, shown: usize, of: usize) -> String {
        let key = |a: Action| {
            self.keymap
                .first_key(Context::Reader, a)
                .unwrap_or_else(|| "?".into())
        };
        // Short enough that the question and its keys fit on the status bar.
        let source = source_name(&self.synopsis.articles, item.at.article);
        let source = synoptic_core::output::layout::shorten(&for_terminal(&source), 32);
        let (state, question) = if item.member {
            ("in", "does it belong?")
        } else {
            ("not in", "is it missing?")
        };
        format!(
            "review {shown} of {of}: {source}, {state} “{}”{}, {:.0}% unsure · {question} {} yes  {} no  {} next",
            for_terminal(label),
            self.where_else(item.at),
            item.doubt * 100.0,
            key(Action::PinIn),
            key(Action::PinOut),
            key(Action::Review),
        )
    }
}
