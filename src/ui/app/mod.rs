//! The eframe application: owns the show runner, audio and view state; turns commands
//! into session actions; schedules repaints only when something on screen changes.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

mod serving;
mod shows;

use super::confirm::{Confirm, confirm_ui};
use super::editor::{EditorCommand, EditorOutcome, EditorState, editor_keys, editor_screen_ui};
use super::fonts::{self, FontDiscovery, FontReport};
use super::keys::{Modal, keys};
use super::on_air::{host_viewport_id, host_window_ui, on_air_ui};
use super::preflight::{PreflightJobs, PreflightView, preflight_screen_ui};
use super::remote::RemoteProblem;
use super::reply_dialog::{ReplyDialog, reply_dialog_ui};
use super::report::{ReportJobs, ReportView, default_export_dir, report_keys, report_screen_ui};
use super::screen::{Screen, screen_bar_ui, screen_keys};
use super::source_dialog::{SourceDialog, source_dialog_ui};
use super::summary::summary_screen_ui;
use super::text::{Texts, fill, texts};
use super::theme::{self, Scale};
use super::{Command, View, ViewState};
use crate::audio::Audio;
use crate::locale::Language;
use crate::plan::Plan;
use crate::preflight::dnd::DndReport;
use crate::preflight::speed::DEFAULT_SERVER;
use crate::runner::ShowRunner;
use crate::session::{Action, Live};
use crate::show::{Phase, ShowState};
use crate::sources::{DEFAULT_GRAPH_URL, NotifyFn, SourceSettings};

/// Whether to open the audio device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AudioChoice {
    /// The default audio device (silent with a status message when there is none).
    Device,
    /// No sound (tests).
    Silent,
}

/// Everything the app needs to start.
pub struct AppOptions {
    /// The show, opened (new or resumed) by the runner.
    pub runner: ShowRunner,
    /// The plan's file, which the editor opens (none: the bundled example).
    pub plan_path: Option<PathBuf>,
    /// The folder the plan's media paths are relative to.
    pub plan_dir: Option<PathBuf>,
    /// Sound or not.
    pub audio: AudioChoice,
    /// How to find CJK fonts.
    pub fonts: FontDiscovery,
    /// The comment source to connect at start, if any (tokens are looked up then).
    pub source: Option<SourceSettings>,
    /// The pre-flight speed-test server, over the plan's (`--speed-server`).
    pub speed_server: Option<String>,
    /// How this computer's do-not-disturb is read (tests give a fixed answer).
    pub dnd: fn() -> DndReport,
    /// The interface language to open in.
    pub language: Language,
    /// Where a language switch is remembered (none: not remembered, as in tests).
    pub settings: Option<PathBuf>,
    /// Where the producer window's "serve" switch starts the local API
    /// ([`crate::api::DEFAULT_ADDR`] in the app; tests pick a free port).
    pub serve_addr: std::net::SocketAddr,
    /// Whether to start serving there at once (the switch was left on last time and no
    /// `--serve` was given).
    pub serve_at_start: bool,
    /// Whether the switch serves other devices on the network too (remembered).
    pub serve_lan: bool,
    /// Where "Keep this link" pins the API's token (the OS keychain in the app).
    pub link_store: Arc<dyn crate::api::LinkStore>,
}

/// What is remembered between runs (eframe storage). Window size and position are
/// remembered by eframe itself.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Remembered {
    show_hidden: bool,
    muted: bool,
    detached: bool,
    /// The plan editor's recent files, newest first.
    recent_plans: Vec<PathBuf>,
}

