//! Paragraph kinds: body, heading, caption, boilerplate, from the shape of the text alone.
//!
//! The rules look at form (length, final punctuation, brackets, the markers every news site
//! uses for teasers and embeds), never at what an article is about. When unsure, a paragraph
//! stays `Body`: hiding real text as boilerplate would lose the reader's data.

use crate::input::questions::question_heads;
use crate::input::repeats::twins;
use crate::input::segment::ends_sentence;
use crate::input::typing::typed_apart;
use crate::lang::text::fold;
use crate::model::article::Kind;

use super::markers::{
    CAPTION_MAX_WORDS, CAPTION_OPENINGS, CLOSING_CREDITS, CREDIT_MARKERS, EMBED_MARKERS,
    LINK_MARKERS, TRAILER_ENDINGS, TRAILER_INSIDE, TRAILER_MAX_WORDS, TRAILER_OPENINGS,
};

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A head longer than this is a sentence, not a marker or a kicker (the longest is a few words):
/// it is not folded, so classifying a long paragraph costs no copy of it.
const LEAD_MAX_BYTES: usize = 80;

/// Words enough to hold any of `CAPTION_OPENINGS` ("image caption", "media caption").
const CAPTION_OPENING_WORDS: usize = 4;

/// The folded text up to the first ':' or '|' (or all of it), trimmed of punctuation; `None`
/// when it is too long to be a marker. The flag says whether a separator was found.
fn lead(text: &str) -> (Option<String>, bool) {
    let cut = text.find([':', '|', '–', '—']);
    let head = cut.map_or(text, |i| &text[..i]);
    let folded = (head.trim().len() <= LEAD_MAX_BYTES).then(|| {
        fold(head)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_owned()
    });
    (folded, cut.is_some())
}

fn is_among(lead: Option<&str>, markers: &[&str]) -> bool {
    lead.is_some_and(|l| markers.contains(&l))
}

/// What the rules read of a paragraph again and again, worked out once: its word count and
/// its folded lead (see `lead`).
struct Shape<'t> {
    text: &'t str,
    words: usize,
    lead: Option<String>,
    has_separator: bool,
}

impl<'t> Shape<'t> {
    fn new(text: &'t str) -> Self {
        let (lead, has_separator) = lead(text);
        Shape {
            text,
            words: word_count(text),
            lead,
            has_separator,
        }
    }
}

/// Classify every paragraph of one article, in order.
pub fn classify(texts: &[String]) -> Vec<Kind> {
    let shapes: Vec<Shape> = texts.iter().map(|t| Shape::new(t)).collect();
    let mut kinds = Vec::with_capacity(texts.len());
    let mut in_link_list = false;
    for shape in &shapes {
        let kind = if in_link_list && is_headline_like(shape) {
            Kind::Boilerplate
        } else {
            in_link_list = false;
            classify_one(shape, &mut in_link_list)
        };
        kinds.push(kind);
    }
    // Only sentences, and never the title: a subhead may repeat with one word changed ("Day
    // one", "Day two"), and a page may repeat its headline. A subhead that repeats a sentence
    // quotes the story, which stays.
    let by_shape = kinds.clone();
    for (i, twins) in twins(texts).into_iter().enumerate().skip(1) {
        let quoted_by_subhead = |j: usize| j > 0 && by_shape[j] == Kind::Heading;
        if kinds[i] == Kind::Body && twins.into_iter().any(|j| !quoted_by_subhead(j)) {
            kinds[i] = Kind::Boilerplate;
        }
    }
    for (kind, heads) in kinds.iter_mut().zip(question_heads(texts)) {
        if heads && *kind == Kind::Body {
            *kind = Kind::Heading;
        }
    }
    by_position(&shapes, &mut kinds);
    kinds
}

