//! The summary screen: what the show was, read in one look after "End show" (and a
//! look at the show so far while it runs). Running time against the plan, each
//! segment planned against actual, comments shown and hidden, questions answered and
//! left, cues fired. The on-air controls are not here: the show is over.

use egui::{Color32, RichText};

use super::text::{Texts, fill};
use super::theme;
use super::{Command, View};
use crate::plan::clock_text;
use crate::session::{SegmentSummary, ShowSummary, summarize};
use crate::show::{ShowState, WindowCheck};

/// The summary screen.
pub fn summary_screen_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let summary = summarize(view.live.session(), view.live.now_ms());
    let texts = view.texts;
    egui::CentralPanel::default()
        .frame(
            egui::Frame::NONE
                .fill(theme::BACKGROUND)
                .inner_margin(egui::Margin::same(24)),
        )
        .show(ui, |ui| {
            heading_ui(ui, view, &summary, commands);
            ui.add_space(16.0);
            ui.columns(2, |columns| {
                segments_ui(&mut columns[0], texts, &summary.segments);
                egui::ScrollArea::vertical()
                    .id_salt("summary-side")
                    .show(&mut columns[1], |ui| {
                        comments_ui(ui, texts, &summary);
                        ui.add_space(14.0);
                        questions_ui(ui, texts, &summary);
                        ui.add_space(14.0);
                        follow_ups_ui(ui, view);
                    });
            });
        });
}

fn heading_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    summary: &ShowSummary,
    commands: &mut Vec<Command>,
) {
    let texts = view.texts;
    let ended = summary.state == ShowState::Ended;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(if ended {
                texts.summary_ended
            } else {
                texts.summary_so_far
            })
            .font(theme::text(34.0))
            .strong()
            .color(theme::TEXT),
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
    let running = &summary.running;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(fill(
                texts.summary_running_time,
                &[
                    &clock_text(running.actual_ms),
                    &clock_text(running.planned_ms),
                ],
            ))
            .font(theme::text(26.0))
            .color(theme::TEXT),
        );
        let (over, color) = over_text(running.over_ms, texts);
        ui.label(RichText::new(over).font(theme::text(26.0)).color(color));
        let (window, color) = match running.window {
            WindowCheck::Inside => (
                fill(
                    texts.summary_in_window,
                    &[
                        &clock_text(running.target_min_ms),
                        &clock_text(running.target_max_ms),
                    ],
                ),
                theme::GREEN,
            ),
            WindowCheck::Short { by_ms } => (
                fill(texts.window_short, &[&clock_text(by_ms)]),
                theme::AMBER,
            ),
            WindowCheck::Long { by_ms } => {
                (fill(texts.window_long, &[&clock_text(by_ms)]), theme::AMBER)
            }
        };
        ui.label(RichText::new(window).font(theme::text(20.0)).color(color));
    });
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(fill(
                texts.summary_cues,
                &[
                    &summary.cues.fired.to_string(),
                    &summary.cues.planned.to_string(),
                ],
            ))
            .color(theme::DIM),
        );
        ui.add_space(16.0);
        if ui.button(texts.summary_report).clicked() {
            commands.push(Command::ShowScreen(super::Screen::Report));
        }
        if ended && ui.button(texts.summary_new_show).clicked() {
            commands.push(Command::AskNewShow);
        }
    });
}

/// "+2:10 over" in amber, "1:05 under" in green, "on time" in white.
fn over_text(over_ms: i64, texts: &Texts) -> (String, Color32) {
    if over_ms.abs() < 1000 {
        (texts.summary_on_time.to_owned(), theme::TEXT)
    } else if over_ms > 0 {
        (
            fill(texts.summary_over, &[&clock_text(over_ms)]),
            theme::AMBER,
        )
    } else {
        (
            fill(texts.summary_under, &[&clock_text(-over_ms)]),
            theme::GREEN,
        )
    }
}

