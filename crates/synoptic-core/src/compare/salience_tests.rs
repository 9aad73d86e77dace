//! Marks worked out by hand on small corpora: the event's names, figures, everyday words,
//! quotations, phrases copied word for word, and a source's own words.

use super::*;
use crate::compare::agree::{Detail, TopicWording, agreement};
use crate::model::topic::Topic;

/// Two sources, each a headline and `paragraphs`; the topic holds their first paragraphs.
fn two(a: &[&str], b: &[&str]) -> (Vec<Article>, Topic) {
    use crate::fixtures::{articles, topic};
    (articles(&[a, b]), topic([(0, 1), (1, 1)]))
}

/// The marked text of member `m`, piece by piece.
fn marked(articles: &[Article], topic: &Topic, m: usize) -> Vec<String> {
    let wording = TopicWording::new(articles, topic);
    let at = topic.members[m].at;
    let member = wording.member(articles, at, Detail::Counts);
    let pairs = wording.ordered_pairs(articles, at);
    let p = at.paragraph_in(articles);
    let weights = WordWeights::new(articles);
    let covering = topic.covering_count();
    telling_shared(
        &p.text,
        &p.tokens,
        &pairs,
        &member.spans,
        &weights,
        covering,
    )
    .into_iter()
    .map(|r| p.text[r].to_owned())
    .collect()
}

const FILLER: [&str; 4] = [
    "Senator Vance spoke in Ohio about the Senate.",
    "Senator Vance toured a factory in Ohio.",
    "Senator Vance met voters in Ohio again.",
    "Senator Vance left Ohio on Sunday.",
];

#[test]
fn the_event_names_every_paragraph_holds_are_not_marked_a_rare_phrase_is() {
    let mut a = vec!["Senator Vance said the harvest festival was cancelled in Ohio."];
    a.extend(FILLER);
    let mut b = vec!["In Ohio, Senator Vance said the harvest festival was over."];
    b.extend(FILLER);
    let (articles, topic) = two(&a, &b);
    let got = marked(&articles, &topic, 0);
    let joined = got.concat();
    assert!(joined.contains("harvest festival"), "{got:?}");
    assert!(!joined.contains("Ohio"), "{got:?}");
}

#[test]
fn a_shared_figure_is_marked_even_among_common_words() {
    let mut a = vec!["Senator Vance in Ohio: 42."];
    a.extend(FILLER);
    let mut b = vec!["Ohio and Senator Vance, 42 again."];
    b.extend(FILLER);
    let (articles, topic) = two(&a, &b);
    assert_eq!(marked(&articles, &topic, 0).concat(), "42");
}

#[test]
fn own_words_are_this_sources_figures_and_rare_words() {
    let mut a = vec!["Senator Vance praised 17 beekeepers in Ohio."];
    a.extend(FILLER);
    let mut b = vec!["Senator Vance spoke in Ohio."];
    b.extend(FILLER);
    let (articles, topic) = two(&a, &b);
    let agreement = agreement(&articles, &topic, Detail::Counts);
    let p = &articles[0].paragraphs[1];
    let weights = WordWeights::new(&articles);
    let own: Vec<&str> = own_words(&p.text, &p.tokens, &agreement.members[0].spans, &weights)
        .into_iter()
        .map(|r| &p.text[r])
        .collect();
    assert_eq!(own, vec!["praised", "17", "beekeepers"]);
}

/// Two different filler lines as one paragraph: a short line repeated in an article is
/// boilerplate (see `input::repeats`), two lines together are long enough to stay text.
fn filler_pair(k: usize) -> String {
    format!("{} {}", FILLER[k % 4], FILLER[(k + 1) % 4])
}

/// Sources opening with `first`, then enough of the filler to make a corpus of a few
/// thousand words, where everyday words are used about as often as the language uses them.
fn long_sources(first: &[&str]) -> (Vec<Article>, Topic) {
    use crate::fixtures::{articles, topic};
    let sources: Vec<Vec<String>> = first
        .iter()
        .map(|f| {
            let mut paragraphs = vec![f.to_string()];
            paragraphs.extend((0..160).map(filler_pair));
            paragraphs
        })
        .collect();
    let sources: Vec<Vec<&str>> = sources
        .iter()
        .map(|ps| ps.iter().map(String::as_str).collect())
        .collect();
    let slices: Vec<&[&str]> = sources.iter().map(Vec::as_slice).collect();
    let members = (0..first.len()).map(|a| (a, 1));
    (articles(&slices), topic(members))
}

