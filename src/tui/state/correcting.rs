//! What the correction keys do to the reader: the paragraph put in or taken out, the keyword
//! added, the topics aligned again, and the file written once the user has said where.

use super::{App, Overlay};
use crate::tui::effects::Request;
use crate::tui::effects::corrections_file::Pending;
use synoptic_core::alignment::evidence::keyword_reach;
use synoptic_core::model::pins::pin_for;
use synoptic_core::model::topic::{Origin, Topic};
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::model::vectors::ParaRef;
use synoptic_core::output::sanitize::for_terminal;
use synoptic_core::output::topics_edit::Correction;

impl App {
    /// The definition of the current topic as it stands (a discovered topic's, made from it).
    pub(super) fn current_def(&self) -> Option<TopicDef> {
        self.def_of(self.topic)
    }

    /// The definition of topic `t` (an index) as it stands.
    fn def_of(&self, t: usize) -> Option<TopicDef> {
        let topic = self.synopsis.topics.get(t)?;
        Some(
            self.topics
                .defs
                .iter()
                .find(|d| d.id == topic.id)
                .cloned()
                .unwrap_or_else(|| topic.definition()),
        )
    }

    /// Put the paragraph under the cursor into a topic (or confirm it there), or take it out:
    /// the current topic, or topic `number` when one was typed first, so that a paragraph
    /// under review is settled in every topic it belongs to without leaving this one.
    pub(super) fn pin_focused(&mut self, include: bool, number: Option<usize>) {
        let t = match number {
            Some(n) => match self.numbered_topic(n) {
                Some(t) => t,
                None => return,
            },
            None => self.topic,
        };
        let (Some(at), Some(topic)) = (self.cursor_paragraph(), self.synopsis.topics.get(t)) else {
            self.status = Some("no paragraph here to correct".into());
            return;
        };
        let member = topic.holds(at);
        let pin = pin_for(&self.synopsis.articles, at, include);
        // A member not pinned yet may be confirmed (the review asks for it): the pin keeps it
        // in whatever later corrections do, and teaches the topic its look-alikes.
        let settled = self.def_of(t).is_some_and(|d| d.pins.contains(&pin));
        if member == include && (settled || !include) {
            let already = if include {
                "is already in"
            } else {
                "is not in"
            };
            self.status = Some(format!(
                "this paragraph {already} “{}”",
                for_terminal(&topic.label)
            ));
            return;
        }
        self.correct(t, Correction::Pin(pin));
    }

    /// Add `keyword` to the current topic.
    pub(super) fn add_keyword(&mut self, keyword: &str) {
        let keyword = keyword.trim();
        if keyword.is_empty() {
            return;
        }
        if keyword_reach(&self.synopsis.articles, keyword) == 0 {
            self.status = Some(format!(
                "“{}” is in no paragraph of these articles: not added (try a word they use)",
                for_terminal(keyword)
            ));
            return;
        }
        self.correct(self.topic, Correction::Keyword(keyword.to_owned()));
    }

    /// Apply a correction to topic `t` (an index), align again, and save it (or ask where
    /// first).
    fn correct(&mut self, t: usize, correction: Correction) {
        let Some(before) = self.def_of(t) else {
            return;
        };
        let mut after = before.clone();
        correction.apply_to(&mut after);
        let adopts = !self.topics.defs.iter().any(|d| d.id == before.id);
        self.undo.push((before.clone(), correction.clone(), adopts));
        self.install(before, after, correction);
    }

    /// Undo the last correction not undone yet: in the reader, and in the topics file when it
    /// was saved there (else it is simply not saved). A found topic the correction adopted is
    /// found again, and goes from the file if it was written there.
    pub(super) fn undo_last(&mut self) {
        let Some((before, done, adopted)) = self.undo.pop() else {
            self.status = Some("nothing to undo".into());
            return;
        };
        let Some(now) = self.topics.defs.iter().find(|d| d.id == before.id).cloned() else {
            return;
        };
        self.undoing = true;
        let written = !self.unsaved.last().is_some_and(|p| p.correction == done);
        if !written {
            // Never written: forgetting it is undoing it.
            self.unsaved.pop();
        }
        if adopted {
            // A found topic again: it goes from the definitions, and from the file whole.
            self.topics.defs.retain(|d| d.id != before.id);
            self.realign_for(before.id);
            if written {
                self.queue_save(now, Correction::DropTopic);
            }
        } else if !written {
            self.replace_def(before.clone());
            self.realign_for(before.id);
        } else if let Some(undoing) = done.undoing(&before) {
            let mut after = now.clone();
            undoing.apply_to(&mut after);
            self.install(now, after, undoing);
        } else {
            self.undoing = false;
            self.status = Some("that correction changed nothing; nothing to undo".into());
        }
    }

    fn replace_def(&mut self, def: TopicDef) {
        match self.topics.defs.iter_mut().find(|d| d.id == def.id) {
            Some(d) => *d = def,
            None => self.topics.defs.push(def),
        }
    }

    /// Put `after` in place of `before`, align again, and save `correction` (or ask first).
    fn install(&mut self, before: TopicDef, after: TopicDef, correction: Correction) {
        let id = after.id.clone();
        self.replace_def(after);
        self.realign_for(id);
        self.queue_save(before, correction);
    }

    /// Save `correction` of topic `before` (as the file holds it), or ask first.
    fn queue_save(&mut self, before: TopicDef, correction: Correction) {
        self.unsaved.push(Pending { before, correction });
        if self.save_target.is_none() {
            let path = self.topics.target(&self.export_dir);
            let exists = path.exists();
            self.save_target = Some((path, exists));
        }
        if self.save_approved {
            self.request_save();
        } else {
            self.overlay = Overlay::Confirm;
        }
    }

