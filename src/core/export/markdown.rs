//! The Markdown export: a section per topic, a subsection per article, shared wording in
//! **bold** (every source) or *italics* (several).

use std::io::{self, Write};

use super::leveled;
use super::text::describe;
use crate::core::agree::Level;
use crate::core::align::Origin;
use crate::core::figures::figures;
use crate::core::synopsis::Synopsis;

pub(super) fn write(synopsis: &Synopsis, topics: &[usize], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "# synoptic: {} articles, {} topics\n",
        synopsis.articles.len(),
        topics.len()
    )?;
    writeln!(
        out,
        "Shared wording: **bold** in every source covering the topic, *italics* in several.\n"
    )?;
    for &t in topics {
        write_topic(synopsis, t, out)?;
    }
    Ok(())
}

fn write_topic(synopsis: &Synopsis, t: usize, out: &mut dyn Write) -> io::Result<()> {
    let topic = &synopsis.topics[t];
    let covering = topic.articles();
    let origin = if topic.origin == Origin::Defined {
        "defined"
    } else {
        "discovered"
    };
    writeln!(out, "## {} (`{}`)\n", escape(&topic.label), topic.id)?;
    writeln!(
        out,
        "_{origin}; covered by {} of {} articles._\n",
        covering.len(),
        synopsis.articles.len()
    )?;
    for group in figures(synopsis, t).iter().filter(|g| g.disagree) {
        writeln!(
            out,
            "- Figures differ ({}): {}",
            group.what,
            escape(&describe(group))
        )?;
    }
    let agreement = synopsis.agreement(t);
    for (a, article) in synopsis.articles.iter().enumerate() {
        writeln!(out, "\n### {}\n", escape(article.display_name()))?;
        let mine: Vec<_> = agreement.iter().filter(|m| m.at.article == a).collect();
        if mine.is_empty() {
            writeln!(out, "_Does not cover this topic._")?;
        }
        for member in mine {
            writeln!(
                out,
                "{}\n",
                marked(&leveled(synopsis, member, covering.len()))
            )?;
        }
    }
    writeln!(out)
}

fn marked(pieces: &[(&str, Level)]) -> String {
    let mut s = String::new();
    for &(text, level) in pieces {
        let core = text.trim();
        if core.is_empty() || level == Level::Alone {
            s.push_str(&escape(text));
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let tail = &text[text.trim_end().len()..];
        let mark = if level == Level::All { "**" } else { "*" };
        s.push_str(&format!("{lead}{mark}{}{mark}{tail}", escape(core)));
    }
    s
}

/// Escape what Markdown would read as markup, and make control characters visible.
fn escape(text: &str) -> String {
    let clean = crate::core::sanitize::for_terminal(text);
    let mut s = String::with_capacity(clean.len());
    for c in clean.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' | '|'
        ) {
            s.push('\\');
        }
        s.push(c);
    }
    s
}
