//! The report's one pass over a journal.
//!
//! Every event but comments and the question queue's goes to the show's own
//! [`Session`] as it is (timeline, cues, resumes), so segments and cues come out as the
//! show saw them. Comments are counted here as they pass and not kept (the session
//! would keep every one). The question queue is a [`Queue`] kept here with the
//! session's three rules: a shown question joins it unless it repeats one already in
//! it (then it merges), a comment promoted by hand joins it, a state change sets its
//! state (the test `tests/report.rs` checks it against [`Session::replay`]). What is
//! kept per comment is its time, segment and verdict flags (for minute-by-minute counts
//! once the show's start is known) and its handle and text in one buffer (for a
//! promotion later in the journal).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasher;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::words::WordCounter;
use super::{
    CommentStats, Commenter, CommenterStats, CueRow, CueStats, Followup, FollowupKind, MinuteRow,
    ON_TIME_MS, Peak, QuestionRow, QuestionStats, ReasonCount, Report, ReportError, ReportOptions,
    SegmentRow, ShowInfo, WordStats, Zone,
};
use crate::comments::{Comment, Reason, Verdict, WordMatcher};
use crate::plan::{CueTime, Plan};
use crate::questions::{FollowUpItem, QuestionKey, QuestionState, Queue};
use crate::session::{Event, JournalHeader, Session, Stamp, summarize};
use crate::show::{ShowState, WindowCheck};

/// Segment code of a comment received before the show started ...
const BEFORE: u16 = u16::MAX;
/// ... and after it ended.
const AFTER: u16 = u16::MAX - 1;

const SHOWN: u8 = 1;
const QUESTION: u8 = 2;

/// What was on air when a comment came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnAir<'a> {
    /// The show had not started.
    BeforeShow,
    /// A segment.
    Segment {
        /// Index into the plan's segments.
        index: usize,
        /// Its title.
        title: &'a str,
    },
    /// The show had ended.
    AfterShow,
}

impl OnAir<'_> {
    /// The segment's title, or `before the show` / `after the show`.
    pub fn label(&self) -> &str {
        match self {
            OnAir::BeforeShow => "before the show",
            OnAir::Segment { title, .. } => title,
            OnAir::AfterShow => "after the show",
        }
    }
}

/// One comment as the fold passes it on (to `comments.csv`).
#[derive(Clone, Debug)]
pub struct CommentRow<'a> {
    /// The comment.
    pub comment: &'a Comment,
    /// The filter's verdict.
    pub verdict: &'a Verdict,
    /// When it arrived.
    pub at: Stamp,
    /// Show time, once the show has started.
    pub show_ms: Option<i64>,
    /// What was on air.
    pub on_air: OnAir<'a>,
    /// The complaint word that puts it on the follow-up list.
    pub followup: Option<&'a str>,
}

#[derive(Clone, Copy, Debug)]
struct Rec {
    ms: i64,
    /// Where its handle and then its text start in the text buffer.
    start: u64,
    user_len: u32,
    text_len: u32,
    seg: u16,
    flags: u8,
}

#[derive(Clone, Copy, Debug, Default)]
struct UserCounts {
    comments: usize,
    shown: usize,
    questions: usize,
}

#[derive(Clone, Debug)]
struct Complaint {
    rec: u32,
    id: String,
    user: String,
    text: String,
    word: String,
}

/// When a live question joined the queue, and what was on air.
#[derive(Clone, Copy, Debug)]
struct Asked {
    ms: i64,
    seg: u16,
}

type Fast = foldhash::fast::RandomState;

/// Where a comment's complaint word comes from.
pub(super) enum Matched {
    /// Look for it in the fold.
    Here,
    /// Already looked for: this word, or none.
    Found(Option<String>),
}

/// The complaint word that puts a comment on the follow-up list, as written in its
/// list. Bots and known bad actors (links, spam phrases, repeats, floods, blocked
/// users) are not customers to write back to.
pub(super) fn complaint_word(
    matcher: &mut WordMatcher,
    verdict: &Verdict,
    text: &str,
) -> Option<String> {
    let bot = verdict.reasons.iter().any(|r| {
        matches!(
            r,
            Reason::SpamLink
                | Reason::SpamPhrase
                | Reason::SpamRepeat
                | Reason::SpamFlood
                | Reason::BlockedUser
        )
    });
    if bot {
        return None;
    }
    matcher.find(text).map(str::to_owned)
}

