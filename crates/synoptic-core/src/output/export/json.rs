//! The JSON export, in the shape `shared/spec/interfaces.md` fixes (version 1).

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::SerializeStruct;
use serde_json::value::RawValue;

use super::pretty::write_pretty;
use super::{Seq, rounded_score};
use crate::compare::agree::{Agreement, MemberSpans};

use crate::compare::agree::Detail;
use crate::compare::figures::figures;
use crate::compare::synopsis::Synopsis;
use crate::input::twins::copy_of_each;
use crate::model::article::Article;

/// The document: both format versions share its shape and differ in their topics.
#[derive(Serialize)]
pub(super) struct Export<'a, T> {
    pub(super) version: u32,
    pub(super) articles: Vec<ArticleOut<'a>>,
    pub(super) topics: T,
}

/// The topics, each built only when the writer reaches it and dropped once written: the
/// document is never whole in memory.
struct TopicsOut<'a> {
    synopsis: &'a Synopsis,
    topics: &'a [usize],
    /// Every article id, escaped once: version 1 repeats them millions of times.
    ids: Vec<Box<RawValue>>,
}

impl Serialize for TopicsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.topics.iter().map(|&t| TopicOut {
            synopsis: self.synopsis,
            ids: &self.ids,
            t,
            agreement: self.synopsis.agreement(t, Detail::Lists),
        }))
    }
}

#[derive(Serialize)]
pub(super) struct ArticleOut<'a> {
    id: &'a str,
    path: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    outlet: Option<&'a str>,
    language: &'static str,
    /// The earlier article whose story this one tells word for word, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    copy_of: Option<CopyOut<'a>>,
    paragraphs: Vec<ParagraphOut<'a>>,
}

#[derive(Serialize)]
struct CopyOut<'a> {
    article: &'a str,
    /// Paragraph for paragraph, not four fifths of them.
    whole: bool,
}

#[derive(Serialize)]
struct ParagraphOut<'a> {
    index: usize,
    kind: &'static str,
    text: &'a str,
}

/// One topic with its agreement, serialised member by member: spans list their sharing
/// articles straight from the agreement's bits, with no list built per span.
struct TopicOut<'a> {
    synopsis: &'a Synopsis,
    ids: &'a [Box<RawValue>],
    t: usize,
    agreement: Agreement,
}

impl Serialize for TopicOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let topic = &self.synopsis.topics[self.t];
        let mut out = serializer.serialize_struct("Topic", 6)?;
        out.serialize_field("id", &topic.id)?;
        out.serialize_field("label", &topic.label)?;
        out.serialize_field("origin", &topic.origin)?;
        out.serialize_field("keywords", &topic.keywords)?;
        out.serialize_field("members", &MembersOut(self))?;
        out.serialize_field("figures", &figures(self.synopsis, self.t))?;
        out.end()
    }
}

struct MembersOut<'a>(&'a TopicOut<'a>);

impl Serialize for MembersOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let TopicOut {
            synopsis,
            ids,
            agreement,
            t,
        } = self.0;
        let topic = &synopsis.topics[*t];
        let members = agreement.members.iter().zip(&topic.members);
        serializer.collect_seq(members.map(|(member, m)| MemberOut {
            synopsis,
            ids,
            agreement,
            member,
            score: rounded_score(m.score),
        }))
    }
}

struct MemberOut<'a> {
    synopsis: &'a Synopsis,
    ids: &'a [Box<RawValue>],
    agreement: &'a Agreement,
    member: &'a MemberSpans,
    score: f64,
}

impl Serialize for MemberOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let MemberOut {
            synopsis,
            ids,
            agreement,
            member,
            score,
        } = *self;
        let at = member.at;
        let text = &synopsis.paragraph(at).text;
        let mut out = serializer.serialize_struct("Member", 4)?;
        out.serialize_field("article", &synopsis.articles[at.article].id)?;
        out.serialize_field("paragraph", &at.paragraph)?;
        out.serialize_field("score", &score)?;
        let spans = member.spans.iter().enumerate().map(|(k, s)| SpanOut {
            text: &text[s.range.clone()],
            shared_with: SharedWith {
                ids,
                agreement,
                member,
                k,
            },
        });
        out.serialize_field("spans", &Seq::new(spans))?;
        out.end()
    }
}

#[derive(Serialize)]
struct SpanOut<'a> {
    text: &'a str,
    shared_with: SharedWith<'a>,
}

struct SharedWith<'a> {
    ids: &'a [Box<RawValue>],
    agreement: &'a Agreement,
    member: &'a MemberSpans,
    k: usize,
}

impl Serialize for SharedWith<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ids = self
            .agreement
            .shared_with(self.member, self.k)
            .into_iter()
            .flatten()
            .map(|a| &self.ids[a]);
        serializer.collect_seq(ids)
    }
}

pub(super) fn write(synopsis: &Synopsis, topics: &[usize], out: &mut dyn Write) -> io::Result<()> {
    let export = Export {
        version: 1,
        articles: articles_out(&synopsis.articles),
        topics: TopicsOut {
            synopsis,
            topics,
            ids: synopsis
                .articles
                .iter()
                .map(|a| serde_json::value::to_raw_value(&a.id))
                .collect::<Result<_, _>>()
                .map_err(io::Error::from)?,
        },
    };
    write_pretty(out, &export)?;
    writeln!(out)
}

/// Every article as the export writes it, each copy naming the article it copies.
pub(super) fn articles_out(articles: &[Article]) -> Vec<ArticleOut<'_>> {
    let copies = copy_of_each(articles);
    articles
        .iter()
        .zip(copies)
        .map(|(a, copy)| {
            let copy_of = copy.map(|twin| CopyOut {
                article: &articles[twin.earlier].id,
                whole: twin.whole,
            });
            article_out(a, copy_of)
        })
        .collect()
}

fn article_out<'a>(a: &'a Article, copy_of: Option<CopyOut<'a>>) -> ArticleOut<'a> {
    ArticleOut {
        id: &a.id,
        path: &a.path,
        title: a.meta.title.as_deref(),
        date: a.meta.date.as_deref(),
        outlet: a.meta.outlet.as_deref(),
        language: a.language.code(),
        copy_of,
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