/// Rules that need the paragraph's place in the article: the title, the deck under it, and
/// teasers that sit next to a "Related:" line.
fn by_position(shapes: &[Shape], kinds: &mut [Kind]) {
    if kinds.first() == Some(&Kind::Body) && is_title(shapes) {
        kinds[0] = Kind::Heading;
    }
    if kinds.first() == Some(&Kind::Heading)
        && kinds.get(1) == Some(&Kind::Body)
        && is_front_matter(shapes)
    {
        kinds[1] = Kind::Heading;
    }
    for i in 0..shapes.len() {
        let beside_links = |j: Option<usize>| {
            j.and_then(|j| shapes.get(j).zip(kinds.get(j)))
                .is_some_and(|(s, k)| *k == Kind::Boilerplate && starts_with_link_marker(s))
        };
        if kinds[i] == Kind::Body
            && is_teaser(&shapes[i])
            && (beside_links(i.checked_sub(1)) || beside_links(Some(i + 1)))
        {
            kinds[i] = Kind::Boilerplate;
        }
    }
}

/// Whether the paragraph under the title is the deck: a line much shorter than the story's
/// paragraphs (`is_deck`); one typed apart from the story, a deck being typed in another field
/// of the publishing system and keeping its own quotation marks (a story of no paragraph has
/// none: `typed_apart` says no); or a short paragraph before a lede that opens with its
/// dateline ("WASHINGTON — …").
fn is_front_matter(shapes: &[Shape]) -> bool {
    let (deck, story) = (&shapes[1], &shapes[2..]);
    (!story.is_empty() && is_deck(shapes))
        || typed_apart(deck.text, story.iter().map(|s| s.text))
        || (deck.words <= 40 && story.iter().take(2).any(|s| opens_with_dateline(s.text)))
}

/// The first paragraph of an article of several is its headline when it is short, whatever
/// punctuation ends it ("Trump tweets that the memos show no obstruction.").
fn is_title(shapes: &[Shape]) -> bool {
    let Some(first) = shapes.first() else {
        return false;
    };
    shapes.len() > 2
        && (1..=20).contains(&first.words)
        && first.text.chars().count() <= 200
        && !first.text.trim_end().ends_with([':', ','])
}

/// A paragraph that opens with a dateline: a place in capitals (and an agency in brackets)
/// before a dash, "SAN DIEGO ―", "PARIS (Reuters) -".
fn opens_with_dateline(text: &str) -> bool {
    let Some(cut) = text.find(['―', '—', '–', '-']).filter(|&i| i <= 40) else {
        return false;
    };
    let head = text[..cut].trim();
    let place = match head.find('(') {
        Some(open) if head.ends_with(')') => head[..open].trim(),
        _ => head,
    };
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | ',' | '\''))
}

/// A deck under the title: a short line, much shorter than the article's paragraphs.
fn is_deck(shapes: &[Shape]) -> bool {
    let mut lengths: Vec<usize> = shapes[2..].iter().map(|s| s.words).collect();
    lengths.sort_unstable();
    let median = lengths[lengths.len() / 2];
    let words = shapes[1].words;
    words <= 15 && words * 5 <= median * 2
}

/// "More: …", "Related: …": a link marker before a separator.
fn starts_with_link_marker(shape: &Shape) -> bool {
    is_among(shape.lead.as_deref(), LINK_MARKERS)
}

/// A teaser headline with a kicker: "The Bubble: Conservatives and liberals agree …".
fn is_teaser(shape: &Shape) -> bool {
    shape.has_separator
        && shape.lead.as_deref().is_some_and(|l| word_count(l) <= 3)
        && shape.words <= 25
}

