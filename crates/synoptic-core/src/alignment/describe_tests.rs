//! Telling terms worked by hand on tiny corpora, phrase spans, and the choice of keywords and label.

use super::*;
use crate::fixtures::articles;
use crate::lang::text::{Language, tokenize};

/// The units whose text starts with one of `starts`, in corpus order.
fn units(articles: &[Article], space: &TermSpace, starts: &[&str]) -> Vec<usize> {
    let found: Vec<usize> = (0..space.units.len())
        .filter(|&u| {
            let at = space.units[u];
            let text = &at.paragraph_in(articles).text;
            starts.iter().any(|s| text.starts_with(s))
        })
        .collect();
    assert_eq!(
        found.len(),
        starts.len(),
        "each start names one body paragraph"
    );
    found
}

fn terms_of(articles: &[Article], group_starts: &[&str]) -> Vec<Term> {
    let space = TermSpace::build(articles);
    let pool: Vec<usize> = (0..space.units.len()).collect();
    let counts = PhraseCounts::build(articles, &space, &pool);
    let group = units(articles, &space, group_starts);
    telling_terms(articles, &space, &counts, &group)
}

fn term<'t>(terms: &'t [Term], text: &str) -> Option<&'t Term> {
    terms.iter().find(|t| t.text == text)
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-4
}

/// Two articles; the group is the first paragraph of each. "volcan" is in both and once outside,
/// "Etna" only in the group, "gronde" and "fume" each in one article.
fn volcano() -> Vec<Article> {
    articles(&[
        &[
            "Alpha : le volcan Etna gronde depuis hier soir.",
            "Bravo : un autre volcan dort paisiblement ailleurs.",
        ],
        &[
            "Charlie : le volcan Etna fume depuis hier soir.",
            "Delta : la Bourse recule nettement ce matin.",
        ],
    ])
}

#[test]
fn a_terms_score_is_its_spread_times_root_share_times_lift() {
    let terms = terms_of(&volcano(), &["Alpha", "Charlie"]);
    // In both group paragraphs (share 1), in both articles (spread 1). Outside: "volcan" in one of
    // two paragraphs, p_out = (1 + 0.5) / (2 + 1); "Etna" in none, p_out = 0.5 / 3.
    let volcan = term(&terms, "volcan").expect("volcan is telling");
    assert!(close(volcan.score, 2f32.ln()), "{volcan:?}");
    assert!(close(volcan.precision, 2.0 / 3.0), "{volcan:?}");
    assert_eq!(volcan.words, 1);
    let etna = term(&terms, "Etna").expect("Etna is telling");
    assert!(close(etna.score, 6f32.ln()), "{etna:?}");
    assert!(close(etna.precision, 1.0), "{etna:?}");
    let phrase = term(&terms, "volcan Etna").expect("the phrase is telling");
    assert_eq!(phrase.words, 2);
    // Best first; equal scores by text.
    let order: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
    let at = |s: &str| order.iter().position(|&t| t == s);
    assert!(
        at("Etna") < at("volcan Etna") && at("volcan Etna") < at("volcan"),
        "{order:?}"
    );
}

#[test]
fn a_compound_counts_as_one_word() {
    let terms = terms_of(
        &articles(&[
            &[
                "Alpha : un week-end tendu aujourd\u{2019}hui.",
                "Bravo : rien.",
            ],
            &["Charlie : un week-end tendu aujourd'hui.", "Delta : rien."],
        ]),
        &["Alpha", "Charlie"],
    );
    let words = |text: &str| term(&terms, text).map(|t| t.words);
    assert_eq!(words("week-end"), Some(1));
    assert_eq!(words("aujourd'hui"), Some(1), "either apostrophe");
    assert_eq!(words("week-end tendu"), Some(2));
}

#[test]
fn a_term_of_one_article_is_not_telling_of_the_group() {
    let terms = terms_of(&volcano(), &["Alpha", "Charlie"]);
    assert!(term(&terms, "gronde").is_none());
    assert!(term(&terms, "fume").is_none());
    assert!(term(&terms, "Bourse").is_none(), "not in the group at all");
}

