//! The eframe application: owns the live session, audio and view state; turns commands
//! into session actions; schedules repaints only when something on screen changes.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use egui::Color32;
use serde::{Deserialize, Serialize};

use super::fonts::{self, FontDiscovery, FontReport};
use super::host::host_screen_ui;
use super::keys::{Modal, keys};
use super::producer::producer_ui;
use super::text::{EN, Texts, fill};
use super::theme::{self, Scale};
use super::{Command, View, ViewState};
use crate::audio::{Audio, AudioState};
use crate::cli::SourceArgs;
use crate::plan::Plan;
use crate::session::{Action, Classifier, JournalTarget, JournalView, Live, SourceState};
use crate::show::{Clock, Phase, ShowState};
use crate::sources::{DEFAULT_GRAPH_URL, Feed, SourceSpec};

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
    /// The plan to run.
    pub plan: Arc<Plan>,
    /// The folder the plan's media paths are relative to.
    pub plan_dir: Option<PathBuf>,
    /// The show clock.
    pub clock: Arc<dyn Clock>,
    /// Wall-clock time at the clock's zero.
    pub epoch: DateTime<Utc>,
    /// Where the session journal goes.
    pub journal: JournalTarget,
    /// Sound or not.
    pub audio: AudioChoice,
    /// How to find CJK fonts.
    pub fonts: FontDiscovery,
    /// The comment filter.
    pub classifier: Box<dyn Classifier>,
    /// The comment source to connect at start, if any (tokens are looked up then).
    pub source: Option<SourceArgs>,
}

/// What is remembered between runs (eframe storage). Window size and position are
/// remembered by eframe itself.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Remembered {
    show_hidden: bool,
    muted: bool,
    detached: bool,
}

/// The livecue app.
pub struct LivecueApp {
    remembered: Remembered,
    live: Live,
    audio: Audio,
    view: ViewState,
    texts: &'static Texts,
    fonts: FontReport,
    confirming_end: bool,
    host_fullscreen: bool,
    feed: Option<Feed>,
    source_dialog: Option<SourceDialog>,
    notify: crate::sources::NotifyFn,
    graph_url: String,
}