/// The fold of one journal into a [`Report`]: [`Self::apply`] every event in order, then
/// [`Self::finish`].
pub struct ReportFold {
    plan: Arc<Plan>,
    header: JournalHeader,
    journal: std::path::PathBuf,
    options: ReportOptions,
    zone: Zone,
    session: Session,
    events: u64,
    last_ms: i64,
    /// A 64-bit hash of each comment id seen (randomly seeded: a collision, one chance
    /// in ten million for a million comments, would drop one comment) → its record.
    seen: HashMap<u64, u32, Fast>,
    id_hash: Fast,
    recs: Vec<Rec>,
    texts: String,
    hidden_by_reason: [usize; Reason::ALL.len()],
    matched: HashMap<String, usize, Fast>,
    detected: usize,
    repeated: usize,
    users: HashMap<String, UserCounts, Fast>,
    words: WordCounter,
    followup: WordMatcher,
    complaints: Vec<Complaint>,
    queue: Queue,
    asked: HashMap<QuestionKey, Asked>,
    handled: HashMap<QuestionKey, DateTime<Utc>>,
    cue_fired_ms: Vec<Option<i64>>,
}

impl ReportFold {
    /// A fold for a journal with this header, reported against `plan`.
    pub fn new(
        plan: Arc<Plan>,
        header: &JournalHeader,
        journal: &Path,
        options: &ReportOptions,
    ) -> Result<Self, ReportError> {
        Ok(Self {
            followup: super::followup_matcher(&plan)?,
            zone: options.zone.unwrap_or_else(|| Zone::of_plan(&plan)),
            session: Session::new(Arc::clone(&plan)),
            cue_fired_ms: vec![None; plan.cues.len()],
            queue: Queue::from_plan(&plan),
            plan,
            header: header.clone(),
            journal: journal.to_owned(),
            options: options.clone(),
            events: 0,
            last_ms: 0,
            seen: HashMap::default(),
            id_hash: Fast::default(),
            recs: Vec::new(),
            texts: String::new(),
            hidden_by_reason: [0; Reason::ALL.len()],
            matched: HashMap::default(),
            detected: 0,
            repeated: 0,
            users: HashMap::default(),
            words: WordCounter::default(),
            complaints: Vec::new(),
            asked: HashMap::new(),
            handled: HashMap::new(),
        })
    }

    /// Makes room for the comments of a journal of this many bytes at once, so the
    /// per-comment records are not copied as they grow (room not used is never
    /// touched, so it costs no memory).
    pub fn reserve_for(&mut self, journal_bytes: u64) {
        let bytes = usize::try_from(journal_bytes).unwrap_or(usize::MAX);
        // A comment line is at least about 200 bytes, of which handle and text are
        // well under a third.
        self.recs.reserve(bytes / 200);
        self.texts.reserve(bytes / 3);
    }

    /// The time zone local times are given in.
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// The session folded so far: timeline, cues, resumes (not comments or questions).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The question queue so far.
    pub fn questions(&self) -> &Queue {
        &self.queue
    }

    /// Folds one event. For a comment seen for the first time, returns it with what
    /// was on air.
    pub fn apply<'a>(&'a mut self, event: &'a Event) -> Option<CommentRow<'a>> {
        self.apply_matched(event, Matched::Here)
    }

