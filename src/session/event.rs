//! Everything that happens during a broadcast, as journal records.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::comments::{Comment, Verdict};
use crate::questions::{QuestionKey, QuestionState};

/// When an event happened: monotonic milliseconds for arithmetic (since the journal's
/// epoch), wall-clock time for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Milliseconds since the journal's epoch, monotonic.
    pub ms: i64,
    /// Wall-clock time, RFC 3339 in UTC.
    pub wall: DateTime<Utc>,
}

/// Whether comments are flowing, as a source reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SourceState {
    /// Connecting for the first time.
    Connecting,
    /// Connected; comments arrive.
    Live,
    /// Connected, but the broadcast has not started.
    WaitingForBroadcast,
    /// The platform asked us to slow down; polling resumes by itself.
    RateLimited {
        /// When polling resumes.
        until: DateTime<Utc>,
    },
    /// A request failed; retrying.
    Reconnecting {
        /// Which retry this is, from 1.
        attempt: u32,
        /// What went wrong, for the status bar.
        reason: String,
    },
    /// The access token expired or was revoked; polling stopped.
    TokenExpired,
    /// A permission is missing; polling stopped.
    PermissionMissing {
        /// The permission to grant.
        permission: String,
    },
    /// The broadcast or the replay ended.
    Ended,
    /// The source failed for good.
    Failed {
        /// What went wrong.
        reason: String,
    },
}

/// One thing that happened during the show. The session journal is a sequence of these;
/// the live state is their fold ([`super::Session::apply`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The show started with the first segment.
    ShowStarted {
        /// When.
        at: Stamp,
    },
    /// A segment went on air (next, previous, jump, or time ran out).
    SegmentStarted {
        /// Index into the plan's segments.
        index: usize,
        /// True when it started by itself because the previous one ran out.
        #[serde(default)]
        auto: bool,
        /// When.
        at: Stamp,
    },
    /// Time was added to (positive) or removed from (negative) the current segment.
    TimeAdjusted {
        /// Milliseconds added.
        delta_ms: i64,
        /// When.
        at: Stamp,
    },
    /// A cue fell due.
    CueFired {
        /// Index into the plan's cues.
        index: usize,
        /// When.
        at: Stamp,
    },
    /// The host or producer dismissed a cue banner.
    CueDismissed {
        /// Index into the plan's cues.
        index: usize,
        /// When.
        at: Stamp,
    },
    /// A live comment arrived and was filtered.
    CommentReceived {
        /// The comment.
        comment: Comment,
        /// The filter's verdict.
        verdict: Verdict,
        /// When it arrived here.
        at: Stamp,
    },
    /// The producer put a comment into the question queue by hand.
    QuestionAdded {
        /// The comment's id.
        comment_id: String,
        /// When.
        at: Stamp,
    },
    /// A question was answered, skipped or put back.
    QuestionStateChanged {
        /// Which question.
        question: QuestionKey,
        /// Its new state.
        state: QuestionState,
        /// When.
        at: Stamp,
    },
    /// A comment source changed state.
    SourceStatus {
        /// The source, as named on the command line (`instagram`, `replay:...`).
        source: String,
        /// Its state.
        status: SourceState,
        /// When.
        at: Stamp,
    },
    /// The show ended.
    ShowEnded {
        /// When.
        at: Stamp,
    },
}

impl Event {
    /// When the event happened.
    pub fn at(&self) -> Stamp {
        match self {
            Event::ShowStarted { at }
            | Event::SegmentStarted { at, .. }
            | Event::TimeAdjusted { at, .. }
            | Event::CueFired { at, .. }
            | Event::CueDismissed { at, .. }
            | Event::CommentReceived { at, .. }
            | Event::QuestionAdded { at, .. }
            | Event::QuestionStateChanged { at, .. }
            | Event::SourceStatus { at, .. }
            | Event::ShowEnded { at } => *at,
        }
    }
}

impl std::fmt::Display for SourceState {
    /// How the state reads in a status line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SourceState::Connecting => f.write_str("connecting"),
            SourceState::Live => f.write_str("live"),
            SourceState::WaitingForBroadcast => f.write_str("waiting for the broadcast to start"),
            SourceState::RateLimited { until } => {
                write!(f, "rate-limited until {}", until.format("%H:%M:%S UTC"))
            }
            SourceState::Reconnecting { attempt, reason } => {
                write!(f, "reconnecting (attempt {attempt}): {reason}")
            }
            SourceState::TokenExpired => f.write_str("token expired — log in again"),
            SourceState::PermissionMissing { permission } => {
                write!(f, "missing permission {permission}")
            }
            SourceState::Ended => f.write_str("ended"),
            SourceState::Failed { reason } => write!(f, "failed: {reason}"),
        }
    }
}
