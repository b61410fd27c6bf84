//! Private replies and hiding a comment on the platform, run for the app on the show's
//! runtime: what may be sent is decided here against the session (one reply per
//! commenter, the Instagram live still running, a Facebook comment under 7 days old),
//! the HTTP call runs on the runtime, and its answer comes back through a channel that
//! [`super::ShowRunner::pump`] drains into the journal (`private_reply`,
//! `comment_hidden`).

use std::collections::HashSet;
use std::sync::mpsc;

use chrono::{Duration as ChronoDuration, Utc};

use crate::session::{Live, ReplyResult};
use crate::sources::{
    NotifyFn, Platform, ReplyAccount, ReplyError, SourceConfig, SourceState, Token, hide_comment,
    send_private_reply,
};

/// Meta's window for a private reply to a Facebook comment.
const FACEBOOK_REPLY_DAYS: i64 = 7;

/// Why a reply (or a hide) was not sent; the producer reads these in the dialog.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplyRefusal {
    /// No such comment in this show.
    #[error("that comment is not in this show")]
    UnknownComment,
    /// The comment came from a replay or the demo, not from a platform.
    #[error(
        "this comment came from a replay, not from Instagram or Facebook: there is no one to answer"
    )]
    NotFromPlatform,
    /// The source was connected without the account or token replies go from.
    #[error("no {0} account connected: connect the {0} source (O) to answer its commenters")]
    NoAccount(&'static str),
    /// The commenter was answered privately already.
    #[error("@{0} was already answered privately: Meta allows one private reply")]
    AlreadyAnswered(String),
    /// The Instagram live has ended.
    #[error(
        "the Instagram live has ended: Meta takes private replies to live comments only while the broadcast runs"
    )]
    BroadcastEnded,
    /// A Facebook comment more than 7 days old.
    #[error(
        "this Facebook comment is more than 7 days old: Meta takes private replies within 7 days"
    )]
    TooOld,
    /// A reply to this comment is on its way.
    #[error("a reply to this comment is being sent")]
    Sending,
    /// Nothing to send.
    #[error("the reply has no text")]
    EmptyText,
    /// The plan has no saved reply of this id.
    #[error("the plan has no saved reply \"{0}\"")]
    UnknownTemplate(String),
    /// Instagram offers no hiding.
    #[error("Meta does not allow hiding or deleting Instagram live comments through its API")]
    CannotHideOnInstagram,
}

/// What a finished call reports back.
struct Done {
    comment_id: String,
    job: Job,
    outcome: Result<(), ReplyError>,
}

enum Job {
    Reply { template: Option<String> },
    Hide,
}

/// The accounts replies go from, and the calls on their way.
pub(super) struct Replies {
    graph_url: String,
    instagram: Option<(String, Token)>,
    facebook: Option<(String, Token)>,
    pending: HashSet<String>,
    tx: mpsc::Sender<Done>,
    rx: mpsc::Receiver<Done>,
}

impl Default for Replies {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        Self {
            graph_url: String::new(),
            instagram: None,
            facebook: None,
            pending: HashSet::new(),
            tx,
            rx,
        }
    }
}

impl Replies {
    /// Takes the accounts and tokens of a source's configuration.
    pub(super) fn set_accounts(&mut self, config: &SourceConfig) {
        self.graph_url = config.graph_url.clone();
        self.instagram = config.ig_user_id.clone().zip(config.ig_token.clone());
        self.facebook = config.fb_page_id.clone().zip(config.fb_token.clone());
    }

    /// True while a call about this comment is on its way.
    pub(super) fn is_pending(&self, comment_id: &str) -> bool {
        self.pending.contains(comment_id)
    }