#[test]
fn a_term_as_frequent_outside_as_inside_is_not_telling() {
    let articles = articles(&[
        &[
            "Alpha : la digue du fleuve cède sous la crue.",
            "Bravo : les pompiers évacuent le quartier inondé.",
            "Echo : la mairie et les pompiers ouvrent un gymnase.",
        ],
        &[
            "Charlie : la digue du fleuve a cédé sous la crue.",
            "Delta : des pompiers évacuent un quartier voisin.",
            "Foxtrot : la préfecture promet des aides aux sinistrés.",
        ],
    ]);
    // Group of four, two outside. "pompiers": two of four inside (0.5), one of two outside,
    // (1 + 0.5) / (2 + 1) = 0.5: no lift. "digue": two inside, none outside.
    let terms = terms_of(&articles, &["Alpha", "Bravo", "Charlie", "Delta"]);
    let digue = term(&terms, "digue").expect("digue is telling");
    // Half the group holds it: share 0.5, lift ln(0.5 / (0.5 / 3)).
    assert!(close(digue.score, 0.5f32.sqrt() * 3f32.ln()), "{digue:?}");
    assert!(term(&terms, "pompiers").is_none(), "{terms:?}");
}

#[test]
fn a_term_is_written_in_the_form_the_sources_use_most() {
    let first: &[&str] = &[
        "Alpha : la bourse de Tokyo recule.",
        "Bravo : la bourse de Tokyo recule encore.",
    ];
    let articles = articles(&[first, &["Charlie : la Bourse de Tokyo recule aussi."]]);
    let terms = terms_of(&articles, &["Alpha", "Bravo", "Charlie"]);
    assert!(term(&terms, "bourse").is_some(), "{terms:?}");
    assert!(term(&terms, "Bourse").is_none(), "{terms:?}");
}

fn span_texts(text: &str) -> Vec<&str> {
    let tokens = tokenize(text, Language::French);
    spans(text, &tokens)
        .map(|(s, e)| &text[tokens[s].start()..tokens[e - 1].end()])
        .collect()
}

#[test]
fn phrases_start_and_end_on_telling_words_and_stop_at_punctuation() {
    assert_eq!(
        span_texts("Conseil de sécurité, vote"),
        ["Conseil", "Conseil de sécurité", "sécurité", "vote"]
    );
}

#[test]
fn a_phrase_spans_one_separator_of_any_width_and_no_other_punctuation() {
    assert_eq!(
        span_texts("sommet\u{a0}annulé"),
        ["sommet", "sommet\u{a0}annulé", "annulé"],
        "a no-break space is a space"
    );
    for text in ["sommet/annulé", "sommet.annulé"] {
        assert_eq!(
            span_texts(text),
            ["sommet", "annulé"],
            "a slash or a full stop ends a phrase, though one byte wide"
        );
    }
}

#[test]
fn no_span_starts_or_ends_inside_a_word() {
    assert_eq!(
        span_texts("un week-end tendu"),
        ["week-end", "week-end tendu", "tendu"],
        "neither \"week\" nor \"end\" alone"
    );
    assert_eq!(span_texts("aujourd'hui"), ["aujourd'hui"]);
    assert_eq!(
        span_texts("aujourd\u{2019}hui"),
        ["aujourd\u{2019}hui"],
        "a typographic apostrophe joins a compound as the typed one does"
    );
    assert_eq!(
        span_texts("l'attaque massive"),
        ["attaque", "attaque massive", "massive"],
        "an elided stopword is no part of the word after it"
    );
    let tokens = tokenize("Trump's visit, they didn't", Language::English);
    let text = "Trump's visit, they didn't";
    let found: Vec<&str> = spans(text, &tokens)
        .map(|(s, e)| &text[tokens[s].start()..tokens[e - 1].end()])
        .collect();
    assert!(
        found.contains(&"Trump"),
        "a possessive ends a word: {found:?}"
    );
    assert!(!found.contains(&"didn"), "{found:?}");
}

#[test]
fn phrases_are_at_most_five_words_long() {
    assert_eq!(
        span_texts("banque centrale européenne Francfort Allemagne Europe"),
        [
            "banque",
            "banque centrale",
            "banque centrale européenne",
            "banque centrale européenne Francfort",
            "banque centrale européenne Francfort Allemagne",
            "centrale",
            "centrale européenne",
            "centrale européenne Francfort",
            "centrale européenne Francfort Allemagne",
            "centrale européenne Francfort Allemagne Europe",
            "européenne",
            "européenne Francfort",
            "européenne Francfort Allemagne",
            "européenne Francfort Allemagne Europe",
            "Francfort",
            "Francfort Allemagne",
            "Francfort Allemagne Europe",
            "Allemagne",
            "Allemagne Europe",
            "Europe",
        ]
    );
}

