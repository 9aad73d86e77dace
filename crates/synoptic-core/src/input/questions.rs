//! Section heads an explainer asks: short questions standing alone as paragraphs.
//!
//! An article built on its readers' questions ("Has anyone been charged?", "What will be
//! missing?") sets each one over the paragraphs that answer it, as a subhead. One or two
//! questions standing alone are the writer's own turn ("Pourquoi, alors, une telle réaction ?")
//! and stay text; three or more are the article's frame. The rule reads form only: a question
//! mark, a length, no quotation, whatever the language.

/// A question longer than this is a sentence of the story, not a head.
const MAX_WORDS: usize = 15;

/// Fewer questions standing alone than this may be the writer's rhetoric.
const MIN_QUESTIONS: usize = 3;

/// For each paragraph of one article, whether it is one of the questions the article is built
/// on. Never the first paragraph: the title has rules of its own.
pub fn question_heads(texts: &[String]) -> Vec<bool> {
    let asks: Vec<bool> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| i > 0 && asks_alone(text))
        .collect();
    if asks.iter().filter(|&&ask| ask).count() >= MIN_QUESTIONS {
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

/// Whether a full stop ends a sentence inside `text` ("He waited. Why?"); a stop after one
/// letter or a short capitalised word is an abbreviation ("Mr. Trump", "U.S. troops").
fn has_full_stop(text: &str) -> bool {
    text.split_whitespace().rev().skip(1).any(|word| {
        word.strip_suffix('.').is_some_and(|bare| {
            let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
            !(letters <= 1 || (letters <= 3 && bare.starts_with(char::is_uppercase)))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(lines: &[&str]) -> Vec<bool> {
        let texts: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        question_heads(&texts)
    }

    const ANSWER: &str = "Officials said the inquiry had charged several people so far, and \
        that more charges could follow in the coming weeks.";

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
