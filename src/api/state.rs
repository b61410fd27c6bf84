//! What `GET /api/state` and the WebSocket send: one snapshot of the show, made on the
//! thread that owns the session after each pump, so readers never touch the session.
//!
//! Times are whole seconds: a snapshot changes at most once a second while the clock
//! runs, which is what lets the WebSocket send "on every change" and "once a second"
//! with one rule (send when the snapshot differs).

use serde::Serialize;

use crate::comments::sanitize_for_display;
use crate::plan::{CueAction, Plan};
use crate::questions::{FollowUpItem, Question, QuestionKey};
use crate::runner::StatusSummary;
use crate::session::Live;
use crate::show::{Phase, ShowState};

/// Open questions listed for the producer page.
const QUEUE_LEN: usize = 30;
/// Latest shown comments listed for the producer page.
const COMMENTS_LEN: usize = 30;

/// The show, as the API reports it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApiState {
    /// The plan's title.
    pub title: String,
    /// `not_started`, `running` or `ended`.
    pub show: &'static str,
    /// The segment on air.
    pub segment: Option<SegmentInfo>,
    /// The segment after it.
    pub next_segment: Option<SegmentInfo>,
    /// Number of segments in the plan.
    pub segment_count: usize,
    /// Seconds left in the segment on air, rounded up; negative in overtime.
    pub time_left_secs: i64,
    /// `idle`, `running`, `warning`, `danger` or `overtime`.
    pub phase: Phase,
    /// Show time so far, in seconds.
    pub show_clock_secs: i64,
    /// Positive: behind plan by this many seconds; negative: ahead.
    pub over_under_secs: i64,
    /// The planned running time, in seconds.
    pub planned_total_secs: i64,
    /// The projected running time, in seconds.
    pub projected_end_secs: i64,
    /// The projected end as a wall-clock time (RFC 3339, whole seconds), once started.
    pub projected_end_at: Option<String>,
    /// The cue falling due next on air.
    pub next_cue: Option<CueInfo>,
    /// The cue banner up now (`dismiss_cue` takes it down).
    pub active_cue: Option<CueInfo>,
    /// The question the host takes next.
    pub up_next: Option<QuestionInfo>,
    /// Open questions in the order the host takes them (up to 30).
    pub queue: Vec<QuestionInfo>,
    /// What the overlay shows.
    pub featured: Option<FeaturedInfo>,
    /// Every source heard from, with its state in words.
    pub sources: Vec<SourceInfo>,
    /// Comments received in the last minute.
    pub comments_per_min: usize,
    /// The latest shown comments, oldest first (up to 30).
    pub comments: Vec<CommentInfo>,
    /// The interface language the pages word their labels in: `zh-TW` or `en` (the
    /// app's choice; the OS's for `livecue record`).
    pub language: &'static str,
}

/// The tag pages read in [`ApiState::language`].
pub fn language_tag(language: crate::locale::Language) -> &'static str {
    match language {
        crate::locale::Language::ZhTw => "zh-TW",
        crate::locale::Language::En => "en",
    }
}

/// A segment of the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SegmentInfo {
    /// Index into the plan's segments.
    pub index: usize,
    /// Its title.
    pub title: String,
    /// Its kind, as the plan writes it (`WarmUp`, `QAndA`, ...).
    pub kind: crate::plan::SegmentKind,
    /// Its planned length in seconds.
    pub planned_secs: i64,
}

/// A cue.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CueInfo {
    /// Index into the plan's cues.
    pub index: usize,
    /// `invite_guest`, `share_media`, `mention_offer`, `call_to_action` or `custom`.
    pub what: &'static str,
    /// The guest's name, the product's name, the media's caption (else its id) or the
    /// words of the cue.
    pub text: String,
    /// Seconds until it falls due (for the next cue).
    pub in_secs: Option<i64>,
}

