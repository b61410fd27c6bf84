//! After the show: a finished (or interrupted) journal folded into statistics, and the
//! files a producer takes away.
//!
//! [`report_journal`] reads a journal one event at a time ([`JournalReader`]) and
//! folds every event once ([`ReportFold`]): the show's own [`Session`] folds the
//! timeline, the question queue and the cues, exactly as during the show (and
//! [`session::summarize`] reads planned-against-actual from it, as the summary screen
//! does); the report counts comments itself, without keeping them, so a million
//! comments cost about a hundred bytes each. The result is a [`Report`]; `export`
//! writes it as `summary.json`, CSV files, `chart.png` and `report.md`, and `trend`
//! lines several shows up.
//!
//! No egui here: the app's report screen draws a [`Report`].
//!
//! [`Session`]: crate::session::Session
//! [`session::summarize`]: crate::session::summarize

mod chart;
mod export;
mod fold;
mod followup;
mod sheet;
mod trend;
mod words;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

pub use chart::{CHART_HEIGHT, CHART_WIDTH, render_chart, write_chart};
pub use export::{ExportOptions, ReportFiles, export_journal, write_report};
pub use fold::{CommentRow, OnAir, ReportFold};
pub use followup::{builtin_followup_words, followup_matcher};
pub use sheet::{neutralize, write_csv};
pub use trend::{TrendRow, trend_markdown, trend_rows, write_trend_csv};
pub use words::{Count, WordCounter, is_stopword};

use crate::comments::{FilterError, Reason};
use crate::plan::Plan;
use crate::questions::QuestionState;
use crate::session::{Event, JournalError, JournalReader};

/// A cue counts as on time when it fired at most this long after it fell due (the app
/// checks every frame, `record` every 200 ms; more means the app was not running).
pub const ON_TIME_MS: i64 = 2_000;

/// How many entries the "top" lists keep.
pub const TOP: usize = 20;

/// Everything a report says about one show. Serialised as `summary.json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The show: plan, times, running time against the plan.
    pub show: ShowInfo,
    /// Comments received, shown, hidden and why, the busiest minute.
    pub comments: CommentStats,
    /// Who commented.
    pub commenters: CommenterStats,
    /// Comments minute by minute, from the first minute with a comment (show time
    /// 0 is the show's start; minutes before it are negative) to the last.
    pub per_minute: Vec<MinuteRow>,
    /// Each planned segment: planned against actual, and its comments.
    pub segments: Vec<SegmentRow>,
    /// The question queue at the end of the show.
    pub questions: QuestionStats,
    /// The most frequent words and phrases of shown comments.
    pub words: WordStats,
    /// Cues fired on time, late or not at all.
    pub cues: CueStats,
    /// What someone should answer after the show: questions left and complaints.
    pub followups: Vec<Followup>,
    /// Pre-flight before the show, when the journal has any of it.
    pub preflight: Option<PreflightInfo>,
}

/// What pre-flight found before the show, as the journal has it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PreflightInfo {
    /// The latest speed test's figures.
    pub speed: Option<crate::preflight::speed::SpeedResult>,
    /// Why the latest speed test could not run.
    pub speed_error: Option<String>,
    /// When the latest speed test finished.
    pub tested_at: Option<DateTime<Utc>>,
    /// The upload the plan asks for, Mbps.
    pub min_upload_mbps: f64,
    /// This computer's do-not-disturb, as last read.
    pub dnd: Option<crate::preflight::dnd::DndReport>,
    /// Do-not-disturb confirmed by hand.
    pub dnd_by_hand: bool,
    /// Each checklist item and whether it was ticked.
    pub checklist: Vec<ChecklistRow>,
    /// `go`, `anyway` (went live though something was open), or none.
    pub went_live: Option<String>,
    /// What was open or failing when the host went live anyway.
    pub open_at_go: Vec<String>,
}

/// One checklist item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChecklistRow {
    /// The item.
    pub item: String,
    /// Ticked by the time the show started (or the report was made).
    pub ticked: bool,
}