    /// Ask for the topics aligned again after topic `corrected` changed, the reader staying on
    /// the topic it shows (a paragraph put into another topic from here, or a correction undone
    /// elsewhere, does not take the reader away from what it was reviewing).
    fn realign_for(&mut self, corrected: String) {
        let stay_on = self
            .synopsis
            .topics
            .get(self.topic)
            .map_or_else(|| corrected.clone(), |t| t.id.clone());
        self.requests.push(Request::Realign { stay_on, corrected });
    }

    /// The articles aligned again to the reader's definitions (`Request::Realign`): show
    /// them, staying on topic `stay_on`, and say what changed in topic `corrected`.
    pub fn realigned(&mut self, topics: Vec<Topic>, stay_on: &str, corrected: &str) {
        let what = what_changed(&self.synopsis.topics, &topics, corrected);
        // Said as an undo, so that "3 paragraphs in" is not read as a new correction.
        let undone = if std::mem::take(&mut self.undoing) {
            "undone: "
        } else {
            ""
        };
        self.changed = Some(format!("{undone}{what}"));
        self.status.clone_from(&self.changed);
        std::sync::Arc::make_mut(&mut self.synopsis).topics = topics;
        self.forget_layout();
        // A discovered topic corrected is a defined one now, under the same id. A found topic
        // the correction emptied is gone: its paragraphs went to the topic corrected.
        let topics = &self.synopsis.topics;
        self.topic = topics
            .iter()
            .position(|t| t.id == stay_on && t.origin == Origin::Defined)
            .or_else(|| topics.iter().position(|t| t.id == stay_on))
            .or_else(|| topics.iter().position(|t| t.id == corrected))
            .unwrap_or(0);
        self.keep_review_in_sight();
        self.refresh();
    }

    /// The user said yes or no to saving in the topics file.
    pub(super) fn answer_save(&mut self, yes: bool) {
        self.overlay = Overlay::None;
        if yes {
            self.save_approved = true;
            self.request_save();
        } else {
            let change = self.changed.take().map(|c| c + " · ").unwrap_or_default();
            self.status = Some(format!(
                "{change}not saved to {}: the corrections hold until you quit; the next one asks again",
                self.save_path().display()
            ));
        }
    }

    /// The file corrections go to, as chosen at the first correction.
    pub fn save_path(&self) -> std::path::PathBuf {
        match &self.save_target {
            Some((path, _)) => path.clone(),
            None => self.topics.target(&self.export_dir),
        }
    }

    /// Corrections made but not in the topics file yet (not approved, or a save failed).
    pub fn unsaved_count(&self) -> usize {
        self.unsaved.len()
    }

    /// What came of a save the reader asked for. A failed save puts its corrections back at
    /// the head of the queue, to be written with the next correction; the status bar counts
    /// them until then, so the screen never passes them off as saved.
    pub fn saved(
        &mut self,
        path: &std::path::Path,
        corrections: Vec<Pending>,
        outcome: anyhow::Result<()>,
    ) {
        let shown = path.display();
        match outcome {
            Ok(()) => {
                self.status = Some(match self.changed.take() {
                    Some(change) => format!("{change} · saved to {shown}"),
                    None => format!("correction saved to {shown}"),
                });
            }
            Err(e) => {
                let mut queue = corrections;
                queue.append(&mut self.unsaved);
                self.unsaved = queue;
                self.status = Some(format!(
                    "NOT saved to {shown}: {e:#}; kept, and tried again with the next correction"
                ));
            }
        }
    }

    fn request_save(&mut self) {
        let path = self.save_path();
        let corrections = std::mem::take(&mut self.unsaved);
        self.requests.push(Request::SaveTopics {
            path,
            defs: self.topics.defs.clone(),
            corrections,
        });
    }
}

/// What a realignment changed, for the status bar: the paragraphs that joined and left the
/// corrected topic `id`, from how many sources, and how many moved in the other topics.
pub(super) fn what_changed(before: &[Topic], after: &[Topic], id: &str) -> String {
    use std::collections::BTreeSet;
    let members = |topics: &[Topic], id: &str| -> BTreeSet<ParaRef> {
        topics
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.members.iter().map(|m| m.at).collect())
            .unwrap_or_default()
    };
    let (old, new) = (members(before, id), members(after, id));
    let joined = new.difference(&old).count();
    let left = old.difference(&new).count();
    let sources: BTreeSet<usize> = new
        .symmetric_difference(&old)
        .map(|at| at.article)
        .collect();
    let label = after
        .iter()
        .find(|t| t.id == id)
        .map_or(id, |t| t.label.as_str());
    // Topics on either side: a found topic a correction empties is gone after it, and back
    // after its undo.
    let ids: BTreeSet<&str> = (before.iter().chain(after))
        .map(|t| t.id.as_str())
        .filter(|&t| t != id)
        .collect();
    let others: usize = ids
        .into_iter()
        .map(|t| {
            members(before, t)
                .symmetric_difference(&members(after, t))
                .count()
        })
        .sum();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let label = for_terminal(label);
    // A paragraph confirmed where it was moves nothing: "0 in, 0 out (0 sources)" reads as a
    // failure.
    let mut text = if joined + left == 0 {
        format!("“{label}”: no paragraph in or out")
    } else {
        format!(
            "“{label}”: {} in, {left} out ({})",
            plural(joined, "paragraph"),
            plural(sources.len(), "source")
        )
    };
    if others > 0 {
        text.push_str(&format!("; {} in other topics", plural(others, "change")));
    }
    text
}
