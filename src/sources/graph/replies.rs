//! Private replies to a live comment, and hiding a Facebook comment: the producer's
//! actions on a viewer's comment that Meta allows through the API.
//!
//! Both platforms take the same shape (Meta's "Private Replies" guides):
//! `POST /{account}/messages` with the JSON body
//! `{"recipient": {"comment_id": …}, "message": {"text": …}}` — the account is the
//! Instagram professional account's user id (Instagram API with Facebook Login) or the
//! Facebook Page's id (Messenger Platform). Meta allows one private reply per comment;
//! on Instagram Live only while the broadcast runs, on Facebook within 7 days.
//! Hiding: `POST /{comment-id}` with `is_hidden=true` (Facebook only: Meta offers no
//! way to hide or delete an Instagram live comment).

use serde_json::{Value, json};

use super::client::Client;
use super::errors::ErrorKind;
use crate::sources::token::{Platform, Token};
use crate::sources::{PollTiming, SourceError};

/// The permission a private reply needs on each platform (Meta's guides).
pub fn reply_permission(platform: Platform) -> &'static str {
    match platform {
        Platform::Instagram => "instagram_manage_messages",
        Platform::Facebook => "pages_messaging",
    }
}

/// The permission hiding a Facebook comment needs.
pub const HIDE_PERMISSION: &str = "pages_manage_engagement";

/// Where replies go: the account that answers and its token. `Debug` hides the token.
#[derive(Clone, Debug)]
pub struct ReplyAccount {
    /// Graph API base URL with its version.
    pub graph_url: String,
    /// Instagram or Facebook.
    pub platform: Platform,
    /// The Instagram user id, or the Facebook Page id.
    pub account_id: String,
    /// The token that may message for that account.
    pub token: Token,
}

/// Why Meta did not take a reply (or a hide). Never holds a token.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplyError {
    /// Meta allows one private reply per comment, and this one had it.
    #[error("this viewer was already answered privately")]
    AlreadyAnswered,
    /// Too late: an Instagram live has ended, or a Facebook comment is over 7 days old.
    #[error("too late to answer privately: {0}")]
    TooLate(String),
    /// The token lacks a permission; the one Meta named, or the documented one.
    #[error("the token lacks the permission {0}")]
    PermissionMissing(String),
    /// The token was refused.
    #[error("the token was refused: {0}")]
    TokenRefused(String),
    /// Anything else (network, a code livecue does not know).
    #[error("{0}")]
    Failed(String),
}

/// Sends one private reply to the author of `comment_id`.
pub async fn send_private_reply(
    account: ReplyAccount,
    comment_id: String,
    text: String,
) -> Result<(), ReplyError> {
    let client = client(&account)?;
    let body = json!({
        "recipient": {"comment_id": comment_id},
        "message": {"text": text},
    });
    let url = client.endpoint(&[&account.account_id, "messages"], &[]);
    match client.post_json(url, &body).await {
        Ok(_) => Ok(()),
        Err(e) => Err(reply_error(
            e.kind,
            e.code,
            e.message,
            reply_permission(account.platform),
        )),
    }
}

/// Hides a Facebook comment on the live itself (viewers no longer see it; its author
/// and their friends still do, as Meta documents).
pub async fn hide_comment(account: ReplyAccount, comment_id: String) -> Result<(), ReplyError> {
    if account.platform != Platform::Facebook {
        return Err(ReplyError::Failed(
            "Meta does not allow hiding or deleting Instagram live comments through its API".into(),
        ));
    }
    let client = client(&account)?;
    let url = client.endpoint(&[&comment_id], &[]);
    match client.post_json(url, &json!({"is_hidden": true})).await {
        Ok(reply) if reply.body.get("success") == Some(&Value::Bool(false)) => Err(
            ReplyError::Failed("Facebook answered that the comment was not hidden".into()),
        ),
        Ok(_) => Ok(()),
        Err(e) => Err(reply_error(e.kind, e.code, e.message, HIDE_PERMISSION)),
    }
}

fn client(account: &ReplyAccount) -> Result<Client, ReplyError> {
    Client::new(
        &account.graph_url,
        account.token.clone(),
        &PollTiming::default(),
    )
    .map_err(|e: SourceError| ReplyError::Failed(e.to_string()))
}

/// Meta's answer in livecue's words. Messenger's private-reply codes: 10900 "activity
/// already replied to", 10903 "this activity cannot be replied to" (the window closed);
/// a missing permission is code 10 or 200–299 like everywhere else.
fn reply_error(kind: ErrorKind, code: Option<i64>, message: String, needs: &str) -> ReplyError {
    match (code, kind) {
        (Some(10900), _) => ReplyError::AlreadyAnswered,
        (Some(10903), _) => ReplyError::TooLate(message),
        (_, ErrorKind::Token(problem)) => {
            ReplyError::TokenRefused(format!("{} ({message})", problem.cause()))
        }
        (_, ErrorKind::Permission(named)) => {
            ReplyError::PermissionMissing(named.unwrap_or_else(|| needs.to_owned()))
        }
        _ => ReplyError::Failed(message),
    }
}
