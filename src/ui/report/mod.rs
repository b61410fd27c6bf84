//! The report screen (F4): the show's statistics after (or during) the live — comments
//! per minute with the segments, planned against actual, what to follow up, questions,
//! words and commenters — with the exports `livecue report` writes. Past shows in the
//! folder of shows open from the list on the left.

mod chart;
mod jobs;
mod tables;

pub use jobs::{Exported, Loaded, ReportJobs};

use std::path::{Path, PathBuf};

use egui::RichText;

use super::controls::key_button;
use super::text::{fill, plan_time};
use super::theme;
use super::{Command, View};
use crate::plan::clock_text;
use crate::report::Report;
use crate::runner::ShowEntry;

/// Refresh the report (the show goes on, so its report grows).
pub const KEY_REFRESH: egui::Key = egui::Key::R;
/// Export into the show's folder.
pub const KEY_EXPORT: egui::Key = egui::Key::X;

/// What the screen shows beside the session.
pub struct ReportView<'a> {
    /// The shows in the folder of shows, newest first.
    pub shows: &'a [ShowEntry],
    /// This show's journal.
    pub current: Option<&'a Path>,
    /// The report being made or made.
    pub jobs: &'a ReportJobs,
}

/// The report screen's keys, read instead of the show's (Space must not move a show
/// from here).
pub fn report_keys(
    ctx: &egui::Context,
    current: Option<&Path>,
    jobs: &ReportJobs,
    commands: &mut Vec<Command>,
) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    ctx.input_mut(|input| {
        if input.consume_key(egui::Modifiers::NONE, KEY_REFRESH) {
            let shown = jobs.shown.as_ref().map(|(p, _)| p.as_path()).or(current);
            if let Some(path) = shown {
                commands.push(Command::OpenReport(path.to_owned()));
            }
        }
        if input.consume_key(egui::Modifiers::NONE, KEY_EXPORT) {
            commands.push(Command::ExportReport);
        }
    });
}

/// Where "Export" writes: `report/` in the show's folder, as `livecue report` does.
pub fn default_export_dir(journal: &Path) -> PathBuf {
    journal
        .parent()
        .map_or_else(|| PathBuf::from("report"), |dir| dir.join("report"))
}

/// The report screen.
pub fn report_screen_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    rv: &ReportView<'_>,
    commands: &mut Vec<Command>,
) {
    egui::Panel::left("report-shows")
        .exact_size(300.0)
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::same(12)),
        )
        .show(ui, |ui| shows_ui(ui, view, rv, commands));
    egui::CentralPanel::default()
        .frame(
            egui::Frame::NONE
                .fill(theme::BACKGROUND)
                .inner_margin(egui::Margin::same(20)),
        )
        .show(ui, |ui| {
            let texts = view.texts;
            match &rv.jobs.shown {
                None => {
                    ui.label(RichText::new(texts.report_none).color(theme::DIM));
                }
                Some((_, Loaded::Loading(_))) => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(texts.report_making);
                    });
                }
                Some((_, Loaded::Failed(why))) => {
                    ui.label(RichText::new(fill(texts.report_failed, &[why])).color(theme::RED));
                }
                Some((path, Loaded::Ready(report))) => {
                    report_ui(ui, view, rv, path, report, commands);
                }
            }
        });
}

fn shows_ui(ui: &mut egui::Ui, view: &View<'_>, rv: &ReportView<'_>, commands: &mut Vec<Command>) {
    let texts = view.texts;
    ui.label(RichText::new(texts.report_shows).strong().color(theme::DIM));
    ui.add_space(4.0);
    let shown = rv.jobs.shown.as_ref().map(|(p, _)| p.as_path());
    egui::ScrollArea::vertical()
        .id_salt("report-shows")
        .show(ui, |ui| {
            for show in rv.shows {
                let when = plan_time(view.live.plan(), show.opened, "%Y-%m-%d %H:%M");
                let this = rv.current == Some(show.journal.as_path());
                let mut label = if this {
                    format!("{} · {}", texts.report_this_show, when)
                } else {
                    when
                };
                if let Some(speed) = show.rehearsal {
                    // A rehearsal is never mistaken for a show that went out.
                    label = format!(
                        "{label} · {}",
                        super::text::fill(texts.editor.rehearsal_listed, &[&speed.to_string()])
                    );
                }
                let selected = shown == Some(show.journal.as_path());
                let text = RichText::new(format!("{label}\n{}", show.title));
                if ui.selectable_label(selected, text).clicked() {
                    commands.push(Command::OpenReport(show.journal.clone()));
                }
                ui.add_space(2.0);
            }
        });
}

