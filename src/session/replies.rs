//! Private replies and comments hidden on the platform, as the session remembers them:
//! the fold of `private_reply` and `comment_hidden` events. Meta takes one private reply
//! per comment; livecue holds the producer to one per commenter, so a viewer who asks
//! twice is not messaged twice — a restart included, since this is part of the fold.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::comments::Comment;

/// How a private reply ended, as journaled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyResult {
    /// Meta took it.
    Sent,
    /// Meta says the comment had its one private reply already.
    AlreadyAnswered,
    /// Too late: the Instagram live ended, or the Facebook comment is over 7 days old.
    TooLate,
    /// The token lacks the permission (named in the event's `detail`).
    PermissionMissing,
    /// The token was refused.
    TokenRefused,
    /// Anything else (network, an error livecue does not know).
    Failed,
}

/// The latest answer about one comment.
#[derive(Clone, Debug)]
struct Answer {
    result: ReplyResult,
    template: Option<String>,
    detail: Option<String>,
}

/// The private replies of a show so far.
#[derive(Clone, Debug, Default)]
pub struct PrivateReplies {
    by_comment: HashMap<String, Answer>,
    answered: HashSet<String>,
    hidden: HashSet<String>,
}

impl PrivateReplies {
    /// Who a comment's author is for "one reply per commenter": platform and handle,
    /// or the comment itself when the platform withheld the handle.
    pub fn commenter_key(comment: &Comment) -> String {
        let platform = comment.platform.as_deref().unwrap_or("");
        let user = comment.user.trim().trim_start_matches('@').to_lowercase();
        if user.is_empty() {
            format!("{platform}\u{0}comment\u{0}{}", comment.id)
        } else {
            format!("{platform}\u{0}{user}")
        }
    }

    pub(super) fn record(
        &mut self,
        comment: Option<&Comment>,
        id: &str,
        result: ReplyResult,
        template: Option<String>,
        detail: Option<String>,
    ) {
        let answered = matches!(result, ReplyResult::Sent | ReplyResult::AlreadyAnswered);
        if answered && let Some(c) = comment {
            self.answered.insert(Self::commenter_key(c));
        }
        self.by_comment.insert(
            id.to_owned(),
            Answer {
                result,
                template,
                detail,
            },
        );
    }

    pub(super) fn hide(&mut self, id: &str) {
        self.hidden.insert(id.to_owned());
    }

    /// How the latest private reply to this comment ended, and the saved reply used.
    pub fn result(&self, comment_id: &str) -> Option<(ReplyResult, Option<&str>)> {
        self.by_comment
            .get(comment_id)
            .map(|a| (a.result, a.template.as_deref()))
    }

    /// Meta's words, or the missing permission, when the latest reply was not sent.
    pub fn detail(&self, comment_id: &str) -> Option<&str> {
        self.by_comment
            .get(comment_id)
            .and_then(|a| a.detail.as_deref())
    }

    /// True when this comment's author was answered privately already (from any of
    /// their comments).
    pub fn commenter_answered(&self, comment: &Comment) -> bool {
        self.answered.contains(&Self::commenter_key(comment))
    }

    /// True when the comment was hidden on the platform.
    pub fn is_hidden_on_platform(&self, comment_id: &str) -> bool {
        self.hidden.contains(comment_id)
    }

    /// Replies that Meta took.
    pub fn sent(&self) -> usize {
        self.by_comment
            .values()
            .filter(|a| a.result == ReplyResult::Sent)
            .count()
    }
}