    /// Checks a reply against the session and starts it on `runtime`.
    pub(super) fn reply(
        &mut self,
        live: &Live,
        runtime: &tokio::runtime::Handle,
        notify: NotifyFn,
        comment_id: &str,
        template: Option<&str>,
        typed: Option<&str>,
    ) -> Result<(), ReplyRefusal> {
        let session = live.session();
        let entry = session
            .comment(comment_id)
            .ok_or(ReplyRefusal::UnknownComment)?;
        let comment = &entry.comment;
        let text = match template {
            Some(id) => session
                .plan()
                .saved_replies
                .iter()
                .find(|r| r.id == id)
                .ok_or_else(|| ReplyRefusal::UnknownTemplate(id.to_owned()))?
                .render(&comment.user),
            None => typed.unwrap_or_default().trim().to_owned(),
        };
        if text.trim().is_empty() {
            return Err(ReplyRefusal::EmptyText);
        }
        if self.pending.contains(comment_id) {
            return Err(ReplyRefusal::Sending);
        }
        if session.private_replies().commenter_answered(comment) {
            return Err(ReplyRefusal::AlreadyAnswered(comment.user.clone()));
        }
        let account = self.account(comment.platform.as_deref())?;
        match account.platform {
            Platform::Instagram => {
                let ended = session
                    .sources()
                    .iter()
                    .any(|(name, state)| name == "instagram" && *state == SourceState::Ended);
                if ended {
                    return Err(ReplyRefusal::BroadcastEnded);
                }
            }
            Platform::Facebook => {
                if Utc::now() - comment.ts > ChronoDuration::days(FACEBOOK_REPLY_DAYS) {
                    return Err(ReplyRefusal::TooOld);
                }
            }
        }
        let job = Job::Reply {
            template: template.map(str::to_owned),
        };
        let id = comment_id.to_owned();
        self.start(runtime, notify, id.clone(), job, async move {
            send_private_reply(account, id, text).await
        });
        Ok(())
    }

    /// Hides a Facebook comment on the live; refuses an Instagram one.
    pub(super) fn hide(
        &mut self,
        live: &Live,
        runtime: &tokio::runtime::Handle,
        notify: NotifyFn,
        comment_id: &str,
    ) -> Result<(), ReplyRefusal> {
        let entry = live
            .session()
            .comment(comment_id)
            .ok_or(ReplyRefusal::UnknownComment)?;
        if entry.comment.platform.as_deref() == Some("instagram") {
            return Err(ReplyRefusal::CannotHideOnInstagram);
        }
        let account = self.account(entry.comment.platform.as_deref())?;
        if self.pending.contains(comment_id) {
            return Err(ReplyRefusal::Sending);
        }
        let id = comment_id.to_owned();
        self.start(runtime, notify, id.clone(), Job::Hide, async move {
            hide_comment(account, id).await
        });
        Ok(())
    }

    fn account(&self, platform: Option<&str>) -> Result<ReplyAccount, ReplyRefusal> {
        let (platform, slot) = match platform {
            Some("instagram") => (Platform::Instagram, &self.instagram),
            Some("facebook") => (Platform::Facebook, &self.facebook),
            _ => return Err(ReplyRefusal::NotFromPlatform),
        };
        let (account_id, token) = slot
            .clone()
            .ok_or(ReplyRefusal::NoAccount(platform.title()))?;
        Ok(ReplyAccount {
            graph_url: self.graph_url.clone(),
            platform,
            account_id,
            token,
        })
    }

    fn start(
        &mut self,
        runtime: &tokio::runtime::Handle,
        notify: NotifyFn,
        comment_id: String,
        job: Job,
        call: impl Future<Output = Result<(), ReplyError>> + Send + 'static,
    ) {
        self.pending.insert(comment_id.clone());
        let tx = self.tx.clone();
        runtime.spawn(async move {
            let outcome = call.await;
            // The runner may be gone (the app closing); nothing is left to tell.
            let _ = tx.send(Done {
                comment_id,
                job,
                outcome,
            });
            notify();
        });
    }

    /// Journals the answers that came back; how many.
    pub(super) fn pump(&mut self, live: &mut Live) -> usize {
        let mut n = 0;
        while let Ok(done) = self.rx.try_recv() {
            self.pending.remove(&done.comment_id);
            match done.job {
                Job::Reply { template } => {
                    let (result, detail) = match done.outcome {
                        Ok(()) => (ReplyResult::Sent, None),
                        Err(e) => {
                            let result = match &e {
                                ReplyError::AlreadyAnswered => ReplyResult::AlreadyAnswered,
                                ReplyError::TooLate(_) => ReplyResult::TooLate,
                                ReplyError::PermissionMissing(_) => ReplyResult::PermissionMissing,
                                ReplyError::TokenRefused(_) => ReplyResult::TokenRefused,
                                ReplyError::Failed(_) => ReplyResult::Failed,
                            };
                            let detail = match e {
                                ReplyError::PermissionMissing(p) => p,
                                other => other.to_string(),
                            };
                            (result, Some(detail))
                        }
                    };
                    live.record_private_reply(&done.comment_id, template, result, detail);
                }
                Job::Hide => {
                    let detail = done.outcome.err().map(|e| e.to_string());
                    live.record_comment_hidden(&done.comment_id, detail);
                }
            }
            n += 1;
        }
        n
    }
}