/// A question of the queue.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionInfo {
    /// Its key as the action parameter takes it: `planned:ID` or `comment:ID`.
    pub key: String,
    /// How it reads for the host (the producer's wording when reworded).
    pub text: String,
    /// Who asked, first asker first.
    pub askers: Vec<String>,
    /// How many asked.
    pub times_asked: usize,
    /// `queued` or `up_next` (or, featured, whatever it is now).
    pub state: &'static str,
}

/// The featured question or comment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeaturedInfo {
    /// `question` or `comment`.
    pub kind: &'static str,
    /// The question's key or the comment's id.
    pub id: String,
    /// The text to show.
    pub text: String,
    /// Who asked or wrote it (first asker first).
    pub askers: Vec<String>,
}

/// A comment source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceInfo {
    /// As named on the command line.
    pub name: String,
    /// Its state in words.
    pub status: String,
    /// Whether it is the one connected now.
    pub current: bool,
}

/// A shown comment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommentInfo {
    /// The platform's id (the `id` of `feature_comment` and `promote_comment`).
    pub id: String,
    /// The commenter's handle.
    pub user: String,
    /// The text, cleaned for display (still untrusted: pages insert it as text).
    pub text: String,
    /// Whether the filter read it as a question.
    pub question: bool,
    /// Whether it is in the question queue.
    pub queued: bool,
}

/// The key of a question as the API writes it: `planned:ID` or `comment:ID`.
pub fn key_text(key: &QuestionKey) -> String {
    match key {
        QuestionKey::Planned(id) => format!("planned:{id}"),
        QuestionKey::Comment(id) => format!("comment:{id}"),
    }
}

/// Whole seconds, rounded up (a countdown shows 0:01 until it reaches zero).
fn secs_up(ms: i64) -> i64 {
    -((-ms).div_euclid(1000))
}

/// The snapshot of `live` now.
pub fn snapshot(live: &Live, status: &StatusSummary) -> ApiState {
    let session = live.session();
    let plan = live.plan();
    let timeline = session.timeline();
    let now = live.now_ms();
    let st = live.status();
    let (show, current) = match st.state {
        ShowState::NotStarted => ("not_started", None),
        ShowState::Running { index } => ("running", Some(index)),
        ShowState::Ended => ("ended", None),
    };
    let segment_info = |index: usize| {
        plan.segments.get(index).map(|s| SegmentInfo {
            index,
            title: sanitize_for_display(&s.title),
            kind: s.kind,
            planned_secs: s.duration.ms() / 1000,
        })
    };
    let next_index = match st.state {
        ShowState::NotStarted => Some(0),
        ShowState::Running { .. } => timeline.next_index(),
        ShowState::Ended => None,
    };
    let projected_end_at = timeline
        .show_start_ms()
        .filter(|_| current.is_some())
        .map(|start| {
            let wall = live.stamp().wall
                + chrono::TimeDelta::milliseconds(start + st.projected_end_ms - now);
            wall.format("%Y-%m-%dT%H:%M:%SZ").to_string()
        });
    let queue = session.questions();
    ApiState {
        // The link's language replaces it as it publishes (`Link::answer`).
        language: language_tag(crate::locale::Language::En),
        title: sanitize_for_display(&plan.title),
        show,
        segment: current.and_then(segment_info),
        next_segment: next_index.and_then(segment_info),
        segment_count: plan.segments.len(),
        time_left_secs: if current.is_some() {
            secs_up(st.remaining_ms)
        } else {
            0
        },
        phase: st.phase,
        show_clock_secs: st.show_elapsed_ms.div_euclid(1000),
        over_under_secs: st.offset_ms / 1000,
        planned_total_secs: st.planned_total_ms / 1000,
        projected_end_secs: st.projected_end_ms / 1000,
        projected_end_at,
        next_cue: timeline.next_cue(now).and_then(|(index, in_ms)| {
            cue_info(plan, index).map(|c| CueInfo {
                in_secs: Some(secs_up(in_ms)),
                ..c
            })
        }),
        active_cue: session
            .active_cues()
            .first()
            .and_then(|&i| cue_info(plan, i)),
        up_next: queue.next().map(question_info),
        queue: queue
            .upcoming()
            .into_iter()
            .take(QUEUE_LEN)
            .map(question_info)
            .collect(),
        featured: session
            .featured()
            .and_then(|item| featured_info(live, item)),
        sources: status
            .sources
            .iter()
            .map(|(name, state)| SourceInfo {
                name: name.clone(),
                status: state.to_string(),
                current: status.current_source.as_deref() == Some(name.as_str()),
            })
            .collect(),
        comments_per_min: status.rate_per_min,
        comments: latest_comments(live),
    }
}

