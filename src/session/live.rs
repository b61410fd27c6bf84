//! The one writer of a live session: turns actions, passing time and incoming comments
//! into events, journals each, then applies it.
//!
//! The app and the headless recorder both drive a [`Live`]; nothing else mutates a
//! running [`Session`].

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::{Event, JournalError, JournalHeader, JournalHealth, JournalWriter, Session, Stamp};
use crate::comments::{Comment, Verdict};
use crate::plan::Plan;
use crate::preflight::dnd::DndReport;
use crate::preflight::speed::SpeedResult;
use crate::questions::{FollowUpItem, PlannedMatcher, QuestionKey, QuestionState};
use crate::show::{Clock, Phase, Status};
use crate::sources::SourceState;

/// Something the host or producer asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start the show with the first segment.
    StartShow,
    /// Move to the next segment.
    NextSegment,
    /// Go back to the previous segment, as its latest run left it.
    PreviousSegment,
    /// Jump to a segment by index (from its full length).
    JumpTo(usize),
    /// Undo the last move (next, previous, jump): the segment on air before comes back
    /// as it was.
    Undo,
    /// Add (positive) or remove (negative) time on the current segment.
    AdjustTime {
        /// Milliseconds to add.
        delta_ms: i64,
    },
    /// End the show.
    EndShow,
    /// Dismiss a cue banner.
    DismissCue(usize),
    /// Fire a cue by hand now (a missed cue), with its banner and chime.
    FireCue(usize),
    /// Put a question up next, mark it answered, skipped or dismissed, or queue it again.
    SetQuestionState(QuestionKey, QuestionState),
    /// Put a comment into the question queue by hand.
    PromoteComment(String),
    /// Pin a question to the top of the queue (true), or unpin it.
    PinQuestion(QuestionKey, bool),
    /// Move a question one place up (`up`) or down, within its band of the order.
    MoveQuestion {
        /// Which question.
        question: QuestionKey,
        /// Up or down.
        up: bool,
    },
    /// Change how a question reads for the host; `None` goes back to the original.
    RewordQuestion(QuestionKey, Option<String>),
    /// Merge one entry of the queue into another by hand.
    MergeQuestion {
        /// The entry that joins.
        question: QuestionKey,
        /// The entry it joins.
        into: QuestionKey,
    },
    /// Take a merged entry, or one repeat, out of the entry it is in.
    SplitQuestion(QuestionKey),
    /// Take back the newest change made to the queue by hand.
    UndoQuestion,
    /// Mark a question or any comment for a follow-up after the show (true), or unmark.
    MarkFollowUp(FollowUpItem, bool),
    /// Feature a question or a shown comment (the overlay shows it), or take the
    /// featured one down (`None`).
    Feature(Option<FollowUpItem>),
    /// Tick or untick a pre-flight checklist item (by index into
    /// `preflight::checklist::items`).
    TickChecklist {
        /// Which item.
        item: usize,
        /// Ticked or not.
        ticked: bool,
    },
    /// The host confirms do-not-disturb by hand when the computer could not tell.
    ConfirmDndByHand,
    /// Go live from pre-flight: journals the decision and starts the show. Without
    /// `anyway` it applies only when the verdict is go.
    GoLive {
        /// Go although something is failing or open.
        anyway: bool,
    },
}

/// A sound the session asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chime {
    /// A cue with sound fell due.
    Cue,
    /// The current segment's time ran out.
    SegmentEnd,
}

/// Decides whether a comment is shown and whether it is a question.
pub trait Classifier: Send {
    /// The verdict on one comment (may keep state across comments).
    fn classify(&mut self, comment: &Comment) -> Verdict;
}

/// Where the journal goes.
#[derive(Clone, Debug)]
pub enum JournalTarget {
    /// No journal (tests, previews).
    Off,
    /// Create `journal.jsonl` in this folder when the first event happens.
    Folder(PathBuf),
}

/// How the journal is doing, for the status bar.
#[derive(Clone, Debug)]
pub enum JournalView {
    /// Journaling is off.
    Off,
    /// Nothing to save yet.
    Waiting,
    /// Writing; details inside.
    Writing(JournalHealth),
    /// The journal could not be opened; events are kept in memory only.
    Failed(String),
}

