//! The session: the event log of one broadcast and the live state folded from it.
//!
//! One writer, one [`Session::apply`], one file format. The app, `livecue record`,
//! crash recovery and reports all fold the same events.

mod event;
mod journal;
mod live;
mod outcome;
mod replies;
mod summary;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

pub use event::{Event, Stamp};
pub use journal::{
    JOURNAL_FORMAT, JournalContents, JournalError, JournalHeader, JournalHealth, JournalReader,
    JournalWriter, TornTail, read_journal,
};
pub use live::{Action, Chime, Classifier, JournalTarget, JournalView, Live};
pub use outcome::{FollowUpEntry, QuestionOutcome, follow_ups, question_outcomes};
pub use replies::{PrivateReplies, ReplyResult};
pub use summary::{
    CommentSummary, CueSummary, LeftQuestion, QuestionSummary, RunningTime, SegmentSummary,
    ShowSummary, summarize,
};

use crate::comments::{Comment, Verdict};
use crate::plan::Plan;
use crate::preflight::{DndCheck, PreflightLog, SpeedOutcome, WentLive};
use crate::questions::{FollowUpItem, Queue};
use crate::show::{Change, MissedCue, Status, Timeline};
use crate::sources::SourceState;

/// A shown question joins the queue, or merges into the question it repeats: the one
/// rule, for [`Session::apply`] and the report's fold alike.
pub(crate) fn receive_question(
    queue: &mut Queue,
    comment: &Comment,
    verdict: &Verdict,
    at_ms: i64,
) {
    if !(verdict.shown && verdict.question) {
        return;
    }
    let repeated = verdict.duplicate_of.as_ref().is_some_and(|first| {
        queue.ask_again(first, &comment.id, &comment.user, &comment.text, at_ms)
    });
    if !repeated {
        queue.add(&comment.id, &comment.user, &comment.text, at_ms);
    }
}

/// What a question event does to a queue: the one rule set, for [`Session::apply`] and
/// the report's fold (which keeps no comments, so `comment` looks up a received
/// comment's user and text by id). Other events are left alone.
pub(crate) fn apply_question_event(
    queue: &mut Queue,
    event: &Event,
    comment: impl Fn(&str) -> Option<(String, String)>,
) {
    match event {
        Event::QuestionAdded { comment_id, at } => {
            if let Some((user, text)) = comment(comment_id) {
                queue.promote(comment_id, &user, &text, at.ms);
            }
        }
        Event::QuestionStateChanged {
            question,
            state,
            at,
        } => {
            queue.set_state(question, *state, at.ms);
        }
        Event::QuestionMerged {
            question,
            into,
            by_hand,
            ..
        } => {
            queue.merge(question, into, *by_hand);
        }
        Event::QuestionSplit { question, .. } => {
            queue.split(question);
        }
        Event::QuestionPinned {
            question, pinned, ..
        } => {
            queue.set_pinned(question, *pinned);
        }
        Event::QuestionMoved { question, to, .. } => {
            queue.place(question, to);
        }
        Event::QuestionReworded { question, text, .. } => {
            queue.reword(question, text.as_deref());
        }
        Event::QuestionUndone { question, .. } => {
            queue.undo(question);
        }
        Event::FollowUpMarked { item, marked, at } => {
            let known = match item {
                FollowUpItem::Comment(id) => comment(id).is_some(),
                FollowUpItem::Question(_) => true,
            };
            if known {
                queue.mark_follow_up(item, *marked, at.ms);
            }
        }
        _ => {}
    }
}

/// A comment as the session keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentEntry {
    /// The comment.
    pub comment: Comment,
    /// The filter's verdict.
    pub verdict: Verdict,
    /// When it arrived.
    pub at: Stamp,
}

/// The live state of one broadcast: the fold of its events.
#[derive(Clone, Debug)]
pub struct Session {
    plan: Arc<Plan>,
    timeline: Timeline,
    comments: Vec<CommentEntry>,
    index_by_id: HashMap<String, usize>,
    questions: Queue,
    active_cues: Vec<usize>,
    sources: Vec<(String, SourceState)>,
    resumes: Vec<Resume>,
    preflight: PreflightLog,
    replies: PrivateReplies,
    featured: Option<FollowUpItem>,
    events_applied: u64,
}

/// A time the app came back after a crash and continued the show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resume {
    /// When it came back.
    pub at: Stamp,
    /// How long nothing was journaled before that.
    pub down_ms: i64,
}

