//! The app with `--serve`: the producer window shows the link and its QR code, and an
//! action sent over HTTP is carried out by the running app through the keys' path.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod app_fixture;

use std::sync::Arc;
use std::time::{Duration, Instant};

use app_fixture::Open;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use livecue::api::{LinkStore, MemoryLinkStore};
use livecue::ui::{LivecueApp, Screen};

const PLAN: &str = include_str!("../plans/minimal.ron");

fn served(shows: &std::path::Path) -> Harness<'static, LivecueApp> {
    let mut open = Open::new(PLAN, shows);
    open.serve = Some("127.0.0.1:0".parse().unwrap());
    open.app()
}

/// POSTs `action` from another thread while the app keeps drawing frames, as a phone
/// would while the app runs; the HTTP status.
fn press(harness: &mut Harness<'static, LivecueApp>, action: &str) -> u16 {
    let link = harness.state().api_link().expect("serving");
    let (base, token) = link.split_once("/?token=").unwrap();
    let url = format!("{base}/api/action/{action}");
    let token = token.to_owned();
    let request = std::thread::spawn(move || {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            reqwest::Client::new()
                .post(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        })
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    while !request.is_finished() {
        assert!(Instant::now() < deadline, "the app never answered {action}");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    request.join().unwrap()
}

/// The segment on air now, as the app's own session has it.
fn segment(harness: &Harness<'static, LivecueApp>) -> Option<usize> {
    harness.state().live().session().timeline().current()
}

/// `GET /api/state`: answered from the last published state, without the app's help.
fn api_state(harness: &Harness<'static, LivecueApp>) -> serde_json::Value {
    let link = harness.state().api_link().expect("serving");
    let (base, token) = link.split_once("/?token=").unwrap();
    let (url, token) = (format!("{base}/api/state"), token.to_owned());
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let r = reqwest::Client::new()
            .get(url)
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        serde_json::from_str(&r.text().await.unwrap()).unwrap()
    })
}

#[test]
fn the_producer_window_shows_the_link_and_its_qr_code() {
    let shows = tempfile::tempdir().unwrap();
    let mut harness = served(shows.path());
    let link = harness.state().api_link().unwrap();
    assert!(link.starts_with("http://127.0.0.1:") && link.contains("/?token="));
    // The host screen has no room for it; the producer's window has.
    assert!(harness.query_by_label(&link).is_none());
    harness.key_press(egui::Key::F2);
    harness.run_steps(2);
    harness.get_by_label("Detach host view").click();
    harness.run_steps(3);
    assert!(harness.state().detached());
    harness.get_by_label(&link);
    harness.get_by_label("QR code of the producer link");
}

/// The producer window, where the switch and the link are.
fn to_producer_window(harness: &mut Harness<'static, LivecueApp>) {
    harness.key_press(egui::Key::F2);
    harness.run_steps(2);
    harness.get_by_label("Detach host view").click();
    harness.run_steps(3);
    assert!(harness.state().detached());
}

/// Clicks the "serve" switch. Through accessibility: the harness draws the detached
/// host window inside the main one, over the producer's panel, where a pointer lands.
fn flip_switch(harness: &mut Harness<'static, LivecueApp>) {
    harness
        .get_by_label("Serve on this computer")
        .click_accesskit();
    harness.run_steps(2);
}

/// `GET /api/state`'s status over a fresh connection to `link`'s address.
fn state_status(link: &str) -> u16 {
    let (base, token) = link.split_once("/?token=").unwrap();
    let (url, token) = (format!("{base}/api/state"), token.to_owned());
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        match reqwest::Client::new()
            .get(url)
            .bearer_auth(token)
            .send()
            .await
        {
            Ok(r) => r.status().as_u16(),
            Err(_) => 0,
        }
    })
}

