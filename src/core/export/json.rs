//! The JSON export, in the shape `shared/spec/interfaces.md` fixes (version 1).

use std::io::{self, Write};

use serde::Serialize;

use crate::core::agree::Detail;
use crate::core::align::Origin;
use crate::core::figures::{FigureGroup, figures};
use crate::core::synopsis::Synopsis;

#[derive(Serialize)]
struct Export<'a> {
    version: u32,
    articles: Vec<ArticleOut<'a>>,
    topics: TopicsOut<'a>,
}

/// The topics, each built only when the writer reaches it and dropped once written: the
/// document is never whole in memory.
struct TopicsOut<'a> {
    synopsis: &'a Synopsis,
    topics: &'a [usize],
}

impl Serialize for TopicsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.topics.iter().map(|&t| topic_out(self.synopsis, t)))
    }
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    path: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    outlet: Option<&'a str>,
    language: &'static str,
    paragraphs: Vec<ParagraphOut<'a>>,
}

#[derive(Serialize)]
struct ParagraphOut<'a> {
    index: usize,
    kind: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct TopicOut<'a> {
    id: &'a str,
    label: &'a str,
    origin: Origin,
    keywords: &'a [String],
    members: Vec<MemberOut<'a>>,
    figures: Vec<FigureGroup>,
}

#[derive(Serialize)]
struct MemberOut<'a> {
    article: &'a str,
    paragraph: usize,
    score: f64,
    spans: Vec<SpanOut<'a>>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    text: &'a str,
    shared_with: Vec<&'a str>,
}

pub(super) fn write(synopsis: &Synopsis, topics: &[usize], out: &mut dyn Write) -> io::Result<()> {
    let export = Export {
        version: 1,
        articles: synopsis.articles.iter().map(article_out).collect(),
        topics: TopicsOut { synopsis, topics },
    };
    serde_json::to_writer_pretty(&mut *out, &export)?;
    writeln!(out)
}

fn article_out(a: &crate::core::article::Article) -> ArticleOut<'_> {
    ArticleOut {
        id: &a.id,
        path: &a.path,
        title: a.meta.title.as_deref(),
        date: a.meta.date.as_deref(),
        outlet: a.meta.outlet.as_deref(),
        language: a.language.code(),
        paragraphs: a
            .paragraphs
            .iter()
            .map(|p| ParagraphOut {
                index: p.index,
                kind: p.kind.name(),
                text: &p.text,
            })
            .collect(),
    }
}

fn topic_out(synopsis: &Synopsis, t: usize) -> TopicOut<'_> {
    let topic = &synopsis.topics[t];
    let id_of = |a: usize| synopsis.articles[a].id.as_str();
    let agreement = synopsis.agreement(t, Detail::Lists);
    let members = agreement
        .members
        .iter()
        .zip(&topic.members)
        .map(|(spans, m)| {
            let text = &synopsis.paragraph(m.at).text;
            MemberOut {
                article: id_of(m.at.article),
                paragraph: m.at.paragraph,
                score: (f64::from(m.score) * 1000.0).round() / 1000.0,
                spans: spans
                    .spans
                    .iter()
                    .enumerate()
                    .map(|(k, s)| SpanOut {
                        text: &text[s.range.clone()],
                        shared_with: agreement
                            .shared_with(spans, k)
                            .into_iter()
                            .flatten()
                            .map(id_of)
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    TopicOut {
        id: &topic.id,
        label: &topic.label,
        origin: topic.origin,
        keywords: &topic.keywords,
        members,
        figures: figures(synopsis, t),
    }
}
