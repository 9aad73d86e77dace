//! The status bar: where the reader is, and a message or the key hints, fitted to the width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::{Context, Keymap};
use crate::tui::state::app::{App, Overlay};
use synoptic_core::output::layout::{fit, shorten};
use synoptic_core::output::sanitize::for_terminal;

/// Shown while nothing else is: with one article there is nothing to align or compare.
const ONE_ARTICLE: &str = "one article only: nothing to compare it with; open two or more";

/// What the reader says at start of the warnings written while loading, which its screen
/// hides until it quits: the first two, and how many more.
pub fn loading_note(warnings: &[String]) -> Option<String> {
    const SHOWN: usize = 2;
    let first = warnings.first()?;
    let strip = |w: &String| -> String {
        let w = w.strip_prefix("synoptic: ").unwrap_or(w);
        w.strip_prefix("warning: ").unwrap_or(w).to_owned()
    };
    let mut note = if warnings.len() == 1 {
        format!("While loading: {}", strip(first))
    } else {
        let shown: Vec<String> = warnings.iter().take(SHOWN).map(strip).collect();
        format!(
            "{} warnings while loading: {}",
            warnings.len(),
            shown.join(" · ")
        )
    };
    if warnings.len() > SHOWN {
        note.push_str(&format!(" · and {} more", warnings.len() - SHOWN));
    }
    note.push_str(" (any key hides this; all are on the terminal when you quit)");
    Some(note)
}

pub fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    let text = status_text(app, usize::from(area.width));
    frame.render_widget(
        Paragraph::new(text).style(app.theme.status_bar(app.color)),
        area,
    );
    render_whole_message(app, frame, area);
}

/// A message too long for the status bar (an error naming a long path, say) is shown whole,
/// wrapped above the bar: a reason is never cut away by the screen's width. So is a prompt's
/// question too long for the bar (the file a save would go to), nearest the bar.
fn render_whole_message(app: &App, frame: &mut Frame, bar: Rect) {
    let width = usize::from(bar.width);
    let message = (app.status.as_ref())
        .map(|s| for_terminal(s).into_owned())
        .filter(|m| !fits_in_bar(app, m, width));
    let prompt = overlay_prompt(app).filter(|p| display_width(p) >= width);
    let lines: Vec<String> = (message.as_deref().into_iter())
        .chain(prompt.as_ref().map(|p| p.trim_start()))
        .flat_map(|text| message_lines(text, width))
        .collect();
    if lines.is_empty() {
        return;
    }
    let height = (lines.len() as u16).min(bar.y);
    let area = Rect::new(bar.x, bar.y - height, bar.width, height);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(
        Paragraph::new(lines.join("\n")).style(app.theme.status_bar(app.color)),
        area,
    );
}

/// Whether `message` fits in a bar `width` columns wide, with the space that opens it and
/// beside the question an open prompt asks, which is never cut; else it is shown whole above
/// the bar. Beside a yes-or-no question it never goes: the bar keeps the keys that answer.
fn fits_in_bar(app: &App, message: &str, width: usize) -> bool {
    if app.overlay == Overlay::Confirm {
        return false;
    }
    let prompt = overlay_prompt(app).map_or(0, |p| display_width(&p) + 1);
    display_width(message) + prompt < width
}

/// `message` wrapped into lines of fewer than `width` columns.
pub fn message_lines(message: &str, width: usize) -> Vec<String> {
    use synoptic_core::output::layout::{Styled, wrap};
    let piece = [Styled::new(message, ())];
    wrap(&piece, width.saturating_sub(2).max(1))
        .into_iter()
        .map(|line| {
            let text: String = line.pieces.iter().map(|p| p.text.as_str()).collect();
            format!(" {text}")
        })
        .collect()
}

