//! On air, as a rehearsal found it: what the status bar and the source form say, the
//! time keys, going back and undoing a move, and cues that lost their segment, through
//! the real app with egui_kittest.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use livecue::audio::Chime;
use livecue::session::{Event, read_journal};
use livecue::show::{ManualClock, Missed, MissedCue, ShowState};
use livecue::sources::SourceState;
use livecue::ui::LivecueApp;

use app_fixture::Open;

const PLAN: &str = r#"(
    title: "On-air test show",
    goal: (kind: Engagement, summary: "chat"),
    segments: [
        (title: "Warm-up", kind: WarmUp, duration: "5m"),
        (title: "Main", kind: Content, duration: "55m"),
    ],
)"#;

fn on_air(shows: &std::path::Path) -> Harness<'static, LivecueApp> {
    let mut harness = Open::new(PLAN, shows).app();
    harness.key_press(Key::F2);
    harness.run_steps(2);
    harness
}

fn type_into(harness: &mut Harness<'static, LivecueApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(1);
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[Key::A]);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(1);
}

#[test]
fn a_failed_source_leaves_the_status_bar_once_another_connects() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = on_air(dir.path());
    harness.state_mut().live_mut().source_status(
        "instagram",
        SourceState::Failed {
            reason: "no token".into(),
        },
    );
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("instagram").is_some());

    // A mistake in the form is said in the form, which stays open; nothing changes.
    harness.key_press(Key::O);
    harness.run_steps(2);
    type_into(&mut harness, "Source", "instagram");
    harness.get_by_label("Connect").click();
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Comment source").is_some(),
        "form closed"
    );
    assert!(
        harness
            .query_by_label_contains("Instagram needs the account's user id")
            .is_some()
    );

    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/comments.jsonl");
    type_into(
        &mut harness,
        "Source",
        &format!("replay:{}@max", demo.display()),
    );
    harness.get_by_label("Connect").click();
    harness.run_steps(3);
    // The source reports from its own thread: wait for its first word (not timed).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while harness
        .query_by_label_contains("replay:comments.jsonl@max")
        .is_none()
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.run_steps(1);
    }
    assert!(
        harness.query_by_label("Comment source").is_none(),
        "form open"
    );
    assert!(
        harness.query_by_label_contains("instagram").is_none(),
        "the old failure is still on the bar"
    );
    assert!(
        harness
            .query_by_label_contains("replay:comments.jsonl@max")
            .is_some()
    );
    // The journal and the audio are on the bar whatever else is.
    assert!(harness.query_by_label_contains("journal").is_some());
    assert!(harness.query_by_label_contains("sound off").is_some());
}

/// Warm-up, a product demo with a media cue 8:00 in, a guest segment whose invite is a
/// show-timed cue at 16:00 (inside it), then Q&A.
const GUEST_PLAN: &str = r#"(
    title: "Guest show",
    goal: (kind: Engagement, summary: "chat"),
    segments: [
        (id: "warm", title: "Warm-up", kind: WarmUp, duration: "5m"),
        (id: "demo", title: "Demo", kind: Product, duration: "10m"),
        (id: "guest", title: "Guest", kind: Guest, duration: "10m"),
        (id: "qa", title: "Q&A", kind: QAndA, duration: "10m"),
    ],
    cues: [
        (at: Segment("demo", "8:00"), what: ShareMedia("chart")),
        (at: Show("16:00"), what: InviteGuest("nurse.lin")),
    ],
    guests: [(handle: "nurse.lin", name: "Nurse Lin")],
    media: [(id: "chart", path: "chart.png", caption: "before and after")],
)"#;

const MIN: i64 = 60_000;

struct Show {
    harness: Harness<'static, LivecueApp>,
    clock: ManualClock,
    _dir: tempfile::TempDir,
}