#[test]
fn phrase_counts_are_paragraphs_not_occurrences() {
    let articles = volcano();
    let space = TermSpace::build(&articles);
    let pool: Vec<usize> = (0..space.units.len()).collect();
    let counts = PhraseCounts::build(&articles, &space, &pool);
    let key = |text: &str| sequence_hash(&tokenize(text, Language::French));
    assert_eq!(counts.paragraphs.get(&key("volcan")), Some(&3));
    assert_eq!(counts.paragraphs.get(&key("volcan Etna")), Some(&2));
    assert_eq!(counts.paragraphs.get(&key("Bourse")), Some(&1));
    assert_eq!(counts.pool, 4);
}

fn t(text: &str, score: f32, precision: f32) -> Term {
    Term {
        text: text.to_owned(),
        words: text.split_whitespace().count(),
        precision,
        score,
        weak_edge: false,
    }
}

fn label(terms: &[Term]) -> String {
    keywords_and_label(terms, &BTreeSet::new())
        .expect("terms give a label")
        .label
}

#[test]
fn no_terms_no_naming() {
    assert_eq!(keywords_and_label(&[], &BTreeSet::new()), None);
}

#[test]
fn keywords_skip_what_an_earlier_keyword_says_and_stop_at_eight() {
    let mut terms = vec![
        t("Conseil de sécurité", 3.0, 1.0),
        t("sécurité", 2.9, 1.0),
        t("Conseil", 2.8, 1.0),
    ];
    terms.extend((0..10).map(|i| t(&format!("mot{i}"), 2.0 - 0.1 * i as f32, 1.0)));
    let naming = keywords_and_label(&terms, &BTreeSet::new()).expect("terms give a naming");
    assert_eq!(
        naming.keywords,
        [
            "Conseil de sécurité",
            "mot0",
            "mot1",
            "mot2",
            "mot3",
            "mot4",
            "mot5",
            "mot6"
        ]
    );
}

#[test]
fn a_capital_makes_a_name_of_a_rare_word_not_of_an_everyday_one() {
    // "Among" opens sentences: with its capital it is still an everyday word, and weighs as
    // a lone word does; "Angkor" is a name.
    assert_eq!(
        label(&[t("Among", 1.0, 1.0), t("contain Iran", 0.5, 1.0)]),
        "contain Iran"
    );
    assert_eq!(
        label(&[t("Angkor", 1.0, 1.0), t("contain Iran", 0.5, 1.0)]),
        "Angkor"
    );
}

#[test]
fn a_phrase_names_better_than_a_word_of_the_same_weight() {
    // Label weights 1.0, 1.25 and 1.5 for one, two and three words or more; a name ("Veto")
    // counts as a phrase would.
    assert_eq!(
        label(&[t("Veto", 1.0, 1.0), t("droit de vote", 0.7, 1.0)]),
        "droit de vote"
    );
    assert_eq!(
        label(&[t("Veto", 1.0, 1.0), t("droit de vote", 0.6, 1.0)]),
        "Veto"
    );
    assert_eq!(
        label(&[t("Veto", 1.0, 1.0), t("vote blanc", 0.81, 1.0)]),
        "vote blanc"
    );
    assert_eq!(
        label(&[t("Veto", 1.0, 1.0), t("vote blanc", 0.79, 1.0)]),
        "Veto"
    );
    assert_eq!(
        label(&[t("Veto", 1.0, 1.0), t("un très long vote blanc", 0.7, 1.0)]),
        "un très long vote blanc",
        "a long phrase weighs as three words"
    );
}