/// The livecue app.
pub struct LivecueApp {
    remembered: Remembered,
    runner: ShowRunner,
    audio: Audio,
    view: ViewState,
    language: Language,
    texts: &'static Texts,
    settings: Option<PathBuf>,
    /// Where the "serve" switch serves, and why it could not, until the next try.
    serve_addr: std::net::SocketAddr,
    serve_problem: Option<RemoteProblem>,
    serve_lan: bool,
    link_store: Arc<dyn crate::api::LinkStore>,
    fonts: FontReport,
    screen: Screen,
    confirming: Option<Confirm>,
    host_fullscreen: bool,
    source_dialog: Option<SourceDialog>,
    reply_dialog: Option<ReplyDialog>,
    resumed_notice: bool,
    /// Something that went wrong opening or starting a show, until dismissed.
    problem: Option<String>,
    /// How many runs the timeline had after the producer's last jump: the notice that
    /// Z undoes it stays while that jump's run is the latest.
    jumped_runs: Option<usize>,
    graph_url: String,
    preflight: PreflightJobs,
    speed_server: String,
    read_dnd: fn() -> DndReport,
    notify: NotifyFn,
    report: ReportJobs,
    /// The folder of shows, read when the report screen opens.
    shows: Vec<crate::runner::ShowEntry>,
    /// The plan editor's draft and state.
    editor: EditorState,
    /// The displays that exist, as the window last listed them.
    displays: Vec<super::Display>,
    /// Whether the main window was checked against its display's size.
    window_fitted: bool,
    /// Whether the show had started and ended when last looked at: a change the app did
    /// not make itself (the local API) moves the screen on.
    seen_started: bool,
    seen_ended: bool,
}

/// Messages taken from the source per frame, so a burst never stalls the screen.
const MAX_MESSAGES_PER_FRAME: usize = 500;

