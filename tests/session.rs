//! The session as an event log: live state and the replayed journal must agree.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use livecue::comments::Filter;
use livecue::comments::{Comment, Reason, Verdict};
use livecue::plan::{self, Plan};
use livecue::questions::{FollowUpItem, Placement, QuestionKey, QuestionState};
use livecue::session::{
    Action, Event, JournalHeader, JournalTarget, JournalWriter, Live, Session, Stamp, read_journal,
};
use livecue::show::{Clock as _, ManualClock, Phase, ShowState};
use livecue::sources::SourceState;

fn plan() -> Arc<Plan> {
    let src = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/skincare-launch.zh-TW.ron"),
    )
    .unwrap();
    Arc::new(plan::parse(&src, "skincare").unwrap())
}

fn stamp(ms: i64) -> Stamp {
    Stamp {
        ms,
        wall: DateTime::<Utc>::from_timestamp_millis(1_795_000_000_000 + ms).unwrap(),
    }
}

fn comment(id: &str, user: &str, text: &str) -> Comment {
    Comment {
        id: id.into(),
        user: user.into(),
        text: text.into(),
        ts: stamp(0).wall,
        platform: Some("replay".into()),
    }
}

fn question(id: &str, duplicate_of: Option<&str>) -> Verdict {
    Verdict {
        question: true,
        duplicate_of: duplicate_of.map(str::to_owned),
        ..Verdict::shown(id)
    }
}

const MIN: i64 = 60_000;

/// A live session driven the way the app drives it: every event is journaled, then
/// applied; due events are asked for as time passes.
struct Driver {
    session: Session,
    journal: JournalWriter,
}

impl Driver {
    fn emit(&mut self, event: Event) {
        self.journal.append(&event).unwrap();
        self.session.apply(&event);
    }

    fn tick(&mut self, ms: i64) {
        for e in self.session.due_events(stamp(ms)) {
            self.emit(e);
        }
    }
}

#[test]
fn replaying_the_journal_rebuilds_the_live_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("show-1/journal.jsonl");
    let plan = plan();
    let header = JournalHeader::new("sha256:test".into(), plan.title.clone(), stamp(0).wall);
    let mut d = Driver {
        session: Session::new(Arc::clone(&plan)),
        journal: JournalWriter::create(&path, &header).unwrap(),
    };
    d.emit(Event::SourceStatus {
        source: "replay:demo".into(),
        status: SourceState::Live,
        at: stamp(0),
    });
    d.emit(Event::ShowStarted { at: stamp(1_000) });
    d.tick(4 * MIN);
    assert_eq!(d.session.active_cues(), &[0], "warm-up cue at 3:00");
    d.emit(Event::CueDismissed {
        index: 0,
        at: stamp(4 * MIN),
    });
    d.emit(Event::CommentReceived {
        comment: comment("c1", "mei", "請問運費怎麼算？"),
        verdict: question("c1", None),
        at: stamp(4 * MIN + 10),
    });
    d.emit(Event::CommentReceived {
        comment: comment("c2", "spam", "visit www.x.example"),
        verdict: Verdict {
            shown: false,
            reasons: vec![Reason::SpamLink],
            ..Verdict::default()
        },
        at: stamp(4 * MIN + 20),
    });
    d.emit(Event::CommentReceived {
        comment: comment("c3", "kuo", "請問運費是怎麼算的呢"),
        verdict: question("c3", Some("c1")),
        at: stamp(4 * MIN + 30),
    });
    // The same comment id again (a repeated poll) changes nothing.
    d.emit(Event::CommentReceived {
        comment: comment("c1", "mei", "請問運費怎麼算？"),
        verdict: question("c1", None),
        at: stamp(4 * MIN + 40),
    });
    d.emit(Event::SegmentStarted {
        index: 1,
        auto: false,
        resume: false,
        at: stamp(7 * MIN),
    });
    d.emit(Event::TimeAdjusted {
        delta_ms: MIN,
        at: stamp(8 * MIN),
    });
    // Segment 2 (4 min + 1 added) ends by itself at 12:00 and the serum demo starts:
    // its cue at 0:30 is due by 12:30.
    d.tick(12 * MIN + 30_000);
    d.emit(Event::QuestionStateChanged {
        question: QuestionKey::Planned("s1".into()),
        state: QuestionState::Answered,
        at: stamp(13 * MIN),
    });
    let live = d.session.clone();
    drop(d);

    let contents = read_journal(&path).unwrap();
    assert_eq!(contents.header, header);
    assert_eq!(contents.torn_tail, None);
    let replayed = Session::replay(Arc::clone(&plan), &contents.events);

    let now = 14 * MIN;
    assert_eq!(replayed.status(now), live.status(now));
    assert_eq!(replayed.comments(), live.comments());
    assert_eq!(replayed.active_cues(), live.active_cues());
    assert_eq!(replayed.questions().all(), live.questions().all());
    assert_eq!(replayed.timeline().runs(), live.timeline().runs());

    // And the state is what the host saw.
    let s = replayed.status(now);
    assert_eq!(s.state, ShowState::Running { index: 2 });
    assert_eq!(s.segment_elapsed_ms, 2 * MIN);
    assert_eq!(s.phase, Phase::Running);
    assert_eq!(replayed.comments().len(), 3);
    assert_eq!(replayed.active_cues(), &[1]);
    let next = replayed.questions().next().unwrap();
    assert_eq!(next.key, QuestionKey::Planned("s3".into()));
    let shipping = replayed
        .questions()
        .find(&QuestionKey::Comment("c1".into()))
        .unwrap();
    assert_eq!(shipping.times_asked(), 2);
    assert_eq!(
        replayed.sources(),
        &[("replay:demo".to_owned(), SourceState::Live)]
    );
    let auto = contents
        .events
        .iter()
        .find(|e| matches!(e, Event::SegmentStarted { auto: true, .. }))
        .unwrap();
    assert_eq!(
        auto.at().ms,
        12 * MIN,
        "auto-advance is stamped when time ran out"
    );
}