#[test]
fn a_lone_common_word_names_a_topic_only_when_nothing_says_more() {
    // "lundi" is everyday: a phrase or a name names the topic however far below it.
    assert_eq!(
        label(&[t("lundi", 1.0, 1.0), t("vote blanc", 0.05, 1.0)]),
        "vote blanc"
    );
    assert_eq!(
        label(&[t("lundi", 1.0, 1.0), t("Bangkok", 0.05, 1.0)]),
        "Bangkok"
    );
    // Among everyday words only, the best.
    assert_eq!(
        label(&[t("lundi", 1.0, 1.0), t("semaine", 0.9, 1.0)]),
        "lundi"
    );
    // A word the language seldom uses says something, and weighs a fifth against a phrase.
    assert_eq!(
        label(&[t("otage", 1.0, 1.0), t("vote blanc", 0.17, 1.0)]),
        "vote blanc"
    );
    assert_eq!(
        label(&[t("otage", 1.0, 1.0), t("vote blanc", 0.15, 1.0)]),
        "otage"
    );
    // A fifth of its score, whatever the score.
    assert_eq!(
        label(&[t("otage", 2.0, 1.0), t("vote blanc", 0.33, 1.0)]),
        "vote blanc"
    );
}

fn weak(text: &str, score: f32) -> Term {
    Term {
        weak_edge: true,
        ..t(text, score, 1.0)
    }
}

#[test]
fn a_label_beyond_the_keywords_that_says_something_makes_the_group_telling() {
    // Eight everyday words are the keywords; the ninth term, a phrase, names the group.
    let everyday = [
        "lundi", "semaine", "jour", "mardi", "année", "fois", "temps", "homme",
    ];
    let mut terms: Vec<Term> = everyday.iter().map(|w| t(w, 1.0, 1.0)).collect();
    terms.push(t("vote blanc", 0.1, 1.0));
    let naming = keywords_and_label(&terms, &BTreeSet::new()).unwrap();
    assert_eq!(naming.keywords.len(), 8);
    assert!(!naming.keywords.contains(&"vote blanc".to_owned()));
    assert_eq!(naming.label, "vote blanc");
    assert!(naming.telling);
    terms.pop();
    assert!(
        !keywords_and_label(&terms, &BTreeSet::new())
            .unwrap()
            .telling
    );
}

#[test]
fn a_lone_word_is_as_everyday_as_its_family_and_a_name_as_its_form() {
    // "demandant" is a rare form of a common verb: "audiovisuel" says more.
    assert_eq!(
        label(&[t("demandant", 1.0, 1.0), t("audiovisuel", 0.5, 1.0)]),
        "audiovisuel"
    );
    // A name is not a form of a word: "Fortis" is not "fort".
    assert_eq!(
        label(&[t("Fortis", 0.5, 1.0), t("demandant", 1.0, 1.0)]),
        "Fortis"
    );
    // Beside a topics file, a group is kept on its words' own forms, as before.
    let naming = keywords_and_label(&[t("insane", 1.0, 1.0)], &BTreeSet::new()).unwrap();
    assert!(naming.telling);
}

#[test]
fn when_every_candidate_is_everyday_the_rarest_labels_and_a_figure_never() {
    assert_eq!(
        label(&[t("trouve", 1.0, 1.0), t("autonomie", 0.5, 1.0)]),
        "autonomie"
    );
    assert_eq!(label(&[t("500", 1.0, 1.0), t("bac", 0.5, 1.0)]), "bac");
}

#[test]
fn a_phrase_on_a_number_or_a_commonest_word_names_only_when_nothing_says_more() {
    assert_eq!(
        label(&[weak("last year", 1.0), t("Bangkok", 0.05, 1.0)]),
        "Bangkok"
    );
    // Against an everyday word, whatever their scores, the rarer labels: "lundi" (Zipf 4.9)
    // against "last" and "year" (5.8 or more).
    assert_eq!(
        label(&[weak("last year", 1.0), t("lundi", 0.5, 1.0)]),
        "lundi"
    );
    // Nor does a weak phrase lengthen a good label: "Poutine" stays whole.
    let terms = [t("Poutine", 2.0, 1.0), weak("Poutine avait dit", 1.9)];
    assert_eq!(label(&terms), "Poutine");
}

