//! The pre-flight screen, before "Go live": the speed test with its figures, this
//! computer's do-not-disturb, the plan's checklist ticked by hand, and one verdict.
//! Everything has a key: T test, D check again, ↑↓ and Space tick, N tick the next,
//! Enter go (or go anyway, after a question).

mod checklist;
mod jobs;
mod keys;
mod network;
mod words;

pub use jobs::PreflightJobs;
pub use keys::preflight_keys;

use egui::{Color32, RichText};

use super::text::{Texts, fill, plan_time};
use super::theme;
use super::{Command, View};
use crate::preflight::speed::Progress;
use crate::preflight::{Assessment, Mark, TokenCheck, assess_with_token};

/// What the screen shows beside the session: the jobs running now.
pub struct PreflightView<'a> {
    /// The speed test's progress while it runs.
    pub testing: Option<Progress>,
    /// Whether do-not-disturb is being read.
    pub checking_dnd: bool,
    /// The chosen checklist row.
    pub selected: usize,
    /// Scroll the chosen row into view (it was just chosen by key).
    pub scroll_to_selected: bool,
    /// The speed-test server.
    pub server: &'a str,
    /// The comment source's token check (Instagram and Facebook only).
    pub token: Option<&'a TokenCheck>,
}

/// The verdict now (the speed row reads as open while a test runs).
pub fn assessment(view: &View<'_>, pf: &PreflightView<'_>) -> Assessment {
    let live = view.live;
    let (plan, log) = (live.plan(), live.session().preflight());
    let testing = pf.testing.is_some();
    let assessment = assess_with_token(plan, log, testing, pf.token);
    words::in_words(view.texts, plan, log, testing, pf.token, assessment)
}

/// The pre-flight screen.
pub fn preflight_screen_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    pf: &PreflightView<'_>,
    assessment: &Assessment,
    commands: &mut Vec<Command>,
) {
    let texts = view.texts;
    egui::Panel::bottom("preflight-verdict")
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::symmetric(24, 16)),
        )
        .show(ui, |ui| verdict_ui(ui, view, assessment, commands));
    egui::CentralPanel::default()
        .frame(
            egui::Frame::NONE
                .fill(theme::BACKGROUND)
                .inner_margin(egui::Margin::same(24)),
        )
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(texts.pf_heading)
                        .font(theme::text(34.0))
                        .strong(),
                );
                ui.add_space(12.0);
                ui.add(
                    egui::Label::new(
                        RichText::new(&view.live.plan().title)
                            .font(theme::text(24.0))
                            .color(theme::DIM),
                    )
                    .truncate(),
                );
            });
            ui.add_space(16.0);
            ui.columns(2, |columns| {
                network::network_ui(&mut columns[0], view, pf, assessment, commands);
                checklist::checklist_ui(&mut columns[1], view, pf, assessment, commands);
            });
        });
}

/// The colour of a mark.
fn mark_color(mark: Mark) -> Color32 {
    match mark {
        Mark::Good => theme::GREEN,
        Mark::Warn => theme::AMBER,
        Mark::Open => theme::FAINT,
        Mark::Bad => theme::RED,
    }
}

/// A filled dot in the mark's colour, drawn (not a glyph, so no font can miss it).
fn mark_dot(ui: &mut egui::Ui, mark: Mark, size: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    ui.painter()
        .circle_filled(rect.center(), size * 0.4, mark_color(mark));
}

/// A card: a rounded panel with a heading.
fn card(ui: &mut egui::Ui, heading: &str, add: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::NONE
        .fill(theme::CARD)
        .corner_radius(8)
        .inner_margin(egui::Margin::same(16))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(heading)
                    .font(theme::text(22.0))
                    .strong()
                    .color(theme::DIM),
            );
            ui.add_space(6.0);
            add(ui);
        });
}

fn verdict_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    assessment: &Assessment,
    commands: &mut Vec<Command>,
) {
    let texts: &Texts = view.texts;
    let log = view.live.session().preflight();
    ui.horizontal(|ui| {
        let (word, color) = if assessment.go {
            (texts.pf_verdict_go, theme::GREEN)
        } else {
            (texts.pf_verdict_no_go, theme::RED)
        };
        ui.label(
            RichText::new(word)
                .font(theme::text(40.0))
                .strong()
                .color(color),
        );
        ui.add_space(12.0);
        // The way on sits at the right end; the verdict takes what is left.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(went) = &log.went_live {
                let when = plan_time(view.live.plan(), went.at, "%H:%M");
                let line = if went.anyway {
                    texts.pf_went_live_anyway
                } else {
                    texts.pf_went_live
                };
                ui.label(
                    RichText::new(fill(line, &[&when]))
                        .font(theme::text(20.0))
                        .color(theme::DIM),
                );
            } else {
                let label = if assessment.go {
                    texts.pf_go
                } else {
                    texts.pf_go_anyway
                };
                ui.label(
                    RichText::new(texts.key_enter)
                        .font(theme::mono(16.0))
                        .color(theme::FAINT),
                );
                let button = egui::Button::new(RichText::new(label).font(theme::text(24.0))).fill(
                    if assessment.go {
                        theme::GREEN.gamma_multiply(0.35)
                    } else {
                        theme::CARD
                    },
                );
                if ui.add(button).clicked() {
                    commands.push(Command::AskGoLive);
                }
            }
            ui.add_space(16.0);
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(&assessment.verdict)
                            .font(theme::text(22.0))
                            .color(theme::TEXT),
                    )
                    .truncate(),
                );
            });
        });
    });
}
