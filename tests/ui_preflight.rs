//! The pre-flight screen through the real app with egui_kittest: the speed test against a
//! loopback server, do-not-disturb, ticking the checklist by click and by key, go / no-go
//! and "go live anyway", and ticks that survive a restart.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;
mod speed_server;

use std::path::Path;
use std::time::{Duration, Instant};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use livecue::preflight::dnd::{DndReport, DndState};
use livecue::preflight::speed::SpeedResult;
use livecue::session::{Event, read_journal};
use livecue::show::ShowState;
use livecue::ui::{LivecueApp, Screen};

use app_fixture::{Open, dnd_on, dnd_unknown};

const PLAN: &str = r#"(
    title: "Pre-flight test show",
    goal: (kind: Engagement, summary: "chat"),
    segments: [
        (title: "暖場", kind: WarmUp, duration: "5m"),
        (title: "Q&A", kind: QAndA, duration: "55m"),
    ],
    checklist: ["燈光確認過", "Guests briefed"],
)"#;

/// The checklist as pre-flight shows it: the plan's two, then the phone's DND.
const ITEMS: [&str; 3] = ["燈光確認過", "Guests briefed", "Phone on do-not-disturb"];

fn open_app(
    shows: &Path,
    speed_server: Option<String>,
    dnd: fn() -> DndReport,
) -> Harness<'static, LivecueApp> {
    let mut harness = Open {
        speed_server,
        dnd,
        ..Open::new(PLAN, shows)
    }
    .app();
    settle(&mut harness);
    harness
}

/// Runs frames until the do-not-disturb thread has answered. (Frames are run by
/// count: a spinner repaints for as long as it shows.)
fn settle(harness: &mut Harness<'static, LivecueApp>) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        harness.run_steps(2);
        if harness.query_by_label("Checking…").is_none() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the do-not-disturb check did not answer");
}

fn events(harness: &Harness<'static, LivecueApp>) -> Vec<Event> {
    harness.state().live().sync_journal();
    let path = harness.state().live().journal_path().unwrap();
    read_journal(&path).unwrap().events
}

fn has_label(harness: &Harness<'static, LivecueApp>, text: &str) -> bool {
    harness.query_by_label_contains(text).is_some()
}

fn ticked(harness: &Harness<'static, LivecueApp>) -> Vec<usize> {
    let log = harness.state().live().session().preflight();
    log.ticked.iter().copied().collect()
}

fn press(harness: &mut Harness<'static, LivecueApp>, key: Key) {
    harness.key_press(key);
    harness.run_steps(2);
}

fn measured(upload_mbps: f64) -> SpeedResult {
    SpeedResult {
        server: "http://127.0.0.1:9".into(),
        download_mbps: 80.0,
        upload_mbps,
        latency_ms: 21.0,
        jitter_ms: 1.5,
        loaded_latency_ms: Some(48.0),
    }
}

/// A runtime for the loopback server, kept alive for the test.
fn server_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn a_new_show_opens_on_preflight_with_a_no_go_listing_what_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let harness = open_app(&dir.path().join("shows"), None, dnd_unknown);
    assert_eq!(harness.state().screen(), Screen::Preflight);
    assert!(has_label(&harness, "NO-GO"));
    assert!(has_label(&harness, "upload: not tested"));
    // The computer could not tell: the reason, and a way to confirm by hand.
    assert!(has_label(&harness, "No notification service answered"));
    assert!(
        harness
            .query_by_label("It is on: confirm by hand")
            .is_some()
    );
    for item in ITEMS {
        assert!(harness.query_by_label(item).is_some(), "{item}");
    }
    assert!(harness.query_by_label("Go live anyway").is_some());
    // The reading is journaled, so it reaches the report.
    assert!(
        events(&harness)
            .iter()
            .any(|e| matches!(e, Event::DndChecked { dnd, by_hand: false, .. } if dnd.state == DndState::Unknown))
    );
}

