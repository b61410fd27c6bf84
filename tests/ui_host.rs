//! The host screen driven through the real app with egui_kittest: clicks by label, key
//! presses, a manual clock.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;

use std::path::Path;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use livecue::audio::Chime;
use livecue::comments::Comment;
use livecue::session::read_journal;
use livecue::show::{Clock as _, ManualClock, Phase, ShowState};
use livecue::ui::{LivecueApp, Screen};

use app_fixture::Open;

const PLAN: &str = r#"(
    title: "UI test show",
    goal: (kind: Sales, summary: "sell"),
    host: "shop.tw",
    segments: [
        (id: "warm", title: "暖場：等大家進來", kind: WarmUp, duration: "5m",
         talking_points: ["跟先進來的朋友打招呼"]),
        (id: "serum", title: "產品示範：保濕精華", kind: Product, duration: "20m", product: "serum"),
        (id: "qa", title: "Q&A", kind: QAndA, duration: "30m"),
        (title: "Bye", kind: Closing, duration: "5m"),
    ],
    questions: [
        (id: "s1", asker: "mei.lin", text: "請問敏感肌可以用嗎？", priority: High),
        (id: "s2", asker: "ivan_p", text: "Есть доставка в Россию?"),
    ],
    cues: [
        (at: Segment("serum", "1:00"), what: InviteGuest("nurse.lin")),
        (at: Show("1:00"), what: Custom("置頂留言"), sound: false),
    ],
    guests: [(handle: "nurse.lin", name: "林護理師", topics: ["成分", "敏感肌"])],
    products: [(id: "serum", name: "保濕精華 30ml", price: "NT$ 880", discount_code: "LIVE20")],
)"#;

struct Fixture {
    harness: Harness<'static, LivecueApp>,
    clock: ManualClock,
    _dir: tempfile::TempDir,
}

/// The app as `livecue` opens it: the plan's unfinished show in `shows`, if any, else
/// a new one there.
fn open_app(shows: &Path, clock: &ManualClock, size: egui::Vec2) -> Harness<'static, LivecueApp> {
    let mut harness = Open {
        clock: clock.clone(),
        size,
        ..Open::new(PLAN, shows)
    }
    .app();
    // A new show opens on pre-flight; these tests are about the show itself.
    harness.key_press(Key::F2);
    harness.run();
    harness
}

fn app_at(size: egui::Vec2) -> Fixture {
    let clock = ManualClock::new();
    let dir = tempfile::tempdir().unwrap();
    let harness = open_app(&dir.path().join("shows"), &clock, size);
    Fixture {
        harness,
        clock,
        _dir: dir,
    }
}

impl Fixture {
    fn journal_path(&self) -> std::path::PathBuf {
        self.harness.state().live().journal_path().unwrap()
    }
}

fn app() -> Fixture {
    app_at(egui::vec2(1920.0, 1080.0))
}

fn comment(id: &str, user: &str, text: &str) -> Comment {
    Comment {
        id: id.into(),
        user: user.into(),
        text: text.into(),
        ts: chrono::DateTime::from_timestamp(1_795_000_100, 0).unwrap(),
        platform: Some("test".into()),
    }
}

fn state(f: &Fixture) -> ShowState {
    f.harness.state().live().status().state
}

#[test]
fn start_button_starts_the_show() {
    let mut f = app();
    assert_eq!(state(&f), ShowState::NotStarted);
    f.harness.get_by_label("Start").click();
    f.harness.run();
    assert_eq!(state(&f), ShowState::Running { index: 0 });
    assert!(f.harness.query_by_label("Start").is_none());
    assert!(f.harness.query_by_label("Next segment").is_some());
    // The countdown shows the warm-up's full five minutes.
    assert!(f.harness.query_by_label("5:00").is_some());
}