/// The status bar: where the reader is on the left, a message or key hints on the right. A
/// message is never cut: the topic label gives way first, then the rest of the left side; one
/// too long for the bar is shown whole above it, and the bar keeps the place and the hints.
/// Hints are dropped, least needed first, until they fit; help and quit stay while the left
/// side fits in short.
pub fn status_text(app: &App, width: usize) -> String {
    let message = app
        .status
        .as_ref()
        .map(|s| for_terminal(s).into_owned())
        .filter(|m| fits_in_bar(app, m, width))
        .or_else(|| (app.synopsis.articles.len() == 1).then(|| ONE_ARTICLE.to_owned()));
    let parts = left_parts(app);
    let right = match &message {
        Some(m) => shorten(m, width.saturating_sub(1)),
        None => hints_within(
            &app.keymap,
            app.context(),
            width.saturating_sub(parts.least(LABEL_BEFORE_HINTS, &parts.suffix) + 2),
            width.saturating_sub(parts.least(LEAST_LABEL, &parts.short_suffix) + 2),
        ),
    };
    let room = width.saturating_sub(display_width(&right) + 2);
    let left = parts.within(room);
    let gap = width.saturating_sub(display_width(&left) + display_width(&right) + 1);
    fit(&format!("{left}{}{right} ", " ".repeat(gap)), width)
}

/// The prompt or question an open overlay puts in place of the left side.
fn overlay_prompt(app: &App) -> Option<String> {
    match app.overlay {
        Overlay::Search => {
            let prompt = format!(" /{}█", for_terminal(&app.search.input));
            Some(prompt)
        }
        Overlay::Keyword => {
            let label = app
                .synopsis
                .topics
                .get(app.topic)
                .map_or("", |t| t.label.as_str());
            let prompt = format!(
                " keyword for “{}”: {}█",
                for_terminal(label),
                for_terminal(&app.search.input)
            );
            Some(prompt)
        }
        Overlay::Confirm => {
            let (path, exists) = app.save_target.as_ref()?;
            let shown = for_terminal(&path.display().to_string()).into_owned();
            let read = app.topics.file.is_some();
            let what = match (exists, read) {
                (false, _) => "It is a new file.",
                (true, true) => "It is edited in place, comments kept.",
                // A hundred topics files there already, none read: the first is added to.
                (true, false) => {
                    "This run did not read it: its topics and comments are kept, \
                     these corrections added."
                }
            };
            // A topics file the reader was not given is not found by the next run on its own.
            let found = if read {
                String::new()
            } else {
                format!(" Read it back with --topics {shown}.")
            };
            Some(format!(" Save corrections to {shown}? {what}{found}"))
        }
        Overlay::None | Overlay::Help | Overlay::TopicList => None,
    }
}

/// The left side in parts: what comes before the topic label, the label (which may be
/// shortened), what comes after it, and that last part short, for a narrow terminal.
struct Left {
    prefix: String,
    label: String,
    suffix: String,
    short_suffix: String,
}

impl Left {
    fn plain(prefix: String, suffix: String) -> Self {
        Left {
            prefix,
            label: String::new(),
            short_suffix: suffix.clone(),
            suffix,
        }
    }
}

fn left_parts(app: &App) -> Left {
    if let Some(prompt) = overlay_prompt(app) {
        return Left::plain(prompt, String::new());
    }
    let total = app.synopsis.articles.len();
    let hidden = match total - app.order.len().min(total) {
        0 => String::new(),
        n => {
            let key = app
                .keymap
                .first_key(Context::Reader, Action::ToggleAllSources);
            format!(" · {n} hidden ({} all)", key.unwrap_or_default())
        }
    };
    if app.unclaimed {
        let left = app.unclaimed_paragraphs();
        let sources = left.iter().filter(|p| !p.is_empty()).count();
        let paragraphs: usize = left.iter().map(Vec::len).sum();
        let counts = format!(" · {paragraphs} paragraphs in {sources}/{total} sources");
        return Left {
            prefix: " Not in any topic".into(),
            label: String::new(),
            suffix: format!("{counts}{hidden}{}", cursor_place(app)),
            short_suffix: counts,
        };
    }
    let Some(topic) = app.synopsis.topics.get(app.topic) else {
        return Left::plain(" No topics".into(), String::new());
    };
    let prefix = format!(" Topic {}/{} · ", app.topic + 1, app.synopsis.topics.len());
    let unsaved = match app.unsaved_count() {
        0 => String::new(),
        n => format!(" · {n} unsaved"),
    };
    // Which layout is on: one article whole (`f`), else what `r` has put on, passages in
    // synopsis rows or each pane on its own. Short: at 80 columns the cursor's place stays.
    let layout = if app.full_article {
        "full"
    } else if app.in_rows() {
        "rows"
    } else {
        "panes"
    };
    let (covering, mode) = (topic.covering_count(), app.mode.name());
    let suffix = format!(
        " · {covering}/{total} sources{hidden} · {mode} · {layout}{}{unsaved}",
        cursor_place(app)
    );
    Left {
        prefix,
        label: for_terminal(&topic.label).into_owned(),
        suffix,
        // The hidden count and the cursor's paragraph go first: the panes show both.
        short_suffix: format!(" · {covering}/{total} sources · {mode} · {layout}{unsaved}"),
    }
}

