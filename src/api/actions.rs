//! The actions the API offers: each is a host's or producer's key (or the producer's
//! feature buttons), turned into the same [`Action`] the key sends, so it is journaled
//! and undoable the same way.
//!
//! Parsing needs no session (unknown name → 404, bad parameter → 400, never reaching
//! the show); resolving needs it and says why an action does not apply now (→ 409).

use std::collections::HashMap;

use crate::questions::{FollowUpItem, QuestionKey, QuestionState};
use crate::session::{Action, Live};
use crate::show::ShowState;

/// Every action's name, as in `/api/action/{name}`.
pub const ACTION_NAMES: [&str; 12] = [
    "start",
    "next_segment",
    "previous_segment",
    "add_time",
    "answered",
    "skip",
    "dismiss_cue",
    "feature_question",
    "feature_comment",
    "promote_comment",
    "clear_featured",
    "end_show",
];

/// Largest time change one `add_time` may make: an hour either way.
const MAX_ADD_SECS: i64 = 3600;

/// An action asked for over the API, its parameters checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiAction {
    /// Start the show (Space before the start).
    Start,
    /// Next segment (Space).
    NextSegment,
    /// Previous segment as it was left (Backspace).
    PreviousSegment,
    /// Add (or, negative, remove) seconds on the segment on air (`+`, `-`, `]`, `[`).
    AddTime {
        /// Seconds.
        secs: i64,
    },
    /// The question answered (A): the one named, else the one up next.
    Answered(Option<QuestionKey>),
    /// The question skipped (S): the one named, else the one up next.
    Skip(Option<QuestionKey>),
    /// Take the cue banner down (Enter).
    DismissCue,
    /// Feature a question on the overlay: the one named, else the one up next.
    FeatureQuestion(Option<QuestionKey>),
    /// Feature a shown comment on the overlay.
    FeatureComment(String),
    /// Put a comment into the question queue.
    PromoteComment(String),
    /// Take the featured item off the overlay.
    ClearFeatured,
    /// End the show (E, then Enter).
    EndShow,
}

/// Why a request names no action it can carry out, before the show is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// No action by that name (404).
    Unknown(String),
    /// A parameter is missing, unknown or malformed (400).
    BadParameter(String),
}

impl ApiAction {
    /// The action `name` with its query parameters (`token` is the credential, not a
    /// parameter, and is ignored here).
    pub fn parse(name: &str, query: &HashMap<String, String>) -> Result<Self, ParseError> {
        let takes: &[&str] = match name {
            "add_time" => &["secs"],
            "answered" | "skip" | "feature_question" => &["question"],
            "feature_comment" | "promote_comment" => &["id"],
            n if ACTION_NAMES.contains(&n) => &[],
            _ => return Err(ParseError::Unknown(name.to_owned())),
        };
        if let Some(extra) = query
            .keys()
            .filter(|k| k.as_str() != "token" && !takes.contains(&k.as_str()))
            .min()
        {
            let why = if takes.is_empty() {
                format!("{name} takes no parameters, not `{extra}`")
            } else {
                format!("{name} takes {}, not `{extra}`", takes.join(", "))
            };
            return Err(ParseError::BadParameter(why));
        }
        let question = || query.get("question").map(|q| parse_key(q)).transpose();
        let comment_id = || match query.get("id").map(|s| s.trim()) {
            Some(id) if !id.is_empty() => Ok(id.to_owned()),
            _ => Err(ParseError::BadParameter(format!(
                "{name} needs the comment's id: ?id=COMMENT_ID"
            ))),
        };
        Ok(match name {
            "start" => Self::Start,
            "next_segment" => Self::NextSegment,
            "previous_segment" => Self::PreviousSegment,
            "add_time" => Self::AddTime {
                secs: parse_secs(query.get("secs").map(String::as_str))?,
            },
            "answered" => Self::Answered(question()?),
            "skip" => Self::Skip(question()?),
            "dismiss_cue" => Self::DismissCue,
            "feature_question" => Self::FeatureQuestion(question()?),
            "feature_comment" => Self::FeatureComment(comment_id()?),
            "promote_comment" => Self::PromoteComment(comment_id()?),
            "clear_featured" => Self::ClearFeatured,
            _ => Self::EndShow,
        })
    }