#[test]
fn dates_days_figures_and_the_commonest_words_make_a_weak_edge() {
    let arts = articles(&[
        &[
            "Alpha : le 5 août dernier, Hun Sen a parlé deux fois.",
            "Bravo : rien à voir avec la suite.",
        ],
        &[
            "Charlie : le 5 août dernier, Hun Sen a parlé deux fois.",
            "Delta : la Bourse recule nettement ce matin.",
        ],
    ]);
    let terms = terms_of(&arts, &["Alpha", "Charlie"]);
    let edge = |text: &str| term(&terms, text).map(|t| t.weak_edge);
    assert_eq!(edge("5 août"), Some(true), "a date starts on a number");
    assert_eq!(
        edge("parlé deux"),
        Some(true),
        "\"deux\" is among the commonest words"
    );
    assert_eq!(edge("Hun Sen"), Some(false));
    assert_eq!(edge("août dernier"), Some(true), "a month says when");
}

#[test]
fn a_term_the_whole_event_uses_names_worse_than_one_of_the_group() {
    // Label weight grows with the square root of precision.
    let terms = [t("cyberattaque", 1.0, 0.25), t("otage", 0.6, 1.0)];
    assert_eq!(label(&terms), "otage");
    let terms = [t("cyberattaque", 1.0, 0.25), t("otage", 0.4, 1.0)];
    assert_eq!(label(&terms), "cyberattaque");
}

#[test]
fn a_lone_word_is_named_by_a_strong_phrase_that_holds_it() {
    let terms = [
        t("Poutine", 2.0, 1.0),
        t("Vladimir Poutine", 1.0, 0.1),
        t("Kremlin Moscou", 1.9, 0.1),
    ];
    assert_eq!(label(&terms), "Vladimir Poutine");
    let weak = [t("Poutine", 2.0, 1.0), t("Vladimir Poutine", 0.99, 0.1)];
    assert_eq!(
        label(&weak),
        "Poutine",
        "a phrase under half the word's score"
    );
    let best_of_two = [
        t("Poutine", 2.0, 1.0),
        t("Vladimir Poutine", 1.2, 0.1),
        t("président Poutine", 1.5, 0.1),
    ];
    assert_eq!(label(&best_of_two), "président Poutine");
}

#[test]
fn a_cut_phrase_is_named_by_the_whole_phrase() {
    let terms = [
        t("ministre des Affaires", 2.0, 1.0),
        t("ministre des Affaires étrangères", 1.9, 1.0),
        t("ministre", 1.95, 1.0),
    ];
    assert_eq!(label(&terms), "ministre des Affaires étrangères");
    let rare = [
        t("ministre des Affaires", 2.0, 1.0),
        t("ministre des Affaires sociales", 0.9, 1.0),
    ];
    assert_eq!(
        label(&rare),
        "ministre des Affaires",
        "under half its score"
    );
}

#[test]
fn the_label_is_one_of_the_sixteen_best_terms() {
    let mut terms: Vec<Term> = (0..12).map(|i| t(&format!("mot{i}"), 1.0, 0.01)).collect();
    terms.push(t("accord de paix", 0.9, 1.0));
    terms.extend((0..3).map(|i| t(&format!("autre{i}"), 0.9, 0.01)));
    terms.push(t("cessez le feu", 0.9, 1.0));
    assert_eq!(label(&terms), "accord de paix");
    terms[12] = t("autre9", 0.9, 0.01);
    assert_eq!(
        label(&terms),
        "mot0",
        "the seventeenth term is not a candidate"
    );
}

#[test]
fn overlap_is_a_whole_word_run_of_the_longer_term() {
    assert!(overlaps("sécurité", "Conseil de sécurité"));
    assert!(overlaps("Conseil de Sécurité", "conseil de sécurité"));
    assert!(overlaps("Conseil de sécurité", "de sécurité"));
    assert!(!overlaps("sécurité", "insécurité"));
    assert!(!overlaps("Conseil sécurité", "Conseil de sécurité"));
}

#[test]
fn a_naming_tells_by_a_phrase_a_capitalised_label_or_a_seldom_used_keyword() {
    let telling = |terms: &[Term]| {
        keywords_and_label(terms, &BTreeSet::new())
            .expect("a naming")
            .telling
    };
    assert!(telling(&[t("situation irrégulière", 1.0, 1.0)]));
    assert!(
        telling(&[t("Internet", 1.0, 1.0)]),
        "an everyday word written as a name"
    );
    assert!(!telling(&[t("dit", 1.0, 1.0), t("simplement", 0.9, 1.0)]));
    assert!(
        telling(&[t("made", 1.0, 1.0), t("insane", 0.9, 1.0)]),
        "a keyword the language seldom uses"
    );
    let mut trois = t("trois", 1.0, 1.0);
    trois.weak_edge = true;
    assert!(!telling(&[trois]), "a number says how much, not what");
}