/// The producer's "pick a source" form.
#[derive(Clone, Debug, Default)]
struct SourceDialog {
    source: String,
    ig_user_id: String,
    error: Option<String>,
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
            AudioChoice::Silent => Audio::silent("sound off"),
        };
        audio.set_muted(remembered.muted);
        let view = ViewState::new(&options.plan, options.plan_dir.as_deref());
        let live = Live::new(
            options.plan,
            options.clock,
            options.epoch,
            options.journal,
            options.classifier,
        );
        let mut app = Self {
            remembered,
            live,
            audio,
            view,
            texts: &EN,
            fonts,
            confirming_end: false,
            host_fullscreen: false,
            feed: None,
            source_dialog: None,
            notify: {
                let ctx = ctx.clone();
                Arc::new(move || ctx.request_repaint())
            },
            graph_url: options
                .source
                .as_ref()
                .map_or_else(|| DEFAULT_GRAPH_URL.to_owned(), |a| a.graph_url.clone()),
        };
        if let Some(args) = options.source {
            app.connect(args);
        }
        app
    }

    /// Connects a comment source, replacing the current one. Problems (an unknown
    /// source, no token) show as the source's state; the app carries on without it.
    pub fn connect(&mut self, args: SourceArgs) {
        let name = args.source.to_string();
        if let Some(old) = self.feed.take() {
            old.stop();
        }
        let started = args.config().and_then(|mut config| {
            // Reconnecting never delivers a comment twice.
            config.seen_ids = self.live.session().comment_ids();
            Feed::start(args.source.clone(), config, Arc::clone(&self.notify))
                .map_err(anyhow::Error::from)
        });
        match started {
            Ok(feed) => self.feed = Some(feed),
            Err(e) => self.live.source_status(
                &name,
                SourceState::Failed {
                    reason: format!("{e:#}"),
                },
            ),
        }
    }

    /// The comment source's name, when one is connected.
    pub fn source_name(&self) -> Option<&str> {
        self.feed.as_ref().map(Feed::name)
    }
    /// The live session.
    pub fn live(&self) -> &Live {
        &self.live
    }

    /// The live session, for feeding comments and statuses in.
    pub fn live_mut(&mut self) -> &mut Live {
        &mut self.live
    }

    /// The audio player (chime requests are counted here).
    pub fn audio(&self) -> &Audio {
        &self.audio
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
        self.confirming_end
    }

    /// Which fonts render CJK text.
    pub fn fonts(&self) -> &FontReport {
        &self.fonts
    }

    fn apply(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::Live(Action::EndShow) | Command::AskEndShow => {
                    if self.live.session().timeline().current().is_some() {
                        self.confirming_end = true;
                    }
                }
                Command::Live(action) => {
                    self.live.perform(action);
                }
                Command::ConfirmEndShow => {
                    self.confirming_end = false;
                    self.live.perform(Action::EndShow);
                }
                Command::CancelEndShow => self.confirming_end = false,
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
                    self.source_dialog = Some(SourceDialog {
                        source: self.source_name().unwrap_or_default().to_owned(),
                        ..SourceDialog::default()
                    });
                }
                Command::CloseSourceDialog => self.source_dialog = None,
                Command::ConnectSource => {
                    let Some(dialog) = &mut self.source_dialog else {
                        continue;
                    };
                    match dialog.source.parse::<SourceSpec>() {
                        Err(e) => dialog.error = Some(e.to_string()),
                        Ok(source) => {
                            let ig_user_id = Some(dialog.ig_user_id.trim().to_owned())
                                .filter(|id| !id.is_empty());
                            self.source_dialog = None;
                            self.connect(SourceArgs {
                                source,
                                ig_user_id,
                                graph_url: self.graph_url.clone(),
                            });
                        }
                    }
                }
            }
        }
        // Chimes asked for by the actions above (a cue that fell due on a jump).
        for chime in self.live.take_chimes() {
            self.audio.play(chime);
        }
    }

    fn host_viewport(&self) -> egui::ViewportId {
        if self.remembered.detached {
            host_viewport_id()
        } else {
            egui::ViewportId::ROOT
        }
    }

    fn status_items(&self, texts: &Texts) -> Vec<(String, Color32)> {
        let mut items = Vec::new();
        let sources = self.live.session().sources();
        if sources.is_empty() {
            items.push((texts.source_none.to_owned(), theme::DIM));
        }
        for (name, state) in sources {
            items.push(source_line(&short_source_name(name), state, texts));
        }
        if let Some(feed) = &self.feed {
            if feed.is_backpressured() {
                items.push((texts.source_behind.to_owned(), theme::AMBER));
            }
            if let Some(notice) = feed.notice() {
                items.push((super::sanitize_for_display(notice), theme::DIM));
            }
        }
        items.push(match self.live.journal_view() {
            JournalView::Off => (texts.journal_off.to_owned(), theme::DIM),
            JournalView::Waiting => (texts.journal_waiting.to_owned(), theme::DIM),
            JournalView::Writing(health) => match health.error {
                Some(e) => (fill(texts.journal_failed, &[&e]), theme::RED),
                None => (
                    fill(texts.journal_saved, &[&health.events_synced.to_string()]),
                    theme::GREEN,
                ),
            },
            JournalView::Failed(e) => (fill(texts.journal_failed, &[&e]), theme::RED),
        });
        items.push(if self.audio.muted() {
            (texts.audio_muted.to_owned(), theme::AMBER)
        } else {
            match self.audio.state() {
                AudioState::Ready => (texts.audio_ok.to_owned(), theme::GREEN),
                AudioState::Starting => (texts.audio_starting.to_owned(), theme::DIM),
                AudioState::Unavailable(why) => (fill(texts.audio_off, &[&why]), theme::AMBER),
            }
        });
        items
    }

    /// How long until something on screen changes by itself.
    fn next_change(&self) -> Option<Duration> {
        let now = self.live.now_ms();
        let timeline = self.live.session().timeline();
        let status = self.live.status();
        let mut wait: Option<i64> = None;
        let mut at_most = |ms: i64| wait = Some(wait.map_or(ms, |w| w.min(ms)));
        if let (Some(start), Some(run)) = (timeline.show_start_ms(), timeline.runs().last())
            && status.state != ShowState::Ended
        {
            at_most(1000 - (now - start).rem_euclid(1000));
            at_most(1000 - (now - run.started_ms).rem_euclid(1000));
        }
        if status.phase == Phase::Overtime || !self.live.session().active_cues().is_empty() {
            at_most(500 - now.rem_euclid(500));
        }
        if status.state == ShowState::NotStarted && self.live.plan().scheduled_start.is_some() {
            at_most(1000);
        }
        // The journal line ("saved 0.3 s ago") refreshes with the clock; no extra frames.
        wait.map(|ms| Duration::from_millis(ms.clamp(1, 1000) as u64))
    }
}