#[test]
fn space_starts_then_moves_to_the_next_segment() {
    let mut f = app();
    f.harness.key_press(Key::Space);
    f.harness.run();
    assert_eq!(state(&f), ShowState::Running { index: 0 });
    f.clock.advance_secs(90);
    f.harness.key_press(Key::Space);
    f.harness.run();
    assert_eq!(state(&f), ShowState::Running { index: 1 });
    assert!(
        f.harness
            .query_by_label_contains("產品示範：保濕精華")
            .is_some()
    );
    // The product card reads out name, price and code.
    assert!(f.harness.query_by_label("保濕精華 30ml").is_some());
    assert!(f.harness.query_by_label("NT$ 880").is_some());
    assert!(f.harness.query_by_label("code LIVE20").is_some());
    f.harness.key_press(Key::Backspace);
    f.harness.run();
    assert_eq!(state(&f), ShowState::Running { index: 0 });
}

#[test]
fn plus_adds_a_minute_with_or_without_shift() {
    let mut f = app();
    f.harness.key_press(Key::Space);
    f.harness.run();
    f.clock.advance_secs(10);
    let before = f.harness.state().live().status().remaining_ms;
    assert_eq!(before, 290_000);
    f.harness.key_press(Key::Plus);
    f.harness.run();
    assert_eq!(
        f.harness.state().live().status().remaining_ms,
        before + 60_000
    );
    assert!(
        f.harness.query_by_label("5:50").is_some(),
        "countdown shows 5:50"
    );
    // Shift is how `+` is typed on many keyboards: still a minute.
    f.harness
        .key_press_modifiers(egui::Modifiers::SHIFT, Key::Plus);
    f.harness.run();
    assert_eq!(
        f.harness.state().live().status().remaining_ms,
        before + 120_000
    );
    f.harness.key_press(Key::Minus);
    f.harness.run();
    assert_eq!(
        f.harness.state().live().status().remaining_ms,
        before + 60_000
    );
    f.harness.get_by_label("+1 min").click();
    f.harness.run();
    assert_eq!(
        f.harness.state().live().status().remaining_ms,
        before + 120_000
    );
    // Two minutes behind plan: shown to the host.
    assert!(f.harness.query_by_label("▲ 2:00 behind plan").is_some());
}

#[test]
fn cue_banner_appears_when_its_time_passes_and_chimes_once() {
    let mut f = app();
    f.harness.key_press(Key::Space);
    f.harness.run();
    f.clock.advance_secs(30);
    f.harness.key_press(Key::Space); // to the serum demo at 0:30
    f.harness.run();
    f.clock.advance_secs(59);
    f.harness.run();
    assert!(
        f.harness
            .query_by_label_contains("Invite @nurse.lin")
            .is_none(),
        "not yet: 0:59 into the segment"
    );
    // The silent show cue at 1:00 fell due meanwhile: a banner, but no chime.
    assert!(f.harness.query_by_label("置頂留言").is_some());
    assert!(f.harness.state().audio().requested().is_empty());
    f.harness.key_press(Key::Enter);
    f.harness.run();
    assert!(f.harness.query_by_label("置頂留言").is_none(), "dismissed");

    f.clock.advance_secs(1);
    f.harness.run();
    assert!(
        f.harness
            .query_by_label("Invite @nurse.lin (林護理師)")
            .is_some()
    );
    assert!(f.harness.query_by_label("topics: 成分, 敏感肌").is_some());
    assert_eq!(f.harness.state().audio().requested(), &[Chime::Cue]);
    // More frames and more time: the chime is not asked for again.
    for _ in 0..5 {
        f.clock.advance_secs(1);
        f.harness.run();
    }
    assert_eq!(f.harness.state().audio().requested(), &[Chime::Cue]);
    f.harness.get_by_label("Done").click();
    f.harness.run();
    assert!(
        f.harness
            .query_by_label("Invite @nurse.lin (林護理師)")
            .is_none()
    );
}

#[test]
fn segment_end_chimes_once_and_overtime_counts_up() {
    let mut f = app();
    f.harness.key_press(Key::Space);
    f.harness.run();
    f.clock.advance_secs(5 * 60 + 12);
    f.harness.run();
    let status = f.harness.state().live().status();
    assert_eq!(status.phase, Phase::Overtime);
    assert!(f.harness.query_by_label("+0:12").is_some());
    f.clock.advance_secs(3);
    f.harness.run();
    assert!(f.harness.query_by_label("+0:15").is_some());
    assert_eq!(f.harness.state().audio().requested(), &[Chime::SegmentEnd]);
}