#[test]
fn the_switch_serves_stops_and_is_remembered_for_the_next_start() {
    let shows = tempfile::tempdir().unwrap();
    let settings = shows.path().join("settings.ron");
    let mut open = Open::new(PLAN, shows.path());
    open.settings = Some(settings.clone());
    let mut harness = open.app();
    assert!(harness.state().api_link().is_none());
    to_producer_window(&mut harness);

    flip_switch(&mut harness);
    let link = harness.state().api_link().expect("the switch serves");
    assert!(link.starts_with("http://127.0.0.1:"), "{link}");
    harness.get_by_label(&link);
    assert_eq!(state_status(&link), 200);
    let text = std::fs::read_to_string(&settings).unwrap();
    assert!(text.contains("serve: true"), "{text}");

    // Off: the link stops working and the choice is remembered.
    flip_switch(&mut harness);
    assert!(harness.state().api_link().is_none());
    assert!(harness.query_by_label(&link).is_none());
    // The server task ends on the runtime's thread, a moment after the switch.
    let deadline = Instant::now() + Duration::from_secs(10);
    while state_status(&link) != 0 {
        assert!(Instant::now() < deadline, "the link still answers");
        std::thread::sleep(Duration::from_millis(20));
    }
    let text = std::fs::read_to_string(&settings).unwrap();
    assert!(text.contains("serve: false"), "{text}");
    drop(harness);

    // Left on, the next start serves at once.
    let mut open = Open::new(PLAN, shows.path());
    open.serve_at_start = true;
    let harness = open.app();
    let link = harness.state().api_link().expect("served at start");
    assert_eq!(state_status(&link), 200);
}

#[test]
fn other_devices_are_served_only_when_ticked_and_the_link_names_a_real_address() {
    let shows = tempfile::tempdir().unwrap();
    let settings = shows.path().join("settings.ron");
    let mut open = Open::new(PLAN, shows.path());
    open.settings = Some(settings.clone());
    let mut harness = open.app();
    to_producer_window(&mut harness);
    let warning = "Anyone on this network who has the link can run the show";
    assert!(harness.query_by_label_contains(warning).is_none());
    harness
        .get_by_label("Reachable from other devices on this network")
        .click_accesskit();
    harness.run_steps(2);
    harness.get_by_label_contains(warning);
    let text = std::fs::read_to_string(&settings).unwrap();
    assert!(text.contains("serve_lan: true"), "{text}");

    flip_switch(&mut harness);
    let link = harness.state().api_link().unwrap();
    // Bound to every address, the link names one a phone can open, and it answers.
    assert!(!link.contains("0.0.0.0"), "{link}");
    assert!(link.starts_with("http://"), "{link}");
    assert_eq!(state_status(&link), 200);

    // While serving, the choice stays as it is.
    harness
        .get_by_label("Reachable from other devices on this network")
        .click_accesskit();
    harness.run_steps(2);
    harness.get_by_label_contains(warning);
    assert!(
        std::fs::read_to_string(&settings)
            .unwrap()
            .contains("serve_lan: true")
    );
}

#[test]
fn a_port_in_use_is_said_and_the_app_goes_on() {
    let shows = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let mut open = Open::new(PLAN, shows.path());
    open.serve_addr = addr;
    let mut harness = open.app();
    to_producer_window(&mut harness);
    flip_switch(&mut harness);
    assert!(harness.state().api_link().is_none());
    let said = harness
        .query_by_label_contains(&format!("Could not serve on {addr}"))
        .is_some();
    assert!(said, "the producer window says the port is taken");
    // The show still runs from the keys.
    harness.key_press(egui::Key::Space);
    harness.run_steps(2);
    assert_eq!(segment(&harness), Some(0));
}

/// The token a link carries.
fn token_of(link: &str) -> String {
    link.split_once("/?token=").unwrap().1.to_owned()
}

