//! The automatic checks: the speed test (progress while it runs, then the figures and
//! what they mean for the live), this computer's do-not-disturb, and the comment
//! source's token (Instagram and Facebook).

use egui::RichText;

use super::keys::{KEY_CHECK_DND, KEY_CONFIRM_DND, KEY_TEST};
use super::{PreflightView, card};
use crate::preflight::speed::{Phase, Progress};
use crate::preflight::{Assessment, Check, Row, SpeedOutcome};
use crate::session::Action;
use crate::ui::controls::key_button;
use crate::ui::text::{Texts, fill, plan_time};
use crate::ui::theme;
use crate::ui::{Command, View};

/// The network and this-computer cards.
pub fn network_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    pf: &PreflightView<'_>,
    assessment: &Assessment,
    commands: &mut Vec<Command>,
) {
    let texts = view.texts;
    let row = |check| assessment.rows.iter().find(|r| r.check == check);
    card(ui, texts.pf_network, |ui| {
        if let Some(row) = row(Check::Speed) {
            row_ui(ui, row, None);
        }
        match &pf.testing {
            Some(progress) => progress_ui(ui, view, progress, commands),
            None => figures_ui(ui, view, pf, commands),
        }
    });
    ui.add_space(16.0);
    card(ui, texts.pf_this_computer, |ui| {
        if let Some(row) = row(Check::Dnd) {
            // What the probe said, in its own words, whatever the interface language.
            let detail = view.live.session().preflight().dnd.as_ref();
            let detail = detail
                .map(|d| d.report.detail.as_str())
                .filter(|d| !d.is_empty());
            row_ui(ui, row, detail);
        }
        ui.horizontal(|ui| {
            if pf.checking_dnd {
                ui.spinner();
                ui.label(RichText::new(texts.pf_checking_dnd).color(theme::DIM));
                return;
            }
            if key_button(ui, texts.pf_check_dnd, KEY_CHECK_DND.name(), view.scale) {
                commands.push(Command::CheckDnd);
            }
            let log = view.live.session().preflight();
            if log.dnd.as_ref().is_some_and(|d| !d.is_on()) {
                ui.add_space(12.0);
                if key_button(ui, texts.pf_confirm_dnd, KEY_CONFIRM_DND.name(), view.scale) {
                    commands.push(Command::Live(Action::ConfirmDndByHand));
                }
            }
        });
    });
    token_ui(ui, view, pf, assessment, commands);
}

/// The comment source's token, when the source is Instagram or Facebook.
pub fn token_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    pf: &PreflightView<'_>,
    assessment: &Assessment,
    commands: &mut Vec<Command>,
) {
    let texts = view.texts;
    let Some(row) = assessment.rows.iter().find(|r| r.check == Check::Token) else {
        return;
    };
    ui.add_space(16.0);
    card(ui, texts.pf_comment_source, |ui| {
        row_ui(ui, row, None);
        if matches!(
            pf.token,
            Some(crate::preflight::TokenCheck::Checking { .. })
        ) {
            ui.spinner();
        } else if ui.button(texts.pf_check_token).clicked() {
            commands.push(Command::CheckToken);
        }
    });
}

/// A check's mark, label and figure on one line, its advice below.
fn row_ui(ui: &mut egui::Ui, row: &Row, hover: Option<&str>) {
    ui.horizontal(|ui| {
        super::mark_dot(ui, row.mark, 22.0);
        ui.label(RichText::new(&row.label).font(theme::text(24.0)));
        let figure = ui.label(
            RichText::new(&row.figure)
                .font(theme::text(24.0))
                .strong()
                .color(super::mark_color(row.mark)),
        );
        if let Some(hover) = hover {
            figure.on_hover_text(hover);
        }
    });
    if let Some(advice) = &row.advice {
        ui.add(egui::Label::new(RichText::new(advice).color(theme::DIM)).wrap());
    }
    ui.add_space(6.0);
}

fn phase_text(texts: &Texts, phase: Phase) -> &'static str {
    match phase {
        Phase::Latency => texts.pf_phase_latency,
        Phase::Download => texts.pf_phase_download,
        Phase::Upload | Phase::Done => texts.pf_phase_upload,
    }
}

fn progress_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    progress: &Progress,
    commands: &mut Vec<Command>,
) {
    let texts = view.texts;
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(RichText::new(phase_text(texts, progress.phase)).font(theme::text(22.0)));
        if let Some(mbps) = progress.live_mbps {
            ui.label(
                RichText::new(fill(texts.pf_live_mbps, &[&format!("{mbps:.1}")]))
                    .font(theme::mono(26.0))
                    .strong(),
            );
        }
    });
    ui.add(egui::ProgressBar::new(progress.fraction as f32).desired_height(10.0));
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if key_button(ui, texts.pf_cancel_test, texts.key_escape, view.scale) {
            commands.push(Command::CancelSpeedTest);
        }
    });
}

fn figures_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    pf: &PreflightView<'_>,
    commands: &mut Vec<Command>,
) {
    let texts = view.texts;
    let log = view.live.session().preflight();
    match &log.speed {
        Some((SpeedOutcome::Measured(r), at)) => {
            let mut line = fill(
                texts.pf_figures,
                &[
                    &format!("{:.1}", r.download_mbps),
                    &format!("{:.0}", r.latency_ms),
                    &format!("{:.0}", r.jitter_ms),
                ],
            );
            if let Some(loaded) = r.loaded_latency_ms {
                line.push_str(" · ");
                line.push_str(&fill(texts.pf_loaded_latency, &[&format!("{loaded:.0}")]));
            }
            ui.label(RichText::new(line).font(theme::text(20.0)));
            let when = plan_time(view.live.plan(), *at, "%H:%M");
            ui.label(RichText::new(fill(texts.pf_tested, &[&r.server, &when])).color(theme::FAINT));
        }
        Some((SpeedOutcome::Failed { .. }, _)) | None => {
            ui.label(RichText::new(fill(texts.pf_server, &[pf.server])).color(theme::FAINT));
        }
    }
    ui.add_space(4.0);
    let label = if log.speed.is_some() {
        texts.pf_test_again
    } else {
        texts.pf_run_test
    };
    ui.horizontal(|ui| {
        if key_button(ui, label, KEY_TEST.name(), view.scale) {
            commands.push(Command::RunSpeedTest);
        }
    });
}
