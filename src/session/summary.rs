//! What the show-ended summary screen shows: running time against the plan, each
//! segment planned against actual, comment and question counts, cues fired.
//!
//! One pure function over a [`Session`], so the screen, a report and a resumed
//! journal all read the same figures from the same fold.

use crate::comments::Reason;
use crate::questions::{QuestionKey, QuestionState};
use crate::show::{ShowState, WindowCheck};

use super::Session;

/// Everything the summary screen shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ShowSummary {
    /// Not started, still running (figures run to `now_ms`), or ended.
    pub state: ShowState,
    /// The show's running time against the plan.
    pub running: RunningTime,
    /// One row per planned segment, in plan order.
    pub segments: Vec<SegmentSummary>,
    /// What came in on the comment feed.
    pub comments: CommentSummary,
    /// What happened to the question queue.
    pub questions: QuestionSummary,
    /// Cues fired against cues planned.
    pub cues: CueSummary,
}

/// The show's running time against the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct RunningTime {
    /// Show start to show end (to `now_ms` while it runs; 0 before it starts).
    pub actual_ms: i64,
    /// Sum of the planned segment durations.
    pub planned_ms: i64,
    /// Shortest running time the plan aims for.
    pub target_min_ms: i64,
    /// Longest running time the plan aims for.
    pub target_max_ms: i64,
    /// Actual minus planned: positive ran over, negative ran under.
    pub over_ms: i64,
    /// The actual running time against the target window.
    pub window: WindowCheck,
}

/// One segment, planned against actual.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentSummary {
    /// Index into the plan's segments.
    pub index: usize,
    /// The segment's title, as in the plan.
    pub title: String,
    /// Planned length.
    pub planned_ms: i64,
    /// Time on air, summed over every run (the current run counts up to `now_ms`).
    pub actual_ms: i64,
    /// Time added (positive) or removed (negative), summed over every run.
    pub adjusted_ms: i64,
    /// Actual minus planned: positive ran over, negative ran under.
    pub over_ms: i64,
    /// How many times it went on air.
    pub runs: usize,
    /// Never on air although the show ended or a later segment went on air.
    pub skipped: bool,
}

/// What came in on the comment feed.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentSummary {
    /// Comments received, hidden ones included.
    pub received: usize,
    /// Comments the filter showed.
    pub shown: usize,
    /// Comments the filter hid.
    pub hidden: usize,
    /// Hidden comments per reason, every reason in `Reason::ALL` order (zeros included;
    /// a comment hidden for two reasons counts under both).
    pub hidden_by_reason: Vec<(Reason, usize)>,
    /// Shown comments the filter read as questions, repeats included.
    pub questions_detected: usize,
    /// Of those, how many repeated an earlier question.
    pub questions_repeated: usize,
}

/// What happened to the question queue (pre-collected and live questions).
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionSummary {
    /// Questions in the queue, repeats and merged entries counted once.
    pub total: usize,
    /// Questions the host answered.
    pub answered: usize,
    /// Questions the host passed on.
    pub skipped: usize,
    /// Questions the producer took out as no question for the show: neither answered
    /// nor left for a follow-up.
    pub dismissed: usize,
    /// Questions still queued or up next, never handled (those still waiting for their
    /// segment included).
    pub left: usize,
    /// The questions left, in the order the host would have taken them, then those
    /// still waiting for their segment.
    pub left_questions: Vec<LeftQuestion>,
}

/// A question nobody handled, for the producer to follow up.
#[derive(Clone, Debug, PartialEq)]
pub struct LeftQuestion {
    /// Which question (planned id or comment id).
    pub key: QuestionKey,
    /// The question as first asked.
    pub text: String,
    /// Who asked first, when known.
    pub asker: Option<String>,
    /// How many people asked it.
    pub times_asked: usize,
}

/// Cues fired against cues planned.
#[derive(Clone, Debug, PartialEq)]
pub struct CueSummary {
    /// Cues in the plan.
    pub planned: usize,
    /// Cues that fired.
    pub fired: usize,
    /// Indexes (into the plan's cues) of the cues that never fired.
    pub not_fired: Vec<usize>,
}

