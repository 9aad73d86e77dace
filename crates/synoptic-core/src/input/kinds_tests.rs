//! Paragraph kinds from the shape of the text: titles, decks, teasers, credits, captions.

use super::*;

fn kinds(texts: &[&str]) -> Vec<Kind> {
    classify(
        &texts
            .iter()
            .map(std::string::ToString::to_string)
            .collect::<Vec<_>>(),
    )
}

/// What news sites put after a story, and credits with no brackets around them.
#[test]
fn trailers_and_credits_in_french_and_english() {
    use Kind::*;
    let cases = [
        (
            "Copyright 2022 The Associated Press. All rights reserved.",
            Boilerplate,
        ),
        ("© 2024 Le Quotidien. Tous droits réservés.", Boilerplate),
        (
            "(Reporting by Jane Doe in Washington; Editing by John Roe)",
            Boilerplate,
        ),
        ("Additional reporting by Jean Dupont in Lyon.", Boilerplate),
        (
            "Associated Press writers Jane Doe and John Roe contributed to this report.",
            Boilerplate,
        ),
        (
            "Jane Doe contributed reporting from Paris, and John Roe from London.",
            Boilerplate,
        ),
        (
            "Sign up for our newsletter to get the latest news in your inbox.",
            Boilerplate,
        ),
        ("Inscrivez-vous à notre lettre d'information.", Boilerplate),
        ("Follow us on Twitter and Facebook.", Boilerplate),
        ("Cliquez ici pour voir la vidéo.", Boilerplate),
        ("Image source, Getty Images", Caption),
        (
            "Image caption, Protesters gathered outside parliament on Sunday",
            Caption,
        ),
        (
            "Chuck Schumer speaks to reporters on Sunday. Photograph: Drew Angerer/Getty Images",
            Caption,
        ),
        (
            "FILE PHOTO: The Capitol in Washington, U.S., August 7, 2022. REUTERS/Jane Doe",
            Caption,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(kinds(&[text]), vec![want], "{text}");
    }
}

/// Sentences that open or end like a trailer, or carry its words, but are the story.
#[test]
fn trailer_words_inside_the_story_stay_body() {
    let body = [
        "Subscribers to the service complained about the outage for hours.",
        "Sign language interpreters stood beside the minister during the briefing.",
        "Follow-up talks are planned for next week in Geneva, the ministry said.",
        "Click-through rates fell sharply after the change, the company said.",
        "Reporting on the talks, the agency said both sides had agreed to meet again.",
        "The company said its lawyers would defend the rights reserved to it by the contract.",
        "Copyrights on the photographs belong to the museum, the curator said on Monday.",
        "The image sources were never named, and the agency declined to say who took them.",
        "He said the photo: was a fake, and that the agency should never have published it.",
        "The minister left. Photo: a crowd of reporters waited for him for hours outside the \
         building, where nobody would say when he would come back or what he would do.",
    ];
    for text in body {
        assert_eq!(kinds(&[text]), vec![Kind::Body], "{text}");
    }
    let long = format!(
        "{} All rights reserved.",
        "The story goes on for a while here.".repeat(5)
    );
    assert_eq!(kinds(&[&long]), vec![Kind::Body]);
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
        ("Photo AFP.", Caption),
        ("Photo Jean Dupont", Caption),
        ("File photo AP.", Caption),
        ("Crédit photo Jean Dupont", Caption),
        ("File photo shows a crowd.", Body),
        ("Photo prise lundi.", Body),
        ("Image Getty Images Europe Presse", Heading),
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

#[test]
fn a_short_first_line_is_the_title_even_with_a_full_stop() {
    let long = "President Trump late Thursday tweeted that the newly released memos written by \
                the former director show clearly no collusion and no obstruction at all.";
    let got = kinds(&[
        "Trump tweets that the memos clearly show no obstruction.",
        "Comey claims FBI does not leak in redacted memos.",
        long,
        long,
    ]);
    assert_eq!(
        got,
        vec![Kind::Heading, Kind::Heading, Kind::Body, Kind::Body]
    );
}

#[test]
fn a_first_sentence_as_long_as_the_rest_is_not_a_deck() {
    let got = kinds(&[
        "Cambodge et Thaïlande se disputent un trésor khmer",
        "Le temple hindou de Preah Vihear vient d'être classé au patrimoine mondial.",
        "Un site revendiqué par Bangkok et Phnom Penh depuis un siècle.",
        "Les soldats des deux pays se font face depuis mardi à la frontière.",
    ]);
    assert_eq!(got, vec![Kind::Heading, Kind::Body, Kind::Body, Kind::Body]);
}

#[test]
fn a_short_quotation_alone_is_a_subhead() {
    let body = "Le général a confirmé la position des troupes sur le site hier.";
    let got = kinds(&[body, "\"Les soldats étaient en alerte\"", body]);
    assert_eq!(got[1], Kind::Heading);
    let quote = "«Nous avons retiré nos soldats.»";
    assert_eq!(kinds(&[body, quote, body])[1], Kind::Body);
    // In single quotes, with the line's stop after the closing quote.
    for subhead in ["'Undocumented, unafraid'.", "‘No borders, no wall’"] {
        let got = kinds(&["Titre", body, subhead, body]);
        assert_eq!(got[2], Kind::Heading, "{subhead}");
    }
    for sentence in [
        "'We will not go back.'.",
        "\"Nous partirons demain.\".",
        "'Tis the season, the mayor said.",
    ] {
        let got = kinds(&["Titre", body, sentence, body]);
        assert_eq!(got[2], Kind::Body, "{sentence}");
    }
}

#[test]
fn a_teaser_just_before_a_related_line_is_boilerplate_a_body_line_beside_one_is_not() {
    let body = "The memos were released on Thursday to the three committees of the House.";
    let got = kinds(&[
        "Comey memos released to Congress",
        body,
        body,
        "The Bubble: Conservatives and liberals agree the book did not help him.",
        "Related: James Comey on Trump and the memos.",
        body,
        "He said no.",
        "Related: What the memos say about loyalty.",
        body,
    ]);
    assert_eq!(
        got[3],
        Kind::Boilerplate,
        "the teaser before the Related line"
    );
    assert_eq!(
        got[6],
        Kind::Body,
        "a short sentence with no kicker is not a teaser"
    );
}

#[test]
fn a_teaser_beside_boilerplate_that_is_no_link_line_stays_body() {
    let body = "The memos were released on Thursday to the three committees of the House.";
    let got = kinds(&[
        "Comey memos released to Congress",
        body,
        "(with Reuters)",
        "The Bubble: Conservatives and liberals agree the book did not help him.",
        body,
    ]);
    assert_eq!(got[2], Kind::Boilerplate, "a credit line");
    assert_eq!(got[3], Kind::Body);
}

#[test]
fn brackets_that_are_not_a_credit_leave_a_sentence_in_the_body() {
    let body = "The memos were released on Thursday to the three committees of the House.";
    let got = kinds(&[
        "Comey memos released to Congress",
        body,
        "(Corrigé) Le vote a eu lieu.",
        "Le vote a eu lieu hier soir à Paris, selon le maire (Reuters)",
        "Les chiffres sont publiés chaque mois par le ministère (voir la note 3/4)",
        "Le port vu depuis la jetée, au petit matin (Jean Dupont/AFP)",
        body,
    ]);
    assert_eq!(got[2], Kind::Body, "a bracket at the start only");
    assert_eq!(
        got[3],
        Kind::Body,
        "an agency in brackets without a photographer"
    );
    assert_eq!(got[4], Kind::Body, "a slash in brackets that is no credit");
    assert_eq!(got[5], Kind::Caption, "Photographer/Agency");
}

#[test]
fn teasers_beside_a_more_line_are_boilerplate() {
    let body = "The memos were released on Thursday to the three committees of the House.";
    let got = kinds(&[
        "Comey memos released to Congress",
        body,
        "More: A minute-by-minute guide to the exclusive interview.",
        "The Bubble: Conservatives and liberals agree the book did not help him.",
        body,
    ]);
    assert_eq!(
        got,
        vec![
            Kind::Heading,
            Kind::Body,
            Kind::Boilerplate,
            Kind::Boilerplate,
            Kind::Body
        ]
    );
}

/// A trailer is at most `TRAILER_MAX_WORDS` words; a closing credit one to eight words.
#[test]
fn trailer_and_closing_credit_limits() {
    let trailer = |words: usize| {
        let filler = vec!["news"; words - 5].join(" ");
        format!("Sign up for our newsletter {filler}.")
    };
    assert_eq!(
        kinds(&[&trailer(TRAILER_MAX_WORDS)]),
        vec![Kind::Boilerplate]
    );
    assert_eq!(kinds(&[&trailer(TRAILER_MAX_WORDS + 1)]), vec![Kind::Body]);
    let credit = |words: usize| {
        let names = vec!["Name"; words - 1].join(" ");
        format!("The minister speaks to reporters on Sunday. Photograph: {names} Agency")
    };
    assert_eq!(kinds(&[&credit(8)]), vec![Kind::Caption]);
    assert_ne!(kinds(&[&credit(9)]), vec![Kind::Caption]);
}

#[test]
fn markers_match_whole_words_at_their_place() {
    let plain = plain_words("Reporting by Jane Doe; Editing by — John Smith!");
    assert_eq!(plain, " reporting by jane doe editing by john smith ");
    assert!(opens_with(&plain, "reporting by"));
    assert!(!opens_with(&plain, "report"));
    assert!(ends_with(&plain, "john smith"));
    assert!(!ends_with(&plain, "smith!"));
    assert!(!ends_with(&plain, "ohn smith"));
    assert!(holds(&plain, "editing by"));
    assert!(!holds(&plain, "diting by"));
    assert!(holds(" a b a ", "a"), "a later whole-word match counts");
    assert_eq!(plain_words("…"), " ");
}

#[test]
fn a_long_caption_is_known_by_its_opening_words_alone() {
    assert!(
        CAPTION_OPENINGS
            .iter()
            .all(|m| m.split(' ').count() < CAPTION_OPENING_WORDS),
        "the opening words folded for long paragraphs hold every caption opening"
    );
    let filler = "the crowd gathered outside the court as the verdict was read aloud".repeat(3);
    let caption = format!("Image caption, {filler}");
    let words = caption.split_whitespace().count();
    assert!((31..=60).contains(&words), "{words}");
    assert_eq!(classify(std::slice::from_ref(&caption)), [Kind::Caption]);
    assert_eq!(
        opening_words("  Image caption, the crowd", 2),
        "  Image caption, "
    );
    assert_eq!(opening_words("one two", 5), "one two");
}

#[test]
fn every_closing_credit_marker_has_the_colon_its_shortcut_looks_for() {
    // `has_closing_credit` skips a paragraph with no ':' before copying it.
    assert!(CLOSING_CREDITS.iter().all(|m| m.contains(':')));
}

#[test]
fn a_short_paragraph_between_the_title_and_a_dated_lede_is_the_deck() {
    let lede = "BRUSSELS — The ministers met for nine hours on Monday and agreed on nothing, \
                officials said, before leaving for another round of talks next week.";
    let next = "The talks resume on Thursday, with the same ministers and the same quarrel \
                over fishing quotas that has divided them since the spring.";
    let deck = "The ministers could not agree on fishing quotas, and they will try again.";
    assert_eq!(
        kinds(&["Fishing talks fail again", deck, lede, next, next]),
        [
            Kind::Heading,
            Kind::Heading,
            Kind::Body,
            Kind::Body,
            Kind::Body
        ]
    );
    let agency = "PARIS (Reuters) - The ministers met for nine hours on Monday.";
    assert_eq!(
        kinds(&["Fishing talks fail", deck, agency, next])[1],
        Kind::Heading
    );
    // No dateline: the same paragraph may be the lede itself.
    assert_eq!(
        kinds(&["Fishing talks fail again", deck, next, next, next])[1],
        Kind::Body
    );
    // "Lundi - Le conseil" opens with a capital but is no place in capitals.
    assert_eq!(
        kinds(&["Titre", deck, "Lundi - le conseil a voté.", next])[1],
        Kind::Body
    );
}

#[test]
fn subheads_without_a_capital_or_ending_on_a_quote_or_an_exclamation() {
    let body = "Le conseil municipal a voté lundi soir le budget de la voirie pour l'année.";
    for subhead in [
        "situation irrégulière",
        "appel à témoins",
        "La mère se dit de \"bonne foi\"",
        "«C'est louche, cette histoire ! »",
    ] {
        assert_eq!(
            kinds(&["Titre", body, subhead, body])[2],
            Kind::Heading,
            "{subhead}"
        );
    }
    for sentence in [
        "et ensuite le conseil a voté lundi soir",
        "«Nous partirons demain matin.»",
        "Il a répondu \"non\".",
    ] {
        assert_eq!(
            kinds(&["Titre", body, sentence, body])[2],
            Kind::Body,
            "{sentence}"
        );
    }
}

/// A sentence the page repeats is furniture; a subhead that repeats stays a subhead.
#[test]
fn repeated_sentences_are_boilerplate_and_repeated_subheads_stay_headings() {
    use Kind::*;
    let got = kinds(&[
        "Migrants reach the border",
        "First paragraph (index) is missing.",
        "About 200 migrants walked to the port of entry on Sunday morning, their organisers said.",
        "What happened on Monday",
        "Officials said they had no room to process the group and asked them to wait outside.",
        "Tenth paragraph (index) is missing.",
        "What happened on Tuesday",
        "The first families were let in late on Monday night, a spokesman for the agency said.",
    ]);
    assert_eq!(
        got,
        [
            Heading,
            Boilerplate,
            Body,
            Heading,
            Body,
            Boilerplate,
            Heading,
            Body
        ]
    );
}

/// A headline that ends with a stop and comes back as a line of the page is still the title.
#[test]
fn a_repeated_title_stays_the_title() {
    use Kind::*;
    let title = "Trump says the memos show no obstruction.";
    let got = kinds(&[
        title,
        "The memos were sent to Congress on Thursday evening, a spokesman for the department said.",
        "Republicans and Democrats read them in opposite ways, and both said they were vindicated.",
        title,
    ]);
    assert_eq!(got, [Heading, Body, Body, Boilerplate]);
    // A title shaped as a head is no subhead quoting the story: its repeat with a stop is
    // the page's.
    let got = kinds(&[
        "Trump says the memos show no obstruction",
        "The memos were sent to Congress on Thursday evening, a spokesman for the department said.",
        "Republicans and Democrats read them in opposite ways, and both said they were vindicated.",
        "Trump says the memos show no obstruction.",
    ]);
    assert_eq!(got, [Heading, Body, Body, Boilerplate]);
}

/// A pull quote under the title, typed with straight marks above a story typed with
/// typographic ones, is the deck; typed like the story, it is the lede.
#[test]
fn a_deck_typed_apart_from_the_story_is_a_heading() {
    use Kind::*;
    let story = [
        "Here Are The Redacted Copies Of The Memos",
        "\"He said he was grateful for the conversation,\" the former director wrote of the meeting.",
        "The department released copies of the memos to congressional leaders on Thursday evening.",
        "“He then returned to loyalty,” the former director wrote, and the President’s aides agreed.",
    ];
    assert_eq!(kinds(&story), [Heading, Heading, Body, Body]);
    let lede = story[1].replacen('"', "“", 1).replacen('"', "”", 1);
    let typed_alike = [story[0], &lede, story[2], story[3]];
    assert_eq!(kinds(&typed_alike), [Heading, Body, Body, Body]);
}

/// An explainer's questions head its sections; a question the writer asks once stays text.
#[test]
fn an_explainers_questions_are_headings() {
    use Kind::*;
    let answer = "The special counsel has charged nineteen people so far. Four of them are \
        former aides of the campaign, according to court filings.";
    let explainer = [
        "Mueller's Russia investigation: What to know",
        "Why is Mueller overseeing the Russia investigation?",
        answer,
        "Has anyone been charged?",
        answer,
        "Has Trump been questioned?",
        answer,
    ];
    assert_eq!(
        kinds(&explainer),
        [Heading, Heading, Body, Heading, Body, Heading, Body]
    );
    let rhetoric = [explainer[0], answer, explainer[3], answer, answer];
    assert_eq!(kinds(&rhetoric), [Heading, Body, Body, Body, Body]);
}

/// A subhead cut from a sentence of the story, and the sentence itself: the head is a
/// heading, the sentence stays text.
#[test]
fn a_sentence_a_subhead_repeats_stays_body() {
    use Kind::*;
    let got = kinds(&[
        "Des Français peu intéressés au débat sur l'audiovisuel public",
        "Les députés de l'opposition ont retardé l'adoption de la loi pendant trois semaines.",
        "Lorsqu’ils sont sondés, leur jugement est nuancé",
        "Dans le cercle médiatique parisien, les esprits sont engagés et les positions vives.",
        "Lorsqu’ils sont sondés, leur jugement est nuancé.",
        "Selon l'étude, 65 % sont favorables à la suppression de la publicité après 20 heures.",
    ]);
    assert_eq!(got, [Heading, Body, Heading, Body, Body, Body]);
}