#[test]
fn everyday_words_two_sources_share_are_not_marked_unless_they_quote_them() {
    let (articles, topic) = long_sources(&[
        "Senator Vance used the social media platform at dawn.",
        "The social media platform carried Senator Vance at noon.",
    ]);
    assert_eq!(marked(&articles, &topic, 0), Vec::<String>::new());
    let (articles, topic) = long_sources(&[
        "Senator Vance spoke of \"the social media platform\" at dawn.",
        "At noon, \"the social media platform\", said Senator Vance.",
    ]);
    assert_eq!(marked(&articles, &topic, 0), ["social media platform"]);
}

#[test]
fn a_long_phrase_copied_word_for_word_is_marked_however_everyday_its_words() {
    let copied = "many users could not reach the live stream for an hour";
    let (articles, topic) = long_sources(&[
        &format!("Senator Vance said {copied}."),
        &format!("In Ohio, {copied}, aides said."),
    ]);
    assert_eq!(
        marked(&articles, &topic, 0),
        ["many users could not reach the live stream for an hour"]
    );
}

#[test]
fn what_every_source_has_of_a_copied_phrase_is_marked_only_where_it_tells() {
    let (articles, topic) = long_sources(&[
        "On the social media platform many users could not reach the live stream.",
        "On the social media platform many users could not reach the live stream.",
        "Senator Vance chose the social media platform again.",
    ]);
    let got = marked(&articles, &topic, 0);
    assert_eq!(
        got,
        ["many users could not reach the live stream"],
        "{got:?}"
    );
}

#[test]
fn own_words_leave_out_everyday_ones() {
    let (articles, topic) = long_sources(&[
        "Senator Vance told reporters that the beekeepers were happy.",
        "Senator Vance spoke in Ohio.",
    ]);
    let agreement = agreement(&articles, &topic, Detail::Counts);
    let p = &articles[0].paragraphs[1];
    let weights = WordWeights::new(&articles);
    let own: Vec<&str> = own_words(&p.text, &p.tokens, &agreement.members[0].spans, &weights)
        .into_iter()
        .map(|r| &p.text[r])
        .collect();
    assert_eq!(own, vec!["beekeepers"]);
}

#[test]
fn quotations_run_between_their_marks_or_to_the_end() {
    let text = "Il a dit « non » puis \"oui\", et “peut-être";
    let got: Vec<&str> = quotations(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(got, ["« non ", "\"oui", "“peut-être"]);
}

#[test]
fn a_word_each_source_uses_once_tells_a_fact_a_word_that_runs_through_them_does_not() {
    let articles = crate::fixtures::articles(&[
        &[
            "Soldiers and monks crossed near the temple at dawn.",
            "Soldiers stayed by the temple with the monks all week.",
        ],
        &[
            "By dawn soldiers had crossed, the governor said.",
            "Soldiers kept watch over the temple gates.",
        ],
    ]);
    let weights = WordWeights::new(&articles);
    let key = |word: &str| {
        let p = &articles[0].paragraphs[1];
        p.tokens
            .iter()
            .find(|t| &p.text[t.start()..t.end()] == word)
            .map(|t| t.hash)
            .unwrap()
    };
    // "crossed" and "dawn": one paragraph in each source that uses them.
    assert!(weights.tells_one_fact(key("crossed")));
    assert!(weights.tells_one_fact(key("dawn")));
    // "temple": three paragraphs in two sources, 1.5 each, the most a fact may spread.
    assert!(weights.tells_one_fact(key("temple")));
    // "Soldiers": in all four paragraphs, two in each source.
    assert!(!weights.tells_one_fact(key("Soldiers")));
    // "monks": two paragraphs of one source, more than 1.5 a source.
    assert!(!weights.tells_one_fact(key("monks")));
    assert!(
        !weights.tells_one_fact(12345),
        "a word the corpus does not hold"
    );
}