impl LivecueApp {
    /// Creates the app: fonts, theme, remembered settings, session, audio.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        Self::with_context(&cc.egui_ctx, cc.storage, options)
    }

    /// Creates the app on any egui context (benchmarks run it without a window).
    pub fn with_context(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        options: AppOptions,
    ) -> Self {
        let fonts = fonts::install(ctx, options.fonts);
        eprintln!("livecue: {}", fonts.describe());
        theme::apply(ctx);
        ctx.options_mut(|o| {
            // Single keys drive the show; egui's zoom shortcuts must not steal +/-.
            o.zoom_with_keyboard = false;
        });
        let remembered: Remembered = storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let mut audio = match options.audio {
            AudioChoice::Device => Audio::start(),
            // No reason: silent on purpose; the status bar words it in the UI language.
            AudioChoice::Silent => Audio::silent(""),
        };
        audio.set_muted(remembered.muted);
        let mut runner = options.runner;
        let view = ViewState::new(runner.live().plan(), options.plan_dir.as_deref());
        let editor = EditorState::new(
            Plan::clone(runner.live().plan()),
            options.plan_path,
            remembered.recent_plans.clone(),
        );
        let notify: NotifyFn = {
            let ctx = ctx.clone();
            Arc::new(move || ctx.request_repaint())
        };
        runner.set_notify(notify.clone());
        let session = runner.live().session();
        let seen_started = session.timeline().show_start_ms().is_some();
        let seen_ended = session.has_ended();
        let screen = if session.has_ended() {
            Screen::Summary
        } else if session.timeline().show_start_ms().is_none() {
            Screen::Preflight
        } else {
            Screen::OnAir
        };
        let speed_server = options
            .speed_server
            .or_else(|| runner.live().plan().preflight.speed_server.clone())
            .unwrap_or_else(|| DEFAULT_SERVER.to_owned());
        let mut app = Self {
            remembered,
            audio,
            view,
            language: options.language,
            texts: texts(options.language),
            settings: options.settings,
            serve_addr: options.serve_addr,
            serve_problem: None,
            serve_lan: options.serve_lan,
            link_store: options.link_store,
            fonts,
            screen,
            confirming: None,
            host_fullscreen: false,
            source_dialog: None,
            reply_dialog: None,
            resumed_notice: runner.resumed().is_some(),
            problem: runner
                .not_resumed()
                .map(|why| fill(texts(options.language).not_resumed, &[why])),
            jumped_runs: None,
            graph_url: options
                .source
                .as_ref()
                .map_or_else(|| DEFAULT_GRAPH_URL.to_owned(), |s| s.graph_url.clone()),
            runner,
            preflight: PreflightJobs::default(),
            speed_server,
            read_dnd: options.dnd,
            notify,
            report: ReportJobs::default(),
            shows: Vec::new(),
            editor,
            displays: Vec::new(),
            window_fitted: false,
            seen_started,
            seen_ended,
        };
        if app.screen == Screen::Preflight && app.live().session().preflight().dnd.is_none() {
            // Cheap and silent: read it at once, so the screen opens with an answer.
            app.preflight.check_dnd(app.read_dnd, app.notify.clone());
        }
        if options.serve_at_start && app.runner.serving().is_none() {
            app.start_serving();
        }
        // `--serve` started it before the app knew its language.
        let language = app.language;
        if let Some(link) = app.runner.api_link_mut() {
            link.set_language(language);
        }
        if let Some(settings) = options.source {
            // A source that cannot start shows as failed in the status bar; the show
            // goes on and the producer can pick another.
            let _ = app.runner.connect(settings);
        }
        app
    }

    /// The comment source's name, when one is connected.
    pub fn source_name(&self) -> Option<String> {
        self.runner.source().map(SourceSettings::name)
    }

    /// The local API's signed-in link, while it serves.
    pub fn api_link(&self) -> Option<String> {
        self.runner.serving().map(crate::api::Serving::url)
    }

    /// The live session.
    pub fn live(&self) -> &Live {
        self.runner.live()
    }

    /// The live session, for feeding comments and statuses in.
    pub fn live_mut(&mut self) -> &mut Live {
        self.runner.live_mut()
    }

    /// The audio player (chime requests are counted here).
    pub fn audio(&self) -> &Audio {
        &self.audio
    }

    /// Which screen is showing.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The interface language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether hidden comments are listed.
    pub fn show_hidden(&self) -> bool {
        self.remembered.show_hidden
    }

    /// Whether the host screen is detached into its own window.
    pub fn detached(&self) -> bool {
        self.remembered.detached
    }

    /// Whether the end-of-show confirmation is open.
    pub fn confirming_end(&self) -> bool {
        self.confirming == Some(Confirm::EndShow)
    }

    /// Which fonts render CJK text.
    pub fn fonts(&self) -> &FontReport {
        &self.fonts
    }

    fn apply(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::Live(Action::EndShow) | Command::AskEndShow => {
                    if self.live().session().timeline().current().is_some() {
                        self.confirming = Some(Confirm::EndShow);
                    }
                }
                Command::Live(action @ Action::GoLive { .. }) => {
                    self.preflight.cancel_speed_test();
                    if self.runner.perform(action) {
                        self.screen = Screen::OnAir;
                    }
                }
                Command::Live(action @ Action::JumpTo(_)) => {
                    if self.runner.perform(action) {
                        self.jumped_runs = Some(self.live().session().timeline().runs().len());
                    }
                }
                Command::Live(action) => {
                    self.runner.perform(action);
                }
                Command::AskGoLive => {
                    let session = self.live().session();
                    if session.timeline().show_start_ms().is_none() {
                        if crate::preflight::assess(session.plan(), session.preflight(), false).go {
                            self.preflight.cancel_speed_test();
                            if self.runner.perform(Action::GoLive { anyway: false }) {
                                self.screen = Screen::OnAir;
                            }
                        } else {
                            self.confirming = Some(Confirm::GoAnyway);
                        }
                    }
                }
                Command::ConfirmGoAnyway => {
                    self.confirming = None;
                    self.preflight.cancel_speed_test();
                    if self.runner.perform(Action::GoLive { anyway: true }) {
                        self.screen = Screen::OnAir;
                    }
                }
                Command::RunSpeedTest => {
                    let runtime = self.runner.runtime().clone();
                    self.preflight.start_speed_test(
                        &runtime,
                        &self.speed_server,
                        self.notify.clone(),
                    );
                }
                Command::CancelSpeedTest => self.preflight.cancel_speed_test(),
                Command::CheckDnd => self.preflight.check_dnd(self.read_dnd, self.notify.clone()),
                Command::CheckToken => self.start_token_check(true),
                Command::SelectChecklist(index) => {
                    self.preflight.scroll_to_selected = self.preflight.selected != index;
                    self.preflight.selected = index;
                }
                Command::ConfirmEndShow => {
                    self.confirming = None;
                    if self.runner.perform(Action::EndShow) {
                        self.screen = Screen::Summary;
                        self.resumed_notice = false;
                    }
                }
                Command::AskNewShow => self.confirming = Some(Confirm::NewShow),
                Command::ConfirmNewShow => {
                    self.confirming = None;
                    // A failure leaves the current show running and says why.
                    match self.runner.start_new_show() {
                        Ok(()) => {
                            self.renew_link_for_new_show();
                            self.view.reset_feeds();
                            self.resumed_notice = false;
                            self.problem = None;
                            self.screen = Screen::OnAir;
                        }
                        Err(e) => self.problem = Some(e.to_string()),
                    }
                }
                Command::CancelConfirm => self.confirming = None,
                Command::DismissResumed => {
                    self.resumed_notice = false;
                    self.problem = None;
                }
                Command::ShowScreen(Screen::Report) => self.open_report_screen(),
                Command::ShowScreen(screen) => self.screen = screen,
                Command::OpenReport(path) => {
                    self.runner.sync_journal();
                    self.screen = Screen::Report;
                    let plan = Arc::clone(self.live().plan());
                    self.report.load(&path, plan, self.notify.clone());
                }
                Command::ExportReport => {
                    if let Some((path, _)) = &self.report.shown {
                        let out = default_export_dir(path);
                        let plan = Arc::clone(self.live().plan());
                        self.report.export(out, plan, self.notify.clone());
                    }
                }
                Command::ExportReportTo => {
                    let start = self
                        .report
                        .shown
                        .as_ref()
                        .and_then(|(p, _)| p.parent().map(Into::into));
                    self.report.pick_folder(start, self.notify.clone());
                }
                Command::SwitchLanguage => self.switch_language(),
                Command::ToggleServing => self.toggle_serving(),
                Command::KeepLink => self.keep_link(),
                Command::ToggleLan => self.toggle_lan(),
                Command::NewLink => self.new_link(),
                Command::ToggleHidden => self.remembered.show_hidden ^= true,
                Command::ToggleMute => {
                    self.remembered.muted ^= true;
                    self.audio.set_muted(self.remembered.muted);
                }
                Command::ToggleFullscreen => {
                    self.host_fullscreen ^= true;
                    ctx.send_viewport_cmd_to(
                        self.host_viewport(),
                        egui::ViewportCommand::Fullscreen(self.host_fullscreen),
                    );
                }
                Command::FullscreenOnDisplay(n) => {
                    self.host_fullscreen = true;
                    ctx.send_viewport_cmd_to(
                        self.host_viewport(),
                        egui::ViewportCommand::SetMonitor(n),
                    );
                }
                Command::ToggleDetached => {
                    self.remembered.detached ^= true;
                    self.host_fullscreen = false;
                }
                Command::FeedToBottom => self.view.feed_to_bottom(),
                Command::OpenSourceDialog => {
                    self.source_dialog = Some(SourceDialog::for_current(self.runner.source()));
                }
                Command::CloseSourceDialog => self.source_dialog = None,
                Command::FindAccounts => {
                    // The connected source's Graph URL and token when there is one (a
                    // user's token lists Pages; Instagram's is one), else the stored one.
                    let (graph_url, token) = match self.runner.source_config() {
                        Some(c) => (
                            c.graph_url.clone(),
                            c.ig_token.clone().or_else(|| c.fb_token.clone()),
                        ),
                        None => (self.graph_url.clone(), None),
                    };
                    if let Some(dialog) = &mut self.source_dialog {
                        dialog.find_accounts(
                            self.runner.runtime(),
                            &graph_url,
                            token,
                            self.notify.clone(),
                        );
                    }
                }
                Command::PickAccount(platform, id) => {
                    if let Some(dialog) = &mut self.source_dialog {
                        dialog.pick(platform, &id);
                    }
                }
                Command::ConnectSource => self.connect_from_dialog(),
                Command::Panel(panel) => {
                    let queue = self.runner.live().session().questions();
                    self.view.questions.apply(panel, queue);
                }
                Command::OpenReplyDialog(comment_id) => {
                    let first = self
                        .live()
                        .plan()
                        .saved_replies
                        .first()
                        .map(|r| r.id.clone());
                    self.reply_dialog = Some(ReplyDialog::new(comment_id, first));
                }
                Command::CloseReplyDialog => self.reply_dialog = None,
                Command::SendReply => self.send_reply(),
                Command::HideOnPlatform => {
                    if let Some(dialog) = &mut self.reply_dialog {
                        dialog.refused = self
                            .runner
                            .hide_on_platform(&dialog.comment_id)
                            .err()
                            .map(|e| e.to_string());
                    }
                }
                Command::Editor(command) => match self.editor.apply(command, &self.notify) {
                    Some(EditorOutcome::Rehearse(plan, dir, speed)) => {
                        self.rehearse(plan, dir, speed);
                    }
                    Some(EditorOutcome::StartShow(plan, path)) => self.start_show(plan, &path),
                    Some(EditorOutcome::Close) => {
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close)
                    }
                    None => {}
                },
            }
        }
        // Chimes asked for by the actions above (a cue that fell due on a jump).
        for chime in self.runner.live_mut().take_chimes() {
            self.audio.play(chime);
        }
    }

    /// The report screen: the list of shows read again, and this show's report made
    /// when none is shown yet.
    fn open_report_screen(&mut self) {
        self.screen = Screen::Report;
        self.runner.sync_journal();
        if let Some(dir) = self.runner.shows_dir() {
            self.shows = crate::runner::list_shows(dir);
        }
        if self.report.shown.is_none()
            && let Some(path) = self.live().journal_path()
        {
            let plan = Arc::clone(self.live().plan());
            self.report.load(&path, plan, self.notify.clone());
        }
    }

    /// Every screen changes language at once: they all read `texts` each frame. The
    /// choice is written to the settings file; a failure to write it is said, and the
    /// switch still holds for this run.
    fn switch_language(&mut self) {
        self.language = self.language.other();
        self.texts = texts(self.language);
        if let Some(link) = self.runner.api_link_mut() {
            link.set_language(self.language);
        }
        let language = self.language;
        self.remember(|settings| settings.language = Some(language));
    }

    /// Writes one change to the settings file; a failure to write it is said, and the
    /// change still holds for this run.
    fn remember(&mut self, change: impl FnOnce(&mut crate::runner::Settings)) {
        let Some(path) = &self.settings else {
            return;
        };
        // A damaged file is left for the user to see, not written over.
        let saved = crate::runner::Settings::load(path).and_then(|mut settings| {
            change(&mut settings);
            settings.save(path)
        });
        if let Err(e) = saved {
            self.problem = Some(fill(self.texts.language_saved_failed, &[&e.to_string()]));
        }
    }

    /// The plan editor.
    pub fn editor(&self) -> &EditorState {
        &self.editor
    }

    /// The plan editor, to drive it as its file dialogs would (tests).
    pub fn editor_mut(&mut self) -> &mut EditorState {
        &mut self.editor
    }

    /// The show runner.
    pub fn runner(&self) -> &ShowRunner {
        &self.runner
    }

    /// The report screen's state (tests).
    pub fn report_jobs(&self) -> &ReportJobs {
        &self.report
    }

    /// Checks the comment source's token for pre-flight, on the show's runtime: once per
    /// source, or `again`.
    fn start_token_check(&mut self, again: bool) {
        let Some(settings) = self.runner.source() else {
            return;
        };
        let failed = self
            .runner
            .live()
            .session()
            .sources()
            .iter()
            .find(|(name, _)| *name == settings.name())
            .and_then(|(_, state)| match state {
                crate::sources::SourceState::Failed { reason } => Some(reason.clone()),
                _ => None,
            });
        let config = if failed.is_some() {
            None
        } else {
            self.runner.source_config()
        };
        self.preflight.check_token(
            self.runner.runtime(),
            &settings.spec,
            config,
            failed,
            again,
            self.notify.clone(),
        );
    }

    /// Sends the reply dialog's choice; a refusal stays in the dialog, Meta's answer
    /// arrives through the journal.
    fn send_reply(&mut self) {
        let Some(dialog) = &mut self.reply_dialog else {
            return;
        };
        let typed = dialog.typed.trim().to_owned();
        let (template, typed) = match &dialog.template {
            Some(id) => (Some(id.as_str()), None),
            None => (None, Some(typed.as_str())),
        };
        dialog.refused = self
            .runner
            .reply_privately(&dialog.comment_id, template, typed)
            .err()
            .map(|e| e.to_string());
    }

    fn connect_from_dialog(&mut self) {
        let Some(dialog) = &mut self.source_dialog else {
            return;
        };
        match dialog.settings(&self.graph_url, self.texts) {
            Err(why) => dialog.error = Some(why),
            Ok((settings, config)) => match self.runner.connect_configured(settings, config) {
                Ok(()) => self.source_dialog = None,
                // The form stays open with the reason; the source before goes on.
                Err(e) => dialog.error = Some(e.to_string()),
            },
        }
    }

    fn host_viewport(&self) -> egui::ViewportId {
        if self.remembered.detached {
            host_viewport_id()
        } else {
            egui::ViewportId::ROOT
        }
    }

    /// How long until something on screen changes by itself.
    fn next_change(&self) -> Option<Duration> {
        let live = self.live();
        let now = live.now_ms();
        let timeline = live.session().timeline();
        let status = live.status();
        let mut wait: Option<i64> = None;
        let mut at_most = |ms: i64| wait = Some(wait.map_or(ms, |w| w.min(ms)));
        if let Some(start) = timeline.show_start_ms()
            && timeline.current().is_some()
        {
            at_most(1000 - (now - start).rem_euclid(1000));
            // The segment clock counts from the segment's elapsed time, carried time
            // included when it was brought back.
            at_most(1000 - status.segment_elapsed_ms.rem_euclid(1000));
        }
        if status.phase == Phase::Overtime || !live.session().active_cues().is_empty() {
            at_most(500 - now.rem_euclid(500));
        }
        if status.state == ShowState::NotStarted && live.plan().scheduled_start.is_some() {
            at_most(1000);
        }
        // A rehearsal's clock runs faster than the wall clock: its seconds come sooner.
        let speed = i64::from(self.runner.rehearsal().unwrap_or(1));
        // The journal line ("saved 0.3 s ago") refreshes with the clock; no extra frames.
        wait.map(|ms| Duration::from_millis((ms / speed).clamp(1, 1000) as u64))
    }

    /// Sets the displays the host screen can go fullscreen on (tests: there is no
    /// window to ask).
    pub fn set_displays(&mut self, displays: Vec<super::Display>) {
        self.displays = displays;
    }

    /// Maximizes the main window, once, when it came up as large as its display or
    /// larger: the maximize asked for at creation reaches a window manager before the
    /// window is mapped, when openbox ignores it, so a first window is clamped to a
    /// 1280×720 screen with no room for its title bar, and a size remembered from a
    /// larger screen is clamped the same way. Clamped, the status bar is cut off below
    /// the screen's edge; maximized, the window manager fits the window, title bar
    /// included, to the work area. (A window that fits is left as it is: maximizing
    /// it just after it shows can lose a key pressed at that moment.)
    fn fit_window(&mut self, ctx: &egui::Context) {
        if self.window_fitted {
            return;
        }
        let viewport = ctx.input(|i| i.viewport().clone());
        let (Some(monitor), Some(inner)) = (viewport.monitor_size, viewport.inner_rect) else {
            return;
        };
        self.window_fitted = true;
        // Measured before the window manager adds its frame, so the outer size may
        // still equal the inner one: a window as large as the display cannot also fit a
        // title bar.
        let outer = viewport.outer_rect.unwrap_or(inner);
        let too_big = |r: egui::Rect| r.width() > monitor.x - 0.5 || r.height() > monitor.y - 0.5;
        let fullscreen = viewport.fullscreen == Some(true);
        if !fullscreen && (too_big(inner) || outer.height() > monitor.y + 0.5) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
    }

    /// Whether the resumed-show notice is up.
    pub fn resumed_notice(&self) -> bool {
        self.resumed_notice
    }
}