enum JournalSlot {
    Off,
    Pending(PathBuf),
    Open(JournalWriter),
    Failed(String),
}

/// A running session with its clock, journal and comment classifier.
pub struct Live {
    session: Session,
    clock: Arc<dyn Clock>,
    epoch: DateTime<Utc>,
    plan_hash: String,
    journal: JournalSlot,
    classifier: Box<dyn Classifier>,
    planned: PlannedMatcher,
    chimes: Vec<Chime>,
    /// Number of segment runs for which the time-up chime has sounded.
    time_up_runs: usize,
    /// A rehearsal's speed, written into the journal's header.
    rehearsal: Option<u32>,
}

impl Live {
    /// A new session. `epoch` is the wall-clock time of the clock's zero.
    pub fn new(
        plan: Arc<Plan>,
        clock: Arc<dyn Clock>,
        epoch: DateTime<Utc>,
        journal: JournalTarget,
        classifier: Box<dyn Classifier>,
    ) -> Self {
        let plan_hash = crate::plan::hash(&plan).unwrap_or_else(|e| format!("unavailable: {e}"));
        let planned = PlannedMatcher::new(&plan);
        Self {
            planned,
            session: Session::new(plan),
            clock,
            epoch,
            plan_hash,
            journal: match journal {
                JournalTarget::Off => JournalSlot::Off,
                JournalTarget::Folder(dir) => JournalSlot::Pending(dir),
            },
            classifier,
            chimes: Vec::new(),
            time_up_runs: 0,
            rehearsal: None,
        }
    }

    /// Continues a session from its journal after a crash: the events already written
    /// are folded again (comments also pass through the classifier, so repeat and
    /// duplicate-question windows carry on) and new events are appended to `journal`.
    pub fn resume(
        plan: Arc<Plan>,
        clock: Arc<dyn Clock>,
        epoch: DateTime<Utc>,
        journal: JournalWriter,
        events: &[Event],
        classifier: Box<dyn Classifier>,
    ) -> Self {
        let mut live = Self::new(plan, clock, epoch, JournalTarget::Off, classifier);
        for event in events {
            if let Event::CommentReceived {
                comment, verdict, ..
            } = event
            {
                // The verdict journaled then stands; this only rebuilds the filter's memory,
                // and the matcher's (its merges are journaled too).
                let _ = live.classifier.classify(comment);
                if is_new_question(verdict) {
                    let _ = live.planned.planned_for(&comment.id, &comment.text);
                }
            }
            live.session.apply(event);
        }
        live.time_up_runs = live.session.timeline().runs().len();
        live.journal = JournalSlot::Open(journal);
        live
    }

    /// Journals that the app came back after a crash, `down_ms` after the last event
    /// written before it.
    pub fn note_resumed(&mut self, down_ms: i64) {
        let at = self.stamp();
        self.emit(Event::Resumed { down_ms, at });
    }

    /// Marks this session as a rehearsal at `speed` times real time: its journal's header
    /// says so (call it before the first event, when the journal is created), and every
    /// segment moves on by itself.
    pub fn mark_rehearsal(&mut self, speed: u32) {
        self.rehearsal = Some(speed);
        // Nobody is on camera to press Next: each segment moves on when its time is up,
        // started at the instant the one before ran out (as `end_action: Next` does).
        self.session.advance_every_segment();
    }

    /// The rehearsal's speed, when this session is one.
    pub fn rehearsal(&self) -> Option<u32> {
        self.rehearsal
    }

    /// Creates the journal file now rather than at the first event, so this show is the
    /// newest on disk from the start (a show started in place of an unfinished one).
    pub fn open_journal(&mut self) {
        self.open_pending_journal();
    }

    /// The session state.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The plan.
    pub fn plan(&self) -> &Arc<Plan> {
        self.session.plan()
    }

    /// The clock's reading.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Now, as an event stamp.
    pub fn stamp(&self) -> Stamp {
        let ms = self.now_ms();
        Stamp {
            ms,
            wall: self.epoch + chrono::TimeDelta::milliseconds(ms),
        }
    }

    /// The timeline's status now.
    pub fn status(&self) -> Status {
        self.session.status(self.now_ms())
    }

