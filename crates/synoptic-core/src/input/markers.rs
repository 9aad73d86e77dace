//! The words and marks news sites put around a story, by which `kinds` tells teasers, embeds,
//! credits, captions and trailers from the story itself. Folded: lower case, no accents.

/// Markers that open a list of links to other articles, or are navigation.
pub const LINK_MARKERS: &[&str] = &[
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
    "more",
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
pub const EMBED_MARKERS: &[&str] = &[
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
pub const CREDIT_MARKERS: &[&str] = &[
    "photo",
    "photograph",
    "file photo",
    "credit",
    "credit photo",
    "illustration",
    "image",
];

/// How a caption or credit opens where there is no colon: "Image source, Getty Images".
pub const CAPTION_OPENINGS: &[&str] = &["image source", "image caption", "media caption"];

/// A credit that closes a caption: "… on Sunday. Photograph: Jane Doe/Agency".
pub const CLOSING_CREDITS: &[&str] = &["photograph:", "photo:", "photo :", "credit:", "crédit :"];

/// A caption is a sentence or two; a paragraph longer than this is the story.
pub const CAPTION_MAX_WORDS: usize = 60;

/// How the short lines after a story open: rights, wire credits, sign-up prompts. Folded, one
/// space between words, punctuation dropped ("Inscrivez-vous" is "inscrivez vous").
pub const TRAILER_OPENINGS: &[&str] = &[
    "copyright",
    "reporting by",
    "additional reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "sign up",
    "subscribe to",
    "inscrivez vous",
    "abonnez vous",
    "follow us on",
    "suivez nous sur",
    "click here",
    "cliquez ici",
];

/// How they end: "… contributed to this report.", "… All rights reserved."
pub const TRAILER_ENDINGS: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "all rights reserved",
    "tous droits reserves",
];

/// "Jane Doe contributed reporting from Paris.": the credit may go on after the marker.
pub const TRAILER_INSIDE: &[&str] = &["contributed reporting"];

/// A trailer is a line or two; a paragraph longer than this is the story itself.
pub const TRAILER_MAX_WORDS: usize = 30;