fn segments_ui(ui: &mut egui::Ui, texts: &Texts, segments: &[SegmentSummary]) {
    ui.label(
        RichText::new(texts.summary_segments)
            .color(theme::DIM)
            .strong(),
    );
    egui::ScrollArea::vertical()
        .id_salt("summary-segments")
        .show(ui, |ui| {
            egui::Grid::new("summary-segments-grid")
                .num_columns(5)
                .spacing([18.0, 8.0])
                .striped(true)
                .show(ui, |ui| {
                    for header in [
                        "",
                        texts.summary_segment,
                        texts.summary_planned,
                        texts.summary_actual,
                        "",
                    ] {
                        ui.label(RichText::new(header).color(theme::FAINT));
                    }
                    ui.end_row();
                    for seg in segments {
                        segment_row_ui(ui, texts, seg);
                        ui.end_row();
                    }
                });
        });
}

fn segment_row_ui(ui: &mut egui::Ui, texts: &Texts, seg: &SegmentSummary) {
    let mono =
        |text: String, color: Color32| RichText::new(text).font(theme::mono(18.0)).color(color);
    ui.label(mono(format!("{:>2}", seg.index + 1), theme::DIM));
    // Whole titles: the grid sizes its column to them (truncating would leave one glyph).
    ui.label(RichText::new(&seg.title).font(theme::text(18.0)));
    ui.label(mono(clock_text(seg.planned_ms), theme::DIM));
    if seg.skipped {
        ui.label(mono("—".to_owned(), theme::FAINT));
        ui.label(RichText::new(texts.summary_skipped).color(theme::FAINT));
        return;
    }
    ui.label(mono(clock_text(seg.actual_ms), theme::TEXT));
    let (over, color) = over_text(seg.over_ms, texts);
    let mut note = over;
    if seg.runs > 1 {
        note.push_str(" · ");
        note.push_str(&fill(texts.summary_runs, &[&seg.runs.to_string()]));
    }
    ui.label(RichText::new(note).color(color));
}

fn comments_ui(ui: &mut egui::Ui, texts: &Texts, summary: &ShowSummary) {
    let c = &summary.comments;
    ui.label(
        RichText::new(texts.summary_comments)
            .color(theme::DIM)
            .strong(),
    );
    ui.label(
        RichText::new(fill(
            texts.summary_comment_counts,
            &[
                &c.received.to_string(),
                &c.shown.to_string(),
                &c.hidden.to_string(),
            ],
        ))
        .font(theme::text(20.0)),
    );
    for (reason, n) in c.hidden_by_reason.iter().filter(|(_, n)| *n > 0) {
        ui.label(RichText::new(format!("   {n} × {}", texts.reason(*reason))).color(theme::DIM));
    }
}

fn questions_ui(ui: &mut egui::Ui, texts: &Texts, summary: &ShowSummary) {
    let q = &summary.questions;
    ui.label(
        RichText::new(texts.summary_questions)
            .color(theme::DIM)
            .strong(),
    );
    let mut counts = fill(
        texts.summary_question_counts,
        &[
            &q.answered.to_string(),
            &q.skipped.to_string(),
            &q.left.to_string(),
        ],
    );
    if q.dismissed > 0 {
        counts.push_str(&fill(texts.summary_dismissed, &[&q.dismissed.to_string()]));
    }
    ui.label(RichText::new(counts).font(theme::text(20.0)));
    if !q.left_questions.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(texts.summary_left).color(theme::DIM));
        for left in &q.left_questions {
            let asker = left
                .asker
                .as_deref()
                .map(|a| format!("@{} ", crate::plan::bare_handle(a)))
                .unwrap_or_default();
            let times = if left.times_asked > 1 {
                format!(" ×{}", left.times_asked)
            } else {
                String::new()
            };
            ui.add(
                egui::Label::new(format!(
                    "• {asker}{}{times}",
                    super::sanitize_for_display(&left.text)
                ))
                .wrap(),
            );
        }
    }
}

/// Questions and comments marked "follow up after the show", oldest mark first.
fn follow_ups_ui(ui: &mut egui::Ui, view: &View<'_>) {
    let marks = crate::session::follow_ups(view.live.session());
    if marks.is_empty() {
        return;
    }
    ui.label(
        RichText::new(view.texts.summary_follow_ups)
            .color(theme::DIM)
            .strong(),
    );
    for mark in marks {
        let who = mark
            .user
            .as_deref()
            .map(|u| format!("@{} ", crate::plan::bare_handle(u)))
            .unwrap_or_default();
        ui.add(
            egui::Label::new(format!(
                "• {}{}",
                super::sanitize_for_display(&who),
                super::sanitize_for_display(&mark.text)
            ))
            .wrap(),
        );
    }
}
