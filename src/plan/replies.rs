//! Saved private replies: texts the producer sends a commenter from the feed, with
//! `{user}` filled in with the commenter's handle.

use serde::{Deserialize, Serialize};

/// The placeholders a saved reply may use.
pub const REPLY_PLACEHOLDERS: &[&str] = &["user"];

/// A private reply written before the show: `(id: "shipping", text: "Hi {user}, …")`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedReply {
    /// Unique within the plan; journaled with each reply sent from it.
    pub id: String,
    /// The message; `{user}` becomes the commenter's handle.
    pub text: String,
}

impl SavedReply {
    /// The message for the commenter `user` (a handle with or without `@`; an empty one
    /// leaves a neutral "there").
    pub fn render(&self, user: &str) -> String {
        let user = user.trim().trim_start_matches('@');
        let user = if user.is_empty() { "there" } else { user };
        self.text.replace("{user}", user)
    }
}

/// Why a saved reply's text cannot be sent as written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplyTextProblem {
    /// Nothing but blanks.
    #[error("has no text")]
    Empty,
    /// A `{` without its `}`.
    #[error("has a `{{` that is not closed; placeholders are {{user}}")]
    Unclosed,
    /// `{name}` that is not a placeholder.
    #[error("uses the placeholder {{{0}}}, which livecue does not know; placeholders are {{user}}")]
    UnknownPlaceholder(String),
}

/// Why a saved reply's text cannot be sent as written: an empty text, or a `{name}`
/// that is not a placeholder (a typo would reach the viewer as written).
pub fn reply_text_problem(text: &str) -> Option<ReplyTextProblem> {
    if text.trim().is_empty() {
        return Some(ReplyTextProblem::Empty);
    }
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Some(ReplyTextProblem::Unclosed);
        };
        let name = &after[..close];
        if !REPLY_PLACEHOLDERS.contains(&name) {
            return Some(ReplyTextProblem::UnknownPlaceholder(name.to_owned()));
        }
        rest = &after[close + 1..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_is_filled_in_without_the_at_sign() {
        let r = SavedReply {
            id: "shipping".into(),
            text: "Hi {user}, shipping is free over NT$1,000.".into(),
        };
        assert_eq!(
            r.render("@amy.tw"),
            "Hi amy.tw, shipping is free over NT$1,000."
        );
        assert_eq!(r.render(""), "Hi there, shipping is free over NT$1,000.");
    }

    #[test]
    fn unknown_and_unclosed_placeholders_are_problems() {
        assert_eq!(reply_text_problem("Hi {user}!"), None);
        let problem = |text| reply_text_problem(text).map(|p| p.to_string());
        assert!(problem("Hi {usr}!").is_some_and(|p| p.contains("{usr}")));
        assert!(problem("Hi {user").is_some_and(|p| p.contains("not closed")));
        assert!(problem("  ").is_some_and(|p| p.contains("no text")));
    }
}
