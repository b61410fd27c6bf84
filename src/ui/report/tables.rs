//! The report's tables: segments planned against actual, the follow-up list,
//! questions, and the words and commenters.

use egui::RichText;

use crate::plan::clock_text;
use crate::questions::QuestionState;
use crate::report::{FollowupKind, Report, show_time};
use crate::ui::text::{Texts, fill};
use crate::ui::theme;

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.label(
        RichText::new(text)
            .font(theme::text(22.0))
            .strong()
            .color(theme::DIM),
    );
}

/// `+1:05` over, `−0:30` under.
fn signed(ms: i64) -> String {
    if ms >= 0 {
        format!("+{}", clock_text(ms))
    } else {
        format!("−{}", clock_text(-ms))
    }
}

/// Each segment: planned, actual, over or under, comments.
pub fn segments_ui(ui: &mut egui::Ui, texts: &Texts, report: &Report) {
    heading(ui, texts.summary_segments);
    egui::Grid::new("report-segments")
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for h in [
                texts.summary_segment,
                texts.summary_planned,
                texts.summary_actual,
                texts.report_over,
                texts.report_comments_axis,
            ] {
                ui.label(RichText::new(h).color(theme::FAINT));
            }
            ui.end_row();
            for s in &report.segments {
                ui.label(&s.title);
                ui.label(clock_text(s.planned_ms));
                if s.skipped || s.runs == 0 {
                    ui.label(RichText::new(texts.summary_skipped).color(theme::FAINT));
                    ui.label("");
                } else {
                    ui.label(clock_text(s.actual_ms));
                    let colour = if s.over_ms > 0 {
                        theme::AMBER
                    } else {
                        theme::GREEN
                    };
                    ui.label(RichText::new(signed(s.over_ms)).color(colour));
                }
                ui.label(s.comments.to_string());
                ui.end_row();
            }
        });
}

/// What to answer after the show, most urgent kind first.
pub fn followups_ui(ui: &mut egui::Ui, texts: &Texts, report: &Report) {
    heading(
        ui,
        &fill(
            texts.report_followups,
            &[&report.followups.len().to_string()],
        ),
    );
    if report.followups.is_empty() {
        ui.label(RichText::new(texts.report_nothing).color(theme::FAINT));
    }
    for f in &report.followups {
        let kind = match f.kind {
            FollowupKind::Marked => texts.report_marked,
            FollowupKind::Complaint => texts.report_complaint,
            FollowupKind::UnansweredQuestion => texts.report_unanswered,
        };
        let when = f.show_ms.map(show_time).unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(kind).color(theme::AMBER));
            if !f.user.is_empty() {
                ui.label(RichText::new(format!("@{}", f.user)).color(theme::BLUE));
            }
            ui.label(RichText::new(when).color(theme::FAINT));
            ui.label(crate::ui::sanitize_for_display(&f.text));
        });
    }
}

/// Every question with its state and askers.
pub fn questions_ui(ui: &mut egui::Ui, texts: &Texts, report: &Report) {
    let q = &report.questions;
    heading(
        ui,
        &fill(
            texts.report_questions,
            &[
                &q.total.to_string(),
                &q.answered.to_string(),
                &q.skipped.to_string(),
                &q.left.to_string(),
            ],
        ),
    );
    for row in &q.list {
        let (mark, colour) = match row.state {
            QuestionState::Answered => ("✔", theme::GREEN),
            QuestionState::Skipped => ("↷", theme::DIM),
            _ => ("•", theme::AMBER),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(mark).color(colour));
            ui.label(crate::ui::sanitize_for_display(&row.text));
            let mut askers: Vec<&str> = row.asker.iter().map(String::as_str).collect();
            askers.extend(row.also_asked_by.iter().map(String::as_str));
            if !askers.is_empty() {
                ui.label(
                    RichText::new(
                        askers
                            .iter()
                            .map(|a| format!("@{a}"))
                            .collect::<Vec<_>>()
                            .join(" "),
                    )
                    .color(theme::FAINT),
                );
            }
        });
    }
}

/// The most frequent words and the most active commenters.
pub fn words_ui(ui: &mut egui::Ui, texts: &Texts, report: &Report) {
    heading(ui, texts.report_words);
    ui.horizontal_wrapped(|ui| {
        for w in report.words.words.iter().take(20) {
            ui.label(RichText::new(format!("{} ×{}", w.text, w.count)).font(theme::text(18.0)));
        }
    });
    ui.add_space(8.0);
    heading(
        ui,
        &fill(
            texts.report_commenters,
            &[&report.commenters.unique.to_string()],
        ),
    );
    for c in report.commenters.top.iter().take(10) {
        ui.label(format!("@{} · {}", c.user, c.comments));
    }
}
