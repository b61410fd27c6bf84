//! The show timeline on a manual clock.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::sync::Arc;

use livecue::plan::{self, Plan};
use livecue::show::{Change, ManualClock, Phase, Show, ShowState, WindowCheck};

/// Three segments (10, 20 and 30 minutes) with explicit thresholds and some cues.
const PLAN: &str = r#"(
    title: "Timeline test",
    goal: (kind: Engagement),
    segments: [
        (id: "a", title: "A", kind: WarmUp, duration: "10m", warning: "2m", danger: "30s"),
        (id: "b", title: "B", kind: Content, duration: "20m", warning: "5m", danger: "1m"),
        (id: "c", title: "C", kind: Closing, duration: "30m"),
    ],
    cues: [
        (at: Show("2:00"), what: Custom("show two")),
        (at: Show("4:00"), what: Custom("show four")),
        (at: Show("8:00"), what: Custom("show eight")),
        (at: Segment("b", "1:00"), what: Custom("b one")),
        (at: Segment("a", "9:00"), what: Custom("a nine")),
    ],
)"#;

fn plan() -> Plan {
    plan::parse(PLAN, "test").unwrap()
}

fn show() -> (Show, ManualClock) {
    let clock = ManualClock::new();
    let show = Show::new(&plan(), Arc::new(clock.clone()));
    (show, clock)
}

const MIN: i64 = 60_000;

#[test]
fn phase_changes_exactly_at_the_thresholds() {
    let (mut show, clock) = show();
    assert_eq!(show.status().phase, Phase::Idle);
    assert!(show.start());
    // Segment A: 10 min, warning at 2:00 left, danger at 0:30 left.
    clock.set_ms(8 * MIN - 1);
    assert_eq!(show.status().phase, Phase::Running);
    assert_eq!(show.status().remaining_ms, 2 * MIN + 1);
    clock.set_ms(8 * MIN);
    assert_eq!(show.status().phase, Phase::Warning);
    clock.set_ms(10 * MIN - 30_001);
    assert_eq!(show.status().phase, Phase::Warning);
    clock.set_ms(10 * MIN - 30_000);
    assert_eq!(show.status().phase, Phase::Danger);
    clock.set_ms(10 * MIN - 1);
    assert_eq!(show.status().phase, Phase::Danger);
    assert_eq!(show.status().remaining_ms, 1);
    clock.set_ms(10 * MIN);
    assert_eq!(show.status().phase, Phase::Overtime);
    assert_eq!(show.status().remaining_ms, 0);
}

#[test]
fn overtime_counts_past_zero_and_holds_the_segment() {
    let (mut show, clock) = show();
    show.start();
    clock.set_ms(10 * MIN + 83_500);
    show.tick();
    let s = show.status();
    // A warm-up never moves on by itself: it holds and counts overtime.
    assert_eq!(s.state, ShowState::Running { index: 0 });
    assert_eq!(s.phase, Phase::Overtime);
    assert_eq!(s.remaining_ms, -83_500);
    assert_eq!(s.offset_ms, 83_500, "behind plan by the overtime");
    assert_eq!(s.projected_end_ms, 60 * MIN + 83_500);
}

#[test]
fn over_under_carries_across_three_segments_with_add_time_in_the_middle() {
    let (mut show, clock) = show();
    show.start();
    // A (10 min) runs 1:30 over.
    clock.set_ms(11 * MIN + 30_000);
    assert_eq!(show.status().offset_ms, 90_000);
    assert!(show.next_segment());
    // B starts 1:30 late: still 1:30 behind while it runs.
    clock.advance_secs(60);
    assert_eq!(show.status().offset_ms, 90_000);
    assert_eq!(show.status().remaining_ms, 19 * MIN);
    // The host adds two minutes in B: now 3:30 behind.
    assert!(show.add_time_ms(2 * MIN));
    let s = show.status();
    assert_eq!(s.remaining_ms, 21 * MIN);
    assert_eq!(s.offset_ms, 210_000);
    assert_eq!(s.projected_end_ms, 60 * MIN + 210_000);
    // ... then removes thirty seconds: 3:00 behind.
    assert!(show.add_time_ms(-30_000));
    assert_eq!(show.status().offset_ms, 180_000);
    // B ends 5 minutes early (after 15 of its 21:30): the offset drops by that much.
    clock.advance_secs(14 * 60);
    assert!(show.next_segment());
    let s = show.status();
    assert_eq!(s.state, ShowState::Running { index: 2 });
    // C started at 11:30 + 15:00 = 26:30; planned start 30:00: 3:30 ahead.
    assert_eq!(s.offset_ms, -210_000);
    assert_eq!(s.projected_end_ms, 60 * MIN - 210_000);
    assert_eq!(s.window, WindowCheck::Inside);
}

#[test]
fn each_cue_fires_once_even_when_the_clock_jumps_ten_minutes() {
    let (mut show, clock) = show();
    show.start();
    clock.advance_secs(3 * 60);
    assert_eq!(show.tick(), vec![Change::CueDue { index: 0 }]);
    assert_eq!(show.tick(), vec![], "a second tick must not repeat it");
    // Jump from 3:00 to 13:00: the show cues at 4:00 and 8:00 and A's cue at 9:00 are
    // all due, each once, in plan order.
    clock.advance_secs(10 * 60);
    assert_eq!(
        show.tick(),
        vec![
            Change::CueDue { index: 1 },
            Change::CueDue { index: 2 },
            Change::CueDue { index: 4 }
        ]
    );
    assert_eq!(show.tick(), vec![]);
    clock.advance_secs(10 * 60);
    assert_eq!(show.tick(), vec![], "B's cue waits until B runs");
    show.next_segment();
    clock.advance_secs(60);
    assert_eq!(show.tick(), vec![Change::CueDue { index: 3 }]);
    // Going back to A and forward again does not fire anything twice.
    show.previous_segment();
    clock.advance_secs(10 * 60);
    show.next_segment();
    clock.advance_secs(10 * 60);
    assert_eq!(show.tick(), vec![]);
    assert!((0..5).all(|i| show.timeline().cue_fired(i)));
}