#[test]
fn h_shows_hidden_comments_greyed_with_their_reason() {
    let mut f = app();
    {
        let live = f.harness.state_mut().live_mut();
        live.receive(comment("c1", "jay.w", "hi from Taichung!"));
        live.receive(comment("c2", "bot", "cheap followers www.growfast.example"));
        live.receive(comment("c3", "ivan_p", "Очень красиво!"));
        live.receive(comment("c4", "mei.lin", "請問敏感肌可以用嗎？"));
    }
    f.harness.run();
    assert!(f.harness.query_by_label("hi from Taichung!").is_some());
    assert!(f.harness.query_by_label("Очень красиво!").is_some());
    // Collapsed: the spam's text is not on screen, only that something was hidden.
    assert!(
        f.harness
            .query_by_label("cheap followers www.growfast.example")
            .is_none()
    );
    assert!(
        f.harness
            .query_by_label("1 hidden: link, spam phrase — H to show")
            .is_some()
    );
    f.harness.key_press(Key::H);
    f.harness.run();
    assert!(f.harness.state().show_hidden());
    assert!(
        f.harness
            .query_by_label("cheap followers www.growfast.example")
            .is_some()
    );
    assert!(
        f.harness
            .query_by_label("hidden: link, spam phrase «cheap followers»")
            .is_some()
    );
    assert!(f.harness.query_by_label("Hide hidden").is_some());
    f.harness.key_press(Key::H);
    f.harness.run();
    assert!(
        f.harness
            .query_by_label("cheap followers www.growfast.example")
            .is_none()
    );
}

#[test]
fn question_card_advances_on_answered_and_skip() {
    let mut f = app();
    assert!(f.harness.query_by_label("請問敏感肌可以用嗎？").is_some());
    f.harness.get_by_label("Answered").click();
    f.harness.run();
    assert!(f.harness.query_by_label("請問敏感肌可以用嗎？").is_none());
    assert!(
        f.harness
            .query_by_label("Есть доставка в Россию?")
            .is_some()
    );
    // A live question joins the queue; S skips the current one.
    f.harness
        .state_mut()
        .live_mut()
        .receive(comment("c9", "anna.v", "Toimitetaanko Suomeen?"));
    f.harness.run();
    f.harness.key_press(Key::S);
    f.harness.run();
    // Now on the card as well as in the feed.
    assert_eq!(
        f.harness
            .query_all_by_label("Toimitetaanko Suomeen?")
            .count(),
        2
    );
    f.harness.key_press(Key::A);
    f.harness.run();
    assert!(f.harness.query_by_label("No questions queued").is_some());
}