impl Show {
    /// The guest show on air (F2), started with Space, at this window size.
    fn started(size: egui::Vec2) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let clock = ManualClock::new();
        let mut harness = Open {
            clock: clock.clone(),
            size,
            ..Open::new(GUEST_PLAN, dir.path())
        }
        .app();
        harness.key_press(Key::F2);
        harness.run_steps(2);
        harness.key_press(Key::Space);
        harness.run_steps(2);
        assert_eq!(
            harness.state().live().status().state,
            ShowState::Running { index: 0 }
        );
        Self {
            harness,
            clock,
            _dir: dir,
        }
    }

    fn status(&self) -> livecue::show::Status {
        self.harness.state().live().status()
    }

    fn press(&mut self, key: Key) {
        self.harness.key_press(key);
        self.harness.run_steps(2);
    }

    /// A key as a keyboard sends it: the character's key, the key's place, modifiers.
    fn type_key(&mut self, key: Key, physical_key: Key, modifiers: Modifiers) {
        for pressed in [true, false] {
            self.harness.event_modifiers(
                egui::Event::Key {
                    key,
                    physical_key: Some(physical_key),
                    pressed,
                    repeat: false,
                    modifiers,
                },
                modifiers,
            );
        }
        self.harness.run_steps(2);
    }

    fn later(&mut self, secs: i64) {
        self.clock.advance_secs(secs);
        self.harness.run_steps(2);
    }

    /// Detaches the host screen: the main window becomes the producer's.
    fn producer(&mut self) {
        self.press(Key::D);
        assert!(self.harness.state().detached());
        assert!(self.harness.query_by_label("RUNDOWN").is_some());
    }

    /// Clicks the rundown's "Go" for this segment (the current one has none).
    fn jump(&mut self, index: usize) {
        let current = self.harness.state().live().session().timeline().current();
        let nth = (0..index).filter(|&i| Some(i) != current).count();
        // By accessibility action: the test harness embeds the host window on top.
        self.harness
            .get_all_by_label("Go")
            .nth(nth)
            .unwrap()
            .click_accesskit();
        self.harness.run_steps(2);
    }

    fn journal(&self) -> Vec<Event> {
        let live = self.harness.state().live();
        live.sync_journal();
        read_journal(&live.journal_path().unwrap()).unwrap().events
    }
}

#[test]
fn plus_adds_a_minute_however_it_is_typed_and_brackets_thirty_seconds() {
    let mut s = Show::started(egui::vec2(1920.0, 1080.0));
    s.later(10);
    let before = s.status().remaining_ms;
    // US keyboard: `+` is Shift and the `=` key.
    s.type_key(Key::Plus, Key::Equals, Modifiers::SHIFT);
    assert_eq!(s.status().remaining_ms, before + MIN);
    // The numpad's `+`, and `=` itself.
    s.type_key(Key::Plus, Key::Plus, Modifiers::NONE);
    assert_eq!(s.status().remaining_ms, before + 2 * MIN);
    s.type_key(Key::Equals, Key::Equals, Modifiers::NONE);
    assert_eq!(s.status().remaining_ms, before + 3 * MIN);
    // `-`, from the numpad too, and with Shift.
    s.type_key(Key::Minus, Key::Minus, Modifiers::NONE);
    s.type_key(Key::Minus, Key::Minus, Modifiers::SHIFT);
    assert_eq!(s.status().remaining_ms, before + MIN);
    // Thirty seconds on their own keys: `]` adds, `[` takes off; Shift changes nothing.
    s.type_key(Key::CloseBracket, Key::CloseBracket, Modifiers::NONE);
    assert_eq!(s.status().remaining_ms, before + MIN + 30_000);
    s.type_key(Key::CloseCurlyBracket, Key::CloseBracket, Modifiers::SHIFT);
    assert_eq!(s.status().remaining_ms, before + 2 * MIN);
    s.type_key(Key::OpenBracket, Key::OpenBracket, Modifiers::NONE);
    assert_eq!(s.status().remaining_ms, before + MIN + 30_000);
    // The strip shows them, and its "+30 s" adds thirty seconds.
    assert!(s.harness.query_by_label("−30 s").is_some());
    s.harness.get_by_label("+30 s").click();
    s.harness.run_steps(2);
    assert_eq!(s.status().remaining_ms, before + 2 * MIN);
    // The journal says what the strip says: whole minutes for +, half for ].
    let deltas: Vec<i64> = s
        .journal()
        .iter()
        .filter_map(|e| match e {
            Event::TimeAdjusted { delta_ms, .. } => Some(*delta_ms),
            _ => None,
        })
        .collect();
    assert_eq!(
        deltas,
        [MIN, MIN, MIN, -MIN, -MIN, 30_000, 30_000, -30_000, 30_000]
    );
}