fn host_viewport_id() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("livecue-host-screen")
}

/// `replay:/long/path/comments.jsonl@10` → `replay:comments.jsonl@10`.
fn short_source_name(name: &str) -> String {
    match name.strip_prefix("replay:") {
        Some(rest) => {
            let file = rest.rsplit(['/', '\\']).next().unwrap_or(rest);
            format!("replay:{file}")
        }
        None => name.to_owned(),
    }
}

fn source_line(name: &str, state: &SourceState, texts: &Texts) -> (String, Color32) {
    match state {
        SourceState::Connecting => (fill(texts.source_connecting, &[name]), theme::DIM),
        SourceState::Live => (
            format!("● {}", fill(texts.source_live, &[name])),
            theme::GREEN,
        ),
        SourceState::WaitingForBroadcast => (fill(texts.source_waiting, &[name]), theme::AMBER),
        SourceState::RateLimited { until } => (
            fill(
                texts.source_rate_limited,
                &[
                    name,
                    &until
                        .with_timezone(&chrono::Local)
                        .format("%H:%M")
                        .to_string(),
                ],
            ),
            theme::AMBER,
        ),
        SourceState::Reconnecting { attempt, reason } => (
            fill(
                texts.source_reconnecting,
                &[name, &attempt.to_string(), reason],
            ),
            theme::AMBER,
        ),
        SourceState::TokenExpired => (fill(texts.source_token_expired, &[name]), theme::RED),
        SourceState::PermissionMissing { permission } => (
            fill(texts.source_permission, &[name, permission]),
            theme::RED,
        ),
        SourceState::Ended => (fill(texts.source_ended, &[name]), theme::DIM),
        SourceState::Failed { reason } => (fill(texts.source_failed, &[name, reason]), theme::RED),
    }
}