    /// Comments received in the last minute.
    pub fn comments_per_min(&self) -> usize {
        let since = self.now_ms() - 60_000;
        self.session
            .comments()
            .iter()
            .rev()
            .take_while(|c| c.at.ms > since)
            .count()
    }

    /// Sounds asked for since the last call.
    pub fn take_chimes(&mut self) -> Vec<Chime> {
        std::mem::take(&mut self.chimes)
    }

    /// Carries out an action. Returns false when it does not apply now (next on the last
    /// segment, time added before the start, ...): nothing is journaled then.
    pub fn perform(&mut self, action: Action) -> bool {
        // What fell due before this moment happens before the action.
        self.tick();
        let at = self.stamp();
        let timeline = self.session.timeline();
        let event = match action {
            Action::StartShow => (timeline.show_start_ms().is_none()
                && timeline.segment_count() > 0)
                .then_some(Event::ShowStarted { at }),
            Action::NextSegment => timeline.next_index().map(|index| Event::SegmentStarted {
                index,
                auto: false,
                resume: false,
                at,
            }),
            Action::PreviousSegment => {
                timeline
                    .previous_index()
                    .map(|index| Event::SegmentStarted {
                        index,
                        auto: false,
                        resume: timeline.has_run(index),
                        at,
                    })
            }
            Action::JumpTo(index) => (timeline.current().is_some()
                && index < timeline.segment_count())
            .then_some(Event::SegmentStarted {
                index,
                auto: false,
                resume: false,
                at,
            }),
            Action::Undo => timeline.undo_index().map(|index| Event::SegmentStarted {
                index,
                auto: false,
                resume: true,
                at,
            }),
            Action::AdjustTime { delta_ms } => (timeline.current().is_some() && delta_ms != 0)
                .then_some(Event::TimeAdjusted { delta_ms, at }),
            Action::EndShow => timeline
                .current()
                .is_some()
                .then_some(Event::ShowEnded { at }),
            Action::FireCue(index) => (timeline.current().is_some()
                && index < self.plan().cues.len()
                && !timeline.cue_fired(index))
            .then_some(Event::CueFired { index, at }),
            Action::DismissCue(index) => self
                .session
                .active_cues()
                .contains(&index)
                .then_some(Event::CueDismissed { index, at }),
            Action::SetQuestionState(question, state) => self
                .session
                .questions()
                .find(&question)
                .filter(|q| q.state != state)
                .map(|_| Event::QuestionStateChanged {
                    question,
                    state,
                    at,
                }),
            Action::PromoteComment(comment_id) => (self.session.has_comment(&comment_id)
                && !self.session.questions().has_comment(&comment_id))
            .then_some(Event::QuestionAdded { comment_id, at }),
            Action::PinQuestion(question, pinned) => {
                let queue = self.session.questions();
                queue
                    .find(&question)
                    .is_some_and(|q| q.merged_into.is_none() && q.pinned != pinned)
                    .then_some(Event::QuestionPinned {
                        question,
                        pinned,
                        at,
                    })
            }
            Action::MoveQuestion { question, up } => self
                .session
                .questions()
                .neighbour(&question, up)
                .map(|to| Event::QuestionMoved { question, to, at }),
            Action::RewordQuestion(question, text) => {
                let text = text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
                self.session
                    .questions()
                    .find(&question)
                    .filter(|q| q.merged_into.is_none())
                    .filter(|q| {
                        let wanted = text.as_deref().filter(|t| *t != q.text);
                        q.wording.as_deref() != wanted
                    })
                    .map(|_| Event::QuestionReworded { question, text, at })
            }
            Action::MergeQuestion { question, into } => self
                .session
                .questions()
                .can_merge(&question, &into)
                .then_some(Event::QuestionMerged {
                    question,
                    into,
                    by_hand: true,
                    at,
                }),
            Action::SplitQuestion(question) => self
                .session
                .questions()
                .can_split(&question)
                .then_some(Event::QuestionSplit { question, at }),
            Action::UndoQuestion => self
                .session
                .questions()
                .undoable()
                .cloned()
                .map(|question| Event::QuestionUndone { question, at }),
            Action::MarkFollowUp(item, marked) => {
                let known = match &item {
                    FollowUpItem::Question(key) => self.session.questions().find(key).is_some(),
                    FollowUpItem::Comment(id) => self.session.has_comment(id),
                };
                (known && self.session.questions().is_marked(&item) != marked)
                    .then_some(Event::FollowUpMarked { item, marked, at })
            }
            Action::Feature(item) => {
                let known = match &item {
                    None => true,
                    Some(FollowUpItem::Question(key)) => self
                        .session
                        .questions()
                        .find(key)
                        .is_some_and(|q| q.merged_into.is_none()),
                    // A hidden comment stays off the stream, as it stays off the screen.
                    Some(FollowUpItem::Comment(id)) => {
                        self.session.comment(id).is_some_and(|c| c.verdict.shown)
                    }
                };
                (known && self.session.featured() != item.as_ref())
                    .then_some(Event::Featured { item, at })
            }
            Action::TickChecklist { item, ticked } => {
                let items = crate::preflight::checklist::items(self.plan());
                (item < items.len() && self.session.preflight().is_ticked(item) != ticked).then(
                    || Event::ChecklistTicked {
                        item,
                        text: items[item].clone(),
                        ticked,
                        at,
                    },
                )
            }
            Action::ConfirmDndByHand => {
                let dnd = self.session.preflight().dnd.as_ref();
                dnd.filter(|d| !d.is_on()).map(|d| Event::DndChecked {
                    dnd: d.report.clone(),
                    by_hand: true,
                    at,
                })
            }
            Action::GoLive { anyway } => {
                if timeline.show_start_ms().is_some() || timeline.segment_count() == 0 {
                    return false;
                }
                let assessment =
                    crate::preflight::assess(self.plan(), self.session.preflight(), false);
                if !assessment.go && !anyway {
                    return false;
                }
                self.emit(Event::WentLive {
                    anyway: !assessment.go,
                    open: assessment.open,
                    at,
                });
                Some(Event::ShowStarted { at })
            }
        };
        let Some(event) = event else {
            return false;
        };
        let ends = matches!(event, Event::ShowEnded { .. });
        if let Event::CueFired { index, .. } = &event {
            self.chime_for_cue(*index);
        }
        self.emit(event);
        self.tick();
        if ends {
            self.sync_journal();
        }
        true
    }