#[test]
fn segments_with_end_action_next_move_on_at_the_exact_instant() {
    let src = PLAN
        .replace(
            "duration: \"20m\", warning: \"5m\", danger: \"1m\")",
            "duration: \"20m\", end_action: Next)",
        )
        .replace(
            "(at: Segment(\"b\", \"1:00\")",
            "(at: Segment(\"c\", \"1:00\")",
        );
    let plan = plan::parse(&src, "t").unwrap();
    let clock = ManualClock::new();
    let mut show = Show::new(&plan, Arc::new(clock.clone()));
    show.start();
    clock.set_ms(10 * MIN);
    show.next_segment();
    // Jump 25 minutes: B ran out at 30:00 and C started then, so C's cue at 1:00 is
    // due and C has 25:00 left, not 30:00.
    clock.advance_secs(25 * 60);
    let changes = show.tick();
    assert!(changes.contains(&Change::Advance {
        index: 2,
        at_ms: 30 * MIN
    }));
    assert!(changes.contains(&Change::CueDue { index: 3 }));
    let s = show.status();
    assert_eq!(s.state, ShowState::Running { index: 2 });
    assert_eq!(s.remaining_ms, 25 * MIN);
    assert_eq!(s.offset_ms, 0);
}

#[test]
fn after_75_simulated_minutes_remaining_is_exact_to_the_millisecond() {
    let (mut show, clock) = show();
    show.start();
    // Uneven frame steps, as a real UI delivers them; the timeline must not drift.
    let steps = [16, 17, 17, 33, 7, 1, 250];
    let mut now = 0i64;
    let mut jumped_at = None;
    for dt in steps.iter().cycle() {
        if now >= 75 * MIN {
            break;
        }
        clock.advance_ms(*dt);
        now += dt;
        show.tick();
        if jumped_at.is_none() && now >= 40 * MIN {
            assert!(show.jump(2));
            jumped_at = Some(now);
        }
    }
    let jumped_at = jumped_at.unwrap();
    let s = show.status();
    assert_eq!(s.show_elapsed_ms, now);
    assert_eq!(s.segment_elapsed_ms, now - jumped_at);
    assert_eq!(s.remaining_ms, 30 * MIN - (now - jumped_at));
    assert_eq!(s.state, ShowState::Running { index: 2 });
}

#[test]
fn window_warnings_follow_the_projection() {
    let (mut show, clock) = show();
    show.start();
    // Skip straight to the last segment after one minute: projected end is 29 minutes
    // early, 31:00, under the 55-minute minimum.
    clock.set_ms(MIN);
    show.jump(2);
    assert_eq!(show.status().window, WindowCheck::Short { by_ms: 24 * MIN });
    // Overrun the last segment badly: past the 75-minute maximum.
    clock.set_ms(MIN + 80 * MIN);
    assert_eq!(show.status().window, WindowCheck::Long { by_ms: 6 * MIN });
    assert!(show.end());
    let s = show.status();
    assert_eq!(s.state, ShowState::Ended);
    assert_eq!(s.show_elapsed_ms, 81 * MIN);
    assert_eq!(s.offset_ms, 21 * MIN);
    assert!(!show.next_segment(), "nothing moves after the end");
}

#[test]
fn previous_brings_a_segment_back_as_it_was_and_undo_reverses_a_move() {
    let (mut show, clock) = show();
    show.start();
    clock.set_ms(3 * MIN);
    assert!(show.add_time_ms(MIN));
    clock.set_ms(4 * MIN);
    assert!(show.next_segment());
    clock.set_ms(4 * MIN + 20_000);
    // Back to A: 4:00 in, with its added minute: 7:00 left, not 10:00.
    assert!(show.previous_segment());
    let s = show.status();
    assert_eq!(s.segment_elapsed_ms, 4 * MIN);
    assert_eq!(s.remaining_ms, 7 * MIN);
    // The offset counts the 20 s spent in B: A now ends at 11:20 against 10:00 planned.
    assert_eq!(s.offset_ms, MIN + 20_000);
    // A mistaken jump to C, undone: A again, as it was.
    clock.set_ms(5 * MIN);
    assert!(show.jump(2));
    clock.set_ms(5 * MIN + 5_000);
    assert!(show.undo());
    let s = show.status();
    assert_eq!(s.state, ShowState::Running { index: 0 });
    assert_eq!(s.segment_elapsed_ms, 4 * MIN + 40_000);
    assert_eq!(s.remaining_ms, 11 * MIN - (4 * MIN + 40_000));
    // Time on air stays real: A's runs add up to the 4:40 it was on air.
    let on_air: i64 = show
        .timeline()
        .runs()
        .iter()
        .filter(|r| r.index == 0)
        .map(|r| r.ended_ms.unwrap_or(5 * MIN + 5_000) - r.started_ms)
        .sum();
    assert_eq!(on_air, 4 * MIN + 40_000);
}