fn classify_one(shape: &Shape, opens_link_list: &mut bool) -> Kind {
    let (text, words) = (shape.text, shape.words);
    // Folded once, for the markers of trailers (whole) and of captions (their opening words
    // only: longer paragraphs can only open with one); a paragraph longer still is neither.
    let plain = if words <= TRAILER_MAX_WORDS {
        Some(plain_words(text))
    } else {
        (words <= CAPTION_MAX_WORDS)
            .then(|| plain_words(opening_words(text, CAPTION_OPENING_WORDS)))
    };
    let plain = plain.as_deref();
    let (lead, has_separator) = (shape.lead.as_deref(), shape.has_separator);
    let marker_alone = is_among(lead, LINK_MARKERS)
        && lead.is_some_and(|l| fold(text).trim_matches(|c: char| !c.is_alphanumeric()) == l);
    if marker_alone && words <= 6 {
        *opens_link_list = true;
        return Kind::Boilerplate;
    }
    if has_separator && words <= 30 && is_among(lead, LINK_MARKERS) {
        return Kind::Boilerplate;
    }
    if has_separator && words <= 30 && is_among(lead, EMBED_MARKERS) {
        return Kind::Boilerplate;
    }
    if is_credit_line(text) || is_trailer(plain, words) {
        return Kind::Boilerplate;
    }
    if is_caption(text, words, plain, lead, has_separator) {
        return Kind::Caption;
    }
    if is_heading(text, words) {
        return Kind::Heading;
    }
    Kind::Body
}

/// A teaser headline: no sentence end, not long.
fn is_headline_like(shape: &Shape) -> bool {
    !ends_sentence(shape.text) && shape.words <= 30
}

/// "(avec AP)", "(with Reuters)", "(AFP)": a whole short paragraph in brackets.
fn is_credit_line(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('(') && t.ends_with(')') && word_count(t) <= 6 && !t[1..].contains('(')
}

/// A line news sites put after the story (see `TRAILER_OPENINGS`): short, and opening or
/// ending with one of the markers, whole words only ("Subscribers said …" is no "subscribe").
fn is_trailer(plain: Option<&str>, words: usize) -> bool {
    let Some(plain) = plain.filter(|_| words <= TRAILER_MAX_WORDS) else {
        return false;
    };
    TRAILER_OPENINGS.iter().any(|m| opens_with(plain, m))
        || TRAILER_ENDINGS.iter().any(|m| ends_with(plain, m))
        || TRAILER_INSIDE.iter().any(|m| holds(plain, m))
}

/// The folded words of `text` with one space before, between and after them, punctuation
/// dropped, so that markers match whole words: " inscrivez vous a notre lettre ".
fn plain_words(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len() + 2);
    out.push(' ');
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The first `n` words of `text` (all of it when it has fewer).
fn opening_words(text: &str, n: usize) -> &str {
    let start = text.len() - text.trim_start().len();
    match text[start..].split_whitespace().nth(n) {
        Some(next) => &text[..next.as_ptr() as usize - text.as_ptr() as usize],
        None => text,
    }
}

/// Whether `plain` (see `plain_words`) opens with the whole words of `marker`.
fn opens_with(plain: &str, marker: &str) -> bool {
    plain
        .strip_prefix(' ')
        .and_then(|rest| rest.strip_prefix(marker))
        .is_some_and(|rest| rest.starts_with(' '))
}

/// Whether `plain` ends with the whole words of `marker`.
fn ends_with(plain: &str, marker: &str) -> bool {
    plain
        .strip_suffix(' ')
        .and_then(|rest| rest.strip_suffix(marker))
        .is_some_and(|rest| rest.ends_with(' '))
}

/// Whether `plain` holds the whole words of `marker` anywhere.
fn holds(plain: &str, marker: &str) -> bool {
    plain
        .match_indices(marker)
        .any(|(at, _)| plain[..at].ends_with(' ') && plain[at + marker.len()..].starts_with(' '))
}

/// A caption that ends on its credit after a sentence: "… on Sunday. Photograph: A. Name/AP".
fn has_closing_credit(text: &str) -> bool {
    // Every credit marker ends with a colon: without one, no need to copy the text.
    if !text.contains(':') {
        return false;
    }
    let lower = text.to_lowercase();
    CLOSING_CREDITS.iter().any(|marker| {
        lower.rfind(marker).is_some_and(|at| {
            let credit = word_count(&lower[at + marker.len()..]);
            at > 0 && ends_sentence(&lower[..at]) && (1..=8).contains(&credit)
        })
    })
}