    /// Applies whatever fell due by now: cues and segments that move on by themselves.
    /// Also asks for the segment-end chime once per segment run when its time runs out.
    pub fn tick(&mut self) {
        for event in self.session.due_events(self.stamp()) {
            if let Event::CueFired { index, .. } = &event {
                self.chime_for_cue(*index);
            }
            self.emit(event);
        }
        let runs = self.session.timeline().runs().len();
        if runs > self.time_up_runs && self.status().phase == Phase::Overtime {
            self.time_up_runs = runs;
            // A segment brought back already over chimed when its time ran out.
            if !self.session.timeline().came_back_over() {
                self.chimes.push(Chime::SegmentEnd);
            }
        }
    }

    fn chime_for_cue(&mut self, index: usize) {
        if self.plan().cues.get(index).is_some_and(|c| c.sound) {
            self.chimes.push(Chime::Cue);
        }
    }

    /// Records how a pre-flight speed test ended.
    pub fn record_speed_test(&mut self, server: &str, outcome: Result<SpeedResult, String>) {
        let at = self.stamp();
        let (result, error) = match outcome {
            Ok(result) => (Some(result), None),
            Err(error) => (None, Some(error)),
        };
        self.emit(Event::SpeedTested {
            server: server.to_owned(),
            result,
            error,
            at,
        });
    }

    /// Records how a private reply to a commenter ended.
    pub fn record_private_reply(
        &mut self,
        comment_id: &str,
        template: Option<String>,
        result: super::ReplyResult,
        detail: Option<String>,
    ) {
        let at = self.stamp();
        self.emit(Event::PrivateReply {
            comment_id: comment_id.to_owned(),
            template,
            result,
            detail,
            at,
        });
    }