#[test]
fn a_kept_link_comes_back_at_the_next_start_and_a_new_link_replaces_it() {
    let shows = tempfile::tempdir().unwrap();
    let store: Arc<MemoryLinkStore> = Arc::new(MemoryLinkStore::default());
    let mut open = Open::new(PLAN, shows.path());
    open.link_store = store.clone();
    let mut harness = open.app();
    to_producer_window(&mut harness);
    flip_switch(&mut harness);
    let first = harness.state().api_link().unwrap();
    assert!(
        harness
            .query_by_label("This link is kept: it works in later shows and after a restart.")
            .is_none()
    );
    harness.get_by_label("Keep this link").click_accesskit();
    harness.run_steps(2);
    harness.get_by_label("This link is kept: it works in later shows and after a restart.");
    assert!(harness.query_by_label("Keep this link").is_none());
    assert_eq!(
        store.pinned().unwrap().map(|t| t.reveal().to_owned()),
        Some(token_of(&first))
    );
    // Pinning changes nothing for the phone: the link it has still works.
    assert_eq!(state_status(&first), 200);
    // Actions over the pinned link are journaled; the token is not.
    assert_eq!(press(&mut harness, "start"), 200);
    harness.run_steps(2);
    let journal_path = harness.state().live().journal_path().unwrap();
    drop(harness);
    let journal = std::fs::read_to_string(&journal_path).unwrap();
    assert!(journal.contains("show_started"), "{journal}");
    assert!(!journal.contains(&token_of(&first)));

    // The next start (a new show too) serves with the same token.
    let next_shows = tempfile::tempdir().unwrap();
    let mut open = Open::new(PLAN, next_shows.path());
    open.link_store = store.clone();
    open.serve_at_start = true;
    let mut harness = open.app();
    let again = harness.state().api_link().unwrap();
    assert_eq!(token_of(&again), token_of(&first));
    assert_eq!(state_status(&again), 200);

    // "New link": another token at once on the same address, the old one refused, and
    // nothing pinned any more.
    to_producer_window(&mut harness);
    harness.get_by_label("New link").click_accesskit();
    harness.run_steps(2);
    let fresh = harness.state().api_link().unwrap();
    assert_ne!(token_of(&fresh), token_of(&again));
    assert_eq!(
        fresh.split_once("/?").unwrap().0,
        again.split_once("/?").unwrap().0
    );
    assert_eq!(state_status(&again), 401);
    assert_eq!(state_status(&fresh), 200);
    assert!(store.pinned().unwrap().is_none());
    harness.get_by_label("Keep this link");
}

#[test]
fn the_pages_speak_the_apps_language_and_follow_its_switch() {
    let shows = tempfile::tempdir().unwrap();
    let mut open = Open::new(PLAN, shows.path()).in_language(livecue::locale::Language::ZhTw);
    open.serve = Some("127.0.0.1:0".parse().unwrap());
    let mut harness = open.app();
    harness.run_steps(1);
    assert_eq!(api_state(&harness)["language"], "zh-TW");
    harness.key_press(egui::Key::F9);
    harness.run_steps(2);
    assert_eq!(api_state(&harness)["language"], "en");
}

/// A keychain that refuses everything, as on a computer without a keychain service.
struct NoKeychain;

impl LinkStore for NoKeychain {
    fn pinned(&self) -> Result<Option<livecue::api::Token>, String> {
        Err("no keychain service found".to_owned())
    }
    fn pin(&self, _: &livecue::api::Token) -> Result<(), String> {
        Err("no keychain service found".to_owned())
    }
    fn unpin(&self) -> Result<(), String> {
        Err("no keychain service found".to_owned())
    }
}

#[test]
fn without_a_keychain_the_link_still_serves_and_the_window_says_why_it_is_not_kept() {
    let shows = tempfile::tempdir().unwrap();
    let mut open = Open::new(PLAN, shows.path());
    open.link_store = Arc::new(NoKeychain);
    let mut harness = open.app();
    to_producer_window(&mut harness);
    flip_switch(&mut harness);
    let link = harness.state().api_link().expect("served on a new link");
    assert_eq!(state_status(&link), 200);
    harness.get_by_label(
        "No kept link could be read from the keychain (no keychain service found); this link is a new one.",
    );
    harness.get_by_label("Keep this link").click_accesskit();
    harness.run_steps(2);
    harness.get_by_label("The link could not be kept in the keychain: no keychain service found");
    // Not kept: the button is still there, and the link still works.
    harness.get_by_label("Keep this link");
    assert_eq!(state_status(&link), 200);
    // Worded again in the language on screen.
    harness.key_press(egui::Key::F9);
    harness.run_steps(2);
    harness.get_by_label("無法把連結存進鑰匙圈：no keychain service found");
}

#[test]
fn without_serve_there_is_no_link() {
    let shows = tempfile::tempdir().unwrap();
    let mut harness = Open::new(PLAN, shows.path()).app();
    assert!(harness.state().api_link().is_none());
    harness.key_press(egui::Key::F2);
    harness.run_steps(2);
    harness.get_by_label("Detach host view").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("QR code of the producer link")
            .is_none()
    );
}