impl LivecueApp {
    /// One frame without eframe: the work of `logic` then `ui`.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.step(&ctx);
        self.draw(ui);
    }

    /// Takes in comments, applies what fell due, plays chimes.
    fn step(&mut self, ctx: &egui::Context) {
        if let Some(feed) = &mut self.feed
            && feed.pump(&mut self.live, MAX_MESSAGES_PER_FRAME) == MAX_MESSAGES_PER_FRAME
        {
            ctx.request_repaint();
        }
        self.live.tick();
        for chime in self.live.take_chimes() {
            self.audio.play(chime);
        }
    }

    /// Draws the screen and applies what the views asked for.
    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let now = self.live.now_ms();
        let texts = self.texts;
        let view = View {
            live: &self.live,
            status: self.live.status(),
            texts,
            scale: Scale::for_size(ui.available_size()),
            flash_on: now.rem_euclid(1000) < 500,
            show_hidden: self.remembered.show_hidden,
            muted: self.remembered.muted,
            detached: self.remembered.detached,
            rate_per_min: self.live.comments_per_min(),
            status_items: self.status_items(texts),
            wall_now: self.live.stamp().wall,
        };
        let mut commands = Vec::new();
        let modal = if self.confirming_end {
            Modal::EndConfirm
        } else if self.source_dialog.is_some() {
            Modal::SourceDialog
        } else {
            Modal::None
        };
        keys(&ctx, &view, modal, &mut commands);
        let view_state = &mut self.view;
        if self.remembered.detached {
            producer_ui(ui, &view, view_state, &mut commands);
            let closed = ctx.show_viewport_immediate(
                host_viewport_id(),
                egui::ViewportBuilder::default()
                    .with_title(texts.host_window_title)
                    .with_inner_size([1280.0, 720.0]),
                |ui, _class| {
                    let host_view = View {
                        scale: Scale::for_size(ui.available_size()),
                        ..view.clone()
                    };
                    keys(ui.ctx(), &host_view, modal, &mut commands);
                    host_screen_ui(ui, &host_view, view_state, false, &mut commands);
                    ui.input(|i| i.viewport().close_requested())
                },
            );
            if closed {
                commands.push(Command::ToggleDetached);
            }
        } else {
            host_screen_ui(ui, &view, view_state, true, &mut commands);
        }
        if self.confirming_end {
            end_confirmation_ui(&ctx, texts, &mut commands);
        }
        if let Some(dialog) = &mut self.source_dialog {
            source_dialog_ui(&ctx, texts, dialog, &mut commands);
        }
        self.apply(&ctx, commands);
        if let Some(wait) = self.next_change() {
            ctx.request_repaint_after(wait);
        }
    }
}

impl eframe::App for LivecueApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.step(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.remembered);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.live.sync_journal();
    }
}

fn end_confirmation_ui(ctx: &egui::Context, texts: &Texts, commands: &mut Vec<Command>) {
    let modal = egui::Modal::new(egui::Id::unique("end-show-confirm")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(texts.end_confirm_title);
        ui.label(texts.end_confirm_body);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(texts.end_confirm_yes).clicked() {
                commands.push(Command::ConfirmEndShow);
            }
            ui.label(egui::RichText::new(texts.key_enter).color(theme::FAINT));
            if ui.button(texts.end_confirm_no).clicked() {
                commands.push(Command::CancelEndShow);
            }
            ui.label(egui::RichText::new(texts.key_escape).color(theme::FAINT));
        });
    });
    if modal.should_close() {
        commands.push(Command::CancelEndShow);
    }
}

fn source_dialog_ui(
    ctx: &egui::Context,
    texts: &Texts,
    dialog: &mut SourceDialog,
    commands: &mut Vec<Command>,
) {
    let modal = egui::Modal::new(egui::Id::unique("source-dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(texts.source_title);
        ui.label(egui::RichText::new(texts.source_help).color(theme::DIM));
        ui.add_space(6.0);
        let source_label = ui.label(texts.source_field);
        let field = ui
            .add(egui::TextEdit::singleline(&mut dialog.source).desired_width(f32::INFINITY))
            .labelled_by(source_label.id);
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            commands.push(Command::ConnectSource);
        }
        let id_label = ui.label(texts.ig_user_id_field);
        ui.add(egui::TextEdit::singleline(&mut dialog.ig_user_id).desired_width(f32::INFINITY))
            .labelled_by(id_label.id);
        if let Some(error) = &dialog.error {
            ui.label(egui::RichText::new(error).color(theme::RED));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(texts.connect).clicked() {
                commands.push(Command::ConnectSource);
            }
            if ui.button(texts.end_confirm_no_source).clicked() {
                commands.push(Command::CloseSourceDialog);
            }
            ui.label(egui::RichText::new(texts.key_escape).color(theme::FAINT));
        });
    });
    if modal.should_close() {
        commands.push(Command::CloseSourceDialog);
    }
}

/// Opens the native window and runs until it closes.
pub fn run_native(options: AppOptions) -> anyhow::Result<()> {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(EN.app_title)
            .with_app_id("livecue")
            .with_inner_size([1920.0, 1080.0])
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