/// Which paragraph of the focused source the cursor is on, of how many it has, and the other
/// topics that hold it: a number then `+` or `-` corrects them from here.
fn cursor_place(app: &App) -> String {
    let count = app
        .synopsis
        .articles
        .get(app.focus)
        .map(|a| a.paragraphs.len());
    let (Some(at), Some(count)) = (app.cursor_paragraph(), count) else {
        return String::new();
    };
    format!(" · ¶{}/{count}{}", at.paragraph + 1, app.where_else(at))
}

/// A label is cut to no fewer than this many columns before the rest of the left side is.
const LEAST_LABEL: usize = 8;

/// Hints other than help and quit give way before a label is cut below this many columns:
/// which topic is open says more than a hint the help (`?`) lists too.
const LABEL_BEFORE_HINTS: usize = 32;

/// Hints of this rank or lower (help, quit) stay as long as the label keeps `LEAST_LABEL`.
const KEPT_HINT_RANK: u8 = 1;

impl Left {
    /// Where the reader is, in at most `room` columns: the label shortens first, then the
    /// part after it, then the whole.
    fn within(&self, room: usize) -> String {
        let (prefix, label) = (&self.prefix, &self.label);
        for suffix in [&self.suffix, &self.short_suffix] {
            // With no label (the paragraphs no topic claims), the suffix must fit on its own.
            let Some(label_room) = room.checked_sub(display_width(prefix) + display_width(suffix))
            else {
                continue;
            };
            if label_room >= LEAST_LABEL.min(display_width(label)) {
                return format!("{prefix}{}{suffix}", shorten(label, label_room));
            }
        }
        shorten(&format!("{prefix}{label}{}", self.short_suffix), room)
    }

    /// The columns the left side needs with its label cut to `label_columns` and `suffix`
    /// (its own or its short one) after it.
    fn least(&self, label_columns: usize, suffix: &str) -> usize {
        display_width(&self.prefix)
            + display_width(suffix)
            + display_width(&self.label).min(label_columns)
    }
}

fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// The key hints of `context` that fit in `room` columns, dropping the least needed first;
/// help and quit (see `KEPT_HINT_RANK`) need only fit in `kept_room`.
fn hints_within(keymap: &Keymap, context: Context, room: usize, kept_room: usize) -> String {
    let mut wanted = hinted(context).to_vec();
    loop {
        let actions: Vec<Action> = wanted.iter().map(|&(a, _)| a).collect();
        let text = hint_text(keymap, context, &actions);
        let kept_only = wanted.iter().all(|&(_, rank)| rank <= KEPT_HINT_RANK);
        let fits = display_width(&text) <= if kept_only { kept_room } else { room };
        if fits || wanted.len() <= 1 {
            return text;
        }
        let least = wanted.iter().map(|&(_, rank)| rank).max();
        wanted.retain(|&(_, rank)| Some(rank) != least);
    }
}

/// The actions the status bar hints at, in the order shown, each with its rank: the lower the
/// rank, the longer a hint stays when room runs short (help and quit stay longest).
fn hinted(context: Context) -> &'static [(Action, u8)] {
    match context {
        Context::Reader => &[
            (Action::NextTopic, 2),
            (Action::PrevTopic, 4),
            (Action::CycleMode, 5),
            (Action::ToggleTopicList, 3),
            (Action::StartSearch, 6),
            (Action::CopyPassage, 7),
            (Action::Help, 0),
            (Action::Quit, 1),
        ],
        Context::TopicList => &[
            (Action::ListDown, 2),
            (Action::ListUp, 3),
            (Action::ListOpen, 0),
            (Action::Back, 1),
        ],
        Context::Search => &[(Action::SearchSubmit, 0), (Action::Back, 1)],
        Context::Confirm => &[(Action::ConfirmYes, 0), (Action::ConfirmNo, 0)],
    }
}

fn hint_text(keymap: &Keymap, context: Context, actions: &[Action]) -> String {
    actions
        .iter()
        .filter_map(|&a| {
            keymap
                .first_key(context, a)
                .map(|k| format!("{k} {}", a.hint()))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