#[test]
fn the_speed_test_shows_progress_then_its_figures() {
    let runtime = server_runtime();
    let server = runtime.block_on(speed_server::start(speed_server::Options::line(40.0)));
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_app(&dir.path().join("shows"), Some(server.url()), dnd_on);
    harness.get_by_label("Run speed test").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Cancel test").is_some());
    let mut saw_live_mbps = false;
    let deadline = Instant::now() + Duration::from_secs(40);
    while harness.query_by_label("Cancel test").is_some() {
        assert!(Instant::now() < deadline, "the speed test did not finish");
        saw_live_mbps |= has_label(&harness, " Mbps");
        assert!(has_label(&harness, "Measuring"));
        std::thread::sleep(Duration::from_millis(100));
        harness.run_steps(2);
    }
    assert!(saw_live_mbps, "no live figure while the test ran");
    let speed = events(&harness)
        .into_iter()
        .find_map(|e| match e {
            Event::SpeedTested { result, .. } => result,
            _ => None,
        })
        .expect("a speed_tested event with figures");
    assert!((34.0..=46.0).contains(&speed.upload_mbps), "{speed:?}");
    let figure = format!("{:.1} Mbps", speed.upload_mbps);
    assert!(harness.query_by_label(&figure).is_some(), "{figure}");
    assert!(has_label(&harness, "is enough for Instagram Live"));
    assert!(has_label(
        &harness,
        &format!("Download {:.1} Mbps", speed.download_mbps)
    ));
    assert!(harness.query_by_label("Test again").is_some());
}

#[test]
fn a_cancelled_test_journals_nothing() {
    let runtime = server_runtime();
    let server = runtime.block_on(speed_server::start(speed_server::Options::line(10.0)));
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_app(&dir.path().join("shows"), Some(server.url()), dnd_on);
    press(&mut harness, Key::T);
    assert!(harness.query_by_label("Cancel test").is_some());
    std::thread::sleep(Duration::from_millis(300));
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label("Cancel test").is_none());
    assert!(harness.query_by_label("Run speed test").is_some());
    assert!(
        !events(&harness)
            .iter()
            .any(|e| matches!(e, Event::SpeedTested { .. }))
    );
}

#[test]
fn an_unreachable_server_is_a_red_row_with_what_to_do() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_app(
        &dir.path().join("shows"),
        Some(format!("http://127.0.0.1:{port}")),
        dnd_on,
    );
    press(&mut harness, Key::T);
    let deadline = Instant::now() + Duration::from_secs(15);
    while harness.query_by_label("Cancel test").is_some() {
        assert!(Instant::now() < deadline, "no error in time");
        std::thread::sleep(Duration::from_millis(50));
        harness.run_steps(2);
    }
    assert!(harness.query_by_label("test failed").is_some());
    assert!(has_label(&harness, "cannot reach the speed-test server"));
    assert!(has_label(&harness, "upload: test failed"));
}

#[test]
fn ticks_by_click_and_key_are_journaled_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let shows = dir.path().join("shows");
    let mut harness = open_app(&shows, None, dnd_unknown);
    harness.get_by_label("Guests briefed").click();
    harness.run_steps(2);
    assert_eq!(ticked(&harness), vec![1]);
    // N ticks the next unticked item from the chosen one (the clicked one) on.
    press(&mut harness, Key::N);
    assert_eq!(ticked(&harness), vec![1, 2]);
    // ↑↑ then Space toggles the first; Space again unticks it, and once more ticks it.
    press(&mut harness, Key::ArrowUp);
    press(&mut harness, Key::ArrowUp);
    press(&mut harness, Key::ArrowUp);
    press(&mut harness, Key::Space);
    assert_eq!(ticked(&harness), vec![0, 1, 2]);
    press(&mut harness, Key::Space);
    assert_eq!(ticked(&harness), vec![1, 2]);
    press(&mut harness, Key::Space);
    assert!(has_label(&harness, "3 of 3 ticked"));
    // Space on pre-flight never starts the show.
    assert_eq!(harness.state().live().status().state, ShowState::NotStarted);
    let ticks: Vec<(usize, bool)> = events(&harness)
        .iter()
        .filter_map(|e| match e {
            Event::ChecklistTicked { item, ticked, .. } => Some((*item, *ticked)),
            _ => None,
        })
        .collect();
    assert_eq!(
        ticks,
        vec![(1, true), (2, true), (0, true), (0, false), (0, true)]
    );
    drop(harness);

    let harness = open_app(&shows, None, dnd_unknown);
    assert_eq!(harness.state().screen(), Screen::Preflight);
    assert_eq!(ticked(&harness), vec![0, 1, 2]);
    assert!(has_label(&harness, "3 of 3 ticked"));
}

