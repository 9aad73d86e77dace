//! Section heads an explainer asks: short questions standing alone as paragraphs.
//!
//! An article built on its readers' questions ("Has anyone been charged?", "What will be
//! missing?") sets each one over the paragraphs that answer it, as a subhead. One or two
//! questions standing alone are the writer's own turn ("Pourquoi, alors, une telle réaction ?")
//! and stay text; three or more are the article's frame. In a text set one sentence a line
//! (RPM2's French press) every question stands alone, subhead or rhetoric alike, so the rule
//! holds only where paragraphs commonly hold several sentences. It reads form only: a question
//! mark, a length, no quotation, whatever the language.

use crate::lang::sentences::{abbreviates, sentences};
use crate::lang::text::{Language, tokenize};

/// A question longer than this is a sentence of the story, not a head.
const MAX_WORDS: usize = 15;

/// Fewer questions standing alone than this may be the writer's rhetoric.
const MIN_QUESTIONS: usize = 3;

/// Paragraphs are set as such, not one sentence a line, when at least this share of them
/// hold two sentences or more (news paragraphs: about half; one sentence a line: a tenth).
const SET_IN_PARAGRAPHS: f32 = 0.25;

/// For each paragraph of one article, whether it is one of the questions the article is built
/// on. Never the first paragraph: the title has rules of its own.
pub fn question_heads(texts: &[String]) -> Vec<bool> {
    let asks: Vec<bool> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| i > 0 && asks_alone(text))
        .collect();
    if asks.iter().filter(|&&ask| ask).count() >= MIN_QUESTIONS && set_in_paragraphs(texts) {
        asks
    } else {
        vec![false; texts.len()]
    }
}

/// One short question, in the writer's voice: not quoted, not a dialogue dash, not a "Q:"
/// of an interview, and no other sentence before it.
fn asks_alone(text: &str) -> bool {
    let text = text.trim();
    let Some(question) = text.strip_suffix('?') else {
        return false;
    };
    (1..=MAX_WORDS).contains(&text.split_whitespace().count())
        && text.starts_with(char::is_uppercase)
        && !question.contains(['?', '!', ':', ';', '"', '«', '»', '“', '”', '„', '—', '–'])
        && !has_full_stop(question)
}

/// Whether a full stop ends a sentence inside `text` ("He waited. Why?"), capital after it
/// or not; a stop after an abbreviation ("Mr. Trump", "U.S. troops") does not.
fn has_full_stop(text: &str) -> bool {
    let tokens = tokenize(text, Language::French);
    tokens.windows(2).any(|pair| {
        text[pair[0].end()..pair[1].start()].starts_with('.')
            && !abbreviates(&text[pair[0].range()])
    })
}

/// Whether the article's paragraphs commonly hold several sentences (see `SET_IN_PARAGRAPHS`);
/// the title aside.
fn set_in_paragraphs(texts: &[String]) -> bool {
    let body = texts.get(1..).unwrap_or_default();
    let several = body.iter().filter(|t| holds_two_sentences(t)).count();
    !body.is_empty() && several as f32 >= SET_IN_PARAGRAPHS * body.len() as f32
}

/// Whether `text` holds two sentences or more, as `lang::sentences` cuts them.
fn holds_two_sentences(text: &str) -> bool {
    sentences(text, &tokenize(text, Language::French)).len() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(lines: &[&str]) -> Vec<bool> {
        let texts: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        question_heads(&texts)
    }

    const ANSWER: &str = "Officials said the inquiry had charged several people so far. More \
        charges could follow in the coming weeks.";

    #[test]
    fn three_questions_standing_alone_are_heads() {
        let got = heads(&[
            "Mueller's Russia investigation: What to know",
            "Why is Mueller overseeing the Russia investigation?",
            ANSWER,
            "Has anyone been charged?",
            ANSWER,
            "What has Mr. Trump said about the investigation?",
            ANSWER,
        ]);
        assert_eq!(got, [false, true, false, true, false, true, false]);
    }

    /// The French typing, a space before the mark, asks as well.
    #[test]
    fn a_space_before_the_question_mark_still_asks() {
        let got = heads(&[
            "Ce qu'il faut savoir",
            "Que s'est-il passé\u{a0}?",
            ANSWER,
            "Qui est visé ?",
            ANSWER,
            "Et maintenant ?",
        ]);
        assert_eq!(got, [false, true, false, true, false, true]);
    }

    #[test]
    fn two_questions_are_the_writers_rhetoric() {
        let got = heads(&[
            "Pékin menace Paris de boycott",
            "Gestuelle classique, celle-ci sera-t-elle suivie d'effets ?",
            ANSWER,
            "Pourquoi, alors, une telle réaction ?",
            ANSWER,
        ]);
        assert_eq!(got, [false; 5]);
    }

    /// Quoted speech, a dialogue dash, an interview's "Q:", a long question, a question after
    /// a sentence, a question in lower case: none of them counts towards the three.
    #[test]
    fn questions_that_are_text_do_not_count() {
        let text = [
            "\"Why would I resign?\" he asked.",
            "“Why would I resign?”",
            "— Why would you resign?",
            "Q: Why did you resign?",
            "Why did the department wait for three months before it sent the memos to the \
             committee that asked for them?",
            "He waited. Why?",
            "and then what?",
        ];
        for line in text {
            assert!(!asks_alone(line), "{line}");
        }
        let mut article = vec!["Title"];
        article.extend(text);
        assert_eq!(heads(&article), [false; 8]);
    }

    /// Set one sentence a line, a text stands every question alone, rhetoric as well.
    #[test]
    fn one_sentence_a_line_asks_no_heads() {
        let got = heads(&[
            "Faut-il pleurer sur France Télévisions ?",
            "Les larmes ne viennent pas.",
            "Faut-il pleurer sur le service public ?",
            "La différence avec le privé est peu apparente.",
            "Les dirigeants successifs sont-ils responsables ?",
            "Même pas.",
            "Le pouvoir l'a-t-il jamais su ?",
            "Le service public est-il menacé ? Personne ne le dit.",
        ]);
        assert_eq!(
            got, [false; 8],
            "one paragraph in seven holds two sentences"
        );
    }

    #[test]
    fn two_sentences_in_a_paragraph_are_told_from_abbreviations() {
        assert!(holds_two_sentences("He left. Then she came."));
        assert!(holds_two_sentences("Why? Nobody knows."));
        assert!(holds_two_sentences("\"We won.\" The crowd cheered."));
        assert!(!holds_two_sentences(
            "Mr. Trump met U.S. troops on Feb. 8 in Iraq."
        ));
        assert!(!holds_two_sentences("It ended. and then"));
    }

    /// The title is never one of the questions, even when it asks.
    #[test]
    fn the_title_is_not_counted() {
        let got = heads(&[
            "Who will pay for the wall?",
            ANSWER,
            "Who decides?",
            ANSWER,
            "When?",
        ]);
        assert_eq!(got, [false; 5]);
    }
}
