//! What became of each question, and the follow-up list: the queue as a report reads it.
//!
//! Pure functions over a [`Session`], like [`summarize`](super::summarize): fold a
//! journal with [`Session::replay`] and read these.

use crate::questions::{Asking, FollowUpItem, Handled, QuestionKey, QuestionState};

use super::Session;

/// One question of the queue as the session has it (merged entries folded into the one
/// they joined), for reports.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionOutcome {
    /// Which question (the plan's id, or the first asking's comment id).
    pub key: QuestionKey,
    /// The question as first asked.
    pub text: String,
    /// The producer's wording for the host, when edited.
    pub wording: Option<String>,
    /// Collected before the show.
    pub planned: bool,
    /// Queued, up next, answered, skipped or dismissed.
    pub state: QuestionState,
    /// Still waiting for its segment, which never went on air.
    pub waiting: bool,
    /// Who asked, each once, first asker first.
    pub askers: Vec<String>,
    /// How many people asked it.
    pub times_asked: usize,
    /// Every asking: comment (or plan) id, user, text as written, arrival time.
    pub askings: Vec<Asking>,
    /// The entries merged into it.
    pub merged: Vec<QuestionKey>,
    /// When, at what show time and in which segment it was answered, skipped or
    /// dismissed.
    pub handled: Option<Handled>,
    /// The id (else the title) of the segment it was handled in.
    pub handled_in: Option<String>,
    /// The id of the segment the plan tied it to.
    pub segment: Option<String>,
    /// Marked for a follow-up after the show (itself or an entry merged into it).
    pub follow_up: bool,
}

/// A follow-up mark, with what it is on.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUpEntry {
    /// The question or comment marked.
    pub item: FollowUpItem,
    /// When it was marked (journal milliseconds).
    pub at_ms: i64,
    /// The question as the host read it, or the comment's text.
    pub text: String,
    /// Who asked or wrote it, when known.
    pub user: Option<String>,
    /// The question's state (for a comment that is in the queue too, its question's).
    pub state: Option<QuestionState>,
}

fn segment_name(session: &Session, index: usize) -> Option<String> {
    let segment = session.plan().segments.get(index)?;
    Some(segment.id.clone().unwrap_or_else(|| segment.title.clone()))
}

/// Every question, in the order it came in (pre-collected first).
pub fn question_outcomes(session: &Session) -> Vec<QuestionOutcome> {
    let queue = session.questions();
    queue
        .entries()
        .map(|q| {
            let merged: Vec<QuestionKey> = queue
                .all()
                .iter()
                .filter(|m| m.merged_into.is_some() && queue.entry_of(&m.key) == Some(q))
                .map(|m| m.key.clone())
                .collect();
            let follow_up = std::iter::once(&q.key)
                .chain(&merged)
                .any(|k| queue.is_marked(&FollowUpItem::Question(k.clone())));
            QuestionOutcome {
                key: q.key.clone(),
                text: q.text.clone(),
                wording: q.wording.clone(),
                planned: q.is_planned(),
                state: q.state,
                waiting: queue.is_held(q),
                askers: q.askers().into_iter().map(str::to_owned).collect(),
                times_asked: q.times_asked(),
                askings: q.askings.clone(),
                merged,
                handled: q.handled,
                handled_in: q
                    .handled
                    .and_then(|h| h.segment)
                    .and_then(|i| segment_name(session, i)),
                segment: q.segment.and_then(|i| segment_name(session, i)),
                follow_up,
            }
        })
        .collect()
}

