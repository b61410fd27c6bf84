//! The egui/eframe front end. Only this module (and `main.rs`) may use egui.
//!
//! Views borrow the session read-only through a [`View`] and push [`Command`]s; the app
//! applies them at the end of the frame, in one place.

mod app;
mod confirm;
mod controls;
mod displays;
mod editor;
mod emoji;
mod feed;
pub mod fonts;
mod host;
mod keys;
mod on_air;
mod preflight;
mod producer;
mod questions;
mod remote;
mod reply_dialog;
mod report;
mod screen;
mod source_dialog;
mod status;
mod summary;
mod text;
pub mod theme;
mod thumbnails;
mod timer;

pub use crate::comments::sanitize_for_display;

use chrono::{DateTime, Utc};
use egui::Color32;

pub use app::{AppOptions, AudioChoice, LivecueApp, run_native};
pub use displays::Display;
pub use editor::{EditorCommand, EditorState, Section};
pub use fonts::{FontDiscovery, FontReport};
pub use host::host_screen_ui;
pub use screen::Screen;
pub use text::{EDITOR_EN, EN, EditorTexts, Texts, ZH_TW, fill, texts};

use crate::runner::Resumed;
use crate::session::{Action, Live};
use crate::show::Status;
use feed::FeedState;
use questions::{PanelCommand, PanelState};
use theme::Scale;
use thumbnails::Thumbnails;

/// What a view asks for; applied at the end of the frame.
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// A session action (journaled).
    Live(Action),
    /// Switch the interface to the other language (and remember it).
    SwitchLanguage,
    /// Start or stop the local API on this computer (and remember it).
    ToggleServing,
    /// Serve other devices on the network too, or this computer only (while not serving).
    ToggleLan,
    /// Pin the API's token, so the link works in later runs too.
    KeepLink,
    /// Serve with a fresh random token and forget the pinned one.
    NewLink,
    /// Show or collapse hidden comments.
    ToggleHidden,
    /// Mute or unmute chimes.
    ToggleMute,
    /// Fullscreen on or off for the host screen's window.
    ToggleFullscreen,
    /// Put the host screen's window fullscreen on display n (0-based).
    FullscreenOnDisplay(usize),
    /// Detach the host screen into its own window, or bring it back.
    ToggleDetached,
    /// Ask for confirmation to end the show.
    AskEndShow,
    /// End the show (confirmed).
    ConfirmEndShow,
    /// Ask for confirmation to leave this show for a new one.
    AskNewShow,
    /// Start a new show (confirmed); the current one stays in its journal.
    ConfirmNewShow,
    /// Close the open confirmation and keep going.
    CancelConfirm,
    /// Hide the "resumed after a crash" notice.
    DismissResumed,
    /// Show another screen.
    ShowScreen(Screen),
    /// Scroll the comment feed back to the newest comment.
    FeedToBottom,
    /// Open the "comment source" form.
    OpenSourceDialog,
    /// Connect the source typed into the form.
    ConnectSource,
    /// Close the form without changing the source.
    CloseSourceDialog,
    /// Source form: list the accounts the stored token reaches.
    FindAccounts,
    /// Source form: fill in an account found (Instagram user id or Page id).
    PickAccount(crate::sources::Platform, String),
    /// Pre-flight: run the speed test.
    RunSpeedTest,
    /// Pre-flight: stop the running speed test.
    CancelSpeedTest,
    /// Pre-flight: read this computer's do-not-disturb again.
    CheckDnd,
    /// Pre-flight: check the comment source's token again.
    CheckToken,
    /// Pre-flight: choose a checklist row.
    SelectChecklist(usize),
    /// Pre-flight: go live, or ask first when the verdict is no-go.
    AskGoLive,
    /// Pre-flight: go live although the verdict is no-go (confirmed).
    ConfirmGoAnyway,
    /// Report: make (again) the report of this journal and show it.
    OpenReport(std::path::PathBuf),
    /// Report: write the files into the show's folder.
    ExportReport,
    /// Report: write the files into a folder chosen in the desktop's dialog.
    ExportReportTo,
    /// The producer's question panel: select, filter, search, start editing or merging.
    Panel(PanelCommand),
    /// Open "Reply privately…" for this comment.
    OpenReplyDialog(String),
    /// Send the reply chosen in the dialog.
    SendReply,
    /// Hide the dialog's comment on the Facebook live.
    HideOnPlatform,
    /// Close the reply dialog.
    CloseReplyDialog,
    /// The plan editor: files, templates, rehearsal, the show.
    Editor(EditorCommand),
}

/// What every view reads in one frame: the session and values computed once.
#[derive(Clone)]
pub struct View<'a> {
    /// The session (read-only).
    pub live: &'a Live,
    /// The timeline now.
    pub status: Status,
    /// UI strings.
    pub texts: &'static Texts,
    /// Size scale for this window.
    pub scale: Scale,
    /// Flash phase (overtime and cue banner).
    pub flash_on: bool,
    /// Whether hidden comments are listed.
    pub show_hidden: bool,
    /// Whether chimes are muted.
    pub muted: bool,
    /// Whether the host screen is in its own window.
    pub detached: bool,
    /// Comments in the last minute.
    pub rate_per_min: usize,
    /// Status bar items, left to right.
    pub status_items: Vec<(String, Color32)>,
    /// Wall-clock now (for the scheduled start).
    pub wall_now: DateTime<Utc>,
    /// How the show was resumed, while the notice is up.
    pub resumed: Option<&'a Resumed>,
    /// Something that went wrong opening or starting a show, while the notice is up.
    pub problem: Option<&'a str>,
    /// The screen the main window shows.
    pub screen: Screen,
    /// The segment a jump from the rundown just put on air, until the next move.
    pub jumped_to: Option<usize>,
    /// The displays the host screen can go fullscreen on (empty when unknown).
    pub displays: &'a [Display],
    /// The local API's signed-in link, while it serves (`--serve`).
    pub serving_url: Option<&'a str>,
    /// Why the producer window's switch could not serve, until it is tried again.
    pub serve_problem: Option<&'a remote::RemoteProblem>,
    /// The same link at this computer's other network addresses.
    pub more_urls: &'a [String],
    /// Whether the switch serves other devices on the network too.
    pub serve_lan: bool,
    /// Whether the link's token is pinned ("Keep this link").
    pub link_pinned: bool,
}

/// What the views remember between frames.
#[derive(Default)]
pub struct ViewState {
    feed: FeedState,
    producer_feed: FeedState,
    thumbnails: Thumbnails,
    questions: PanelState,
    card: host::CardMemory,
    qr: remote::QrTexture,
}

impl ViewState {
    /// State for a plan whose media live in `plan_dir`.
    pub fn new(plan: &crate::plan::Plan, plan_dir: Option<&std::path::Path>) -> Self {
        Self {
            thumbnails: Thumbnails::load(plan, plan_dir),
            ..Self::default()
        }
    }

    /// Forgets the feeds' scroll positions (a new show starts with an empty feed).
    pub fn reset_feeds(&mut self) {
        self.feed = FeedState::default();
        self.producer_feed = FeedState::default();
    }

    /// Scrolls the feeds back to the newest comment.
    pub fn feed_to_bottom(&mut self) {
        self.feed.jump_to_bottom();
        self.producer_feed.jump_to_bottom();
    }
}
