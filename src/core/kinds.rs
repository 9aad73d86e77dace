//! Paragraph kinds: body, heading, caption, boilerplate, from the shape of the text alone.
//!
//! The rules look at form (length, final punctuation, brackets, the markers every news site
//! uses for teasers and embeds), never at what an article is about. When unsure, a paragraph
//! stays `Body`: hiding real text as boilerplate would lose the reader's data.

use super::article::Kind;
use super::segment::ends_sentence;
use super::text::fold;

/// Markers that open a list of links to other articles, or are navigation.
const LINK_MARKERS: &[&str] = &[
    "lire aussi",
    "a lire aussi",
    "lire egalement",
    "a lire egalement",
    "voir aussi",
    "a voir aussi",
    "sur le meme sujet",
    "les plus lus",
    "nos articles",
    "related posts",
    "related articles",
    "related stories",
    "related",
    "read more",
    "read also",
    "see also",
    "more on this story",
    "more from",
    "most read",
    "recommended",
    "you may also like",
    "advertisement",
    "publicite",
    "abonnez-vous",
    "subscribe",
    "newsletter",
    "partager",
    "share this article",
];

/// Words that introduce an embedded medium: "VIDÉO | …", "PHOTOS : …".
const EMBED_MARKERS: &[&str] = &[
    "video",
    "videos",
    "photos",
    "en images",
    "audio",
    "podcast",
    "infographie",
    "diaporama",
    "watch",
    "listen",
    "gallery",
];

/// Words that introduce a photo credit line.
const CREDIT_MARKERS: &[&str] = &["photo", "credit", "credit photo", "illustration", "image"];

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The folded text up to the first ':' or '|' (or all of it), trimmed of punctuation.
fn lead(text: &str) -> (String, bool) {
    let cut = text.find([':', '|', '–', '—']);
    let head = cut.map_or(text, |i| &text[..i]);
    let folded = fold(head);
    let trimmed = folded
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned();
    (trimmed, cut.is_some())
}

/// Classify every paragraph of one article, in order.
pub fn classify(texts: &[String]) -> Vec<Kind> {
    let mut kinds = Vec::with_capacity(texts.len());
    let mut in_link_list = false;
    for text in texts {
        let kind = if in_link_list && is_headline_like(text) {
            Kind::Boilerplate
        } else {
            in_link_list = false;
            classify_one(text, &mut in_link_list)
        };
        kinds.push(kind);
    }
    kinds
}

fn classify_one(text: &str, opens_link_list: &mut bool) -> Kind {
    let words = word_count(text);
    let (lead, has_separator) = lead(text);
    let marker_alone = LINK_MARKERS.contains(&lead.as_str())
        && fold(text)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .eq(&lead);
    if marker_alone && words <= 6 {
        *opens_link_list = true;
        return Kind::Boilerplate;
    }
    if has_separator && words <= 30 && LINK_MARKERS.contains(&lead.as_str()) {
        return Kind::Boilerplate;
    }
    if has_separator && words <= 30 && EMBED_MARKERS.contains(&lead.as_str()) {
        return Kind::Boilerplate;
    }
    if is_credit_line(text) {
        return Kind::Boilerplate;
    }
    if is_caption(text, &lead, has_separator) {
        return Kind::Caption;
    }
    if is_heading(text, words) {
        return Kind::Heading;
    }
    Kind::Body
}

/// A teaser headline: no sentence end, not long.
fn is_headline_like(text: &str) -> bool {
    !ends_sentence(text) && word_count(text) <= 30
}

/// "(avec AP)", "(with Reuters)", "(AFP)": a whole short paragraph in brackets.
fn is_credit_line(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('(') && t.ends_with(')') && word_count(t) <= 6 && !t[1..].contains('(')
}

/// A photo caption: ends with a "(Photographer/Agency)" credit, carries ©, or opens with
/// "Photo :" / "Crédit :".
fn is_caption(text: &str, lead: &str, has_separator: bool) -> bool {
    if text.contains('©') {
        return true;
    }
    if has_separator && CREDIT_MARKERS.contains(&lead) && word_count(text) <= 40 {
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

/// A title or subhead: short, no sentence end, starts with a capital or a digit.
fn is_heading(text: &str, words: usize) -> bool {
    let starts_upper = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    (1..=25).contains(&words)
        && text.chars().count() <= 200
        && starts_upper
        && !ends_sentence(text)
        && !text.trim_end().ends_with(',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(texts: &[&str]) -> Vec<Kind> {
        classify(&texts.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn table_of_shapes() {
        use Kind::*;
        let cases = [
            ("Politique", Heading),
            ("Des propos polémiques", Heading),
            ("Un texte qui se termine par un point.", Body),
            ("Lire aussi:", Boilerplate),
            ("Lire aussi : Le sommet est reporté", Boilerplate),
            (
                "VIDÉO | Trump revient sur X pour une conversation :",
                Boilerplate,
            ),
            ("(avec AP)", Boilerplate),
            ("(with Reuters)", Boilerplate),
            (
                "Musk a imputé les difficultés à une attaque. (Rick Rycroft/Associated Press)",
                Caption,
            ),
            ("Photo : Jean Dupont", Caption),
            ("Qui est derrière cette cyberoffensive ?", Body),
            ("Video shows the crowd gathering before dawn.", Body),
        ];
        for (text, want) in cases {
            assert_eq!(kinds(&[text]), vec![want], "{text}");
        }
    }

    #[test]
    fn teasers_after_a_link_list_marker_are_boilerplate() {
        let got = kinds(&[
            "Related posts",
            "La peinture vendue pour 6,8 000 $, illustrant un appétit",
            "Les pires inondations en Afrique depuis des années",
        ]);
        assert_eq!(got, vec![Kind::Boilerplate; 3]);
    }

    #[test]
    fn body_after_a_link_list_marker_stays_body() {
        let got = kinds(&[
            "Lire aussi",
            "Le texte reprend ici, avec une phrase entière.",
        ]);
        assert_eq!(got, vec![Kind::Boilerplate, Kind::Body]);
    }
}