impl LivecueApp {
    /// One frame without eframe: the work of `logic` then `ui`.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.step(&ctx);
        self.draw(ui);
    }

    /// Follows a show started or ended by someone else (the local API) as the keys
    /// would: pre-flight gives way to the on-air screen, the end opens the summary.
    fn follow_show(&mut self) {
        let timeline = self.runner.live().session().timeline();
        let (started, ended) = (
            timeline.show_start_ms().is_some(),
            timeline.show_end_ms().is_some(),
        );
        if started && !self.seen_started && self.screen == Screen::Preflight {
            self.preflight.cancel_speed_test();
            self.screen = Screen::OnAir;
        }
        if ended && !self.seen_ended {
            self.confirming = None;
            self.screen = Screen::Summary;
            self.resumed_notice = false;
        }
        (self.seen_started, self.seen_ended) = (started, ended);
    }

    /// Takes in comments, applies what fell due, plays chimes.
    fn step(&mut self, ctx: &egui::Context) {
        if self.runner.pump(MAX_MESSAGES_PER_FRAME) == MAX_MESSAGES_PER_FRAME {
            ctx.request_repaint();
        }
        // Answers the local API too, whose actions may start or end the show.
        self.runner.tick();
        self.follow_show();
        if self.screen == Screen::Preflight {
            self.start_token_check(false);
        }
        self.editor.collect();
        if ctx.input(|i| i.viewport().close_requested()) && !self.editor.may_close() {
            // Unsaved changes in the editor: ask before the window goes.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.screen = Screen::Editor;
            let _ = self.editor.apply(EditorCommand::Close, &self.notify);
        }
        self.preflight.collect(self.runner.live_mut());
        if let Some(dialog) = &mut self.source_dialog {
            dialog.collect();
        }
        let plan = Arc::clone(self.runner.live().plan());
        self.report.collect(&plan, &self.notify);
        for chime in self.runner.live_mut().take_chimes() {
            self.audio.play(chime);
        }
    }

    /// Draws the screen and applies what the views asked for.
    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let texts = self.texts;
        let live = self.runner.live();
        let status = self.runner.status();
        let serving_urls = self
            .runner
            .serving()
            .map(crate::api::Serving::urls)
            .unwrap_or_default();
        let now = live.now_ms();
        let view = View {
            live,
            status: live.status(),
            texts,
            scale: Scale::for_size(ui.available_size()),
            flash_on: now.rem_euclid(1000) < 500,
            show_hidden: self.remembered.show_hidden,
            muted: self.remembered.muted,
            detached: self.remembered.detached,
            rate_per_min: status.rate_per_min,
            status_items: super::status::status_items(&status, &self.audio, texts),
            wall_now: live.stamp().wall,
            resumed: self.resumed_notice.then(|| self.runner.resumed()).flatten(),
            problem: self.problem.as_deref(),
            screen: self.screen,
            jumped_to: self
                .jumped_runs
                .filter(|&n| n == live.session().timeline().runs().len())
                .and(live.session().timeline().current()),
            displays: &self.displays,
            serving_url: serving_urls.first().map(String::as_str),
            more_urls: serving_urls.get(1..).unwrap_or_default(),
            serve_lan: self.serve_lan,
            serve_problem: self.serve_problem.as_ref(),
            link_pinned: self.runner.serving().is_some_and(|s| s.pinned),
        };
        let mut commands = Vec::new();
        let modal = match (&self.confirming, &self.source_dialog) {
            (Some(Confirm::EndShow), _) => Modal::EndConfirm,
            (Some(Confirm::NewShow), _) => Modal::NewShowConfirm,
            (Some(Confirm::GoAnyway), _) => Modal::GoAnywayConfirm,
            (None, Some(_)) => Modal::SourceDialog,
            (None, None) if self.reply_dialog.is_some() => Modal::ReplyDialog,
            (None, None) => Modal::None,
        };
        if modal == Modal::None {
            screen_keys(&ctx, &mut commands);
        }
        let pf = PreflightView {
            testing: self.preflight.testing(),
            checking_dnd: self.preflight.checking_dnd(),
            selected: self.preflight.selected,
            scroll_to_selected: std::mem::take(&mut self.preflight.scroll_to_selected),
            token: self.preflight.token(),
            server: &self.speed_server,
        };
        let assessment = super::preflight::assessment(&view, &pf);
        let on_preflight = (self.screen == Screen::Preflight).then_some((&pf, &assessment));
        // The main window is the producer's while the host screen is detached.
        let panel = (self.screen == Screen::OnAir && self.remembered.detached)
            .then_some(&self.view.questions);
        let current_journal = live.journal_path();
        if self.screen == Screen::Editor {
            // The editor types text: none of the show's single keys apply there.
            editor_keys(&ctx, &mut self.editor);
        } else if self.screen == Screen::Report && modal == Modal::None {
            report_keys(
                &ctx,
                current_journal.as_deref(),
                &self.report,
                &mut commands,
            );
        } else {
            keys(&ctx, &view, modal, on_preflight, panel, &mut commands);
        }
        egui::Panel::top("screen-bar")
            .frame(
                egui::Frame::NONE
                    .fill(theme::BACKGROUND)
                    .inner_margin(egui::Margin::symmetric(12, 4)),
            )
            .show(ui, |ui| screen_bar_ui(ui, &view, &mut commands));
        match self.screen {
            Screen::Preflight => preflight_screen_ui(ui, &view, &pf, &assessment, &mut commands),
            Screen::OnAir => on_air_ui(ui, &view, &mut self.view, &mut commands),
            Screen::Summary => summary_screen_ui(ui, &view, &mut commands),
            Screen::Report => {
                let rv = ReportView {
                    shows: &self.shows,
                    current: current_journal.as_deref(),
                    jobs: &self.report,
                };
                report_screen_ui(ui, &view, &rv, &mut commands);
            }
            Screen::Editor => editor_screen_ui(ui, &mut self.editor, texts.editor, &mut commands),
        }
        if self.remembered.detached
            && host_window_ui(&ctx, &view, &mut self.view, modal, &mut commands)
        {
            commands.push(Command::ToggleDetached);
        }
        if let Some(confirm) = self.confirming {
            confirm_ui(&ctx, texts, confirm, &assessment.open, &mut commands);
        }
        if let Some(dialog) = &mut self.source_dialog {
            source_dialog_ui(&ctx, texts, dialog, &mut commands);
        }
        if let Some(dialog) = &mut self.reply_dialog {
            let pending = self.runner.reply_pending(&dialog.comment_id);
            reply_dialog_ui(&ctx, &view, dialog, pending, &mut commands);
        }
        self.apply(&ctx, commands);
        // The host's keys and clicks reach the pages and Stream Deck in this frame, not
        // at the next one (up to a second away while the show runs).
        self.runner.answer_api();
        self.follow_show();
        if let Some(wait) = self.next_change() {
            ctx.request_repaint_after(wait);
        }
    }
}

impl eframe::App for LivecueApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.fit_window(ctx);
        self.step(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // winit keeps the list and renews it when a display comes or goes: cheap to ask.
        if let Some(displays) = super::displays::available(frame) {
            self.displays = displays;
        }
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remembered.recent_plans = self.editor.recent().to_vec();
        eframe::set_value(storage, eframe::APP_KEY, &self.remembered);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.runner.sync_journal();
    }
}

/// Opens the native window and runs until it closes.
pub fn run_native(options: AppOptions) -> anyhow::Result<()> {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(texts(options.language).app_title)
            .with_app_id("livecue")
            // Maximized, the window manager fits the first window to the screen's work
            // area (a 1920×1080 window plus its title bar is taller than a 1080p
            // screen); later starts get the size and place the user left it at.
            .with_inner_size([1600.0, 900.0])
            .with_maximized(true)
            .with_min_inner_size([960.0, 540.0]),
        persist_window: true,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "livecue",
        native,
        Box::new(|cc| Ok(Box::new(LivecueApp::new(cc, options)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
