//! The question queue: questions collected before the show and questions detected in
//! live comments, in one queue the producer runs and the host answers from.
//!
//! The queue is a fold of session events, like the rest of the session: nothing here
//! reads a clock or a file. [`Queue`] holds the entries (`queue.rs`); repeats of a
//! question are *askings* of one entry, and two entries can be merged into one and
//! split again (`merge.rs`); the order the host takes them in is worked out on demand
//! (`order.rs`); every change made by hand can be undone (`undo.rs`); any question or
//! comment can be marked for a follow-up after the show (`follow_up.rs`).
//! [`PlannedMatcher`] finds live questions that repeat a pre-collected one.

mod follow_up;
mod matcher;
mod merge;
mod order;
mod queue;
mod undo;

use serde::{Deserialize, Serialize};

pub use follow_up::{FollowUp, FollowUpItem};
pub use matcher::PlannedMatcher;
pub use order::{Band, Placement};
pub use queue::{Asking, Handled, Question, Queue};

/// Where a queued question came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "from", content = "id", rename_all = "snake_case")]
pub enum QuestionKey {
    /// A question in the plan, by its id.
    Planned(String),
    /// A live comment, by its comment id.
    Comment(String),
}

impl QuestionKey {
    /// The plan's question id or the comment id.
    pub fn id(&self) -> &str {
        match self {
            QuestionKey::Planned(id) | QuestionKey::Comment(id) => id,
        }
    }
}

/// What has happened to a question: queued → up next → answered, skipped or dismissed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionState {
    /// Waiting to be taken.
    #[default]
    Queued,
    /// The producer put it next for the host.
    UpNext,
    /// The host answered it.
    Answered,
    /// The host passed on it on air.
    Skipped,
    /// The producer took it out: not a question for the show (off topic, a joke,
    /// answered in the comments). Neither answered nor left for a follow-up.
    Dismissed,
}

impl QuestionState {
    /// Every state, in the order the producer's filters list them.
    pub const ALL: [QuestionState; 5] = [
        QuestionState::Queued,
        QuestionState::UpNext,
        QuestionState::Answered,
        QuestionState::Skipped,
        QuestionState::Dismissed,
    ];

    /// Still to be taken (queued or up next).
    pub fn is_open(self) -> bool {
        matches!(self, QuestionState::Queued | QuestionState::UpNext)
    }

    /// The journal's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionState::Queued => "queued",
            QuestionState::UpNext => "up_next",
            QuestionState::Answered => "answered",
            QuestionState::Skipped => "skipped",
            QuestionState::Dismissed => "dismissed",
        }
    }
}

#[cfg(test)]
mod tests;