impl PreflightInfo {
    /// The section for `plan` from a session's pre-flight fold; none when nothing of
    /// pre-flight was journaled.
    pub fn from_log(plan: &Plan, log: &crate::preflight::PreflightLog) -> Option<Self> {
        use crate::preflight::SpeedOutcome;
        if log == &crate::preflight::PreflightLog::default() {
            return None;
        }
        let (speed, speed_error, tested_at) = match &log.speed {
            Some((SpeedOutcome::Measured(r), at)) => (Some(r.clone()), None, Some(*at)),
            Some((SpeedOutcome::Failed { error, .. }, at)) => {
                (None, Some(error.clone()), Some(*at))
            }
            None => (None, None, None),
        };
        Some(Self {
            speed,
            speed_error,
            tested_at,
            min_upload_mbps: crate::preflight::min_upload_mbps(plan),
            dnd: log.dnd.as_ref().map(|d| d.report.clone()),
            dnd_by_hand: log.dnd.as_ref().is_some_and(|d| d.by_hand),
            checklist: crate::preflight::checklist::items(plan)
                .into_iter()
                .enumerate()
                .map(|(i, item)| ChecklistRow {
                    item,
                    ticked: log.is_ticked(i),
                })
                .collect(),
            went_live: log
                .went_live
                .as_ref()
                .map(|w| if w.anyway { "anyway" } else { "go" }.to_owned()),
            open_at_go: log
                .went_live
                .as_ref()
                .map(|w| w.open.clone())
                .unwrap_or_default(),
        })
    }
}

/// The show as a whole.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShowInfo {
    /// The plan's title.
    pub title: String,
    /// The hash of the plan the show ran (from the journal header).
    pub plan_hash: String,
    /// False when the plan given to the report is another version than the show ran.
    pub plan_matches: bool,
    /// The journal file.
    pub journal: PathBuf,
    /// `not_started`, `running` (the journal ends without "End show") or `ended`.
    pub state: String,
    /// When the show started.
    pub started_at: Option<DateTime<Utc>>,
    /// When the show ended.
    pub ended_at: Option<DateTime<Utc>>,
    /// The time zone local times are given in: the plan's, else this computer's.
    pub time_zone: String,
    /// Local start, `2026-11-28 20:00`.
    pub local_start: Option<String>,
    /// Weekday of the local start, `Saturday`.
    pub weekday: Option<String>,
    /// Start to end (to the last event when the show did not end).
    pub running_ms: i64,
    /// Sum of the planned segment durations.
    pub planned_ms: i64,
    /// Shortest running time the plan aims for.
    pub target_min_ms: i64,
    /// Longest running time the plan aims for.
    pub target_max_ms: i64,
    /// Running minus planned: positive ran over.
    pub over_ms: i64,
    /// `inside`, `short` or `long` of the target window.
    pub window: String,
    /// Events in the journal.
    pub events: u64,
    /// Times the app came back after a crash, and how long it was down in all.
    pub resumes: usize,
    /// Total time down before those resumes.
    pub down_ms: i64,
    /// A torn last line (a crash mid-write) was left out.
    pub torn_tail: bool,
}

/// Comment counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommentStats {
    /// Comments received, hidden ones included (each id once).
    pub received: usize,
    /// Shown by the filter.
    pub shown: usize,
    /// Hidden by the filter.
    pub hidden: usize,
    /// Hidden comments per reason, every reason in `Reason::ALL` order (a comment
    /// hidden for two reasons counts under both).
    pub hidden_by_reason: Vec<ReasonCount>,
    /// The words and phrases that hid comments, most frequent first.
    pub top_matched: Vec<Count>,
    /// Shown comments read as questions, repeats included.
    pub questions_detected: usize,
    /// Of those, repeats of an earlier question.
    pub questions_repeated: usize,
    /// Received before the show started.
    pub before_show: usize,
    /// Received while the show ran.
    pub during_show: usize,
    /// Received after it ended.
    pub after_show: usize,
    /// Comments per minute while the show ran.
    pub rate_per_min: f64,
    /// The minute with the most comments.
    pub peak: Option<Peak>,
}

/// Hidden comments for one reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ReasonCount {
    /// The reason.
    pub reason: Reason,
    /// How many hidden comments gave it.
    pub comments: usize,
}