    /// [`Self::apply`], with the complaint word already looked for (by
    /// [`complaint_word`] on the reader thread) when `matched` is `Found`.
    pub(super) fn apply_matched<'a>(
        &'a mut self,
        event: &'a Event,
        matched: Matched,
    ) -> Option<CommentRow<'a>> {
        self.events += 1;
        self.last_ms = self.last_ms.max(event.at().ms);
        match event {
            Event::CommentReceived {
                comment,
                verdict,
                at,
            } => return self.comment(comment, verdict, *at, matched),
            Event::QuestionAdded { comment_id, .. } => self.promote(comment_id, event),
            Event::QuestionStateChanged {
                question,
                state,
                at,
            } => {
                crate::session::apply_question_event(&mut self.queue, event, |_| None);
                let now = self.queue.find(question).map(|q| q.state);
                if now == Some(*state) {
                    if state.is_open() {
                        self.handled.remove(question);
                    } else {
                        self.handled.insert(question.clone(), at.wall);
                    }
                }
            }
            Event::QuestionMerged { .. }
            | Event::QuestionSplit { .. }
            | Event::QuestionPinned { .. }
            | Event::QuestionMoved { .. }
            | Event::QuestionReworded { .. }
            | Event::QuestionUndone { .. }
            | Event::FollowUpMarked { .. } => {
                let known = |id: &str| self.seen.contains_key(&self.id_hash.hash_one(id));
                crate::session::apply_question_event(&mut self.queue, event, |id| {
                    known(id).then(|| (String::new(), String::new()))
                });
            }
            Event::ShowStarted { .. } | Event::SegmentStarted { .. } => {
                self.session.apply(event);
                let timeline = self.session.timeline();
                self.queue
                    .on_air(timeline.current(), timeline.show_start_ms());
            }
            Event::CueFired { index, at } => {
                let before = self.session.timeline().cue_fired(*index);
                self.session.apply(event);
                if !before
                    && self.session.timeline().cue_fired(*index)
                    && let Some(slot) = self.cue_fired_ms.get_mut(*index)
                {
                    *slot = Some(at.ms);
                }
            }
            // Everything else, events added later included, is the session's alone.
            _ => self.session.apply(event),
        }
        None
    }

    /// The received comment `id`: its record, user and text.
    fn received(&self, id: &str) -> Option<(Rec, &str, &str)> {
        let &i = self.seen.get(&self.id_hash.hash_one(id))?;
        let r = self.recs[i as usize];
        let start = r.start as usize;
        let user_end = start + r.user_len as usize;
        let text_end = user_end + r.text_len as usize;
        Some((
            r,
            self.texts.get(start..user_end)?,
            self.texts.get(user_end..text_end)?,
        ))
    }

    /// What the producer marked "follow up after the show": comments and questions.
    fn marked_followups(&self, start_ms: Option<i64>) -> Vec<Followup> {
        let wall = |ms: i64| self.stamp(ms).wall;
        self.queue
            .follow_ups()
            .iter()
            .filter_map(|mark| match &mark.item {
                FollowUpItem::Comment(id) => {
                    let (r, user, text) = self.received(id)?;
                    Some(Followup {
                        kind: FollowupKind::Marked,
                        user: user.to_owned(),
                        at: Some(wall(r.ms)),
                        show_ms: start_ms.map(|s| r.ms - s),
                        segment: self.segment_title(r.seg),
                        text: text.to_owned(),
                        matched: None,
                        times_asked: 0,
                        id: id.clone(),
                    })
                }
                FollowUpItem::Question(key) => {
                    let q = self.queue.find(key)?;
                    let asked = self.asked.get(&q.key);
                    let id = match &q.key {
                        QuestionKey::Planned(id) | QuestionKey::Comment(id) => id.clone(),
                    };
                    Some(Followup {
                        kind: FollowupKind::Marked,
                        user: q.asker().unwrap_or_default().to_owned(),
                        at: asked.map(|a| wall(a.ms)),
                        show_ms: asked.zip(start_ms).map(|(a, s)| a.ms - s),
                        segment: asked.and_then(|a| self.segment_title(a.seg)),
                        text: q.text.clone(),
                        matched: None,
                        times_asked: q.times_asked(),
                        id,
                    })
                }
            })
            .collect()
    }

    /// A comment put into the queue by hand: as `Session::apply` does, when the
    /// comment was received.
    fn promote(&mut self, id: &str, event: &Event) {
        let Some(&i) = self.seen.get(&self.id_hash.hash_one(id)) else {
            return;
        };
        let r = self.recs[i as usize];
        let start = r.start as usize;
        let user_end = start + r.user_len as usize;
        let text_end = user_end + r.text_len as usize;
        let (Some(user), Some(text)) = (
            self.texts.get(start..user_end),
            self.texts.get(user_end..text_end),
        ) else {
            return;
        };
        let key = QuestionKey::Comment(id.to_owned());
        if self.queue.find(&key).is_none() {
            let (user, text) = (user.to_owned(), text.to_owned());
            crate::session::apply_question_event(&mut self.queue, event, |_| {
                Some((user.clone(), text.clone()))
            });
            self.asked.insert(
                key,
                Asked {
                    ms: r.ms,
                    seg: r.seg,
                },
            );
        }
    }

    /// A shown question: as `Session::apply` does, it merges into the question it
    /// repeats when that one is queued, else joins the queue.
    fn question(&mut self, comment: &Comment, verdict: &Verdict, asked: Asked) {
        let key = QuestionKey::Comment(comment.id.clone());
        let new = self.queue.find(&key).is_none();
        crate::session::receive_question(&mut self.queue, comment, verdict, asked.ms);
        if new && self.queue.find(&key).is_some() {
            self.asked.insert(key, asked);
        }
    }

    fn stamp(&self, ms: i64) -> Stamp {
        Stamp {
            ms,
            wall: self.header.epoch + chrono::TimeDelta::milliseconds(ms),
        }
    }

    fn on_air(&self, seg: u16) -> OnAir<'_> {
        match seg {
            BEFORE => OnAir::BeforeShow,
            AFTER => OnAir::AfterShow,
            i => OnAir::Segment {
                index: usize::from(i),
                title: self
                    .plan
                    .segments
                    .get(usize::from(i))
                    .map_or("", |s| s.title.as_str()),
            },
        }
    }

    fn segment_title(&self, seg: u16) -> Option<String> {
        match self.on_air(seg) {
            OnAir::Segment { title, .. } => Some(title.to_owned()),
            _ => None,
        }
    }

    fn comment<'a>(
        &'a mut self,
        comment: &'a Comment,
        verdict: &'a Verdict,
        at: Stamp,
        matched: Matched,
    ) -> Option<CommentRow<'a>> {
        let index = u32::try_from(self.recs.len()).unwrap_or(u32::MAX);
        match self.seen.entry(self.id_hash.hash_one(comment.id.as_str())) {
            std::collections::hash_map::Entry::Occupied(_) => return None,
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(index);
            }
        }
        let timeline = self.session.timeline();
        let show_ms = timeline.show_start_ms().map(|s| at.ms - s);
        let seg = match timeline.state() {
            ShowState::NotStarted => BEFORE,
            ShowState::Running { index } => u16::try_from(index).unwrap_or(AFTER - 1),
            ShowState::Ended => AFTER,
        };
        let shown = verdict.shown;
        let question = shown && verdict.question;
        let start = self.texts.len() as u64;
        self.texts.push_str(&comment.user);
        self.texts.push_str(&comment.text);
        self.recs.push(Rec {
            ms: at.ms,
            start,
            user_len: u32::try_from(comment.user.len()).unwrap_or(0),
            text_len: u32::try_from(comment.text.len()).unwrap_or(0),
            seg,
            flags: if shown { SHOWN } else { 0 } | if question { QUESTION } else { 0 },
        });

        if !shown {
            for reason in &verdict.reasons {
                self.hidden_by_reason[*reason as usize] += 1;
            }
            if let Some(word) = &verdict.matched {
                match self.matched.get_mut(word) {
                    Some(n) => *n += 1,
                    None => {
                        self.matched.insert(word.clone(), 1);
                    }
                }
            }
        }
        if question {
            self.detected += 1;
            if verdict.duplicate_of.is_some() {
                self.repeated += 1;
            }
        }
        if !comment.user.is_empty() {
            let counts = match self.users.get_mut(&comment.user) {
                Some(c) => c,
                None => self.users.entry(comment.user.clone()).or_default(),
            };
            counts.comments += 1;
            counts.shown += usize::from(shown);
            counts.questions += usize::from(question);
        }
        if shown {
            self.words.add(&comment.text);
        }
        let found = match matched {
            Matched::Here => complaint_word(&mut self.followup, verdict, &comment.text),
            Matched::Found(word) => word,
        };
        let complaint = found.is_some();
        if let Some(word) = found {
            self.complaints.push(Complaint {
                rec: index,
                id: comment.id.clone(),
                user: comment.user.clone(),
                text: comment.text.clone(),
                word,
            });
        }
        if question {
            self.question(comment, verdict, Asked { ms: at.ms, seg });
        }
        let this = &*self;
        Some(CommentRow {
            comment,
            verdict,
            at,
            show_ms,
            on_air: this.on_air(seg),
            followup: if complaint {
                this.complaints.last().map(|c| c.word.as_str())
            } else {
                None
            },
        })
    }

    /// The report. `torn_tail`: the journal's last line was torn and left out.
    pub fn finish(self, torn_tail: bool) -> Report {
        let summary = summarize(&self.session, self.last_ms);
        let timeline = self.session.timeline();
        let start_ms = timeline.show_start_ms();
        let end_ms = timeline.show_end_ms();
        let runs = timeline.runs();
        let wall = |ms: i64| self.stamp(ms).wall;

        // Minute by minute, from the show's start (or the first comment).
        let origin = start_ms
            .or_else(|| self.recs.iter().map(|r| r.ms).min())
            .unwrap_or(0);
        let minute_of = |ms: i64| (ms - origin).div_euclid(60_000);
        #[derive(Default)]
        struct Acc {
            received: usize,
            shown: usize,
            questions: usize,
            by_seg: Vec<(u16, usize)>,
        }
        let mut minutes: BTreeMap<i64, Acc> = BTreeMap::new();
        let segments_n = self.plan.segments.len();
        let mut seg_comments = vec![0usize; segments_n];
        let mut seg_questions = vec![0usize; segments_n];
        let (mut before, mut during, mut after) = (0, 0, 0);
        let mut shown_total = 0;
        for r in &self.recs {
            let acc = minutes.entry(minute_of(r.ms)).or_default();
            acc.received += 1;
            let shown = r.flags & SHOWN != 0;
            let question = r.flags & QUESTION != 0;
            acc.shown += usize::from(shown);
            acc.questions += usize::from(question);
            shown_total += usize::from(shown);
            match acc.by_seg.iter_mut().find(|(s, _)| *s == r.seg) {
                Some((_, n)) => *n += 1,
                None => acc.by_seg.push((r.seg, 1)),
            }
            match r.seg {
                BEFORE => before += 1,
                AFTER => after += 1,
                s => {
                    during += 1;
                    if let Some(n) = seg_comments.get_mut(usize::from(s)) {
                        *n += 1;
                    }
                    if question && let Some(n) = seg_questions.get_mut(usize::from(s)) {
                        *n += 1;
                    }
                }
            }
        }
        let on_air_at = |ms: i64| -> Option<usize> {
            if start_ms.is_none_or(|s| ms < s) || end_ms.is_some_and(|e| ms >= e) {
                return None;
            }
            runs.iter()
                .rev()
                .find(|r| r.started_ms <= ms && r.ended_ms.is_none_or(|e| ms < e))
                .map(|r| r.index)
        };
        let mut per_minute = Vec::new();
        let mut seg_peaks: Vec<(Option<i64>, usize)> = vec![(None, 0); segments_n];
        if let (Some((&first, _)), Some((&last, _))) =
            (minutes.first_key_value(), minutes.last_key_value())
        {
            for minute in first..=last {
                let start_ms = origin + minute * 60_000;
                let row = match minutes.get(&minute) {
                    Some(acc) => {
                        for &(s, n) in &acc.by_seg {
                            if let Some(peak) = seg_peaks.get_mut(usize::from(s))
                                && n > peak.1
                            {
                                *peak = (Some(minute), n);
                            }
                        }
                        let top = acc
                            .by_seg
                            .iter()
                            .copied()
                            .max_by_key(|&(s, n)| (n, std::cmp::Reverse(s)))
                            .map(|(s, _)| s);
                        MinuteRow {
                            minute,
                            start: wall(start_ms),
                            received: acc.received,
                            shown: acc.shown,
                            hidden: acc.received - acc.shown,
                            questions: acc.questions,
                            segment: top.filter(|&s| s != BEFORE && s != AFTER).map(usize::from),
                        }
                    }
                    None => MinuteRow {
                        minute,
                        start: wall(start_ms),
                        received: 0,
                        shown: 0,
                        hidden: 0,
                        questions: 0,
                        segment: on_air_at(start_ms + 30_000),
                    },
                };
                per_minute.push(row);
            }
        }
        let title_of = |i: usize| self.plan.segments.get(i).map(|s| s.title.clone());
        let peak = per_minute
            .iter()
            .filter(|m| m.received > 0)
            .max_by_key(|m| (m.received, std::cmp::Reverse(m.minute)))
            .map(|m| Peak {
                minute: m.minute,
                comments: m.received,
                segment: m.segment.and_then(title_of),
            });

        let running_ms = summary.running.actual_ms;
        let per_min = |n: usize, ms: i64| {
            if ms > 0 {
                n as f64 * 60_000.0 / ms as f64
            } else {
                0.0
            }
        };
        let received = self.recs.len();
        let mut top_matched: Vec<super::Count> = self
            .matched
            .iter()
            .map(|(w, &n)| super::Count {
                text: w.clone(),
                count: n,
            })
            .collect();
        top_matched.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
        top_matched.truncate(self.options.top);
        let comments = CommentStats {
            received,
            shown: shown_total,
            hidden: received - shown_total,
            hidden_by_reason: Reason::ALL
                .iter()
                .map(|&reason| ReasonCount {
                    reason,
                    comments: self.hidden_by_reason[reason as usize],
                })
                .collect(),
            top_matched,
            questions_detected: self.detected,
            questions_repeated: self.repeated,
            before_show: before,
            during_show: during,
            after_show: after,
            rate_per_min: per_min(during, running_ms),
            peak,
        };

        let mut top_users: Vec<(&String, &UserCounts)> = self.users.iter().collect();
        top_users.sort_by(|a, b| b.1.comments.cmp(&a.1.comments).then_with(|| a.0.cmp(b.0)));
        let commenters = CommenterStats {
            unique: self.users.len(),
            top: top_users
                .into_iter()
                .take(self.options.top)
                .map(|(user, c)| Commenter {
                    user: user.clone(),
                    comments: c.comments,
                    shown: c.shown,
                    questions: c.questions,
                })
                .collect(),
        };

        let segments = summary
            .segments
            .iter()
            .map(|s| {
                let n = seg_comments.get(s.index).copied().unwrap_or(0);
                let (peak_minute, peak_comments) =
                    seg_peaks.get(s.index).copied().unwrap_or((None, 0));
                SegmentRow {
                    index: s.index,
                    title: s.title.clone(),
                    kind: self.plan.segments[s.index].kind.label().to_owned(),
                    planned_ms: s.planned_ms,
                    actual_ms: s.actual_ms,
                    adjusted_ms: s.adjusted_ms,
                    over_ms: s.over_ms,
                    runs: s.runs,
                    skipped: s.skipped,
                    first_start_ms: runs
                        .iter()
                        .find(|r| r.index == s.index)
                        .zip(start_ms)
                        .map(|(r, start)| r.started_ms - start),
                    comments: n,
                    questions: seg_questions.get(s.index).copied().unwrap_or(0),
                    rate_per_min: per_min(n, s.actual_ms),
                    peak_minute,
                    peak_comments,
                }
            })
            .collect();

        let queue = self.queue.all();
        let list: Vec<QuestionRow> = queue
            .iter()
            .map(|q| {
                let asked = self.asked.get(&q.key);
                let (from, id) = match &q.key {
                    QuestionKey::Planned(id) => ("plan", id.clone()),
                    QuestionKey::Comment(id) => ("comment", id.clone()),
                };
                QuestionRow {
                    from: from.to_owned(),
                    id,
                    text: q.text.clone(),
                    asker: q.asker().map(str::to_owned),
                    also_asked_by: q.askers().iter().skip(1).map(|a| (*a).to_owned()).collect(),
                    state: q.state,
                    asked_at: asked.map(|a| wall(a.ms)),
                    asked_show_ms: asked.zip(start_ms).map(|(a, s)| a.ms - s),
                    segment: asked.and_then(|a| self.segment_title(a.seg)),
                    handled_at: (!q.state.is_open())
                        .then(|| self.handled.get(&q.key).copied())
                        .flatten(),
                }
            })
            .collect();
        let planned = queue
            .iter()
            .filter(|q| matches!(q.key, QuestionKey::Planned(_)))
            .count();
        let in_state = |state| queue.iter().filter(|q| q.state == state).count();
        let left_questions = self.queue.upcoming();
        let questions = QuestionStats {
            total: queue.len(),
            planned,
            live: queue.len() - planned,
            merged: queue
                .iter()
                .map(|q| q.times_asked().saturating_sub(1))
                .sum(),
            answered: in_state(QuestionState::Answered),
            skipped: in_state(QuestionState::Skipped),
            left: left_questions.len(),
            list,
        };

        let cue_list: Vec<CueRow> = self
            .plan
            .cues
            .iter()
            .enumerate()
            .map(|(index, cue)| {
                let fired = self.cue_fired_ms.get(index).copied().flatten();
                let due = fired.and_then(|f| match &cue.at {
                    CueTime::Show(t) => start_ms.map(|s| s + t.ms()),
                    CueTime::Segment(name, t) => {
                        let seg = self.plan.segment_index(name)?;
                        runs.iter()
                            .rev()
                            .find(|r| r.index == seg && r.started_ms <= f)
                            .map(|r| r.started_ms - r.carried_ms + t.ms())
                    }
                });
                let late_ms = fired.zip(due).map(|(f, d)| f - d);
                let status = match (fired, late_ms) {
                    (None, _) => "not_fired",
                    (Some(_), Some(l)) if l > ON_TIME_MS => "late",
                    _ => "on_time",
                };
                let show = |ms: i64| start_ms.map(|s| ms - s);
                CueRow {
                    index,
                    what: cue.what.describe(&self.plan),
                    due_show_ms: due.and_then(show),
                    fired_show_ms: fired.and_then(show),
                    late_ms,
                    status: status.to_owned(),
                }
            })
            .collect();
        let count = |s: &str| cue_list.iter().filter(|c| c.status == s).count();
        let cues = CueStats {
            planned: cue_list.len(),
            fired: cue_list.len() - count("not_fired"),
            on_time: count("on_time"),
            late: count("late"),
            list: cue_list,
        };

        // First what the producer marked, then what nobody answered and the complaints
        // (each thing once).
        let mut followups: Vec<Followup> = self.marked_followups(start_ms);
        let marked: HashSet<String> = followups.iter().map(|f| f.id.clone()).collect();
        followups.extend(
            left_questions
                .iter()
                .map(|q| {
                    let asked = self.asked.get(&q.key);
                    let id = match &q.key {
                        QuestionKey::Planned(id) | QuestionKey::Comment(id) => id.clone(),
                    };
                    Followup {
                        kind: FollowupKind::UnansweredQuestion,
                        user: q.asker().unwrap_or_default().to_owned(),
                        at: asked.map(|a| wall(a.ms)),
                        show_ms: asked.zip(start_ms).map(|(a, s)| a.ms - s),
                        segment: asked.and_then(|a| self.segment_title(a.seg)),
                        text: q.text.clone(),
                        matched: None,
                        times_asked: q.times_asked(),
                        id,
                    }
                })
                .filter(|f| !marked.contains(&f.id)),
        );
        followups.extend(
            self.complaints
                .iter()
                .filter(|c| !marked.contains(&c.id))
                .map(|c| {
                    let r = self.recs[c.rec as usize];
                    Followup {
                        kind: FollowupKind::Complaint,
                        user: c.user.clone(),
                        at: Some(wall(r.ms)),
                        show_ms: start_ms.map(|s| r.ms - s),
                        segment: self.segment_title(r.seg),
                        text: c.text.clone(),
                        matched: Some(c.word.clone()),
                        times_asked: 0,
                        id: c.id.clone(),
                    }
                }),
        );
        // Marked first; then by time, planned questions (never asked in a comment) last.
        followups.sort_by_key(|f| (f.kind != FollowupKind::Marked, f.at.is_none(), f.at));

        let (window, _) = match summary.running.window {
            WindowCheck::Inside => ("inside", 0),
            WindowCheck::Short { by_ms } => ("short", by_ms),
            WindowCheck::Long { by_ms } => ("long", by_ms),
        };
        let started_at = start_ms.map(wall);
        let local_start = started_at.map(|t| self.zone.local(t));
        let show = ShowInfo {
            title: self.plan.title.clone(),
            plan_hash: self.header.plan_hash.clone(),
            plan_matches: crate::plan::hash(&self.plan).is_ok_and(|h| h == self.header.plan_hash),
            journal: self.journal.clone(),
            state: match summary.state {
                ShowState::NotStarted => "not_started",
                ShowState::Running { .. } => "running",
                ShowState::Ended => "ended",
            }
            .to_owned(),
            started_at,
            ended_at: end_ms.map(wall),
            time_zone: self.zone.name(),
            local_start: local_start.map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
            weekday: local_start.map(|t| t.format("%A").to_string()),
            running_ms,
            planned_ms: summary.running.planned_ms,
            target_min_ms: summary.running.target_min_ms,
            target_max_ms: summary.running.target_max_ms,
            over_ms: summary.running.over_ms,
            window: window.to_owned(),
            events: self.events,
            resumes: self.session.resumes().len(),
            down_ms: self.session.resumes().iter().map(|r| r.down_ms).sum(),
            torn_tail,
        };

        Report {
            show,
            comments,
            commenters,
            per_minute,
            segments,
            questions,
            words: WordStats {
                comments: self.words.comments(),
                words: self.words.top_words(self.options.top),
                phrases: self.words.top_phrases(self.options.top),
            },
            cues,
            followups,
            preflight: super::PreflightInfo::from_log(&self.plan, self.session.preflight()),
        }
    }
}
