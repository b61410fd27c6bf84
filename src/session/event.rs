//! Everything that happens during a broadcast, as journal records.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::replies::ReplyResult;
use crate::comments::{Comment, Verdict};
use crate::preflight::dnd::DndReport;
use crate::preflight::speed::SpeedResult;
use crate::questions::{FollowUpItem, Placement, QuestionKey, QuestionState};
use crate::show::Missed;
use crate::sources::SourceState;

/// When an event happened: monotonic milliseconds for arithmetic (since the journal's
/// epoch), wall-clock time for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Milliseconds since the journal's epoch, monotonic.
    pub ms: i64,
    /// Wall-clock time, RFC 3339 in UTC.
    pub wall: DateTime<Utc>,
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
    /// A segment went on air (next, previous, jump, undo, or time ran out).
    SegmentStarted {
        /// Index into the plan's segments.
        index: usize,
        /// True when it started by itself because the previous one ran out.
        #[serde(default)]
        auto: bool,
        /// True when it came back as its latest run left it, elapsed and added time
        /// carried over (previous, undo); false: from its full length. Written only when
        /// true, so journals from before it read the same.
        #[serde(default, skip_serializing_if = "is_false")]
        resume: bool,
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
    /// A cue can no longer fire where it belongs (its segment was skipped or cut short);
    /// it waits in the producer's missed cues until fired by hand.
    CueMissed {
        /// Index into the plan's cues.
        index: usize,
        /// Why.
        why: Missed,
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
    /// A question was put up next, answered, skipped, dismissed or queued again.
    QuestionStateChanged {
        /// Which question.
        question: QuestionKey,
        /// Its new state.
        state: QuestionState,
        /// When.
        at: Stamp,
    },
    /// One entry of the queue joined another: its askings count there, and it leaves
    /// the queue until split off again. (A repeat the filter found is not a merge: it is
    /// the comment's `duplicate_of`, one more asking of the entry it repeats.)
    QuestionMerged {
        /// The entry that joins.
        question: QuestionKey,
        /// The entry it joins.
        into: QuestionKey,
        /// True when the producer merged them; false when a live question was found to
        /// repeat a pre-collected one.
        #[serde(default)]
        by_hand: bool,
        /// When.
        at: Stamp,
    },
    /// An entry merged earlier, or one repeat, was taken out of the entry it was in and
    /// is a question of its own again.
    QuestionSplit {
        /// The merged entry, or the repeat's comment.
        question: QuestionKey,
        /// When.
        at: Stamp,
    },
    /// A question was pinned to the top of the queue, or unpinned.
    QuestionPinned {
        /// Which question.
        question: QuestionKey,
        /// Pinned or not.
        pinned: bool,
        /// When.
        at: Stamp,
    },
    /// The producer moved a question right above or below another.
    QuestionMoved {
        /// Which question.
        question: QuestionKey,
        /// Where it went.
        to: Placement,
        /// When.
        at: Stamp,
    },
    /// The producer changed how a question reads on the host screen; the original is
    /// kept.
    QuestionReworded {
        /// Which question.
        question: QuestionKey,
        /// The new wording; absent: back to the question as asked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        /// When.
        at: Stamp,
    },
    /// The newest change made by hand to the queue was taken back.
    QuestionUndone {
        /// The question that change was made to.
        question: QuestionKey,
        /// When.
        at: Stamp,
    },
    /// A question or any comment was marked (or unmarked) for a follow-up after the show.
    FollowUpMarked {
        /// What the mark is on.
        item: FollowUpItem,
        /// Marked or unmarked.
        marked: bool,
        /// When.
        at: Stamp,
    },
    /// The producer featured a question or a comment (the overlay shows it), or took
    /// the featured one down (`item` absent).
    Featured {
        /// What is featured now: the same shape as a follow-up mark's item.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<FollowUpItem>,
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
    /// The producer answered a commenter privately (Instagram or Facebook), and how it
    /// ended. The message itself and the token are not journaled.
    PrivateReply {
        /// The comment answered.
        comment_id: String,
        /// The saved reply's id; absent for a typed reply.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        template: Option<String>,
        /// What Meta answered.
        result: ReplyResult,
        /// Meta's words or the missing permission, when it was not sent (redacted).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        detail: Option<String>,
        /// When the answer came.
        at: Stamp,
    },
    /// The producer hid a comment on the Facebook live itself, or tried to.
    CommentHidden {
        /// The comment.
        comment_id: String,
        /// True when Facebook hid it.
        hidden: bool,
        /// Why not, when it did not (redacted).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        detail: Option<String>,
        /// When the answer came.
        at: Stamp,
    },
    /// The show ended.
    ShowEnded {
        /// When.
        at: Stamp,
    },
    /// The app came back after a crash and continued this journal.
    Resumed {
        /// How long nothing was journaled: from the last event before the crash to now.
        down_ms: i64,
        /// When.
        at: Stamp,
    },
    /// Pre-flight: a speed test finished, with figures or an error.
    SpeedTested {
        /// The server measured against.
        server: String,
        /// The figures, when it ran to the end.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        result: Option<SpeedResult>,
        /// Why it could not, otherwise.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<String>,
        /// When.
        at: Stamp,
    },
    /// Pre-flight: this computer's do-not-disturb was read, or confirmed by hand.
    DndChecked {
        /// What was found and how.
        dnd: DndReport,
        /// True when the host confirmed it because the computer could not tell.
        #[serde(default)]
        by_hand: bool,
        /// When.
        at: Stamp,
    },
    /// Pre-flight: a checklist item was ticked or unticked.
    ChecklistTicked {
        /// Index into the pre-flight checklist (`preflight::checklist::items`).
        item: usize,
        /// The item's text, so the report reads without the plan.
        text: String,
        /// Ticked (true) or unticked.
        ticked: bool,
        /// When.
        at: Stamp,
    },
    /// The host went live from pre-flight; `anyway` when the verdict was no-go.
    WentLive {
        /// True when something was failing or open.
        anyway: bool,
        /// What was failing or open then.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        open: Vec<String>,
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
            | Event::CueMissed { at, .. }
            | Event::CueDismissed { at, .. }
            | Event::CommentReceived { at, .. }
            | Event::QuestionAdded { at, .. }
            | Event::QuestionStateChanged { at, .. }
            | Event::QuestionMerged { at, .. }
            | Event::QuestionSplit { at, .. }
            | Event::QuestionPinned { at, .. }
            | Event::QuestionMoved { at, .. }
            | Event::QuestionReworded { at, .. }
            | Event::QuestionUndone { at, .. }
            | Event::FollowUpMarked { at, .. }
            | Event::Featured { at, .. }
            | Event::SourceStatus { at, .. }
            | Event::PrivateReply { at, .. }
            | Event::CommentHidden { at, .. }
            | Event::ShowEnded { at }
            | Event::Resumed { at, .. }
            | Event::SpeedTested { at, .. }
            | Event::DndChecked { at, .. }
            | Event::ChecklistTicked { at, .. }
            | Event::WentLive { at, .. } => *at,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}