/// Every button of the strip, and the last key hint, on the row of "Next segment".
fn assert_strip_is_one_row(size: egui::Vec2) {
    let mut s = Show::started(size);
    // Undo is there once there is a move to undo.
    s.press(Key::Space);
    let row = |s: &Show, label: &str| s.harness.get_by_label(label).rect().center().y;
    let y = row(&s, "Next segment");
    for label in [
        "Undo",
        "−1 min",
        "−30 s",
        "+30 s",
        "+1 min",
        "Detach host view",
        "End show…",
    ] {
        let other = row(&s, label);
        assert!(
            (other - y).abs() < 2.0,
            "{label} at y {other}, Next segment at {y} in {size:?}"
        );
    }
    // The key hints, smaller, share a row of their own height: the last one on the
    // first one's.
    let (first, last) = (row(&s, "Space"), row(&s, "E"));
    assert!(
        (first - last).abs() < 2.0,
        "E at y {last}, Space at {first} in {size:?}"
    );
}

#[test]
fn the_control_strip_stays_one_row_at_1280_by_720() {
    assert_strip_is_one_row(egui::vec2(1280.0, 720.0));
}

#[test]
fn the_control_strip_stays_one_row_in_a_maximized_1080p_window() {
    // 1920×1080 less openbox's title bar.
    assert_strip_is_one_row(egui::vec2(1920.0, 1061.0));
}

#[test]
fn backspace_brings_the_previous_segment_back_with_its_elapsed_and_added_time() {
    let mut s = Show::started(egui::vec2(1920.0, 1080.0));
    s.later(60);
    s.press(Key::Plus);
    s.later(60);
    s.press(Key::Space);
    s.later(20);
    s.press(Key::Backspace);
    // Warm-up again, 2:00 in with its added minute: 4:00 left, not 5:00.
    let status = s.status();
    assert_eq!(status.state, ShowState::Running { index: 0 });
    assert_eq!(status.segment_elapsed_ms, 2 * MIN);
    assert_eq!(status.remaining_ms, 4 * MIN);
    assert!(s.harness.query_by_label("4:00").is_some());
    s.later(30);
    assert!(s.harness.query_by_label("3:30").is_some());
}

#[test]
fn z_undoes_a_mistaken_space_backspace_or_jump() {
    let mut s = Show::started(egui::vec2(1920.0, 1080.0));
    s.later(60);
    // A Space too many: Z brings the warm-up back, a minute in.
    s.press(Key::Space);
    s.later(5);
    s.press(Key::Z);
    assert_eq!(s.status().state, ShowState::Running { index: 0 });
    assert_eq!(s.status().remaining_ms, 4 * MIN);
    // On to the demo for 30 s, a Backspace too many: Z brings the demo back, 0:30 in.
    s.later(60);
    s.press(Key::Space);
    s.later(30);
    s.press(Key::Backspace);
    s.later(5);
    s.press(Key::Z);
    assert_eq!(s.status().state, ShowState::Running { index: 1 });
    assert_eq!(s.status().remaining_ms, 10 * MIN - 30_000);
    // A jump from the producer's rundown says Z undoes it; Z does.
    s.producer();
    s.later(30);
    s.jump(3);
    assert_eq!(s.status().state, ShowState::Running { index: 3 });
    assert!(
        s.harness
            .query_by_label("Jumped to Q&A — Z undoes")
            .is_some()
    );
    assert!(s.harness.query_by_label("Back to Demo as it was").is_some());
    s.press(Key::Z);
    assert_eq!(s.status().state, ShowState::Running { index: 1 });
    assert_eq!(s.status().remaining_ms, 9 * MIN);
    assert!(
        s.harness
            .query_by_label("Jumped to Q&A — Z undoes")
            .is_none()
    );
    // Undo is a click too (the strip's first "Undo"; the question panel has its own
    // for question changes): back to Q&A, as it was.
    s.harness
        .get_all_by_label("Undo")
        .next()
        .unwrap()
        .click_accesskit();
    s.harness.run_steps(2);
    assert_eq!(s.status().state, ShowState::Running { index: 3 });
}