/// The busiest minute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Peak {
    /// Show minute (0 = the first minute of the show).
    pub minute: i64,
    /// Comments in it.
    pub comments: usize,
    /// The segment on air then (most of that minute's comments), if the show ran.
    pub segment: Option<String>,
}

/// Who commented.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommenterStats {
    /// Distinct handles (comments without a handle are not counted).
    pub unique: usize,
    /// The most active, most comments first.
    pub top: Vec<Commenter>,
}

/// One commenter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Commenter {
    /// The handle.
    pub user: String,
    /// Comments received.
    pub comments: usize,
    /// Of those, shown.
    pub shown: usize,
    /// Of those, questions.
    pub questions: usize,
}

/// One minute of the show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MinuteRow {
    /// Show minute: 0 starts at the show's start; negative before it. When the show
    /// never started, minute 0 starts at the first comment.
    pub minute: i64,
    /// When the minute started.
    pub start: DateTime<Utc>,
    /// Comments received.
    pub received: usize,
    /// Shown.
    pub shown: usize,
    /// Hidden.
    pub hidden: usize,
    /// Shown questions.
    pub questions: usize,
    /// The segment with most of the minute's comments (or on air at its start).
    pub segment: Option<usize>,
}

/// One planned segment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SegmentRow {
    /// Index into the plan's segments.
    pub index: usize,
    /// Title.
    pub title: String,
    /// Kind, as in the rundown (`warm-up`, `Q&A`, ...).
    pub kind: String,
    /// Planned length.
    pub planned_ms: i64,
    /// Time on air, all runs.
    pub actual_ms: i64,
    /// Time added or removed.
    pub adjusted_ms: i64,
    /// Actual minus planned: positive ran over.
    pub over_ms: i64,
    /// How many times it went on air.
    pub runs: usize,
    /// Never on air though the show went past it.
    pub skipped: bool,
    /// Show time it first went on air.
    pub first_start_ms: Option<i64>,
    /// Comments received while it was on air.
    pub comments: usize,
    /// Shown questions asked while it was on air.
    pub questions: usize,
    /// Comments per minute on air.
    pub rate_per_min: f64,
    /// Its busiest show minute, and the comments in it while it was on air.
    pub peak_minute: Option<i64>,
    /// Comments in that minute.
    pub peak_comments: usize,
}

/// The question queue at the end.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionStats {
    /// Questions in the queue: planned, live, and comments promoted by hand.
    pub total: usize,
    /// From the plan.
    pub planned: usize,
    /// Detected in comments or promoted.
    pub live: usize,
    /// Asked again by someone else and merged into the first.
    pub merged: usize,
    /// Answered.
    pub answered: usize,
    /// Skipped.
    pub skipped: usize,
    /// Never handled.
    pub left: usize,
    /// Every question, in the order they joined the queue.
    pub list: Vec<QuestionRow>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionRow {
    /// `plan` or `comment`.
    pub from: String,
    /// The planned question's id or the comment's id.
    pub id: String,
    /// The question as first asked.
    pub text: String,
    /// Who asked first.
    pub asker: Option<String>,
    /// Who asked again.
    pub also_asked_by: Vec<String>,
    /// Queued (left), answered or skipped.
    pub state: QuestionState,
    /// When it was asked (live questions).
    pub asked_at: Option<DateTime<Utc>>,
    /// Show time it was asked.
    pub asked_show_ms: Option<i64>,
    /// The segment on air when it was asked.
    pub segment: Option<String>,
    /// When it was answered or skipped.
    pub handled_at: Option<DateTime<Utc>>,
}

/// Words and phrases.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WordStats {
    /// Shown comments counted.
    pub comments: usize,
    /// Most frequent words (in how many comments), stop-words left out.
    pub words: Vec<Count>,
    /// Most frequent phrases of two or three words, used in at least two comments.
    pub phrases: Vec<Count>,
}

/// Cues.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CueStats {
    /// In the plan.
    pub planned: usize,
    /// Fired.
    pub fired: usize,
    /// Fired within [`ON_TIME_MS`] of falling due.
    pub on_time: usize,
    /// Fired later.
    pub late: usize,
    /// Every cue, in plan order.
    pub list: Vec<CueRow>,
}