#[test]
fn ending_the_show_asks_first_and_journals_everything() {
    let mut f = app();
    f.harness.get_by_label("Start").click();
    f.harness.run();
    f.clock.advance_secs(42);
    f.harness.key_press(Key::E);
    f.harness.run();
    assert!(f.harness.state().confirming_end());
    assert!(f.harness.query_by_label("End the show?").is_some());
    f.harness.get_by_label("Keep going").click();
    f.harness.run();
    assert!(!f.harness.state().confirming_end());
    assert_eq!(state(&f), ShowState::Running { index: 0 });
    f.harness.get_by_label("End show…").click();
    f.harness.run();
    f.harness.key_press(Key::Enter);
    f.harness.run();
    assert_eq!(state(&f), ShowState::Ended);

    let journal = read_journal(&f.journal_path()).unwrap();
    let kinds: Vec<String> = journal
        .events
        .iter()
        .map(|e| {
            serde_json::to_value(e).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    // The app read do-not-disturb for pre-flight when it opened.
    assert_eq!(kinds, ["dnd_checked", "show_started", "show_ended"]);
    assert_eq!(journal.header.plan_title, "UI test show");
}

/// The buttons that move the show on, which make no sense once it has ended.
const ON_AIR_CONTROLS: [&str; 6] = [
    "Start",
    "Next segment",
    "Previous",
    "+1 min",
    "−1 min",
    "End show…",
];

#[test]
fn after_end_show_the_summary_shows_and_the_on_air_controls_are_gone() {
    let mut f = app();
    f.harness
        .state_mut()
        .live_mut()
        .receive(comment("c1", "mei.lin", "好好看喔"));
    f.harness.state_mut().live_mut().receive(comment(
        "c2",
        "spam.bot",
        "free followers at bit.ly/xyz",
    ));
    f.harness.key_press(Key::Space);
    f.harness.run();
    f.clock.advance_secs(4 * 60);
    f.harness.key_press(Key::Space);
    f.harness.run();
    f.clock.advance_secs(21 * 60 + 7);
    f.harness.run();
    for label in ON_AIR_CONTROLS.iter().skip(1) {
        assert!(f.harness.query_by_label(label).is_some(), "{label} on air");
    }
    f.harness.key_press(Key::E);
    f.harness.run();
    f.harness.key_press(Key::Enter);
    f.harness.run();

    assert_eq!(f.harness.state().screen(), Screen::Summary);
    for label in [
        "Show ended",
        "Ran 25:07 of 60:00 planned",
        "34:53 under",
        "2 received · 1 shown · 1 hidden",
        "0 answered · 0 skipped · 2 left",
        "Start a new show",
    ] {
        assert!(
            f.harness.query_by_label_contains(label).is_some(),
            "{label} missing from the summary"
        );
    }
    // Planned against actual, segment by segment: warm-up 4:00 of 5:00, the product
    // demo 21:07 of 20:00, the rest skipped.
    assert!(f.harness.query_by_label("4:00").is_some());
    assert!(f.harness.query_by_label("21:07").is_some());
    assert!(f.harness.query_by_label_contains("1:07 over").is_some());
    assert_eq!(f.harness.query_all_by_label("skipped").count(), 2);
    for label in ON_AIR_CONTROLS {
        assert!(
            f.harness.query_by_label(label).is_none(),
            "{label} after the end"
        );
    }

    // Back on air (F2): the show reads as ended, not as segment 1, and still nothing
    // moves it on.
    f.harness.key_press(Key::F2);
    f.harness.run();
    assert_eq!(f.harness.state().screen(), Screen::OnAir);
    assert!(f.harness.query_by_label("Show ended · ran 25:07").is_some());
    assert!(f.harness.query_by_label_contains("1 / 4").is_none());
    assert!(f.harness.query_by_label_contains("ahead of plan").is_none());
    for label in ON_AIR_CONTROLS {
        assert!(
            f.harness.query_by_label(label).is_none(),
            "{label} after the end"
        );
    }
    f.harness.key_press(Key::Space);
    f.harness.run();
    assert_eq!(state(&f), ShowState::Ended);
}

#[test]
fn a_resumed_show_says_so_and_the_producer_can_start_a_new_one_instead() {
    let clock = ManualClock::new();
    let dir = tempfile::tempdir().unwrap();
    let shows = dir.path().join("shows");
    let size = egui::vec2(1920.0, 1080.0);
    let mut first = open_app(&shows, &clock, size);
    first.key_press(Key::Space);
    first.run();
    clock.advance_secs(65);
    first.key_press(Key::Space);
    first.run();
    let journal = first.state().live().journal_path().unwrap();
    drop(first);

    // Twelve seconds later the app opens again the same way.
    clock.advance_secs(12);
    let mut again = open_app(&shows, &clock, size);
    assert_eq!(again.state().live().journal_path(), Some(journal.clone()));
    assert_eq!(
        again.state().live().session().status(clock.now_ms()).state,
        ShowState::Running { index: 1 }
    );
    assert!(again.state().resumed_notice());
    assert!(
        again
            .query_by_label_contains("Resumed after 0:12 — ")
            .is_some(),
        "the resumed notice"
    );
    // The show clock went on while the app was down: 1:05 + 0:12.
    assert!(again.query_by_label_contains("show 1:17").is_some());

    again.get_by_label("Start a new show instead").click();
    again.run();
    assert!(again.query_by_label("Start a new show?").is_some());
    again.key_press(Key::Enter);
    again.run();
    assert!(!again.state().resumed_notice());
    assert_eq!(
        again.state().live().session().status(clock.now_ms()).state,
        ShowState::NotStarted
    );
    assert_ne!(again.state().live().journal_path(), Some(journal));
    assert!(again.query_by_label("Start").is_some());
}

#[test]
fn detached_host_view_keeps_controls_in_the_main_window() {
    let mut f = app();
    f.harness.get_by_label("Detach host view").click();
    f.harness.run();
    assert!(f.harness.state().detached());
    // Controls stay in the main window (the producer view, with the rundown); the host
    // screen runs in its own viewport, which the test harness embeds as a window on
    // top, so drive it by key as the host would.
    assert!(f.harness.query_by_label("Start").is_some());
    assert!(f.harness.query_by_label("RUNDOWN").is_some());
    f.harness.key_press(Key::Space);
    f.harness.run();
    assert_eq!(state(&f), ShowState::Running { index: 0 });
    assert!(
        f.harness.query_by_label("5:00").is_some(),
        "host screen countdown"
    );
    assert!(f.harness.query_by_label("Next segment").is_some());
    assert!(f.harness.query_by_label("Attach host view").is_some());
    f.harness.key_press(Key::D);
    f.harness.run();
    assert!(!f.harness.state().detached());
    assert!(f.harness.query_by_label("RUNDOWN").is_none());
}

#[test]
fn small_window_still_shows_every_panel() {
    let mut f = app_at(egui::vec2(1280.0, 720.0));
    f.harness
        .state_mut()
        .live_mut()
        .receive(comment("c1", "mei.lin", "好好看喔"));
    f.harness.key_press(Key::Space);
    f.harness.run();
    for label in [
        "5:00",
        "NEXT QUESTION",
        "COMMENTS",
        "好好看喔",
        "Next segment",
    ] {
        assert!(f.harness.query_by_label(label).is_some(), "{label} missing");
    }
}

#[test]
fn the_producer_picks_a_source_in_the_app_and_comments_flow() {
    let mut f = app();
    assert!(f.harness.query_by_label("no comment source").is_some());
    f.harness.key_press(Key::O);
    f.harness.run();
    assert!(f.harness.query_by_label("Comment source").is_some());
    // A typo is explained in the form, which stays open.
    f.harness.get_by_label("Source").click();
    f.harness.run();
    f.harness.get_by_label("Source").type_text("twitch");
    f.harness.run();
    f.harness.get_by_label("Connect").click();
    f.harness.run();
    assert!(
        f.harness
            .query_by_label_contains("unknown source `twitch`")
            .is_some()
    );
    // Fix it: a replay of the demo comments, as fast as possible.
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/comments.jsonl");
    f.harness.get_by_label("Source").click();
    f.harness.run();
    f.harness
        .key_combination_modifiers(egui::Modifiers::COMMAND, &[Key::A]);
    f.harness
        .get_by_label("Source")
        .type_text(&format!("replay:{}@max", demo.display()));
    f.harness.run();
    f.harness.get_by_label("Connect").click();
    // Comments now stream in and each asks for a repaint: step without insisting that
    // the app goes idle.
    f.harness.run_ok();
    assert!(
        f.harness.query_by_label("Comment source").is_none(),
        "form closed"
    );
    assert_eq!(
        f.harness.state().source_name().as_deref(),
        Some(format!("replay:{}@max", demo.display()).as_str())
    );
    // The replay runs on its own thread; frames take in what has arrived.
    let lines = std::fs::read_to_string(&demo).unwrap().lines().count();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while f.harness.state().live().session().comments().len() < lines {
        assert!(
            std::time::Instant::now() < deadline,
            "comments did not arrive"
        );
        f.harness.run_ok();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // Then the replay says it has ended, in the status bar.
    while f
        .harness
        .query_by_label("replay:comments.jsonl@max: ended")
        .is_none()
    {
        assert!(std::time::Instant::now() < deadline, "no end reported");
        f.harness.run_ok();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(f.harness.state().live().session().comments().len(), lines);
}

#[test]
fn the_status_bar_says_what_the_source_is_doing() {
    use livecue::sources::SourceState;
    let mut f = app();
    let until = chrono::DateTime::parse_from_rfc3339("2026-11-21T12:41:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let local = until
        .with_timezone(&chrono::Local)
        .format("%H:%M")
        .to_string();
    let cases = [
        (
            SourceState::WaitingForBroadcast,
            "instagram: waiting for the broadcast to start".to_owned(),
        ),
        (
            SourceState::RateLimited { until },
            format!("instagram: rate-limited until {local}"),
        ),
        (
            SourceState::Reconnecting {
                attempt: 3,
                reason: "HTTP 502".into(),
            },
            "instagram: reconnecting (attempt 3): HTTP 502".to_owned(),
        ),
        (
            SourceState::TokenExpired,
            "instagram: token expired — log in again".to_owned(),
        ),
        (
            SourceState::PermissionMissing {
                permission: "instagram_manage_comments".into(),
            },
            "instagram: missing permission instagram_manage_comments".to_owned(),
        ),
        (SourceState::Live, "● instagram: live".to_owned()),
    ];
    for (state, line) in cases {
        f.harness
            .state_mut()
            .live_mut()
            .source_status("instagram", state);
        f.harness.run();
        assert!(f.harness.query_by_label(&line).is_some(), "{line}");
    }
}

#[test]
fn the_feed_follows_new_comments_until_scrolled_up_then_offers_a_jump() {
    let mut f = app();
    {
        let live = f.harness.state_mut().live_mut();
        for i in 0..80 {
            live.receive(comment(
                &format!("c{i}"),
                &format!("viewer{i}"),
                &format!("留言 {i}"),
            ));
        }
    }
    f.harness.run();
    // Following: the newest comment is on screen, the oldest scrolled away.
    assert!(f.harness.query_by_label("留言 79").is_some());
    assert!(f.harness.query_by_label("留言 0").is_none());
    // Scroll the feed up by hand.
    let feed_point = f.harness.get_by_label("留言 79").rect().center();
    f.harness.hover_at(feed_point);
    for _ in 0..5 {
        f.harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 2000.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        // Scrolling animates over a few frames.
        f.harness.run_steps(10);
    }
    assert!(
        f.harness.query_by_label("留言 0").is_some(),
        "scrolled to the top"
    );
    // New comments do not pull the feed down; a button counts them.
    {
        let live = f.harness.state_mut().live_mut();
        for i in 80..83 {
            live.receive(comment(
                &format!("c{i}"),
                &format!("viewer{i}"),
                &format!("留言 {i}"),
            ));
        }
    }
    f.harness.run();
    assert!(
        f.harness.query_by_label("留言 0").is_some(),
        "still where the user left it"
    );
    assert!(f.harness.query_by_label("留言 82").is_none());
    f.harness.get_by_label("3 new ↓").click();
    f.harness.run_steps(20);
    assert!(f.harness.query_by_label("留言 82").is_some());
    assert!(f.harness.query_by_label("3 new ↓").is_none());
}

/// The text shapes painted in the last frame, as laid out.
fn painted_galleys(harness: &Harness<'_, LivecueApp>) -> Vec<std::sync::Arc<egui::Galley>> {
    fn walk(shape: &egui::Shape, out: &mut Vec<std::sync::Arc<egui::Galley>>) {
        match shape {
            egui::Shape::Text(text) => out.push(text.galley.clone()),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// Asserts that the painted text `text` shows 😍 and the flag of Singapore as colour
/// pictures: one picture for the flag's two letters, the words as glyphs.
fn assert_emoji_painted_as_pictures(harness: &Harness<'_, LivecueApp>, text: &str, place: &str) {
    let galleys = painted_galleys(harness);
    let galley = galleys
        .iter()
        .find(|g| g.text() == text)
        .unwrap_or_else(|| panic!("{place}: {text:?} not painted"));
    let glyphs: Vec<_> = galley
        .rows
        .iter()
        .flat_map(|r| r.row.glyphs.iter())
        .collect();
    let heart = glyphs.iter().find(|g| g.chr == '😍').unwrap();
    assert!(heart.is_color, "{place}: 😍 is a glyph, not a picture");
    assert!(!heart.uv_rect.is_nothing(), "{place}: 😍 draws nothing");
    let flag: Vec<_> = glyphs
        .iter()
        .filter(|g| ('\u{1F1E6}'..='\u{1F1FF}').contains(&g.chr))
        .collect();
    assert!(flag[0].is_color, "{place}: 🇸🇬 is letters, not a flag");
    assert!(flag[0].advance_width > 10.0);
    assert_eq!(flag[1].advance_width, 0.0, "{place}: 🇸🇬 drawn as two");
    let letter = glyphs.iter().find(|g| g.chr == 'h').unwrap();
    assert!(!letter.is_color, "{place}: words stay text");
}

#[test]
fn comments_show_colour_emoji_and_flags_in_the_host_and_producer_feeds() {
    let mut f = app();
    let text = "so pretty 😍 hi from 🇸🇬";
    f.harness
        .state_mut()
        .live_mut()
        .receive(comment("c1", "amy.lee.sg", text));
    f.harness.run();
    assert!(
        f.harness.query_by_label(text).is_some(),
        "the comment whole"
    );
    assert_emoji_painted_as_pictures(&f.harness, text, "host feed");
    // Detached, the main window is the producer's, with its own feed.
    f.harness.key_press(Key::D);
    f.harness.run();
    assert!(f.harness.state().detached());
    assert_emoji_painted_as_pictures(&f.harness, text, "producer feed");
}

#[test]
fn the_countdown_keeps_its_size_when_a_cue_banner_shows() {
    for size in [egui::vec2(1920.0, 1080.0), egui::vec2(1280.0, 720.0)] {
        let mut f = app_at(size);
        f.harness.key_press(Key::Space);
        f.harness.run();
        f.clock.advance_secs(59);
        f.harness.run();
        assert!(
            f.harness.query_by_label("置頂留言").is_none(),
            "no banner yet"
        );
        let before = f.harness.get_by_label("4:01").rect();
        // The silent show cue at 1:00 falls due: its banner takes room at the bottom.
        f.clock.advance_secs(2);
        f.harness.run();
        assert!(f.harness.query_by_label("置頂留言").is_some(), "the banner");
        let after = f.harness.get_by_label("3:59").rect();
        assert_eq!(before.size(), after.size(), "at {size:?}");
        assert_eq!(before.min, after.min, "at {size:?}");
    }
}

const MEDIA_PLAN: &str = r#"(
    title: "Media test show",
    goal: (kind: Sales, summary: "sell"),
    segments: [
        (id: "demo", title: "產品示範", kind: Product, duration: "30m"),
        (title: "Q&A", kind: QAndA, duration: "30m"),
    ],
    cues: [(at: Show("0:10"), what: ShareMedia("texture"))],
    media: [(id: "texture", path: "media/serum-texture.png", caption: "精華質地特寫")],
)"#;

#[test]
fn a_share_media_cue_shows_its_picture_big_enough_to_read_across_the_room() {
    let plans = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    // (window, the least height for the picture): a fifth of the screen's height.
    for (size, least) in [
        (egui::vec2(1920.0, 1080.0), 200.0),
        (egui::vec2(1280.0, 720.0), 135.0),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let clock = ManualClock::new();
        let mut harness = Open {
            clock: clock.clone(),
            size,
            plan_dir: Some(plans.clone()),
            ..Open::new(MEDIA_PLAN, &dir.path().join("shows"))
        }
        .app();
        harness.key_press(Key::F2);
        harness.run();
        harness.key_press(Key::Space);
        harness.run();
        clock.advance_secs(11);
        // The picture is decoded on its own thread: frames until it is there (not timed).
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while harness.query_by_label("texture").is_none() {
            assert!(
                std::time::Instant::now() < deadline,
                "no picture at {size:?}"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
            harness.run_ok();
        }
        let picture = harness.get_by_label("texture").rect();
        assert!(
            picture.height() >= least,
            "{} px tall at {size:?}",
            picture.height()
        );
        // 480×270: the shape kept.
        assert!((picture.width() / picture.height() - 480.0 / 270.0).abs() < 0.02);
        let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
        assert!(window.contains_rect(picture), "{picture:?} off the window");
        // The words and the key to dismiss stay on screen beside it.
        let done = harness.get_by_label("Done").rect();
        assert!(window.contains_rect(done) && done.left() > picture.right());
        let words = harness.get_by_label_contains("精華質地特寫").rect();
        assert!(window.contains_rect(words) && words.left() > picture.right());
    }
}
