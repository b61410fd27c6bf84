//! The show runner: a show resumed from its journal after the app stopped is the same
//! show as one that never stopped, apart from the time it was down.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use livecue::comments::Comment;
use livecue::plan::{self, Plan};
use livecue::questions::QuestionState;
use livecue::runner::{ShowClock, ShowRunner, ShowSetup, plan_filter};
use livecue::session::{Action, Event, JournalTarget, Resume, read_journal};
use livecue::show::{Clock as _, ManualClock};
use livecue::sources::no_notify;

const MIN: i64 = 60_000;
const DOWN_MS: i64 = 12_345;

fn plan() -> Arc<Plan> {
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/skincare-launch.zh-TW.ron"),
    )
    .unwrap();
    Arc::new(plan::parse(&src, "skincare").unwrap())
}

fn epoch() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000, 0).unwrap()
}

fn setup(plan: &Arc<Plan>, clock: &ManualClock) -> ShowSetup {
    ShowSetup {
        plan: Arc::clone(plan),
        classifier: plan_filter(plan.filter.clone(), Vec::new()),
        clock: ShowClock::Manual {
            clock: clock.clone(),
            epoch: epoch(),
        },
        notify: no_notify(),
    }
}

/// One thing that happens during the show.
#[derive(Clone)]
enum Step {
    /// Time passes; what fell due is applied.
    Wait(i64),
    Do(Action),
    Comment(&'static str, &'static str, &'static str),
    /// The host marks the next question answered.
    AnswerNext,
    DismissFirstCue,
}

fn run(runner: &mut ShowRunner, clock: &ManualClock, steps: &[Step]) {
    for step in steps {
        match step {
            Step::Wait(ms) => {
                clock.advance_ms(*ms);
                runner.tick();
            }
            Step::Do(action) => assert!(runner.perform(action.clone()), "{action:?}"),
            Step::Comment(id, user, text) => {
                let ts = epoch() + chrono::TimeDelta::milliseconds(clock.now_ms());
                let verdict = runner.live_mut().receive(Comment {
                    id: (*id).into(),
                    user: (*user).into(),
                    text: (*text).into(),
                    ts,
                    platform: Some("instagram".into()),
                });
                assert!(verdict.is_some(), "{id} was new");
            }
            Step::AnswerNext => {
                let next = runner
                    .live()
                    .session()
                    .questions()
                    .next()
                    .unwrap()
                    .key
                    .clone();
                assert!(runner.perform(Action::SetQuestionState(next, QuestionState::Answered)));
            }
            Step::DismissFirstCue => {
                let cue = runner.live().session().active_cues()[0];
                assert!(runner.perform(Action::DismissCue(cue)));
            }
        }
    }
}

fn before_the_stop() -> Vec<Step> {
    use Step::*;
    vec![
        Comment("c1", "amy.tw", "哈囉大家好"),
        Wait(2_000),
        Do(Action::StartShow),
        Wait(3 * MIN + 1_000), // the warm-up cue at 3:00 fires
        DismissFirstCue,
        Do(Action::AdjustTime { delta_ms: MIN }),
        Comment("c2", "mei.lin", "請問敏感肌可以用嗎？"),
        Comment("c3", "spam.bot", "free followers at bit.ly/xyz"),
        Do(Action::NextSegment),
        Wait(90_000),
        AnswerNext,
        Do(Action::NextSegment), // the serum segment: a share-media cue at 0:30
        Wait(40_000),
        Do(Action::AdjustTime { delta_ms: -30_000 }),
        Comment("c4", "kuo_hsin", "好想要這個精華液"),
    ]
}

fn after_the_stop() -> Vec<Step> {
    use Step::*;
    vec![
        // The same viewer says the same thing again within a minute: the filter's
        // memory carries over the stop, and it is a repeat.
        Comment("c5", "kuo_hsin", "好想要這個精華液"),
        // Another viewer asks what was asked before the stop: it merges.
        Comment("c6", "lin.yu", "請問敏感肌可以用嗎"),
        Wait(5 * MIN),
        DismissFirstCue,
        Do(Action::NextSegment),
        Wait(MIN),
        AnswerNext,
        Do(Action::AdjustTime { delta_ms: 2 * MIN }),
        Wait(30_000),
    ]
}

#[test]
fn a_resumed_show_is_the_show_that_never_stopped() {
    let plan = plan();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("show");

    // The show that stops: run, drop everything (the journal is all that is left),
    // then come back DOWN_MS later from the journal.
    let clock = ManualClock::new();
    let mut first =
        ShowRunner::new_show(setup(&plan, &clock), JournalTarget::Folder(folder.clone())).unwrap();
    run(&mut first, &clock, &before_the_stop());
    let last_event_ms = clock.now_ms();
    drop(first);
    clock.advance_ms(DOWN_MS);
    let journal = folder.join("journal.jsonl");
    let mut resumed = ShowRunner::resume(setup(&plan, &clock), &journal).unwrap();
    let info = resumed.resumed().unwrap().clone();
    assert_eq!(info.down_ms, DOWN_MS);
    assert_eq!(info.comments, 4);
    assert!(!info.other_plan);
    run(&mut resumed, &clock, &after_the_stop());

    // The show that never stopped, on its own clock going through the same times.
    let steady_clock = ManualClock::new();
    let mut steady = ShowRunner::new_show(setup(&plan, &steady_clock), JournalTarget::Off).unwrap();
    run(&mut steady, &steady_clock, &before_the_stop());
    steady_clock.advance_ms(DOWN_MS);
    steady.tick();
    run(&mut steady, &steady_clock, &after_the_stop());

    let (a, b) = (resumed.live().session(), steady.live().session());
    assert_eq!(a.timeline(), b.timeline());
    assert_eq!(a.comments(), b.comments());
    assert_eq!(a.questions(), b.questions());
    assert_eq!(a.active_cues(), b.active_cues());
    assert_eq!(a.sources(), b.sources());
    let now = clock.now_ms();
    assert_eq!(now, steady_clock.now_ms());
    assert_eq!(a.status(now), b.status(now));
    // Apart from the down time, which the resumed show remembers.
    assert!(b.resumes().is_empty());
    assert_eq!(
        a.resumes(),
        &[Resume {
            at: livecue::session::Stamp {
                ms: last_event_ms + DOWN_MS,
                wall: epoch() + chrono::TimeDelta::milliseconds(last_event_ms + DOWN_MS),
            },
            down_ms: DOWN_MS,
        }]
    );

    // What the test relies on did happen: time adjusted, cues fired and dismissed,
    // questions answered, the repeat hidden and the duplicate merged across the stop.
    let runs = a.timeline().runs();
    assert_eq!(runs.len(), 4);
    assert_eq!(runs[0].adjust_ms, MIN);
    assert_eq!(runs[2].adjust_ms, -30_000);
    assert_eq!(runs[3].adjust_ms, 2 * MIN);
    assert!(a.timeline().cue_fired(0) && a.timeline().cue_fired(1));
    let answered = a
        .questions()
        .all()
        .iter()
        .filter(|q| q.state == QuestionState::Answered)
        .count();
    assert_eq!(answered, 2);
    let c5 = a.comments().iter().find(|c| c.comment.id == "c5").unwrap();
    assert!(!c5.verdict.shown, "{:?}", c5.verdict);
    let c6 = a.comments().iter().find(|c| c.comment.id == "c6").unwrap();
    assert_eq!(c6.verdict.duplicate_of.as_deref(), Some("c2"));

    // One journal: one show_started, one resumed, everything once.
    resumed.sync_journal();
    let events = read_journal(&journal).unwrap().events;
    let started = events
        .iter()
        .filter(|e| matches!(e, Event::ShowStarted { .. }))
        .count();
    let resumes = events
        .iter()
        .filter(|e| matches!(e, Event::Resumed { .. }))
        .count();
    assert_eq!((started, resumes), (1, 1));
}

/// Opens a show in `shows`, starts it and leaves it unended (as a crash would);
/// returns its journal.
fn leave_a_started_show(plan: &Arc<Plan>, clock: &ManualClock, shows: &Path) -> PathBuf {
    let mut runner = ShowRunner::open(setup(plan, clock), shows).unwrap();
    assert!(runner.perform(Action::StartShow));
    runner.live().journal_path().unwrap()
}

#[test]
fn open_continues_an_unfinished_show_and_never_an_ended_one() {
    let plan = plan();
    let dir = tempfile::tempdir().unwrap();
    let shows = dir.path().join("shows");
    let clock = ManualClock::new();

    let mut first = ShowRunner::open(setup(&plan, &clock), &shows).unwrap();
    assert!(first.resumed().is_none());
    first.perform(Action::StartShow);
    clock.advance_ms(5_000);
    first.perform(Action::NextSegment);
    let journal = first.live().journal_path().unwrap();
    drop(first);

    // Unfinished: the same journal goes on, in the same segment.
    clock.advance_ms(3_000);
    let mut second = ShowRunner::open(setup(&plan, &clock), &shows).unwrap();
    assert_eq!(second.resumed().unwrap().journal, journal);
    assert_eq!(second.resumed().unwrap().down_ms, 3_000);
    assert_eq!(second.live().session().timeline().current(), Some(1));
    assert!(second.perform(Action::EndShow));
    drop(second);

    // Ended: a new show in a new folder.
    let third = ShowRunner::open(setup(&plan, &clock), &shows).unwrap();
    assert!(third.resumed().is_none());
    assert_eq!(
        third.live().session().timeline().current(),
        None,
        "a new show waits for its start"
    );
    drop(third);

    // Another plan's unfinished show is never picked up.
    let mut other: Plan = (*plan).clone();
    other.title.push_str(" (v2)");
    let other = Arc::new(other);
    let mut fourth = ShowRunner::open(setup(&other, &clock), &shows).unwrap();
    assert!(fourth.resumed().is_none());
    fourth.perform(Action::StartShow);
    drop(fourth);
    let again = ShowRunner::open(setup(&plan, &clock), &shows).unwrap();
    assert!(again.resumed().is_none());
}

#[test]
fn a_new_show_instead_leaves_the_resumed_one_and_is_continued_next_time() {
    let (plan, clock, dir) = (plan(), ManualClock::new(), tempfile::tempdir().unwrap());
    let shows = dir.path().join("shows");
    let old = leave_a_started_show(&plan, &clock, &shows);

    clock.advance_ms(1_000);
    let mut second = ShowRunner::open(setup(&plan, &clock), &shows).unwrap();
    assert!(second.resumed().is_some());
    second.start_new_show().unwrap();
    assert!(second.resumed().is_none());
    let new = second.live().journal_path().expect("opened at once");
    assert_ne!(new, old);
    assert_eq!(second.live().session().timeline().current(), None);
    drop(second);

    // Nothing happened in the new show, yet it is the one continued.
    let third = ShowRunner::open(setup(&plan, &clock), &shows).unwrap();
    assert_eq!(third.resumed().map(|r| r.journal.clone()), Some(new));
}

#[test]
fn a_show_left_unended_for_longer_than_a_live_lasts_is_not_continued() {
    let (plan, clock, dir) = (plan(), ManualClock::new(), tempfile::tempdir().unwrap());
    let shows = dir.path().join("shows");
    let old = leave_a_started_show(&plan, &clock, &shows);

    clock.advance_ms(4 * 60 * MIN + 1);
    let second = ShowRunner::open(setup(&plan, &clock), &shows).unwrap();
    assert!(second.resumed().is_none());
    let why = second.not_resumed().unwrap();
    assert!(why.contains("longer than a live lasts"), "{why}");
    assert_eq!(second.live().session().timeline().current(), None);
    drop(second);
    // The old journal is left as it was.
    let events = read_journal(&old).unwrap().events;
    assert_eq!(events.len(), 1, "{events:?}");
}

#[test]
fn the_same_show_cannot_be_open_twice() {
    let (plan, clock, dir) = (plan(), ManualClock::new(), tempfile::tempdir().unwrap());
    let shows = dir.path().join("shows");
    leave_a_started_show(&plan, &clock, &shows);

    let second = ShowRunner::open(setup(&plan, &clock), &shows).unwrap();
    assert!(second.resumed().is_some());
    // A double-click opens it again while it runs: refused, nothing cut or doubled.
    let third = ShowRunner::open(setup(&plan, &clock), &shows);
    let err = third.err().expect("refused").to_string();
    assert!(err.contains("another livecue has this show open"), "{err}");
    drop(second);
    assert!(ShowRunner::open(setup(&plan, &clock), &shows).is_ok());
}

#[test]
fn cues_and_segment_ends_that_passed_while_down_show_without_a_burst_of_chimes() {
    let plan = plan();
    let dir = tempfile::tempdir().unwrap();
    let shows = dir.path().join("shows");
    let clock = ManualClock::new();
    let mut first = ShowRunner::open(setup(&plan, &clock), &shows).unwrap();
    first.perform(Action::StartShow);
    first.perform(Action::NextSegment);
    drop(first);

    // Down for 25 minutes: the serum segment's share-media cues fell due meanwhile.
    clock.advance_ms(25 * MIN);
    let mut second = ShowRunner::open(setup(&plan, &clock), &shows).unwrap();
    assert!(second.resumed().is_some());
    assert!(!second.live().session().active_cues().is_empty());
    assert!(second.live_mut().take_chimes().is_empty());
}

#[test]
fn a_source_that_cannot_start_leaves_the_connected_one_running() {
    use livecue::sources::{SourceSettings, SourceSpec, SourceState};
    let plan = plan();
    let clock = ManualClock::new();
    let mut runner = ShowRunner::new_show(setup(&plan, &clock), JournalTarget::Off).unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/comments.jsonl");
    let replay: SourceSpec = format!("replay:{}@max", demo.display()).parse().unwrap();
    runner.connect(SourceSettings::new(replay.clone())).unwrap();
    // Instagram without its account id cannot start: said, journaled, and the replay
    // goes on.
    let err = runner
        .connect(SourceSettings::new(SourceSpec::Instagram))
        .unwrap_err();
    assert!(err.to_string().contains("user id"), "{err}");
    assert_eq!(
        runner.source().map(SourceSettings::name),
        Some(replay.to_string())
    );
    let status = runner.status();
    assert_eq!(status.current_source, Some(replay.to_string()));
    assert!(
        status
            .sources
            .iter()
            .any(|(name, s)| name == "instagram" && matches!(s, SourceState::Failed { .. }))
    );
    let lines = std::fs::read_to_string(&demo).unwrap().lines().count();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while runner.live().session().comments().len() < lines {
        assert!(std::time::Instant::now() < deadline, "the replay stopped");
        runner.wait(std::time::Duration::from_millis(50));
    }
}

#[test]
fn a_rehearsal_at_20x_of_a_60_minute_plan_reaches_the_closing_segment_in_about_3_minutes() {
    let template = livecue::plan::templates::find("product-launch").unwrap();
    let plan = Arc::new(template.plan(livecue::plan::templates::Lang::En).unwrap());
    assert_eq!(plan.planned_total().secs(), 60 * 60);
    let closing = plan.segments.len() - 1;
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::new();
    let mut runner = ShowRunner::rehearse(setup(&plan, &clock), dir.path(), 20).unwrap();
    assert_eq!(runner.rehearsal(), Some(20));
    // Nobody presses a key: the rehearsal starts by itself and moves on at each zero.
    let mut reached_ms = None;
    for step in 1..=(4 * 60 * 10) {
        clock.advance_ms(100);
        runner.tick();
        if runner.live().session().timeline().current() == Some(closing) {
            reached_ms = Some(step * 100);
            break;
        }
    }
    // The closing segment is planned at 54:00; 54 minutes at 20× is 2:42 of real time.
    let reached_ms = reached_ms.expect("the closing segment within 4 minutes");
    assert_eq!(reached_ms, 162_000);
    let status = runner.live().status();
    assert_eq!(status.show_elapsed_ms, 54 * MIN);
    // Each segment started the instant the one before ran out: the show is on plan.
    assert_eq!(status.offset_ms, 0);
    runner.sync_journal();
    let journal = runner.live().journal_path().unwrap();
    drop(runner);
    let contents = read_journal(&journal).unwrap();
    assert_eq!(contents.header.rehearsal, Some(20));
    let moved_on_by_themselves = contents
        .events
        .iter()
        .filter(|e| matches!(e, Event::SegmentStarted { auto: true, .. }))
        .count();
    assert_eq!(moved_on_by_themselves, closing, "the warm-up too");
    // Opening the plan for real starts a new show; the rehearsal is left as it was.
    let real = ShowRunner::open(setup(&plan, &clock), dir.path()).unwrap();
    assert!(real.resumed().is_none());
    assert_eq!(real.rehearsal(), None);
    let shows = livecue::runner::list_shows(dir.path());
    assert_eq!(shows.iter().filter(|s| s.rehearsal == Some(20)).count(), 1);
}