#[test]
fn actions_over_http_go_through_the_app_like_its_keys() {
    let shows = tempfile::tempdir().unwrap();
    let mut harness = served(shows.path());
    assert_eq!(harness.state().screen(), Screen::Preflight);

    // Started from a phone: the app leaves pre-flight for the on-air screen.
    assert_eq!(press(&mut harness, "start"), 200);
    harness.run_steps(2);
    assert_eq!(harness.state().screen(), Screen::OnAir);
    assert_eq!(segment(&harness), Some(0));

    // The host's Space and the API's next_segment are one path; Z undoes either.
    harness.key_press(egui::Key::Space);
    harness.run_steps(1);
    assert_eq!(segment(&harness), Some(1));
    // The key's change reaches the API's state.
    assert_eq!(api_state(&harness)["segment"]["index"], 1);
    assert_eq!(press(&mut harness, "next_segment"), 200);
    assert_eq!(segment(&harness), Some(2));
    harness.key_press(egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(segment(&harness), Some(1));

    // Nothing after the last segment: 409, and the show stays where it is.
    assert_eq!(press(&mut harness, "next_segment"), 200);
    assert_eq!(press(&mut harness, "next_segment"), 409);
    assert_eq!(segment(&harness), Some(2));

    // Ended over the API: the app shows the summary.
    assert_eq!(press(&mut harness, "end_show"), 200);
    harness.run_steps(2);
    assert_eq!(harness.state().screen(), Screen::Summary);
}

#[test]
fn a_rehearsal_started_from_the_editor_is_served_at_the_same_address() {
    let shows = tempfile::tempdir().unwrap();
    let mut harness = served(shows.path());
    let before = harness.state().api_link().expect("serving");
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    assert_eq!(harness.state().screen(), Screen::Editor);
    harness.get_by_label("New from template").click();
    harness.run_steps(3);
    harness.get_by_label("20×").click();
    harness.run_steps(3);
    assert_eq!(harness.state().runner().rehearsal(), Some(20));
    // The old show's server went with its runner; the rehearsal serves at its address.
    let after = harness
        .state()
        .api_link()
        .expect("the rehearsal is served too");
    let host = |link: &str| link.split_once("/?token=").unwrap().0.to_owned();
    assert_eq!(host(&after), host(&before));
    // The state is the rehearsal's: the template's show, already running.
    let state = api_state(&harness);
    let title = &harness.state().live().plan().title;
    assert_eq!(state["title"], title.as_str());
    assert_eq!(state["show"], "running", "{state}");
}

/// Ends the show over the API and starts a new one from the summary, as a producer would.
fn end_and_start_a_new_show(harness: &mut Harness<'static, LivecueApp>) {
    assert_eq!(press(harness, "start"), 200);
    assert_eq!(press(harness, "end_show"), 200);
    harness.run_steps(2);
    assert_eq!(harness.state().screen(), Screen::Summary);
    harness.get_by_label("Start a new show").click_accesskit();
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .live()
            .session()
            .timeline()
            .show_start_ms()
            .is_none()
    );
}

#[test]
fn a_new_show_gets_a_new_link_unless_one_was_kept() {
    let shows = tempfile::tempdir().unwrap();
    let mut harness = served(shows.path());
    let first = harness.state().api_link().unwrap();
    end_and_start_a_new_show(&mut harness);
    let second = harness.state().api_link().expect("still serving");
    assert_ne!(token_of(&second), token_of(&first));
    assert_eq!(state_status(&first), 401);
    assert_eq!(state_status(&second), 200);

    // A kept link serves the next show as it is.
    let shows = tempfile::tempdir().unwrap();
    let store: Arc<MemoryLinkStore> = Arc::new(MemoryLinkStore::default());
    let mut open = Open::new(PLAN, shows.path());
    open.link_store = store.clone();
    let mut harness = open.app();
    to_producer_window(&mut harness);
    flip_switch(&mut harness);
    harness.get_by_label("Keep this link").click_accesskit();
    harness.run_steps(2);
    let kept = harness.state().api_link().unwrap();
    end_and_start_a_new_show(&mut harness);
    let after = harness.state().api_link().unwrap();
    assert_eq!(token_of(&after), token_of(&kept));
    assert_eq!(state_status(&after), 200);
}
