//! Another show in place of this one: a rehearsal at speed or the show of the plan the
//! editor saved, never in place of a show on air.

use std::path::PathBuf;
use std::sync::Arc;

use super::LivecueApp;
use crate::plan::Plan;
use crate::preflight::speed::DEFAULT_SERVER;
use crate::runner::ShowRunner;
use crate::sources::{SourceSettings, SourceSpec, Speed};
use crate::ui::ViewState;
use crate::ui::preflight::PreflightJobs;
use crate::ui::report::ReportJobs;
use crate::ui::screen::Screen;
use crate::ui::text::fill;

impl LivecueApp {
    /// Puts a new show in place of this one, once the show on air (if any) allows it.
    pub(super) fn replace_show(&mut self, runner: ShowRunner, plan_dir: Option<&std::path::Path>) {
        self.view = ViewState::new(runner.live().plan(), plan_dir);
        // The API lives on the runner's runtime: it stops with the show left behind and
        // serves the new one at the same address (the phone's bookmark keeps its host
        // and port; its token is the new show's, or the pinned one).
        let serving_at = self.runner.serving().map(|serving| serving.addr);
        // The show left behind stays in its journal, synced as the runner drops.
        self.runner = runner;
        if let Some(addr) = serving_at {
            self.serve_at(addr);
        }
        self.runner.set_notify(self.notify.clone());
        self.resumed_notice = self.runner.resumed().is_some();
        self.problem = self
            .runner
            .not_resumed()
            .map(|why| fill(self.texts.not_resumed, &[why]));
        self.jumped_runs = None;
        // A reply belongs to a comment of the show left behind.
        self.reply_dialog = None;
        // The new show's own start and end are what later changes are measured from.
        let timeline = self.runner.live().session().timeline();
        self.seen_started = timeline.show_start_ms().is_some();
        self.seen_ended = timeline.show_end_ms().is_some();
        self.preflight = PreflightJobs::default();
        self.report = ReportJobs::default();
        self.speed_server = self
            .runner
            .live()
            .plan()
            .preflight
            .speed_server
            .clone()
            .unwrap_or_else(|| DEFAULT_SERVER.to_owned());
    }

    /// A rehearsal of `plan` on the host screen, its clock and the demo comments both
    /// `speed` times faster than real time. Never in place of a show on air.
    pub(super) fn rehearse(&mut self, plan: Plan, plan_dir: Option<PathBuf>, speed: u32) {
        if self.runner.on_air() {
            self.problem = Some(self.texts.editor.on_air.to_owned());
            return;
        }
        let Some(shows_dir) = self.runner.shows_dir().map(std::path::Path::to_path_buf) else {
            self.problem = Some(crate::runner::RunnerError::NoShowsFolder.to_string());
            return;
        };
        let setup = self.runner.setup_for(Arc::new(plan));
        let runner = match ShowRunner::rehearse(setup, &shows_dir, speed) {
            Ok(runner) => runner,
            Err(e) => {
                self.problem = Some(e.to_string());
                return;
            }
        };
        self.replace_show(runner, plan_dir.as_deref());
        self.screen = Screen::OnAir;
        match crate::runner::demo_comments_file(&shows_dir) {
            Ok(path) => {
                let settings = SourceSettings {
                    spec: SourceSpec::Replay {
                        path,
                        speed: Speed::Factor(f64::from(speed)),
                    },
                    ig_user_id: None,
                    fb_page_id: None,
                    graph_url: self.graph_url.clone(),
                };
                // A replay that cannot start shows as failed in the status bar.
                let _ = self.runner.connect(settings);
            }
            Err(e) => self.problem = Some(e.to_string()),
        }
    }

    /// The show of `plan` (saved at `path`): its unfinished show continued, else a new
    /// one, opening on pre-flight. Never in place of a show on air.
    pub(super) fn start_show(&mut self, plan: Plan, path: &std::path::Path) {
        if self.runner.on_air() {
            self.problem = Some(self.texts.editor.on_air.to_owned());
            return;
        }
        let Some(shows_dir) = self.runner.shows_dir().map(std::path::Path::to_path_buf) else {
            self.problem = Some(crate::runner::RunnerError::NoShowsFolder.to_string());
            return;
        };
        let plan_dir = path.parent().map(std::path::Path::to_path_buf);
        let source = plan.source.as_deref().map(str::parse::<SourceSpec>);
        let setup = self.runner.setup_for(Arc::new(plan));
        match ShowRunner::open(setup, &shows_dir) {
            Ok(runner) => {
                self.replace_show(runner, plan_dir.as_deref());
                let session = self.live().session();
                self.screen = if session.timeline().show_start_ms().is_none() {
                    Screen::Preflight
                } else {
                    Screen::OnAir
                };
                match source {
                    Some(Ok(spec)) => {
                        let spec = match (spec, &plan_dir) {
                            (SourceSpec::Replay { path, speed }, Some(dir))
                                if path.is_relative() =>
                            {
                                SourceSpec::Replay {
                                    path: dir.join(path),
                                    speed,
                                }
                            }
                            (spec, _) => spec,
                        };
                        let plan = self.live().plan();
                        let settings = SourceSettings {
                            spec,
                            ig_user_id: plan.ig_user_id.clone(),
                            fb_page_id: plan.fb_page_id.clone(),
                            graph_url: self.graph_url.clone(),
                        };
                        let _ = self.runner.connect(settings);
                    }
                    Some(Err(e)) => self.problem = Some(e.to_string()),
                    None => {}
                }
            }
            Err(e) => self.problem = Some(e.to_string()),
        }
    }
}
