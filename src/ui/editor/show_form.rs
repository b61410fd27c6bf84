//! The show as a whole: title, goal, host, when it starts (with its time zone) and the
//! running-time window.

use egui::RichText;

use crate::plan::{GoalKind, LocalTime, ScheduledStart};

use super::super::text::{EditorTexts, fill};
use super::super::theme;
use super::EditorState;
use super::fields::{labelled, opt_text, problems_ui};

/// Time zones offered first; any IANA name can be typed.
const ZONES: [&str; 8] = [
    "Asia/Taipei",
    "Asia/Hong_Kong",
    "Asia/Tokyo",
    "Europe/Helsinki",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "UTC",
];

/// The show tab.
pub fn show_ui(ui: &mut egui::Ui, state: &mut EditorState, t: &EditorTexts) {
    let wide = 640.0;
    egui::Grid::new("editor-show")
        .num_columns(2)
        .spacing([16.0, 10.0])
        .show(ui, |ui| {
            labelled(ui, t.title, |ui| {
                ui.add(egui::TextEdit::singleline(&mut state.plan.title).desired_width(wide))
            });
            ui.end_row();

            ui.label(RichText::new(t.goal).color(theme::DIM));
            ui.horizontal(|ui| {
                let goal = &mut state.plan.goal.kind;
                let label = match goal {
                    GoalKind::Engagement => t.goal_engagement,
                    GoalKind::Sales => t.goal_sales,
                    GoalKind::Credibility => t.goal_credibility,
                    GoalKind::Custom(_) => t.goal_custom,
                };
                egui::ComboBox::from_id_salt("editor-goal")
                    .selected_text(label)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(goal, GoalKind::Engagement, t.goal_engagement);
                        ui.selectable_value(goal, GoalKind::Sales, t.goal_sales);
                        ui.selectable_value(goal, GoalKind::Credibility, t.goal_credibility);
                        if ui
                            .selectable_label(matches!(goal, GoalKind::Custom(_)), t.goal_custom)
                            .clicked()
                            && !matches!(goal, GoalKind::Custom(_))
                        {
                            *goal = GoalKind::Custom(String::new());
                        }
                    });
                if let GoalKind::Custom(name) = goal {
                    ui.add(egui::TextEdit::singleline(name).desired_width(240.0));
                }
            });
            ui.end_row();

            labelled(ui, t.goal_summary, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut state.plan.goal.summary)
                        .desired_rows(2)
                        .desired_width(wide),
                )
            });
            ui.end_row();

            labelled(ui, t.host, |ui| {
                opt_text(ui, &mut state.plan.host, 320.0, t.host_hint)
            });
            ui.end_row();

            ui.label(RichText::new(t.scheduled).color(theme::DIM));
            schedule_ui(ui, state, t);
            ui.end_row();

            ui.label(RichText::new(t.target).color(theme::DIM));
            ui.horizontal(|ui| {
                let target = &mut state.plan.target;
                state.buffers.dur(ui, "target.min", &mut target.min, 80.0);
                ui.label("–");
                state.buffers.dur(ui, "target.max", &mut target.max, 80.0);
            });
            ui.end_row();
        });
    problems_ui(ui, t, state.problems_at("target"));
}

fn schedule_ui(ui: &mut egui::Ui, state: &mut EditorState, t: &EditorTexts) {
    ui.vertical(|ui| {
        let mut on = state.plan.scheduled_start.is_some();
        if ui.checkbox(&mut on, t.scheduled_on).changed() {
            state.plan.scheduled_start = on.then(|| ScheduledStart {
                date: chrono::Local::now().date_naive() + chrono::Days::new(7),
                time: LocalTime(chrono::NaiveTime::from_hms_opt(20, 0, 0).unwrap_or_default()),
                time_zone: local_zone(),
            });
        }
        let Some(start) = &mut state.plan.scheduled_start else {
            return;
        };
        ui.horizontal(|ui| {
            state.buffers.field(
                ui,
                "scheduled_start.date",
                &mut start.date,
                |d| d.format("%Y-%m-%d").to_string(),
                |text| {
                    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                        .map_err(|_| fill(t.bad_date, &[text]))
                },
                |buf| egui::TextEdit::singleline(buf).desired_width(130.0),
            );
            state.buffers.field(
                ui,
                "scheduled_start.time",
                &mut start.time,
                |time| time.0.format("%H:%M").to_string(),
                |text| {
                    chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M")
                        .map(LocalTime)
                        .map_err(|_| fill(t.bad_time, &[text]))
                },
                |buf| egui::TextEdit::singleline(buf).desired_width(70.0),
            );
            ui.add(egui::TextEdit::singleline(&mut start.time_zone).desired_width(180.0));
            egui::ComboBox::from_id_salt("editor-zone")
                .selected_text("")
                .width(24.0)
                .show_ui(ui, |ui| {
                    for zone in ZONES {
                        ui.selectable_value(&mut start.time_zone, zone.to_owned(), zone);
                    }
                });
        });
        if let Some(utc) = start.to_utc() {
            ui.label(
                RichText::new(fill_utc(t, utc))
                    .color(theme::FAINT)
                    .font(theme::text(13.0)),
            );
        }
        problems_ui(
            ui,
            t,
            state
                .problems
                .iter()
                .filter(|d| d.is_under("scheduled_start")),
        );
    });
}

fn fill_utc(t: &EditorTexts, utc: chrono::DateTime<chrono::Utc>) -> String {
    fill(
        t.scheduled_utc,
        &[&utc.format("%Y-%m-%d %H:%M UTC").to_string()],
    )
}

/// This computer's IANA zone when it can be told, else Taipei (livecue's first users).
fn local_zone() -> String {
    std::env::var("TZ")
        .ok()
        .filter(|z| z.parse::<chrono_tz::Tz>().is_ok())
        .or_else(|| {
            std::fs::read_link("/etc/localtime").ok().and_then(|p| {
                let text = p.to_string_lossy().into_owned();
                let zone = text.split("zoneinfo/").nth(1)?.to_owned();
                zone.parse::<chrono_tz::Tz>().is_ok().then_some(zone)
            })
        })
        .unwrap_or_else(|| "Asia/Taipei".to_owned())
}