/// Two topics named alike cannot be told apart in a list: a label another topic has is
/// passed over, whatever its case, unless nothing else names the topic.
#[test]
fn a_label_another_topic_has_is_passed_over() {
    let terms = [
        t("Jérôme Kerviel", 2.0, 1.0),
        t("brigade financière", 1.0, 1.0),
    ];
    let taken = BTreeSet::from(["jérôme kerviel".to_owned()]);
    let naming = keywords_and_label(&terms, &taken).expect("a naming");
    assert_eq!(naming.label, "brigade financière");
    assert_eq!(
        naming.keywords,
        ["Jérôme Kerviel", "brigade financière"],
        "keywords keep it"
    );
    let only = [t("Jérôme Kerviel", 2.0, 1.0)];
    assert_eq!(
        keywords_and_label(&only, &taken).expect("a naming").label,
        "Jérôme Kerviel"
    );
}

/// A label that stops inside a name is completed with the word that follows it in two thirds
/// of its places, a compound whole; a word that follows in fewer places, in lower case or
/// after a comma, is not added.
#[test]
fn a_label_cut_inside_a_name_is_completed() {
    let arts = articles(&[
        &[
            "Alpha: President Vladimir Putin met Moon Jae-in in Seoul on Monday.",
            "Bravo: Seoul, Busan said nothing. Kim Yo said no.",
        ],
        &[
            "Charlie: President Vladimir Putin and Moon Jae-in spoke for an hour.",
            "Delta: nothing more. Seoul, Busan agreed. Kim Yo said no.",
        ],
        &[
            "Echo: President Vladimir V. Putin greeted Moon Jae-in warmly there.",
            "Foxtrot: the end. Kim Jong agreed. Kim Jong left.",
        ],
    ]);
    let space = TermSpace::build(&arts);
    let all = units(
        &arts,
        &space,
        &["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"],
    );
    let group = units(&arts, &space, &["Alpha", "Charlie", "Echo"]);
    let complete = |label: &str, group: &[usize]| complete_name(label, &arts, &space, group);
    assert_eq!(
        complete("President Vladimir", &group),
        "President Vladimir Putin"
    );
    assert_eq!(complete("Moon", &group), "Moon Jae-in");
    assert_eq!(
        complete("President", &group),
        "President Vladimir Putin",
        "two words at most"
    );
    assert_eq!(
        complete("Jae-in", &group),
        "Jae-in",
        "nothing capitalised after it"
    );
    assert_eq!(
        complete("Vladimir Putin", &group),
        "Vladimir Putin",
        "lower case after it"
    );
    assert_eq!(complete("Seoul", &all), "Seoul", "a comma after it");
    // "Kim Yo" twice and "Kim Jong" twice in four places: neither in two thirds of them.
    assert_eq!(complete("Kim", &all), "Kim");
    // "said no" in two places of three, but a label in lower case names no one.
    assert_eq!(complete("said", &all), "said");
}

/// A phrase cut before the word that names its subject runs on in that word; a name runs on
/// in capitalised words only, and no phrase in a word that names nothing.
#[test]
fn a_label_cut_inside_a_phrase_is_completed_with_a_word_that_names() {
    let arts = articles(&[
        &[
            "Alpha: Iran's deputy foreign minister Abbas Araghchi denied it. The nuclear files said much.",
        ],
        &[
            "Bravo: Iran's deputy foreign minister spoke. Abbas Araghchi denied more. The nuclear files said little.",
        ],
        &["Charlie: Iran's deputy foreign minister was angry. The nuclear files were old."],
    ]);
    let space = TermSpace::build(&arts);
    let group = units(&arts, &space, &["Alpha", "Bravo", "Charlie"]);
    let complete = |label: &str| complete_name(label, &arts, &space, &group);
    assert_eq!(complete("deputy foreign"), "deputy foreign minister");
    assert_eq!(
        complete("Abbas Araghchi"),
        "Abbas Araghchi",
        "a name, then a verb"
    );
    assert_eq!(
        complete("nuclear files"),
        "nuclear files",
        "\"said\" names nothing"
    );
    assert_eq!(complete("foreign"), "foreign", "one word is no phrase");
}