/// One cue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CueRow {
    /// Index into the plan's cues.
    pub index: usize,
    /// What it asked for.
    pub what: String,
    /// Show time it fell due (for a segment cue: in the run it fired in).
    pub due_show_ms: Option<i64>,
    /// Show time it fired.
    pub fired_show_ms: Option<i64>,
    /// Fired minus due.
    pub late_ms: Option<i64>,
    /// `on_time`, `late` or `not_fired`.
    pub status: String,
}

/// Why something is on the follow-up list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowupKind {
    /// A question or comment the producer marked "follow up after the show".
    Marked,
    /// A question nobody answered or skipped.
    UnansweredQuestion,
    /// A comment with a complaint or order-problem word.
    Complaint,
}

impl FollowupKind {
    /// The snake-case name used in files.
    pub fn as_str(&self) -> &'static str {
        match self {
            FollowupKind::Marked => "marked",
            FollowupKind::UnansweredQuestion => "unanswered_question",
            FollowupKind::Complaint => "complaint",
        }
    }
}

/// Something to answer after the show (in a private message, within the hour).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Followup {
    /// Why.
    pub kind: FollowupKind,
    /// Who (empty when unknown).
    pub user: String,
    /// When it was written (none for a planned question).
    pub at: Option<DateTime<Utc>>,
    /// Show time.
    pub show_ms: Option<i64>,
    /// The segment on air then.
    pub segment: Option<String>,
    /// The comment or question.
    pub text: String,
    /// The complaint word found, as written in its list.
    pub matched: Option<String>,
    /// How many asked (questions).
    pub times_asked: usize,
    /// The comment id, or the planned question's id.
    pub id: String,
}

/// How far a report has read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Bytes of the journal read.
    pub bytes_read: u64,
    /// The journal's length.
    pub total_bytes: u64,
    /// Events folded.
    pub events: u64,
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The journal could not be read.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// A file could not be written.
    #[error("{path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A CSV file could not be written.
    #[error("{path}: {message}")]
    Csv {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The chart could not be drawn or saved.
    #[error("chart: {0}")]
    Chart(String),
    /// The follow-up word lists could not be compiled.
    #[error(transparent)]
    Words(#[from] FilterError),
}

/// A time zone for local times in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// An IANA zone (the plan's `scheduled_start.time_zone`).
    Named(chrono_tz::Tz),
    /// This computer's.
    Local,
}

impl Zone {
    /// The plan's time zone when it names a known one, else this computer's.
    pub fn of_plan(plan: &Plan) -> Zone {
        plan.scheduled_start
            .as_ref()
            .and_then(|s| s.time_zone.parse().ok())
            .map_or(Zone::Local, Zone::Named)
    }

    /// The zone a report names ([`Self::name`]): an IANA name, else this computer's.
    pub fn from_name(name: &str) -> Zone {
        name.parse().map_or(Zone::Local, Zone::Named)
    }

    /// Its name.
    pub fn name(&self) -> String {
        match self {
            Zone::Named(tz) => tz.name().to_owned(),
            Zone::Local => "local".to_owned(),
        }
    }

    /// `t` in this zone.
    pub fn local(&self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        match self {
            Zone::Named(tz) => t.with_timezone(tz).fixed_offset(),
            Zone::Local => t.with_timezone(&chrono::Local).fixed_offset(),
        }
    }

    /// `2026-11-28 20:03:05`, local.
    pub fn format(&self, t: DateTime<Utc>) -> String {
        self.local(t).format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// Options of a report.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// How many entries the top lists keep.
    pub top: usize,
    /// The time zone of local times (default: the plan's, else this computer's).
    pub zone: Option<Zone>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        Self {
            top: TOP,
            zone: None,
        }
    }
}

/// Events decoded on the reader thread and handed over together.
const BATCH: usize = 1024;