#[test]
fn go_when_everything_passes_starts_the_show() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_app(&dir.path().join("shows"), None, dnd_on);
    harness
        .state_mut()
        .live_mut()
        .record_speed_test("http://127.0.0.1:9", Ok(measured(40.0)));
    for _ in ITEMS {
        press(&mut harness, Key::N);
    }
    assert!(has_label(&harness, "Go: every check passed"));
    assert!(harness.query_by_label("GO").is_some());
    assert!(harness.query_by_label("Go live").is_some());
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().screen(), Screen::OnAir);
    assert_eq!(
        harness.state().live().status().state,
        ShowState::Running { index: 0 }
    );
    let went = events(&harness).into_iter().find_map(|e| match e {
        Event::WentLive { anyway, open, .. } => Some((anyway, open)),
        _ => None,
    });
    assert_eq!(went, Some((false, Vec::new())));
}

#[test]
fn go_anyway_asks_first_and_journals_what_was_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_app(&dir.path().join("shows"), None, dnd_unknown);
    harness
        .state_mut()
        .live_mut()
        .record_speed_test("http://127.0.0.1:9", Ok(measured(4.0)));
    harness.run_steps(2);
    assert!(has_label(&harness, "upload: 4.0 Mbps"));
    assert!(has_label(&harness, "plug in a network cable"));
    // Enter on a no-go asks; Esc stays in pre-flight.
    press(&mut harness, Key::Enter);
    assert!(harness.query_by_label("Go live anyway?").is_some());
    assert!(has_label(&harness, "• not ticked: Guests briefed"));
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label("Go live anyway?").is_none());
    assert_eq!(harness.state().screen(), Screen::Preflight);
    // The button asks too; the question's own button goes.
    harness.get_by_label("Go live anyway").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Go live anyway?").is_some());
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().screen(), Screen::OnAir);
    assert_eq!(
        harness.state().live().status().state,
        ShowState::Running { index: 0 }
    );
    let (anyway, open) = events(&harness)
        .into_iter()
        .find_map(|e| match e {
            Event::WentLive { anyway, open, .. } => Some((anyway, open)),
            _ => None,
        })
        .unwrap();
    assert!(anyway);
    assert_eq!(
        open,
        vec![
            "upload: 4.0 Mbps",
            "do-not-disturb on this computer: unknown",
            "not ticked: 燈光確認過",
            "not ticked: Guests briefed",
            "not ticked: Phone on do-not-disturb",
        ]
    );
}

#[test]
fn do_not_disturb_confirmed_by_hand_counts_as_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_app(&dir.path().join("shows"), None, dnd_unknown);
    press(&mut harness, Key::C);
    assert!(harness.query_by_label("on (confirmed by hand)").is_some());
    assert!(
        harness
            .query_by_label("It is on: confirm by hand")
            .is_none()
    );
    assert!(
        events(&harness)
            .iter()
            .any(|e| matches!(e, Event::DndChecked { by_hand: true, .. }))
    );
}