fn report_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    rv: &ReportView<'_>,
    path: &Path,
    report: &Report,
    commands: &mut Vec<Command>,
) {
    let texts = view.texts;
    let show = &report.show;
    ui.horizontal(|ui| {
        ui.label(RichText::new(&show.title).font(theme::text(30.0)).strong());
        if let Some(start) = &show.local_start {
            // The report's weekday is English (its files are); the screen names it
            // from the catalogue.
            let weekday = chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%d %H:%M")
                .map(|t| {
                    use chrono::Datelike;
                    texts.weekdays[t.weekday().num_days_from_monday() as usize]
                })
                .unwrap_or_default();
            ui.label(
                RichText::new(format!("{weekday} {start} ({})", show.time_zone))
                    .font(theme::text(20.0))
                    .color(theme::DIM),
            );
        }
    });
    let c = &report.comments;
    let q = &report.questions;
    ui.label(
        RichText::new(fill(
            texts.report_headline,
            &[
                &clock_text(show.running_ms),
                &clock_text(show.planned_ms),
                &c.received.to_string(),
                &c.shown.to_string(),
                &c.hidden.to_string(),
                &report.commenters.unique.to_string(),
                &q.answered.to_string(),
                &q.left.to_string(),
            ],
        ))
        .font(theme::text(20.0)),
    );
    if let Some(peak) = &c.peak {
        ui.label(
            RichText::new(fill(
                texts.report_peak,
                &[
                    &peak.minute.to_string(),
                    &peak.comments.to_string(),
                    peak.segment.as_deref().unwrap_or("—"),
                ],
            ))
            .color(theme::DIM),
        );
    }
    if let Some(pf) = &report.preflight {
        let ticked = pf.checklist.iter().filter(|c| c.ticked).count();
        let upload = pf.speed.as_ref().map_or_else(
            || texts.report_not_tested.to_owned(),
            |r| format!("{:.1} Mbps", r.upload_mbps),
        );
        let line = fill(
            texts.report_preflight,
            &[
                &upload,
                &ticked.to_string(),
                &pf.checklist.len().to_string(),
            ],
        );
        let anyway = pf.went_live.as_deref() == Some("anyway");
        let line = if anyway {
            format!("{line} · {}", texts.report_went_anyway)
        } else {
            line
        };
        ui.label(RichText::new(line).color(if anyway { theme::AMBER } else { theme::DIM }));
    }
    if !show.plan_matches {
        ui.label(RichText::new(texts.report_other_plan).color(theme::AMBER));
    }
    ui.horizontal(|ui| {
        let scale = view.scale;
        if key_button(ui, texts.report_refresh, KEY_REFRESH.name(), scale) {
            commands.push(Command::OpenReport(path.to_owned()));
        }
        if key_button(ui, texts.report_export, KEY_EXPORT.name(), scale) {
            commands.push(Command::ExportReport);
        }
        if ui.button(texts.report_export_to).clicked() {
            commands.push(Command::ExportReportTo);
        }
        if rv.jobs.busy() {
            ui.spinner();
        }
        match &rv.jobs.exported {
            Some(Exported::Done(dir)) => {
                let line = fill(texts.report_exported, &[&dir.display().to_string()]);
                ui.label(RichText::new(line).color(theme::GREEN));
            }
            Some(Exported::Failed(why)) => {
                let line = fill(texts.report_export_failed, &[why]);
                ui.label(RichText::new(line).color(theme::RED));
            }
            None => {}
        }
    });
    ui.add_space(8.0);
    chart::chart_ui(ui, texts, report);
    ui.add_space(8.0);
    ui.columns(2, |columns| {
        egui::ScrollArea::vertical()
            .id_salt("report-left")
            .show(&mut columns[0], |ui| {
                tables::segments_ui(ui, texts, report);
                ui.add_space(12.0);
                tables::questions_ui(ui, texts, report);
            });
        egui::ScrollArea::vertical()
            .id_salt("report-right")
            .show(&mut columns[1], |ui| {
                tables::followups_ui(ui, texts, report);
                ui.add_space(12.0);
                tables::words_ui(ui, texts, report);
            });
    });
}