    /// Records how hiding a comment on the platform ended.
    pub fn record_comment_hidden(&mut self, comment_id: &str, detail: Option<String>) {
        let at = self.stamp();
        self.emit(Event::CommentHidden {
            comment_id: comment_id.to_owned(),
            hidden: detail.is_none(),
            detail,
            at,
        });
    }

    /// Records this computer's do-not-disturb reading.
    pub fn record_dnd(&mut self, dnd: DndReport) {
        let at = self.stamp();
        self.emit(Event::DndChecked {
            dnd,
            by_hand: false,
            at,
        });
    }

    /// Filters and records an incoming comment. Returns the verdict, or `None` when the
    /// comment was seen before.
    pub fn receive(&mut self, comment: Comment) -> Option<Verdict> {
        if self.session.has_comment(&comment.id) {
            return None;
        }
        let verdict = self.classifier.classify(&comment);
        let at = self.stamp();
        let (id, text) = (comment.id.clone(), comment.text.clone());
        self.emit(Event::CommentReceived {
            comment,
            verdict: verdict.clone(),
            at,
        });
        if is_new_question(&verdict)
            && let Some(planned) = self.planned.planned_for(&id, &text)
        {
            // A live question asking what a viewer asked before the show: one entry.
            let question = QuestionKey::Comment(id);
            let queue = self.session.questions();
            let into = queue
                .entry_of(&QuestionKey::Planned(planned))
                .map(|q| q.key.clone());
            if let Some(into) = into
                && queue.can_merge(&question, &into)
            {
                self.emit(Event::QuestionMerged {
                    question,
                    into,
                    by_hand: false,
                    at,
                });
            }
        }
        Some(verdict)
    }

    /// Records a source's state when it changed.
    pub fn source_status(&mut self, source: &str, status: SourceState) {
        let unchanged = self
            .session
            .sources()
            .iter()
            .any(|(name, s)| name == source && *s == status);
        if !unchanged {
            let at = self.stamp();
            self.emit(Event::SourceStatus {
                source: source.to_owned(),
                status,
                at,
            });
        }
    }

    /// How the journal is doing.
    pub fn journal_view(&self) -> JournalView {
        match &self.journal {
            JournalSlot::Off => JournalView::Off,
            JournalSlot::Pending(_) => JournalView::Waiting,
            JournalSlot::Open(w) => JournalView::Writing(w.health()),
            JournalSlot::Failed(e) => JournalView::Failed(e.clone()),
        }
    }

    /// The journal file, once it exists.
    pub fn journal_path(&self) -> Option<PathBuf> {
        match &self.journal {
            JournalSlot::Open(w) => Some(w.path().to_owned()),
            _ => None,
        }
    }

    /// Blocks until every event so far is on disk.
    pub fn sync_journal(&self) {
        if let JournalSlot::Open(w) = &self.journal {
            // A failure shows in the journal's health; nothing more to do here.
            let _ = w.sync();
        }
    }

    fn emit(&mut self, event: Event) {
        self.write(&event);
        self.session.apply(&event);
    }

    fn write(&mut self, event: &Event) {
        self.open_pending_journal();
        if let JournalSlot::Open(w) = &self.journal
            && let Err(e) = w.append(event)
        {
            let message = match e {
                JournalError::Closed => "the journal writer stopped".to_owned(),
                other => other.to_string(),
            };
            self.journal = JournalSlot::Failed(message);
        }
    }

    fn open_pending_journal(&mut self) {
        if let JournalSlot::Pending(dir) = &self.journal {
            let mut header = JournalHeader::new(
                self.plan_hash.clone(),
                self.plan().title.clone(),
                self.epoch,
            );
            header.rehearsal = self.rehearsal;
            self.journal = match JournalWriter::create(&dir.join("journal.jsonl"), &header) {
                Ok(w) => JournalSlot::Open(w),
                Err(e) => JournalSlot::Failed(e.to_string()),
            };
        }
    }
}

/// A shown question the filter found to repeat no earlier one: a new entry of the queue.
fn is_new_question(verdict: &Verdict) -> bool {
    verdict.shown && verdict.question && verdict.duplicate_of.is_none()
}

impl Classifier for crate::comments::Filter {
    fn classify(&mut self, comment: &Comment) -> Verdict {
        crate::comments::Filter::classify(self, comment)
    }
}