fn question_info(q: &Question) -> QuestionInfo {
    QuestionInfo {
        key: key_text(&q.key),
        text: sanitize_for_display(q.display_text()),
        askers: q.askers().into_iter().map(sanitize_for_display).collect(),
        times_asked: q.times_asked(),
        state: q.state.as_str(),
    }
}

fn featured_info(live: &Live, item: &FollowUpItem) -> Option<FeaturedInfo> {
    let session = live.session();
    match item {
        FollowUpItem::Question(key) => session.questions().find(key).map(|q| {
            let info = question_info(q);
            FeaturedInfo {
                kind: "question",
                id: info.key,
                text: info.text,
                askers: info.askers,
            }
        }),
        FollowUpItem::Comment(id) => session.comment(id).map(|c| FeaturedInfo {
            kind: "comment",
            id: id.clone(),
            text: sanitize_for_display(&c.comment.text),
            askers: vec![sanitize_for_display(&c.comment.user)],
        }),
    }
}

fn latest_comments(live: &Live) -> Vec<CommentInfo> {
    let session = live.session();
    let mut latest: Vec<CommentInfo> = session
        .comments()
        .iter()
        .rev()
        .filter(|c| c.verdict.shown)
        .take(COMMENTS_LEN)
        .map(|c| CommentInfo {
            id: c.comment.id.clone(),
            user: sanitize_for_display(&c.comment.user),
            text: sanitize_for_display(&c.comment.text),
            question: c.verdict.question,
            queued: session.questions().has_comment(&c.comment.id),
        })
        .collect();
    latest.reverse();
    latest
}

fn cue_info(plan: &Plan, index: usize) -> Option<CueInfo> {
    let cue = plan.cues.get(index)?;
    let (what, text) = match &cue.what {
        CueAction::InviteGuest(handle) => (
            "invite_guest",
            plan.guest(handle)
                .map_or_else(|| handle.clone(), |g| format!("{} (@{handle})", g.name)),
        ),
        CueAction::ShareMedia(id) => (
            "share_media",
            plan.media_item(id)
                .filter(|m| !m.caption.is_empty())
                .map_or_else(|| id.clone(), |m| m.caption.clone()),
        ),
        CueAction::MentionOffer(id) => (
            "mention_offer",
            plan.product(id)
                .map_or_else(|| id.clone(), |p| p.name.clone()),
        ),
        CueAction::CallToAction(words) => ("call_to_action", words.clone()),
        CueAction::Custom(words) => ("custom", words.clone()),
    };
    Some(CueInfo {
        index,
        what,
        text: sanitize_for_display(&text),
        in_secs: None,
    })
}

#[cfg(test)]
mod tests {
    use super::secs_up;

    #[test]
    fn seconds_round_up_like_a_countdown() {
        assert_eq!(secs_up(1), 1);
        assert_eq!(secs_up(1000), 1);
        assert_eq!(secs_up(1001), 2);
        assert_eq!(secs_up(0), 0);
        assert_eq!(secs_up(-999), 0);
        assert_eq!(secs_up(-1000), -1);
    }
}
