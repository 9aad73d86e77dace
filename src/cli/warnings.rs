//! What loading tells the user of a topics file that does not fit the articles: a topic that
//! claims no paragraph, a keyword no paragraph holds.

use synoptic_core::alignment::evidence::unreached_keywords;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::model::topic::Origin;
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::output::sanitize::for_terminal;

use crate::cli::progress::Progress;

/// A defined topic that claimed no paragraph, among several articles: say so, and why.
pub fn warn_empty_topics(synopsis: &Synopsis, progress: &Progress) {
    if synopsis.articles.len() < 2 {
        return;
    }
    let defined_empty = synopsis
        .topics
        .iter()
        .filter(|t| t.origin == Origin::Defined && t.members.is_empty());
    for empty in defined_empty {
        progress.say(&format!(
            "synoptic: warning: topic {:?} has no paragraph in these articles: none of its \
             keywords picks out a few paragraphs here. A keyword found nowhere, or in a large \
             share of the paragraphs (the event's own names), cannot tell a topic apart; use \
             words that only the paragraphs on this topic use.",
            for_terminal(&empty.id)
        ));
    }
}

/// Keywords of the topics file found in no paragraph, in any form: most often a typing slip,
/// which would otherwise only make a topic smaller without a word.
pub fn warn_unreached_keywords(synopsis: &Synopsis, defs: &[TopicDef], progress: &Progress) {
    if synopsis.articles.len() < 2 {
        return;
    }
    let unreached = unreached_keywords(&synopsis.articles, defs);
    for def in defs {
        let keywords: Vec<String> = unreached
            .iter()
            .filter(|(id, _)| *id == def.id)
            .map(|(_, k)| format!("{:?}", for_terminal(k)))
            .collect();
        let (one, many) = ("keyword", "keywords");
        let (noun, verb) = if keywords.len() == 1 {
            (one, "is")
        } else {
            (many, "are")
        };
        if !keywords.is_empty() {
            progress.say(&format!(
                "synoptic: warning: topic {:?}: {noun} {} {verb} in no paragraph of these \
                 articles, in any form; check the spelling, or write it as the articles do.",
                for_terminal(&def.id),
                keywords.join(", ")
            ));
        }
    }
}