/// The summary of a session. `now_ms` (the session clock) is used only while the show
/// runs; once it has ended every figure stops at its end.
pub fn summarize(session: &Session, now_ms: i64) -> ShowSummary {
    let plan = session.plan();
    let timeline = session.timeline();
    let state = timeline.state();
    let end_ms = timeline.show_end_ms().unwrap_or(now_ms);

    let planned_ms = plan.planned_total().ms();
    let target_min_ms = plan.target.min.ms();
    let target_max_ms = plan.target.max.ms();
    let actual_ms = timeline
        .show_start_ms()
        .map_or(0, |start| (end_ms - start).max(0));
    let window = if actual_ms < target_min_ms {
        WindowCheck::Short {
            by_ms: target_min_ms - actual_ms,
        }
    } else if actual_ms > target_max_ms {
        WindowCheck::Long {
            by_ms: actual_ms - target_max_ms,
        }
    } else {
        WindowCheck::Inside
    };
    let running = RunningTime {
        actual_ms,
        planned_ms,
        target_min_ms,
        target_max_ms,
        over_ms: actual_ms - planned_ms,
        window,
    };

    let runs = timeline.runs();
    let furthest = runs.iter().map(|r| r.index).max();
    let ended = state == ShowState::Ended;
    let segments = plan
        .segments
        .iter()
        .enumerate()
        .map(|(index, segment)| {
            let planned_ms = segment.duration.ms();
            let mine = runs.iter().filter(|r| r.index == index);
            let actual_ms = mine
                .clone()
                .map(|r| (r.ended_ms.unwrap_or(end_ms) - r.started_ms).max(0))
                .sum();
            let runs = mine.clone().count();
            SegmentSummary {
                index,
                title: segment.title.clone(),
                planned_ms,
                actual_ms,
                adjusted_ms: mine.map(|r| r.adjust_ms).sum(),
                over_ms: actual_ms - planned_ms,
                runs,
                skipped: runs == 0 && (ended || furthest.is_some_and(|f| f > index)),
            }
        })
        .collect();

    let entries = session.comments();
    let hidden: Vec<_> = entries.iter().filter(|e| !e.verdict.shown).collect();
    let hidden_by_reason = Reason::ALL
        .iter()
        .map(|&reason| {
            let n = hidden
                .iter()
                .filter(|e| e.verdict.reasons.contains(&reason))
                .count();
            (reason, n)
        })
        .collect();
    let detected = entries
        .iter()
        .filter(|e| e.verdict.shown && e.verdict.question);
    let comments = CommentSummary {
        received: entries.len(),
        shown: entries.len() - hidden.len(),
        hidden: hidden.len(),
        hidden_by_reason,
        questions_detected: detected.clone().count(),
        questions_repeated: detected
            .filter(|e| e.verdict.duplicate_of.is_some())
            .count(),
    };

    let queue = session.questions();
    let count = |state: QuestionState| queue.entries().filter(|q| q.state == state).count();
    let left_questions: Vec<LeftQuestion> = queue
        .upcoming()
        .into_iter()
        .chain(queue.held())
        .map(|q| LeftQuestion {
            key: q.key.clone(),
            text: q.text.clone(),
            asker: q.asker().map(str::to_owned),
            times_asked: q.times_asked(),
        })
        .collect();
    let questions = QuestionSummary {
        total: queue.entries().count(),
        answered: count(QuestionState::Answered),
        skipped: count(QuestionState::Skipped),
        dismissed: count(QuestionState::Dismissed),
        left: left_questions.len(),
        left_questions,
    };

    let not_fired: Vec<usize> = (0..plan.cues.len())
        .filter(|&i| !timeline.cue_fired(i))
        .collect();
    let cues = CueSummary {
        planned: plan.cues.len(),
        fired: plan.cues.len() - not_fired.len(),
        not_fired,
    };

    ShowSummary {
        state,
        running,
        segments,
        comments,
        questions,
        cues,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{DateTime, Utc};

    use super::*;
    use crate::comments::{Comment, Verdict};
    use crate::plan::parse;
    use crate::session::{Event, Stamp};

    const MIN: i64 = 60_000;
    /// The show starts one second into the journal, so figures must subtract it.
    const T0: i64 = 1_000;

    const PLAN: &str = r#"(
    title: "Summary test",
    goal: (kind: Sales, summary: "sell"),
    target: (min: "45m", max: "55m"),
    segments: [
        (id: "warm", title: "Warm-up", kind: WarmUp, duration: "5m"),
        (id: "main", title: "Main", kind: Content, duration: "20m"),
        (id: "product", title: "Product", kind: Product, duration: "10m"),
        (id: "qa", title: "Q&A", kind: QAndA, duration: "10m"),
        (id: "bye", title: "Bye", kind: Closing, duration: "5m"),
    ],
    questions: [
        (id: "q1", asker: "lin", text: "Do you ship abroad?", priority: Low),
        (id: "q2", text: "Is it vegan?"),
    ],
    cues: [
        (at: Show("2:00"), what: Custom("say hello")),
        (at: Segment("product", "1:00"), what: Custom("show the jar")),
        (at: Segment("qa", "0:30"), what: Custom("pin the question")),
    ],
)"#;

    fn session() -> Session {
        Session::new(Arc::new(parse(PLAN, "t.ron").unwrap()))
    }

    fn stamp(ms: i64) -> Stamp {
        Stamp {
            ms,
            wall: DateTime::<Utc>::from_timestamp_millis(1_795_000_000_000 + ms).unwrap(),
        }
    }

    fn at(min: i64) -> Stamp {
        stamp(T0 + min * MIN)
    }

    fn comment(id: &str, user: &str, text: &str, verdict: Verdict, when: Stamp) -> Event {
        Event::CommentReceived {
            comment: Comment {
                id: id.into(),
                user: user.into(),
                text: text.into(),
                ts: when.wall,
                platform: Some("replay".into()),
            },
            verdict: Verdict {
                id: id.into(),
                ..verdict
            },
            at: when,
        }
    }

    fn question(duplicate_of: Option<&str>) -> Verdict {
        Verdict {
            question: true,
            duplicate_of: duplicate_of.map(str::to_owned),
            ..Verdict::shown("")
        }
    }

    fn hidden(reasons: &[Reason]) -> Verdict {
        Verdict {
            shown: false,
            reasons: reasons.to_vec(),
            ..Verdict::default()
        }
    }

    fn go(index: usize, when: Stamp) -> Event {
        Event::SegmentStarted {
            index,
            auto: false,
            resume: false,
            at: when,
        }
    }

    fn adjust(delta_ms: i64, when: Stamp) -> Event {
        Event::TimeAdjusted { delta_ms, at: when }
    }

    fn set(key: QuestionKey, state: QuestionState, when: Stamp) -> Event {
        Event::QuestionStateChanged {
            question: key,
            state,
            at: when,
        }
    }

    /// Warm-up 6 min; main 22 min with 2 added; jump to Q&A (product skipped) for
    /// 7 min; back to main for 5 min with 1 removed; Q&A again 4 min; bye 5 min.
    fn finished_show() -> Session {
        let mut s = session();
        let events = [
            Event::ShowStarted { at: at(0) },
            Event::CueFired {
                index: 0,
                at: at(2),
            },
            comment("c1", "mei", "Do you ship to Japan?", question(None), at(3)),
            comment(
                "c2",
                "bot",
                "visit x.example",
                hidden(&[Reason::SpamLink]),
                at(4),
            ),
            go(1, at(6)),
            adjust(2 * MIN, at(10)),
            comment(
                "c3",
                "loud",
                "BUY BUY BUY BUY",
                hidden(&[Reason::SpamRepeat, Reason::Caps]),
                at(12),
            ),
            comment("c4", "amy", "love this colour", Verdict::shown(""), at(13)),
            comment("c5", "kuo", "ship to Japan?", question(Some("c1")), at(14)),
            comment(
                "c6",
                "troll",
                "fake stuff",
                hidden(&[Reason::HiddenWord]),
                at(15),
            ),
            comment(
                "c7",
                "ann",
                "How long does a jar last?",
                question(None),
                at(16),
            ),
            go(3, at(28)),
            Event::CueFired {
                index: 2,
                at: stamp(T0 + 28 * MIN + 30_000),
            },
            set(
                QuestionKey::Comment("c1".into()),
                QuestionState::Answered,
                at(30),
            ),
            set(
                QuestionKey::Planned("q2".into()),
                QuestionState::Skipped,
                at(31),
            ),
            go(1, at(35)),
            adjust(-MIN, at(36)),
            go(3, at(40)),
            go(4, at(44)),
            Event::ShowEnded { at: at(49) },
        ];
        for e in &events {
            s.apply(e);
        }
        s
    }

    fn row(s: &ShowSummary, index: usize) -> (i64, i64, i64, i64, usize, bool) {
        let r = &s.segments[index];
        assert_eq!(r.index, index);
        (
            r.planned_ms,
            r.actual_ms,
            r.adjusted_ms,
            r.over_ms,
            r.runs,
            r.skipped,
        )
    }

    #[test]
    fn running_time_of_a_finished_show() {
        let s = summarize(&finished_show(), T0 + 90 * MIN);
        assert_eq!(s.state, ShowState::Ended);
        assert_eq!(
            s.running,
            RunningTime {
                actual_ms: 49 * MIN,
                planned_ms: 50 * MIN,
                target_min_ms: 45 * MIN,
                target_max_ms: 55 * MIN,
                over_ms: -MIN,
                window: WindowCheck::Inside,
            }
        );
    }

    #[test]
    fn segments_planned_against_actual() {
        let s = summarize(&finished_show(), T0 + 49 * MIN);
        assert_eq!(s.segments.len(), 5);
        assert_eq!(s.segments[3].title, "Q&A");
        // (planned, actual, adjusted, over, runs, skipped)
        assert_eq!(row(&s, 0), (5 * MIN, 6 * MIN, 0, MIN, 1, false));
        assert_eq!(row(&s, 1), (20 * MIN, 27 * MIN, MIN, 7 * MIN, 2, false));
        assert_eq!(row(&s, 2), (10 * MIN, 0, 0, -10 * MIN, 0, true));
        assert_eq!(row(&s, 3), (10 * MIN, 11 * MIN, 0, MIN, 2, false));
        assert_eq!(row(&s, 4), (5 * MIN, 5 * MIN, 0, 0, 1, false));
        let on_air: i64 = s.segments.iter().map(|r| r.actual_ms).sum();
        assert_eq!(on_air, s.running.actual_ms);
    }

    #[test]
    fn comments_counted_by_verdict() {
        let c = summarize(&finished_show(), 0).comments;
        assert_eq!((c.received, c.shown, c.hidden), (7, 4, 3));
        assert_eq!((c.questions_detected, c.questions_repeated), (3, 1));
        let by_reason: Vec<(Reason, usize)> = c
            .hidden_by_reason
            .iter()
            .copied()
            .filter(|(_, n)| *n > 0)
            .collect();
        assert_eq!(
            by_reason,
            vec![
                (Reason::HiddenWord, 1),
                (Reason::SpamLink, 1),
                (Reason::SpamRepeat, 1),
                (Reason::Caps, 1),
            ]
        );
        assert_eq!(c.hidden_by_reason.len(), Reason::ALL.len());
    }

    #[test]
    fn questions_left_for_the_producer() {
        let q = summarize(&finished_show(), 0).questions;
        // q1, q2 planned; c1 (asked twice, c5 merged in) and c7 live.
        assert_eq!((q.total, q.answered, q.skipped, q.left), (4, 1, 1, 2));
        assert_eq!(
            q.left_questions,
            vec![
                LeftQuestion {
                    key: QuestionKey::Comment("c7".into()),
                    text: "How long does a jar last?".into(),
                    asker: Some("ann".into()),
                    times_asked: 1,
                },
                LeftQuestion {
                    key: QuestionKey::Planned("q1".into()),
                    text: "Do you ship abroad?".into(),
                    asker: Some("lin".into()),
                    times_asked: 1,
                },
            ]
        );
    }

    #[test]
    fn dismissed_is_neither_answered_nor_left_and_up_next_is_left() {
        let mut s = finished_show();
        // c7 dismissed: not a question for the show. q1 put up next and never taken.
        s.apply(&set(
            QuestionKey::Comment("c7".into()),
            QuestionState::Dismissed,
            at(45),
        ));
        s.apply(&set(
            QuestionKey::Planned("q1".into()),
            QuestionState::UpNext,
            at(46),
        ));
        let q = summarize(&s, 0).questions;
        assert_eq!(
            (q.total, q.answered, q.skipped, q.dismissed, q.left),
            (4, 1, 1, 1, 1)
        );
        assert_eq!(q.left_questions[0].key, QuestionKey::Planned("q1".into()));
    }

    #[test]
    fn cues_fired_out_of_planned() {
        let c = summarize(&finished_show(), 0).cues;
        assert_eq!(
            c,
            CueSummary {
                planned: 3,
                fired: 2,
                not_fired: vec![1],
            }
        );
    }

    #[test]
    fn an_ended_show_ignores_now() {
        let show = finished_show();
        assert_eq!(summarize(&show, 0), summarize(&show, T0 + 500 * MIN));
    }

    #[test]
    fn a_running_show_counts_up_to_now() {
        let mut s = session();
        s.apply(&Event::ShowStarted { at: at(0) });
        s.apply(&go(2, at(5)));
        s.apply(&adjust(30_000, at(6)));
        let now = T0 + 8 * MIN;
        let sum = summarize(&s, now);
        assert_eq!(sum.state, ShowState::Running { index: 2 });
        assert_eq!(sum.running.actual_ms, 8 * MIN);
        assert_eq!(sum.running.over_ms, -42 * MIN);
        assert_eq!(sum.running.window, WindowCheck::Short { by_ms: 37 * MIN });
        assert_eq!(row(&sum, 0), (5 * MIN, 5 * MIN, 0, 0, 1, false));
        // Jumped over: skipped even though the show still runs.
        assert_eq!(row(&sum, 1), (20 * MIN, 0, 0, -20 * MIN, 0, true));
        assert_eq!(
            row(&sum, 2),
            (10 * MIN, 3 * MIN, 30_000, -7 * MIN, 1, false)
        );
        // Not reached yet: not skipped.
        assert_eq!(row(&sum, 3), (10 * MIN, 0, 0, -10 * MIN, 0, false));
        assert_eq!(
            summarize(&s, now + MIN).segments[2].actual_ms,
            4 * MIN,
            "the current run grows with now"
        );
    }

    #[test]
    fn a_show_not_started_is_all_plan() {
        let sum = summarize(&session(), 10 * MIN);
        assert_eq!(sum.state, ShowState::NotStarted);
        assert_eq!(sum.running.actual_ms, 0);
        assert_eq!(sum.running.over_ms, -50 * MIN);
        assert!(sum.segments.iter().all(|r| r.runs == 0 && !r.skipped));
        assert_eq!((sum.questions.total, sum.questions.left), (2, 2));
        assert_eq!((sum.cues.planned, sum.cues.fired), (3, 0));
        assert_eq!(sum.comments.received, 0);
    }

    #[test]
    fn a_segment_brought_back_counts_only_its_time_on_air() {
        let mut s = session();
        let back = |index, when| Event::SegmentStarted {
            index,
            auto: false,
            resume: true,
            at: when,
        };
        for e in [
            Event::ShowStarted { at: at(0) },
            go(1, at(5)),
            adjust(2 * MIN, at(6)),
            go(2, at(8)),
            // Back to main 1 minute later: it carries its 3 minutes and the 2 added.
            back(1, at(9)),
            go(2, at(12)),
        ] {
            s.apply(&e);
        }
        let run = s.timeline().runs()[3];
        assert_eq!((run.carried_ms, run.carried_adjust_ms), (3 * MIN, 2 * MIN));
        let sum = summarize(&s, T0 + 13 * MIN);
        // Main: 3 + 3 minutes on air, the 2 minutes added counted once, two runs.
        assert_eq!(
            row(&sum, 1),
            (20 * MIN, 6 * MIN, 2 * MIN, -14 * MIN, 2, false)
        );
        assert_eq!(sum.segments[2].actual_ms, 2 * MIN);
    }
}