/// What the reader thread hands over.
enum Read {
    /// Events, each with its complaint word when it is a comment, and the bytes read
    /// after them.
    Events(Vec<(Event, Option<String>)>, u64),
    /// The end, and whether a torn last line was left out.
    End(bool),
    /// The journal is damaged or could not be read.
    Failed(JournalError),
}

/// Reads the journal at `path` and folds it into a report for `plan`. `progress` is
/// called after every batch of about a thousand events and at the end; `on_comment` with every comment as it
/// is read (the CLI writes `comments.csv` from it in the same pass).
///
/// The journal is read and decoded on a thread of its own (`livecue-report-read`),
/// handing events over in batches on a bounded channel, together with the complaint
/// word of each comment, while this thread folds them: decoding JSON and normalising
/// text cost about as much as the rest of the fold.
pub fn report_journal(
    path: &Path,
    plan: Arc<Plan>,
    options: &ReportOptions,
    mut progress: impl FnMut(Progress),
    mut on_comment: impl FnMut(&CommentRow<'_>) -> Result<(), ReportError>,
) -> Result<Report, ReportError> {
    let io_err = |source| JournalError::Io {
        path: path.to_owned(),
        source,
    };
    let total_bytes = std::fs::metadata(path).map_err(io_err)?.len();
    let mut reader = JournalReader::open(path)?;
    let mut matcher = followup_matcher(&plan)?;
    let mut fold = ReportFold::new(plan, reader.header(), path, options)?;
    fold.reserve_for(total_bytes);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Read>(8);
    // Folded batches go back to be dropped where their strings were allocated, which
    // the allocator does faster than freeing them on another thread.
    let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<Vec<(Event, Option<String>)>>(8);
    let thread = std::thread::Builder::new()
        .name("livecue-report-read".into())
        .spawn(move || {
            loop {
                let mut batch = match done_rx.try_recv() {
                    Ok(mut old) => {
                        old.clear();
                        old
                    }
                    Err(_) => Vec::with_capacity(BATCH),
                };
                let last = loop {
                    match reader.next_event() {
                        Ok(Some(event)) => {
                            let word = match &event {
                                Event::CommentReceived {
                                    comment, verdict, ..
                                } => fold::complaint_word(&mut matcher, verdict, &comment.text),
                                _ => None,
                            };
                            batch.push((event, word));
                            if batch.len() == BATCH {
                                break None;
                            }
                        }
                        Ok(None) => break Some(Read::End(reader.torn_tail().is_some())),
                        Err(e) => break Some(Read::Failed(e)),
                    }
                };
                // A closed channel means the fold stopped: nothing more to do.
                if tx.send(Read::Events(batch, reader.bytes_read())).is_err() {
                    return;
                }
                if let Some(last) = last {
                    let _ = tx.send(last);
                    return;
                }
            }
        })
        .map_err(io_err)?;
    let mut events = 0u64;
    let mut bytes_read = 0;
    let result = loop {
        match rx.recv() {
            Ok(Read::Events(mut batch, bytes)) => {
                bytes_read = bytes;
                events += batch.len() as u64;
                for (event, word) in &mut batch {
                    let word = fold::Matched::Found(word.take());
                    if let Some(row) = fold.apply_matched(event, word) {
                        on_comment(&row)?;
                    }
                }
                // When the reader is not keeping up, this thread drops it itself.
                let _ = done_tx.try_send(batch);
                progress(Progress {
                    bytes_read,
                    total_bytes,
                    events,
                });
            }
            Ok(Read::End(torn_tail)) => break Ok(torn_tail),
            Ok(Read::Failed(e)) => break Err(e.into()),
            Err(_) => {
                break Err(ReportError::Journal(io_err(std::io::Error::other(
                    "the journal reader stopped",
                ))));
            }
        }
    };
    drop(rx);
    let _ = thread.join();
    let torn_tail = result?;
    progress(Progress {
        bytes_read,
        total_bytes,
        events,
    });
    Ok(fold.finish(torn_tail))
}

/// The show time `ms` as `h:mm:ss` (`-0:01:05` before the start).
pub fn show_time(ms: i64) -> String {
    let sign = if ms < 0 { "-" } else { "" };
    let secs = ms.abs() / 1000;
    format!(
        "{sign}{}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}