#[test]
fn appended_events_reach_the_file_without_sync_or_drop() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let header = JournalHeader::new("sha256:x".into(), "x".into(), stamp(0).wall);
    let journal = JournalWriter::create(&path, &header).unwrap();
    journal
        .append(&Event::ShowStarted { at: stamp(5) })
        .unwrap();
    // The writer thread syncs on its own timer; wait for it without asserting how long
    // it takes (tests never assert on wall-clock time).
    let deadline = Instant::now() + Duration::from_secs(30);
    while journal.health().events_synced == 0 {
        assert!(Instant::now() < deadline, "event was never synced");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(journal.health().error.is_none());
    assert_eq!(
        read_journal(&path).unwrap().events,
        vec![Event::ShowStarted { at: stamp(5) }]
    );
}

#[test]
fn every_event_kind_round_trips_through_json() {
    let events = vec![
        Event::ShowStarted { at: stamp(1) },
        Event::SegmentStarted {
            index: 2,
            auto: true,
            resume: false,
            at: stamp(2),
        },
        Event::TimeAdjusted {
            delta_ms: -30_000,
            at: stamp(3),
        },
        Event::CueFired {
            index: 1,
            at: stamp(4),
        },
        Event::CueDismissed {
            index: 1,
            at: stamp(5),
        },
        Event::CueMissed {
            index: 2,
            why: livecue::show::Missed::CutShort,
            at: stamp(5),
        },
        Event::SegmentStarted {
            index: 1,
            auto: false,
            resume: true,
            at: stamp(5),
        },
        Event::CommentReceived {
            comment: comment("c9", "ivan", "Очень красиво!"),
            verdict: Verdict::shown("c9"),
            at: stamp(6),
        },
        Event::QuestionAdded {
            comment_id: "c9".into(),
            at: stamp(7),
        },
        Event::QuestionStateChanged {
            question: QuestionKey::Comment("c9".into()),
            state: QuestionState::Skipped,
            at: stamp(8),
        },
        Event::SourceStatus {
            source: "instagram".into(),
            status: SourceState::RateLimited {
                until: stamp(60_000).wall,
            },
            at: stamp(9),
        },
        Event::QuestionMerged {
            question: QuestionKey::Comment("c9".into()),
            into: QuestionKey::Planned("s1".into()),
            by_hand: true,
            at: stamp(11),
        },
        Event::QuestionSplit {
            question: QuestionKey::Comment("c9".into()),
            at: stamp(12),
        },
        Event::QuestionPinned {
            question: QuestionKey::Planned("s1".into()),
            pinned: true,
            at: stamp(13),
        },
        Event::QuestionMoved {
            question: QuestionKey::Planned("s2".into()),
            to: Placement::Above(QuestionKey::Planned("s1".into())),
            at: stamp(14),
        },
        Event::QuestionReworded {
            question: QuestionKey::Planned("s2".into()),
            text: Some("精華擦在化妝水前還是後？".into()),
            at: stamp(15),
        },
        Event::QuestionReworded {
            question: QuestionKey::Planned("s2".into()),
            text: None,
            at: stamp(16),
        },
        Event::QuestionUndone {
            question: QuestionKey::Planned("s2".into()),
            at: stamp(17),
        },
        Event::FollowUpMarked {
            item: FollowUpItem::Comment("c9".into()),
            marked: true,
            at: stamp(18),
        },
        Event::FollowUpMarked {
            item: FollowUpItem::Question(QuestionKey::Planned("s3".into())),
            marked: false,
            at: stamp(19),
        },
        Event::QuestionStateChanged {
            question: QuestionKey::Planned("s4".into()),
            state: QuestionState::UpNext,
            at: stamp(20),
        },
        Event::ShowEnded { at: stamp(10) },
    ];
    for e in &events {
        let line = serde_json::to_string(e).unwrap();
        assert!(!line.contains('\n'));
        assert_eq!(&serde_json::from_str::<Event>(&line).unwrap(), e, "{line}");
    }
    let moved = events
        .iter()
        .find(|e| matches!(e, Event::QuestionMoved { .. }))
        .unwrap();
    let line = serde_json::to_string(moved).unwrap();
    assert_eq!(
        line,
        r#"{"type":"question_moved","question":{"from":"planned","id":"s2"},"to":{"above":{"from":"planned","id":"s1"}},"at":{"ms":14,"wall":"2026-11-18T11:06:40.014Z"}}"#
    );
    let marked = events
        .iter()
        .find(|e| matches!(e, Event::FollowUpMarked { .. }))
        .unwrap();
    let line = serde_json::to_string(marked).unwrap();
    assert!(
        line.starts_with(r#"{"type":"follow_up_marked","item":{"comment":"c9"},"marked":true,"#),
        "{line}"
    );
    let line = serde_json::to_string(&events[1]).unwrap();
    assert!(
        line.starts_with(r#"{"type":"segment_started","index":2,"auto":true,"at":{"ms":2,"wall":"#),
        "{line}"
    );
}

/// A guest show: the guest segment's invite is a show-timed cue at 6:00, inside it.
const GUEST_PLAN: &str = r#"(
    title: "Guest show",
    goal: (kind: Engagement),
    segments: [
        (id: "talk", title: "Talk", kind: Content, duration: "5m"),
        (id: "guest", title: "Guest", kind: Guest, duration: "10m"),
        (id: "qa", title: "Q&A", kind: QAndA, duration: "10m"),
    ],
    cues: [
        (at: Segment("talk", "4:00"), what: ShareMedia("chart")),
        (at: Show("6:00"), what: InviteGuest("nurse.lin")),
    ],
)"#;

#[test]
fn replaying_the_journal_rebuilds_missed_cues_and_resumed_segments() {
    use livecue::comments::Filter;
    use livecue::session::{Action, JournalTarget, Live};
    use livecue::show::{Clock as _, ManualClock, Missed, MissedCue};

    let dir = tempfile::tempdir().unwrap();
    let plan = Arc::new(plan::parse(GUEST_PLAN, "guest").unwrap());
    let clock = ManualClock::new();
    let mut live = Live::new(
        Arc::clone(&plan),
        Arc::new(clock.clone()),
        stamp(0).wall,
        JournalTarget::Folder(dir.path().to_owned()),
        Box::new(Filter::new(&plan.filter).unwrap()),
    );
    assert!(live.perform(Action::StartShow));
    clock.advance_secs(60);
    assert!(live.perform(Action::AdjustTime { delta_ms: MIN }));
    clock.advance_secs(60);
    // At 2:00, a jump over the guest segment to Q&A: Talk's 4:00 media cue is cut
    // short, the guest's invite (show time 6:00) skipped.
    assert!(live.perform(Action::JumpTo(2)));
    clock.advance_secs(5 * 60);
    live.tick();
    assert!(
        live.session().active_cues().is_empty(),
        "no invite during Q&A"
    );
    assert_eq!(
        live.session().missed_cues(),
        &[
            MissedCue {
                index: 0,
                why: Missed::CutShort
            },
            MissedCue {
                index: 1,
                why: Missed::Skipped
            },
        ]
    );
    // The producer fires the invite by hand.
    assert!(live.perform(Action::FireCue(1)));
    assert_eq!(live.session().active_cues(), &[1]);
    // Undo the jump: Talk as it was, 2:00 in with a minute added.
    assert!(live.perform(Action::Undo));
    assert_eq!(live.status().segment_elapsed_ms, 2 * MIN);
    assert_eq!(live.status().remaining_ms, 4 * MIN);
    clock.advance_secs(10);
    assert!(live.perform(Action::NextSegment));
    clock.advance_secs(10);
    // Backspace: Talk again, 2:10 in.
    assert!(live.perform(Action::PreviousSegment));
    assert_eq!(live.status().segment_elapsed_ms, 2 * MIN + 10_000);
    assert_eq!(live.status().remaining_ms, 4 * MIN - 10_000);
    live.sync_journal();
    let path = live.journal_path().unwrap();

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(r#""type":"cue_missed","index":1,"why":"skipped""#),
        "{text}"
    );
    assert!(text.contains(r#""type":"segment_started","index":0,"auto":false,"resume":true"#));
    let contents = read_journal(&path).unwrap();
    let replayed = Session::replay(Arc::clone(&plan), &contents.events);
    let now = clock.now_ms();
    assert_eq!(replayed.timeline(), live.session().timeline());
    assert_eq!(replayed.status(now), live.status());
    assert_eq!(
        replayed.missed_cues(),
        &[MissedCue {
            index: 0,
            why: Missed::CutShort
        }]
    );
    assert_eq!(replayed.active_cues(), &[1]);
}

#[test]
fn a_journal_from_before_resume_reads_as_a_fresh_start() {
    let line = r#"{"type":"segment_started","index":1,"auto":false,"at":{"ms":5,"wall":"2026-11-18T08:26:40Z"}}"#;
    let event: Event = serde_json::from_str(line).unwrap();
    assert!(matches!(
        event,
        Event::SegmentStarted {
            index: 1,
            resume: false,
            ..
        }
    ));
    // And a fresh start is written as before: no `resume` field.
    assert_eq!(serde_json::to_string(&event).unwrap(), line);
}

/// Every change the queue knows, made the way the app makes them: through `Live`, the
/// one writer, into a journal on disk.
#[test]
fn replaying_the_journal_reproduces_the_question_queue_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan();
    let clock = ManualClock::new();
    let mut live = Live::new(
        Arc::clone(&plan),
        Arc::new(clock.clone()),
        stamp(0).wall,
        JournalTarget::Folder(dir.path().to_owned()),
        Box::new(Filter::new(&plan.filter).unwrap()),
    );
    let mut n = 0;
    let mut say = |live: &mut Live, user: &str, text: &str| {
        n += 1;
        clock.advance_ms(1_500);
        let id = format!("c{n}");
        live.receive(Comment {
            id: id.clone(),
            user: user.into(),
            text: text.into(),
            ts: stamp(clock.now_ms()).wall,
            platform: Some("instagram".into()),
        });
        QuestionKey::Comment(id)
    };
    let planned = |id: &str| QuestionKey::Planned(id.into());
    assert!(live.perform(Action::StartShow));
    let shipping = say(&mut live, "amy.tw", "請問運費怎麼算 外島可以寄嗎？");
    say(&mut live, "bo", "运费怎么算？外岛可以寄吗");
    let pregnant = say(&mut live, "mei", "孕婦可以用嗎？");
    say(&mut live, "mei", "孕妇可以用吗");
    let colour = say(&mut live, "ting", "有沒有別的顏色？");
    let oily = say(&mut live, "chen", "油性肌膚也適合嗎？");
    let thanks = say(&mut live, "kuo", "謝謝分享！");
    let size = say(&mut live, "hsu", "一瓶可以用幾個月？");
    let japan = say(&mut live, "ann", "Do you ship to Japan?");
    say(&mut live, "ben", "Do you ship to Korea?");
    for action in [
        Action::SetQuestionState(colour.clone(), QuestionState::UpNext),
        Action::PinQuestion(size.clone(), true),
        Action::MoveQuestion {
            question: japan.clone(),
            up: true,
        },
        Action::RewordQuestion(oily.clone(), Some("油肌可以用嗎？".into())),
        Action::MergeQuestion {
            question: oily.clone(),
            into: planned("s1"),
        },
        Action::PromoteComment(thanks.id().to_owned()),
        Action::MarkFollowUp(FollowUpItem::Comment(thanks.id().to_owned()), true),
        Action::MarkFollowUp(FollowUpItem::Question(japan.clone()), true),
        Action::SetQuestionState(planned("s1"), QuestionState::Answered),
        Action::SetQuestionState(colour.clone(), QuestionState::Skipped),
        Action::SetQuestionState(japan.clone(), QuestionState::Dismissed),
        Action::UndoQuestion,
        Action::NextSegment,
        Action::SplitQuestion(oily.clone()),
        Action::UndoQuestion,
        Action::PinQuestion(size.clone(), false),
    ] {
        clock.advance_ms(700);
        assert!(live.perform(action.clone()), "{action:?}");
    }
    let queue = live.session().questions().clone();
    // What the test relies on happened: the sticker questions took the live repeats,
    // the undo took back the dismissal, the split was undone.
    let s6 = queue.entry_of(&shipping).unwrap();
    assert_eq!(s6.key, planned("s6"));
    assert_eq!(s6.askers(), ["hsu.pei", "amy.tw", "bo"]);
    assert_eq!(queue.entry_of(&pregnant).unwrap().key, planned("s3"));
    assert_eq!(
        queue.entry_of(&pregnant).unwrap().times_asked(),
        2,
        "mei once"
    );
    assert_eq!(queue.entry_of(&oily).unwrap().key, planned("s1"));
    assert_eq!(queue.find(&japan).unwrap().state, QuestionState::Queued);
    assert_eq!(queue.follow_ups().len(), 2);
    live.sync_journal();

    let contents = read_journal(&live.journal_path().unwrap()).unwrap();
    let replayed = Session::replay(Arc::clone(&plan), &contents.events);
    assert_eq!(replayed.questions(), &queue);
    let keys = |q: &livecue::questions::Queue| -> Vec<QuestionKey> {
        q.upcoming().iter().map(|q| q.key.clone()).collect()
    };
    assert_eq!(keys(replayed.questions()), keys(&queue));
    assert_eq!(
        replayed.questions().undoable(),
        queue.undoable(),
        "undo carries on after a restart"
    );
    let kinds: Vec<String> = contents
        .events
        .iter()
        .map(|e| {
            serde_json::to_value(e).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .filter(|t| t.starts_with("question") || t.starts_with("follow"))
        .collect();
    assert!(kinds.contains(&"question_merged".to_owned()), "{kinds:?}");
    assert!(kinds.contains(&"question_undone".to_owned()), "{kinds:?}");
}

/// `tests/fixtures/duplicate_questions.jsonl`, through the one writer: sticker questions
/// from a plan, live askings by named viewers, and the entries the queue ends up with —
/// which askings each holds, how many people asked (a viewer once however often), and
/// who. The replayed journal folds to the same queue.
#[test]
fn duplicate_questions_and_askers_from_the_fixture() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/duplicate_questions.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let strs = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let note = case["note"].as_str().unwrap();
        let planned: Vec<Vec<String>> = case
            .get("planned")
            .map(|p| p.as_array().unwrap().iter().map(strs).collect())
            .unwrap_or_default();
        let questions: Vec<String> = planned
            .iter()
            .map(|q| format!("(id: {:?}, asker: {:?}, text: {:?}),", q[0], q[1], q[2]))
            .collect();
        let src = format!(
            r#"(title: "Questions", goal: (kind: Engagement), segments: [
                (title: "Warm-up", kind: WarmUp, duration: "5m"),
                (title: "Q&A", kind: QAndA, duration: "50m"),
                (title: "Bye", kind: Closing, duration: "5m"),
            ], questions: [{}])"#,
            questions.join("\n")
        );
        let plan = Arc::new(plan::parse(&src, "questions.ron").unwrap());
        let dir = tempfile::tempdir().unwrap();
        let clock = ManualClock::new();
        let mut live = Live::new(
            Arc::clone(&plan),
            Arc::new(clock.clone()),
            stamp(0).wall,
            JournalTarget::Folder(dir.path().to_owned()),
            Box::new(Filter::new(&plan.filter).unwrap()),
        );
        assert!(live.perform(Action::StartShow));
        for (i, asking) in case["askings"].as_array().unwrap().iter().enumerate() {
            // Further apart than the repeat window, so a viewer asking again is not
            // hidden as a repeat.
            clock.advance_ms(90_000);
            let v = live
                .receive(Comment {
                    id: format!("c{i}"),
                    user: asking[0].as_str().unwrap().into(),
                    text: asking[1].as_str().unwrap().into(),
                    ts: stamp(clock.now_ms()).wall,
                    platform: Some("instagram".into()),
                })
                .unwrap();
            assert!(v.question, "{note}: {asking}");
        }
        let key = |k: &str| {
            if planned.iter().any(|q| q[0] == k) {
                QuestionKey::Planned(k.into())
            } else {
                QuestionKey::Comment(k.into())
            }
        };
        let queue = live.session().questions().clone();
        let entries = case["entries"].as_array().unwrap();
        let mut seen = Vec::new();
        for (e, held) in entries.iter().enumerate() {
            let held = strs(held);
            let entry = queue.entry_of(&key(&held[0])).unwrap();
            for k in &held {
                let other = queue.entry_of(&key(k)).unwrap();
                if other.key != entry.key {
                    failures.push(format!(
                        "{note}: {k} is in {:?}, not {:?}",
                        other.key, entry.key
                    ));
                }
            }
            if seen.contains(&entry.key) {
                failures.push(format!(
                    "{note}: {held:?} share an entry with another group"
                ));
            }
            seen.push(entry.key.clone());
            if let Some(times) = case.get("times_asked") {
                let want = times[e].as_u64().unwrap() as usize;
                if entry.times_asked() != want {
                    failures.push(format!(
                        "{note}: {held:?} asked {} times, expected {want} ({:?})",
                        entry.times_asked(),
                        entry.askers()
                    ));
                }
            }
            if let Some(askers) = case.get("askers") {
                let want = strs(&askers[e]);
                let got: Vec<String> = entry
                    .askers()
                    .iter()
                    .map(|a| plan::bare_handle(a).to_lowercase())
                    .collect();
                if got != want {
                    failures.push(format!("{note}: askers {got:?}, expected {want:?}"));
                }
            }
        }
        let open = queue.entries().count();
        if open != entries.len() {
            failures.push(format!(
                "{note}: {open} entries, expected {}",
                entries.len()
            ));
        }
        live.sync_journal();
        let contents = read_journal(&live.journal_path().unwrap()).unwrap();
        assert_eq!(
            Session::replay(Arc::clone(&plan), &contents.events).questions(),
            &queue,
            "{note}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
