//! The real app in an egui_kittest harness, opened the way `livecue` opens it: the
//! plan's unfinished show in a folder of shows, if any, else a new one there; a manual
//! clock; no sound; the bundled fonts; do-not-disturb answered by the test.

#![allow(dead_code)] // each test file uses part of it

use std::path::Path;
use std::sync::Arc;

use egui_kittest::Harness;
use livecue::locale::Language;
use livecue::plan;
use livecue::preflight::dnd::{DndReport, DndState};
use livecue::runner::{ShowClock, ShowRunner, ShowSetup, plan_filter};
use livecue::show::ManualClock;
use livecue::sources::no_notify;
use livecue::ui::{AppOptions, AudioChoice, FontDiscovery, LivecueApp};

/// The manual clock's zero, as wall-clock time.
pub const EPOCH_SECS: i64 = 1_795_000_000;

/// Work on the show runner before the app takes it.
pub type Prepare = Box<dyn FnOnce(&mut ShowRunner)>;

/// What to open.
pub struct Open<'a> {
    /// The plan's RON.
    pub plan: &'a str,
    /// The folder of shows.
    pub shows: &'a Path,
    /// The show clock.
    pub clock: ManualClock,
    /// Window size.
    pub size: egui::Vec2,
    /// The pre-flight speed-test server.
    pub speed_server: Option<String>,
    /// What reading do-not-disturb says.
    pub dnd: fn() -> DndReport,
    /// Run on the show runner before the app opens (connect a source to a loopback
    /// server).
    pub prepare: Option<Prepare>,
    /// The interface language tests click in: English unless a test says otherwise.
    pub language: Language,
    /// Where a language switch is remembered (none: not remembered).
    pub settings: Option<std::path::PathBuf>,
    /// The folder the plan's media are in (none: no pictures).
    pub plan_dir: Option<std::path::PathBuf>,
    /// Where the local API listens (`--serve`), if at all.
    pub serve: Option<std::net::SocketAddr>,
    /// Where the producer window's "serve" switch serves: a free port unless a test
    /// says otherwise.
    pub serve_addr: std::net::SocketAddr,
    /// Whether the app starts serving there at once (the switch was left on).
    pub serve_at_start: bool,
    /// Whether the switch serves other devices on the network too.
    pub serve_lan: bool,
    /// Where "Keep this link" pins the token: memory, which a test may share across
    /// two openings as the keychain is shared across runs.
    pub link_store: Arc<dyn livecue::api::LinkStore>,
}

impl<'a> Open<'a> {
    /// A 1920×1080 window on `plan` with a fresh clock, no speed server, and a computer
    /// that cannot tell its do-not-disturb.
    pub fn new(plan: &'a str, shows: &'a Path) -> Self {
        Self {
            plan,
            shows,
            clock: ManualClock::new(),
            size: egui::vec2(1920.0, 1080.0),
            speed_server: None,
            dnd: dnd_unknown,
            prepare: None,
            language: Language::En,
            settings: None,
            plan_dir: None,
            serve: None,
            serve_addr: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            serve_at_start: false,
            serve_lan: false,
            link_store: Arc::new(livecue::api::MemoryLinkStore::default()),
        }
    }

    /// The same, in another interface language.
    pub fn in_language(self, language: Language) -> Self {
        Self { language, ..self }
    }

    /// Opens the app and runs its first frames.
    pub fn app(self) -> Harness<'static, LivecueApp> {
        let plan = Arc::new(plan::parse(self.plan, "test-plan").unwrap());
        let mut runner = ShowRunner::open(
            ShowSetup {
                classifier: plan_filter(plan.filter.clone(), Vec::new()),
                plan,
                clock: ShowClock::Manual {
                    clock: self.clock,
                    epoch: chrono::DateTime::from_timestamp(EPOCH_SECS, 0).unwrap(),
                },
                notify: no_notify(),
            },
            self.shows,
        )
        .unwrap();
        if let Some(prepare) = self.prepare {
            prepare(&mut runner);
        }
        if let Some(addr) = self.serve {
            runner.serve(addr, None).unwrap();
        }
        let (speed_server, dnd, plan_dir) = (self.speed_server, self.dnd, self.plan_dir);
        let (language, settings) = (self.language, self.settings);
        let (serve_addr, serve_at_start) = (self.serve_addr, self.serve_at_start);
        let (link_store, serve_lan) = (self.link_store, self.serve_lan);
        let mut harness = Harness::builder()
            .with_size(self.size)
            .build_eframe(move |cc| {
                LivecueApp::new(
                    cc,
                    AppOptions {
                        runner,
                        plan_path: None,
                        plan_dir,
                        audio: AudioChoice::Silent,
                        fonts: FontDiscovery::BundledOnly,
                        source: None,
                        speed_server,
                        dnd,
                        language,
                        settings,
                        serve_addr,
                        serve_at_start,
                        link_store,
                        serve_lan,
                    },
                )
            });
        // By count: a spinner (do-not-disturb being read) repaints while it shows.
        harness.run_steps(2);
        harness
    }
}

/// A computer with no notification service.
pub fn dnd_unknown() -> DndReport {
    DndReport {
        state: DndState::Unknown,
        method: "none".into(),
        detail: "No notification service answered on this computer.".into(),
    }
}

/// A computer with do-not-disturb on.
pub fn dnd_on() -> DndReport {
    DndReport {
        state: DndState::On,
        method: "dbus-inhibited".into(),
        detail: "notifications are inhibited".into(),
    }
}

/// Frames, by count (a spinner repaints while it shows), until `done` holds; fails
/// after 10 s of waiting for `what` (work off the UI thread: a Graph API call, a check).
pub fn until(
    harness: &mut Harness<'static, LivecueApp>,
    what: &str,
    done: impl Fn(&Harness<'static, LivecueApp>) -> bool,
) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        harness.run_steps(2);
        if done(harness) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