impl Session {
    /// A session for this plan before anything has happened.
    pub fn new(plan: Arc<Plan>) -> Self {
        Self {
            timeline: Timeline::new(&plan),
            questions: Queue::from_plan(&plan),
            plan,
            comments: Vec::new(),
            index_by_id: HashMap::new(),
            active_cues: Vec::new(),
            sources: Vec::new(),
            resumes: Vec::new(),
            preflight: PreflightLog::default(),
            replies: PrivateReplies::default(),
            featured: None,
            events_applied: 0,
        }
    }

    /// Folds a sequence of events into a fresh session (crash recovery, reports).
    pub fn replay<'a>(plan: Arc<Plan>, events: impl IntoIterator<Item = &'a Event>) -> Self {
        let mut session = Self::new(plan);
        for e in events {
            session.apply(e);
        }
        session
    }

    /// The plan.
    pub fn plan(&self) -> &Arc<Plan> {
        &self.plan
    }

    /// A rehearsal's timeline: every segment moves on by itself when its time is up.
    pub fn advance_every_segment(&mut self) {
        self.timeline.advance_every_segment();
    }

    /// The show timeline.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The timeline's status at `now_ms`.
    pub fn status(&self, now_ms: i64) -> Status {
        self.timeline.status(now_ms)
    }

    /// Every comment received, in arrival order, hidden ones included.
    pub fn comments(&self) -> &[CommentEntry] {
        &self.comments
    }

    /// A received comment by its id.
    pub fn comment(&self, id: &str) -> Option<&CommentEntry> {
        self.index_by_id.get(id).map(|&i| &self.comments[i])
    }

    /// The question or comment featured now (on the overlay), if any.
    pub fn featured(&self) -> Option<&FollowUpItem> {
        self.featured.as_ref()
    }

    /// Whether a comment with this id was already received.
    pub fn has_comment(&self, id: &str) -> bool {
        self.index_by_id.contains_key(id)
    }

    /// Ids of every comment received (for a source resuming after a crash).
    pub fn comment_ids(&self) -> HashSet<String> {
        self.index_by_id.keys().cloned().collect()
    }

    /// The question queue.
    pub fn questions(&self) -> &Queue {
        &self.questions
    }

    /// Cues that fired and have not been dismissed, oldest first.
    pub fn active_cues(&self) -> &[usize] {
        &self.active_cues
    }

    /// Cues whose segment was skipped or cut short, not fired since, in the order they
    /// were missed.
    pub fn missed_cues(&self) -> &[MissedCue] {
        self.timeline.missed_cues()
    }

    /// The latest state of each source, by name.
    pub fn sources(&self) -> &[(String, SourceState)] {
        &self.sources
    }

    /// Each time the app came back after a crash, oldest first.
    pub fn resumes(&self) -> &[Resume] {
        &self.resumes
    }

    /// What pre-flight has found and ticked so far.
    pub fn preflight(&self) -> &PreflightLog {
        &self.preflight
    }

    /// Whether the show has ended.
    pub fn has_ended(&self) -> bool {
        self.timeline.show_end_ms().is_some()
    }

    /// How many events have been applied.
    pub fn events_applied(&self) -> u64 {
        self.events_applied
    }

    /// Events that fall due by themselves at `now` (cues, segments that run out and
    /// move on), in order. Journal and apply each, as with any other event.
    pub fn due_events(&self, now: Stamp) -> Vec<Event> {
        self.timeline
            .pending_changes(now.ms)
            .into_iter()
            .map(|change| match change {
                Change::CueDue { index } => Event::CueFired { index, at: now },
                Change::CueMissed { index, why } => Event::CueMissed {
                    index,
                    why,
                    at: now,
                },
                Change::Advance { index, at_ms } => Event::SegmentStarted {
                    index,
                    auto: true,
                    resume: false,
                    // The segment started when the previous one ran out, not at `now`.
                    at: Stamp {
                        ms: at_ms,
                        wall: now.wall - chrono::TimeDelta::milliseconds(now.ms - at_ms),
                    },
                },
            })
            .collect()
    }

    /// Private replies sent and comments hidden on the platform.
    pub fn private_replies(&self) -> &PrivateReplies {
        &self.replies
    }

    /// Applies one event. Events that no longer make sense (a second start, a comment
    /// id seen before) change nothing, so replaying a journal is always safe.
    pub fn apply(&mut self, event: &Event) {
        self.events_applied += 1;
        match event {
            Event::ShowStarted { at } => {
                self.timeline.start(at.ms);
                self.questions_on_air();
            }
            Event::SegmentStarted {
                index,
                auto,
                resume,
                at,
            } => {
                if *auto {
                    self.timeline.apply_change(Change::Advance {
                        index: *index,
                        at_ms: at.ms,
                    });
                } else if *resume {
                    self.timeline.resume(*index, at.ms);
                } else {
                    self.timeline.go_to(*index, at.ms);
                }
                self.questions_on_air();
            }
            Event::TimeAdjusted { delta_ms, .. } => {
                self.timeline.adjust(*delta_ms);
            }
            Event::CueFired { index, .. } => {
                if !self.timeline.cue_fired(*index) && *index < self.plan.cues.len() {
                    self.timeline.mark_cue_fired(*index);
                    self.active_cues.push(*index);
                }
            }
            Event::CueMissed { index, why, .. } => self.timeline.mark_cue_missed(*index, *why),
            Event::CueDismissed { index, .. } => self.active_cues.retain(|i| i != index),
            Event::CommentReceived {
                comment,
                verdict,
                at,
            } => self.receive(comment, verdict, *at),
            Event::QuestionAdded { .. }
            | Event::QuestionStateChanged { .. }
            | Event::QuestionMerged { .. }
            | Event::QuestionSplit { .. }
            | Event::QuestionPinned { .. }
            | Event::QuestionMoved { .. }
            | Event::QuestionReworded { .. }
            | Event::QuestionUndone { .. }
            | Event::FollowUpMarked { .. } => {
                let (comments, index) = (&self.comments, &self.index_by_id);
                apply_question_event(&mut self.questions, event, |id| {
                    index.get(id).map(|&i| {
                        let c = &comments[i].comment;
                        (c.user.clone(), c.text.clone())
                    })
                });
            }
            Event::Featured { item, .. } => self.featured = item.clone(),
            Event::SourceStatus { source, status, .. } => {
                match self.sources.iter_mut().find(|(name, _)| name == source) {
                    Some((_, s)) => *s = status.clone(),
                    None => self.sources.push((source.clone(), status.clone())),
                }
            }
            Event::PrivateReply {
                comment_id,
                template,
                result,
                detail,
                ..
            } => {
                let comment = self
                    .index_by_id
                    .get(comment_id)
                    .map(|&i| &self.comments[i].comment);
                self.replies.record(
                    comment,
                    comment_id,
                    *result,
                    template.clone(),
                    detail.clone(),
                );
            }
            Event::CommentHidden {
                comment_id, hidden, ..
            } => {
                if *hidden {
                    self.replies.hide(comment_id);
                }
            }
            Event::ShowEnded { at } => {
                self.timeline.end(at.ms);
                self.active_cues.clear();
                self.questions_on_air();
            }
            Event::Resumed { down_ms, at } => self.resumes.push(Resume {
                at: *at,
                down_ms: *down_ms,
            }),
            Event::SpeedTested {
                server,
                result,
                error,
                at,
            } => {
                let outcome = match (result, error) {
                    (Some(result), _) => SpeedOutcome::Measured(result.clone()),
                    (None, error) => SpeedOutcome::Failed {
                        server: server.clone(),
                        error: error.clone().unwrap_or_default(),
                    },
                };
                self.preflight.speed = Some((outcome, at.wall));
            }
            Event::DndChecked { dnd, by_hand, .. } => {
                self.preflight.dnd = Some(DndCheck {
                    report: dnd.clone(),
                    by_hand: *by_hand,
                });
            }
            Event::ChecklistTicked { item, ticked, .. } => self.preflight.tick(*item, *ticked),
            Event::WentLive { anyway, open, at } => {
                self.preflight.went_live = Some(WentLive {
                    anyway: *anyway,
                    open: open.clone(),
                    at: at.wall,
                });
            }
        }
    }

    fn receive(&mut self, comment: &Comment, verdict: &Verdict, at: Stamp) {
        if self.index_by_id.contains_key(&comment.id) {
            return;
        }
        self.index_by_id
            .insert(comment.id.clone(), self.comments.len());
        self.comments.push(CommentEntry {
            comment: comment.clone(),
            verdict: verdict.clone(),
            at,
        });
        receive_question(&mut self.questions, comment, verdict, at.ms);
    }

    /// Tells the queue which segment is on air, so questions tied to it surface.
    fn questions_on_air(&mut self) {
        self.questions
            .on_air(self.timeline.current(), self.timeline.show_start_ms());
    }
}