#[test]
fn a_skipped_guest_segments_cue_goes_to_missed_cues_not_to_the_host() {
    let mut s = Show::started(egui::vec2(1920.0, 1080.0));
    s.producer();
    s.later(5 * 60);
    s.press(Key::Space);
    // The demo runs its 10 minutes and its media cue fires in it.
    s.later(8 * 60);
    assert_eq!(s.harness.state().live().session().active_cues(), &[0]);
    s.press(Key::Enter);
    s.later(2 * 60);
    // Straight to Q&A at 15:00: the guest segment is skipped.
    s.jump(3);
    s.later(3 * 60);
    // 18:00, past the invite's 16:00: no banner for the host...
    assert!(s.harness.state().live().session().active_cues().is_empty());
    assert!(
        s.harness
            .query_by_label("Invite @nurse.lin (Nurse Lin)")
            .is_none()
    );
    // ... it waits in the producer's missed cues.
    assert!(s.harness.query_by_label("MISSED CUES").is_some());
    assert!(
        s.harness
            .query_by_label("Invite @nurse.lin (Nurse Lin) — segment skipped")
            .is_some()
    );
    assert_eq!(
        s.harness.state().live().session().missed_cues(),
        &[MissedCue {
            index: 1,
            why: Missed::Skipped
        }]
    );
    assert!(s.journal().iter().any(|e| matches!(
        e,
        Event::CueMissed {
            index: 1,
            why: Missed::Skipped,
            ..
        }
    )));
    // Long after, in Q&A's overtime, still nothing for the host.
    s.later(15 * 60);
    assert!(s.harness.state().live().session().active_cues().is_empty());
    let requested = s.harness.state().audio().requested();
    assert_eq!(
        requested.iter().filter(|c| **c == Chime::Cue).count(),
        1,
        "only the demo's own cue chimed"
    );

    // After a restart the journal brings the list back.
    let Show {
        harness,
        clock,
        _dir: dir,
    } = s;
    drop(harness);
    let mut again = Open {
        clock,
        ..Open::new(GUEST_PLAN, dir.path())
    }
    .app();
    again.run_steps(2);
    assert_eq!(
        again.state().live().session().missed_cues(),
        &[MissedCue {
            index: 1,
            why: Missed::Skipped
        }]
    );
    again.key_press(Key::D);
    again.run_steps(2);
    assert!(
        again
            .query_by_label("Invite @nurse.lin (Nurse Lin) — segment skipped")
            .is_some()
    );
}

#[test]
fn a_cut_short_segments_cue_appears_in_missed_cues_and_fire_now_fires_it() {
    let mut s = Show::started(egui::vec2(1920.0, 1080.0));
    s.producer();
    s.later(5 * 60);
    s.press(Key::Space);
    // The demo cut short at 6:00 of 10:00, before its media cue at 8:00.
    s.later(6 * 60);
    s.press(Key::Space);
    assert!(
        s.harness
            .query_by_label("Share chart: before and after — segment cut short")
            .is_some()
    );
    let cue_chimes = |s: &Show| {
        let requested = s.harness.state().audio().requested();
        requested.iter().filter(|c| **c == Chime::Cue).count()
    };
    assert_eq!(cue_chimes(&s), 0);
    s.harness.get_by_label("Fire now").click_accesskit();
    s.harness.run_steps(2);
    // Fired: the banner (on the host screen), the chime, the journal; the list is empty.
    assert_eq!(s.harness.state().live().session().active_cues(), &[0]);
    assert!(
        s.harness
            .query_by_label("Share chart: before and after")
            .is_some()
    );
    assert_eq!(cue_chimes(&s), 1);
    assert!(s.harness.query_by_label("MISSED CUES").is_none());
    assert!(
        s.journal()
            .iter()
            .any(|e| matches!(e, Event::CueFired { index: 0, .. }))
    );
}

#[test]
fn fullscreen_on_display_lists_only_the_displays_that_exist() {
    use livecue::ui::Display;
    let mut show = Show::started(egui::vec2(1920.0, 1080.0));
    show.producer();
    let display = |name: &str, w, h| Display {
        name: Some(name.into()),
        size_px: [w, h],
    };
    let buttons = |show: &Show| {
        (1..=4)
            .filter(|n| {
                show.harness
                    .query_by_label(&format!("Fullscreen on display {n}"))
                    .is_some()
            })
            .count()
    };
    // No window to ask (as in this harness), no list: no buttons to press in vain.
    assert_eq!(buttons(&show), 0);

    show.harness.state_mut().set_displays(vec![
        display("eDP-1", 2560, 1600),
        display("HDMI-1", 1920, 1080),
    ]);
    show.harness.run_steps(2);
    assert_eq!(buttons(&show), 2, "one button per display");

    // The external screen unplugged: its button goes.
    show.harness
        .state_mut()
        .set_displays(vec![display("eDP-1", 2560, 1600)]);
    show.harness.run_steps(2);
    assert_eq!(buttons(&show), 1);
    assert!(
        show.harness
            .query_by_label("Fullscreen on display 1")
            .is_some()
    );
}