/// The follow-up list: every mark still standing, oldest first.
pub fn follow_ups(session: &Session) -> Vec<FollowUpEntry> {
    let queue = session.questions();
    queue
        .follow_ups()
        .iter()
        .filter_map(|mark| {
            let (text, user, state) = match &mark.item {
                FollowUpItem::Question(key) => {
                    let q = queue.find(key)?;
                    let entry = queue.entry_of(key).unwrap_or(q);
                    (
                        q.display_text().to_owned(),
                        q.asker().map(str::to_owned),
                        Some(entry.state),
                    )
                }
                FollowUpItem::Comment(id) => {
                    let c = session.comments().iter().find(|c| &c.comment.id == id)?;
                    let state = queue
                        .entry_of(&QuestionKey::Comment(id.clone()))
                        .map(|q| q.state);
                    (
                        c.comment.text.clone(),
                        Some(c.comment.user.clone()).filter(|u| !u.is_empty()),
                        state,
                    )
                }
            };
            Some(FollowUpEntry {
                item: mark.item.clone(),
                at_ms: mark.at_ms,
                text,
                user,
                state,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{DateTime, Utc};

    use super::*;
    use crate::comments::{Comment, Verdict};
    use crate::plan::parse;
    use crate::session::{Event, Stamp};

    const PLAN: &str = r#"(
    title: "Outcomes",
    goal: (kind: Sales, summary: "sell"),
    target: (min: "10m", max: "30m"),
    segments: [
        (id: "main", title: "Main", kind: Content, duration: "10m"),
        (id: "qa", title: "Q&A", kind: QAndA, duration: "10m"),
        (title: "Bye", kind: Closing, duration: "5m"),
    ],
    questions: [
        (id: "q1", asker: "lin", text: "Vegan?"),
        (id: "q2", text: "Refills?", segment: "qa"),
    ],
)"#;

    fn stamp(ms: i64) -> Stamp {
        Stamp {
            ms,
            wall: DateTime::<Utc>::from_timestamp_millis(1_795_000_000_000 + ms).unwrap(),
        }
    }

    fn comment(id: &str, user: &str, text: &str, question: bool, ms: i64) -> Event {
        Event::CommentReceived {
            comment: Comment {
                id: id.into(),
                user: user.into(),
                text: text.into(),
                ts: stamp(ms).wall,
                platform: None,
            },
            verdict: Verdict {
                question,
                ..Verdict::shown(id)
            },
            at: stamp(ms),
        }
    }

    #[test]
    fn the_report_reads_state_askers_show_time_segment_and_follow_ups() {
        let plan = Arc::new(parse(PLAN, "t.ron").unwrap());
        let c1 = QuestionKey::Comment("c1".into());
        let events = [
            Event::ShowStarted { at: stamp(1_000) },
            comment("c1", "amy", "is it vegan?", true, 2_000),
            comment("c2", "bo", "thank you for the tips!", false, 3_000),
            Event::QuestionMerged {
                question: c1.clone(),
                into: QuestionKey::Planned("q1".into()),
                by_hand: true,
                at: stamp(4_000),
            },
            Event::SegmentStarted {
                index: 1,
                auto: false,
                resume: false,
                at: stamp(61_000),
            },
            Event::QuestionStateChanged {
                question: QuestionKey::Planned("q1".into()),
                state: QuestionState::Answered,
                at: stamp(91_000),
            },
            Event::FollowUpMarked {
                item: FollowUpItem::Comment("c2".into()),
                marked: true,
                at: stamp(92_000),
            },
            Event::FollowUpMarked {
                item: FollowUpItem::Question(c1.clone()),
                marked: true,
                at: stamp(93_000),
            },
            Event::ShowEnded { at: stamp(120_000) },
        ];
        let session = Session::replay(plan, &events);
        let out = question_outcomes(&session);
        assert_eq!(out.len(), 2, "c1 is in q1 now");
        let q1 = &out[0];
        assert_eq!(q1.state, QuestionState::Answered);
        assert_eq!(q1.askers, ["lin", "amy"]);
        assert_eq!(q1.merged, std::slice::from_ref(&c1));
        let handled = q1.handled.unwrap();
        assert_eq!(handled.show_ms, Some(90_000));
        assert_eq!(q1.handled_in.as_deref(), Some("qa"));
        assert!(q1.follow_up, "marked on the entry merged into it");
        let q2 = &out[1];
        assert_eq!(q2.segment.as_deref(), Some("qa"));
        assert!(!q2.waiting, "its segment went on air");
        assert_eq!(q2.times_asked, 1);

        let follow = follow_ups(&session);
        assert_eq!(follow.len(), 2);
        assert_eq!(follow[0].item, FollowUpItem::Comment("c2".into()));
        assert_eq!(follow[0].text, "thank you for the tips!");
        assert_eq!(follow[0].state, None, "not a question");
        assert_eq!(follow[1].text, "is it vegan?");
        assert_eq!(follow[1].state, Some(QuestionState::Answered));
    }
}