    /// The session action this is now, or why it does not apply now.
    pub fn resolve(&self, live: &Live) -> Result<Action, String> {
        let session = live.session();
        let timeline = session.timeline();
        let state = live.status().state;
        let on_air = || match state {
            ShowState::NotStarted => Err("the show has not started yet".to_owned()),
            ShowState::Ended => Err("the show has ended".to_owned()),
            ShowState::Running { index } => Ok(index),
        };
        let question = |key: &Option<QuestionKey>, verb: &str| match key {
            Some(key) => match session.questions().find(key) {
                Some(q) if q.merged_into.is_some() => Err(format!(
                    "question {} is merged into another; {verb} that one",
                    super::state::key_text(key)
                )),
                Some(q) => Ok(q.key.clone()),
                None => Err(format!(
                    "there is no question {}",
                    super::state::key_text(key)
                )),
            },
            None => session
                .questions()
                .next()
                .map(|q| q.key.clone())
                .ok_or_else(|| "no question is up next".to_owned()),
        };
        let set_state = |key: &Option<QuestionKey>, to: QuestionState| {
            let key = question(key, "answer or skip")?;
            match session.questions().find(&key).map(|q| q.state) {
                Some(now) if now == to => Err(format!(
                    "question {} is already {}",
                    super::state::key_text(&key),
                    to.as_str()
                )),
                _ => Ok(Action::SetQuestionState(key, to)),
            }
        };
        match self {
            Self::Start => match state {
                ShowState::NotStarted if timeline.segment_count() == 0 => {
                    Err("the plan has no segments".to_owned())
                }
                ShowState::NotStarted => Ok(Action::StartShow),
                ShowState::Running { .. } => Err("the show has already started".to_owned()),
                ShowState::Ended => Err("the show has ended".to_owned()),
            },
            Self::NextSegment => {
                let index = on_air()?;
                match timeline.next_index() {
                    Some(_) => Ok(Action::NextSegment),
                    None => Err(format!(
                        "segment {}/{} is the last one; end_show ends the show",
                        index + 1,
                        timeline.segment_count()
                    )),
                }
            }
            Self::PreviousSegment => {
                on_air()?;
                match timeline.previous_index() {
                    Some(_) => Ok(Action::PreviousSegment),
                    None => Err("the first segment is on air; there is none before it".to_owned()),
                }
            }
            Self::AddTime { secs } => {
                on_air()?;
                Ok(Action::AdjustTime {
                    delta_ms: secs * 1000,
                })
            }
            Self::Answered(key) => set_state(key, QuestionState::Answered),
            Self::Skip(key) => set_state(key, QuestionState::Skipped),
            Self::DismissCue => session
                .active_cues()
                .first()
                .map(|&i| Action::DismissCue(i))
                .ok_or_else(|| "no cue is showing".to_owned()),
            Self::FeatureQuestion(key) => {
                let key = question(key, "feature")?;
                let item = FollowUpItem::Question(key);
                if session.featured() == Some(&item) {
                    return Err("that question is featured already".to_owned());
                }
                Ok(Action::Feature(Some(item)))
            }
            Self::FeatureComment(id) => {
                let comment = session
                    .comment(id)
                    .ok_or_else(|| format!("there is no comment with id `{id}`"))?;
                if !comment.verdict.shown {
                    return Err(format!(
                        "comment `{id}` is hidden by the filter; a hidden comment is not featured"
                    ));
                }
                let item = FollowUpItem::Comment(id.clone());
                if session.featured() == Some(&item) {
                    return Err("that comment is featured already".to_owned());
                }
                Ok(Action::Feature(Some(item)))
            }
            Self::PromoteComment(id) => {
                if !session.has_comment(id) {
                    return Err(format!("there is no comment with id `{id}`"));
                }
                if session.questions().has_comment(id) {
                    return Err(format!("comment `{id}` is in the question queue already"));
                }
                Ok(Action::PromoteComment(id.clone()))
            }
            Self::ClearFeatured => match session.featured() {
                Some(_) => Ok(Action::Feature(None)),
                None => Err("nothing is featured".to_owned()),
            },
            Self::EndShow => {
                on_air()?;
                Ok(Action::EndShow)
            }
        }
    }
}

/// `planned:ID` or `comment:ID`.
fn parse_key(text: &str) -> Result<QuestionKey, ParseError> {
    match text.split_once(':') {
        Some(("planned", id)) if !id.is_empty() => Ok(QuestionKey::Planned(id.to_owned())),
        Some(("comment", id)) if !id.is_empty() => Ok(QuestionKey::Comment(id.to_owned())),
        _ => Err(ParseError::BadParameter(format!(
            "question must be planned:ID or comment:ID (as in the state's queue), not `{text}`"
        ))),
    }
}

/// `secs` of `add_time`: a whole number of seconds, not zero, at most an hour either
/// way; a minute when absent.
fn parse_secs(text: Option<&str>) -> Result<i64, ParseError> {
    let Some(text) = text else {
        return Ok(60);
    };
    let secs: i64 = text.trim().parse().map_err(|_| {
        ParseError::BadParameter(format!(
            "secs must be a whole number of seconds (60, -30), not `{text}`"
        ))
    })?;
    if secs == 0 || secs.abs() > MAX_ADD_SECS {
        return Err(ParseError::BadParameter(format!(
            "secs must be between -{MAX_ADD_SECS} and {MAX_ADD_SECS} and not 0, not {secs}"
        )));
    }
    Ok(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn names_and_parameters_are_checked_before_the_show_is_asked() {
        assert_eq!(
            ApiAction::parse("add_time", &query(&[])),
            Ok(ApiAction::AddTime { secs: 60 })
        );
        assert_eq!(
            ApiAction::parse("add_time", &query(&[("secs", "-30"), ("token", "x")])),
            Ok(ApiAction::AddTime { secs: -30 })
        );
        assert!(matches!(
            ApiAction::parse("add_time", &query(&[("secs", "lots")])),
            Err(ParseError::BadParameter(why)) if why.contains("lots")
        ));
        assert!(matches!(
            ApiAction::parse("add_time", &query(&[("secs", "0")])),
            Err(ParseError::BadParameter(_))
        ));
        assert!(matches!(
            ApiAction::parse("next_segment", &query(&[("secs", "5")])),
            Err(ParseError::BadParameter(why)) if why.contains("takes no parameters")
        ));
        assert_eq!(
            ApiAction::parse("answered", &query(&[("question", "comment:c5")])),
            Ok(ApiAction::Answered(Some(QuestionKey::Comment("c5".into()))))
        );
        assert!(matches!(
            ApiAction::parse("answered", &query(&[("question", "c5")])),
            Err(ParseError::BadParameter(_))
        ));
        assert!(matches!(
            ApiAction::parse("feature_comment", &query(&[])),
            Err(ParseError::BadParameter(why)) if why.contains("?id=")
        ));
        assert_eq!(
            ApiAction::parse("launch", &query(&[])),
            Err(ParseError::Unknown("launch".into()))
        );
        for name in ACTION_NAMES {
            let q = match name {
                "feature_comment" | "promote_comment" => query(&[("id", "c1")]),
                _ => query(&[]),
            };
            assert!(ApiAction::parse(name, &q).is_ok(), "{name}");
        }
    }
}