/// A photo caption: ends with a "(Photographer/Agency)" credit, carries ©, or opens with
/// "Photo :" / "Crédit :".
fn is_caption(
    text: &str,
    words: usize,
    plain: Option<&str>,
    lead: Option<&str>,
    has_separator: bool,
) -> bool {
    if text.contains('©') {
        return true;
    }
    if has_separator && is_among(lead, CREDIT_MARKERS) && words <= 40 {
        return true;
    }
    if is_bare_credit(text, words) {
        return true;
    }
    if let Some(plain) = plain.filter(|_| words <= CAPTION_MAX_WORDS)
        && (CAPTION_OPENINGS.iter().any(|m| opens_with(plain, m)) || has_closing_credit(text))
    {
        return true;
    }
    let t = text.trim_end();
    let Some(inner) = t.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let credit = &inner[open + 1..];
    credit.contains('/')
        && word_count(credit) <= 8
        && credit
            .split('/')
            .all(|part| part.trim().starts_with(char::is_uppercase))
}

/// A credit with no colon: a credit word or two, then a name or an agency of one to three
/// capitalised words, and nothing else ("Photo AFP.", "Photo Jean Dupont", "File photo AP").
fn is_bare_credit(text: &str, words: usize) -> bool {
    let says = |word: &str, marker: &str| {
        fold(word).trim_matches(|c: char| !c.is_alphanumeric()) == marker
    };
    CREDIT_MARKERS.iter().any(|marker| {
        let mut parts = text.split_whitespace();
        // The count first: it turns away nearly every paragraph before any word is folded.
        (1..=3).contains(&words.saturating_sub(marker.split_whitespace().count()))
            && marker
                .split_whitespace()
                .all(|m| parts.next().is_some_and(|w| says(w, m)))
            && parts.all(|w| w.starts_with(char::is_uppercase))
    })
}

/// A title or subhead: short, no sentence end, starts with a capital or a digit; or a short
/// quotation standing alone, with no sentence end inside ("\"Les soldats étaient en alerte\"",
/// `'Undocumented, unafraid'.`).
fn is_heading(text: &str, words: usize) -> bool {
    if is_quoted_subhead(text, words) {
        return true;
    }
    let starts_upper = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    // A few words with no capital are a subhead too ("situation irrégulière"): a sentence
    // that long would end with a stop.
    (1..=25).contains(&words)
        && text.chars().count() <= 200
        && (starts_upper || words <= 4)
        && !ends_sentence(unquoted_end(text))
        && !text.trim_end().ends_with(',')
}

/// `text` without the closing quotes of its last words: a head that ends on a quoted phrase
/// (`se dit de "bonne foi"`) has no sentence end for all its closing quote.
fn unquoted_end(text: &str) -> &str {
    let t = text.trim_end();
    let bare = t.trim_end_matches(['"', '”', '»', '\'', ' ', '\u{a0}', '\u{202f}']);
    if bare.ends_with(|c: char| c.is_alphanumeric()) {
        bare
    } else {
        t
    }
}

/// Marks that close a quotation, single quotes included (`'Undocumented, unafraid'`).
const CLOSING_QUOTES: [char; 5] = ['"', '»', '”', '\'', '’'];

fn is_quoted_subhead(text: &str, words: usize) -> bool {
    let t = text.trim();
    // A stop after the closing quote ends the line, not the quotation: a phrase quoted in
    // the British way (`'Undocumented, unafraid'.`).
    let t = t
        .strip_suffix('.')
        .filter(|quoted| quoted.ends_with(CLOSING_QUOTES))
        .unwrap_or(t);
    let opens = t.starts_with(['"', '«', '“', '\'', '‘']);
    let inner = t.trim_matches(|c: char| {
        matches!(c, '"' | '«' | '»' | '“' | '”' | '\'' | '‘' | '’') || c.is_whitespace()
    });
    let closes = t.ends_with(CLOSING_QUOTES);
    // An exclamation or a question may end it ("« C'est louche ! »"); a full stop is a quote
    // told as a sentence.
    let stops = ends_sentence(inner) && !inner.ends_with(['!', '?']);
    opens
        && closes
        && (1..=12).contains(&words)
        && !stops
        && !inner.contains(['"', '«', '»', '“', '”'])
}

#[cfg(test)]
#[path = "kinds_tests.rs"]
mod tests;
