//! The host screen's timer column, top to bottom: the segment, its huge countdown
//! coloured by phase, show time and ahead/behind plan, talking points, the product card,
//! and the next segment pinned to the bottom.

use egui::{Align, Color32, Layout, RichText, Stroke};

use super::View;
use super::text::{Texts, fill};
use super::theme;
use chrono::{DateTime, Utc};

use crate::plan::{ScheduledStart, Segment, SegmentKind, bare_handle, clock_text};
use crate::show::{Phase, ShowState, Status, WindowCheck};

/// Segment title, countdown, show clock, talking points, product, next segment.
/// `banner_height` is what a cue banner took off the column's height: the countdown
/// keeps the size it has without one.
pub(super) fn timer_ui(ui: &mut egui::Ui, frame: &View<'_>, banner_height: f32) {
    if frame.status.state == ShowState::Ended {
        show_over_ui(ui, frame);
        return;
    }
    let index = frame.live.session().timeline().current();
    let shown_index = index.unwrap_or(0);
    let segment = frame.live.plan().segments.get(shown_index);

    segment_header_ui(ui, frame, shown_index, segment);
    countdown_ui(ui, frame, banner_height);
    show_clock_ui(ui, frame);
    ui.add_space(frame.scale.pt(8.0));
    ui.separator();
    if let Some(seg) = segment {
        talking_points_ui(ui, frame, seg);
        product_card_ui(ui, frame, seg);
    }
    next_segment_ui(ui, frame, index);
}

/// After the end: how long the show ran and where the summary is, in place of a
/// segment that is no longer on air.
fn show_over_ui(ui: &mut egui::Ui, frame: &View<'_>) {
    let texts = frame.texts;
    let scale = frame.scale;
    let ran = clock_text(frame.status.show_elapsed_ms);
    ui.label(
        RichText::new(texts.show_over)
            .font(theme::text(scale.pt(38.0)))
            .color(theme::TEXT)
            .strong(),
    );
    let size = (ui.available_width() / 3.4)
        .min(ui.available_height() * 0.30)
        .max(60.0);
    ui.vertical_centered(|ui| {
        ui.label(
            RichText::new(&ran)
                .font(theme::mono(size))
                .color(theme::DIM)
                .strong(),
        );
    });
    ui.label(
        RichText::new(fill(texts.show_ended, &[&ran]))
            .font(theme::text(scale.pt(32.0)))
            .color(theme::TEXT),
    );
    ui.label(
        RichText::new(fill(
            texts.see_summary,
            &[super::screen::Screen::Summary.key().name()],
        ))
        .font(theme::text(scale.pt(24.0)))
        .color(theme::DIM),
    );
}

/// "3 / 8  Title  PRODUCT".
fn segment_header_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    shown_index: usize,
    segment: Option<&Segment>,
) {
    let texts = frame.texts;
    let scale = frame.scale;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(fill(
                texts.segment_of,
                &[
                    &(shown_index + 1).to_string(),
                    &frame.live.plan().segments.len().to_string(),
                ],
            ))
            .font(theme::text(scale.pt(30.0)))
            .color(theme::DIM),
        );
        if let Some(seg) = segment {
            ui.add(
                egui::Label::new(
                    RichText::new(&seg.title)
                        .font(theme::text(scale.pt(38.0)))
                        .color(theme::TEXT)
                        .strong(),
                )
                .truncate(),
            );
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(
                    RichText::new(texts.kind(seg.kind))
                        .font(theme::text(scale.pt(22.0)))
                        .color(theme::DIM),
                );
            });
        }
    });
}

/// The countdown: the largest thing on screen.
fn countdown_ui(ui: &mut egui::Ui, frame: &View<'_>, banner_height: f32) {
    let (big, color) = countdown_text(frame);
    let size = (ui.available_width() / 3.4)
        .min((ui.available_height() + banner_height) * 0.30)
        .max(60.0);
    ui.vertical_centered(|ui| {
        ui.label(
            RichText::new(big)
                .font(theme::mono(size))
                .color(color)
                .strong(),
        );
    });
}

/// Show clock and ahead/behind plan, "ready" before the start, and the projected end.
fn show_clock_ui(ui: &mut egui::Ui, frame: &View<'_>) {
    let texts = frame.texts;
    let scale = frame.scale;
    let status = frame.status;
    let not_started = matches!(status.state, ShowState::NotStarted);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(clock_line_text(frame))
                .font(theme::text(scale.pt(32.0)))
                .color(theme::TEXT),
        );
        if !not_started {
            ui.add_space(scale.pt(30.0));
            let (text, color) = offset_text(status.offset_ms, texts);
            ui.label(
                RichText::new(text)
                    .font(theme::text(scale.pt(32.0)))
                    .color(color)
                    .strong(),
            );
        }
    });
    if not_started {
        ui.label(
            RichText::new(texts.ready_to_start)
                .font(theme::text(scale.pt(24.0)))
                .color(theme::DIM),
        );
    }
    projected_end_ui(ui, frame);
}

/// The scheduled start before the show, the show clock during it, the length after it.
fn clock_line_text(frame: &View<'_>) -> String {
    let texts = frame.texts;
    let status = frame.status;
    match status.state {
        ShowState::NotStarted => match &frame.live.plan().scheduled_start {
            Some(start) => scheduled_text(start, frame.wall_now, texts),
            None => String::new(),
        },
        ShowState::Running { .. } => show_clock_text(&status, texts),
        ShowState::Ended => fill(texts.show_ended, &[&clock_text(status.show_elapsed_ms)]),
    }
}

/// The scheduled start, before the show: a countdown on the day, the date further out,
/// and how long ago once it has passed (never "in 0:00").
fn scheduled_text(start: &ScheduledStart, now: DateTime<Utc>, texts: &Texts) -> String {
    let time = start.time.0.format("%H:%M").to_string();
    let Some(at) = start.to_utc() else {
        return fill(
            texts.scheduled_on,
            &[
                &start.date.format("%Y-%m-%d").to_string(),
                &time,
                &start.time_zone,
            ],
        );
    };
    let until_ms = (at - now).num_milliseconds();
    if until_ms < -60_000 {
        let day = texts.day(start.date);
        return fill(
            texts.scheduled_past,
            &[&day, &time, &ago_text(-until_ms, texts)],
        );
    }
    if until_ms <= 0 {
        return fill(texts.scheduled_now, &[&time]);
    }
    // A countdown only makes sense on the day; further out, the date.
    if until_ms < 12 * 3_600_000 {
        return fill(texts.scheduled_start, &[&time, &clock_text(until_ms)]);
    }
    fill(
        texts.scheduled_on,
        &[
            &start.date.format("%Y-%m-%d").to_string(),
            &time,
            &start.time_zone,
        ],
    )
}

/// "5 min", "3 h", "2 days": how long ago, roughly.
fn ago_text(ms: i64, texts: &Texts) -> String {
    let minutes = ms / 60_000;
    let (n, unit) = match minutes {
        0..=59 => (minutes.max(1), texts.minutes_short),
        60..=2879 => (minutes / 60, texts.hours_short),
        _ => (minutes / 1440, texts.days),
    };
    fill(unit, &[&n.to_string()])
}

/// When the show will end at this pace, against the target window.
fn projected_end_ui(ui: &mut egui::Ui, frame: &View<'_>) {
    let texts = frame.texts;
    let status = frame.status;
    let target = frame.live.plan().target;
    let window_line = fill(
        texts.projected_end,
        &[
            &clock_text(status.projected_end_ms),
            &clock_text(target.min.ms()),
            &clock_text(target.max.ms()),
        ],
    );
    let (window_extra, window_color) = match status.window {
        WindowCheck::Inside => (String::new(), theme::DIM),
        WindowCheck::Short { by_ms } => (
            format!(" — {}", fill(texts.window_short, &[&clock_text(by_ms)])),
            theme::AMBER,
        ),
        WindowCheck::Long { by_ms } => (
            format!(" — {}", fill(texts.window_long, &[&clock_text(by_ms)])),
            theme::RED,
        ),
    };
    ui.label(
        RichText::new(window_line + &window_extra)
            .font(theme::text(frame.scale.pt(24.0)))
            .color(window_color),
    );
}

/// The segment's talking points, one bullet each.
fn talking_points_ui(ui: &mut egui::Ui, frame: &View<'_>, segment: &Segment) {
    for point in &segment.talking_points {
        ui.add(
            egui::Label::new(
                RichText::new(format!("•  {point}"))
                    .font(theme::text(frame.scale.pt(28.0)))
                    .color(theme::TEXT),
            )
            .wrap(),
        );
    }
}

/// Name, price and discount code, during a product segment only.
fn product_card_ui(ui: &mut egui::Ui, frame: &View<'_>, segment: &Segment) {
    let texts = frame.texts;
    let scale = frame.scale;
    if segment.kind != SegmentKind::Product {
        return;
    }
    let Some(product) = segment
        .product
        .as_deref()
        .and_then(|id| frame.live.plan().product(id))
    else {
        return;
    };
    ui.add_space(scale.pt(12.0));
    egui::Frame::NONE
        .fill(theme::CARD)
        .stroke(Stroke::new(2.0, theme::GOLD))
        .corner_radius(8)
        .inner_margin(egui::Margin::same(14))
        .show(ui, |ui| {
            ui.label(
                RichText::new(texts.product)
                    .font(theme::text(scale.pt(18.0)))
                    .color(theme::GOLD),
            );
            ui.horizontal_wrapped(|ui| {
                let big = theme::text(scale.pt(40.0));
                ui.label(RichText::new(&product.name).font(big.clone()).strong());
                ui.add_space(scale.pt(20.0));
                ui.label(
                    RichText::new(&product.price)
                        .font(big.clone())
                        .color(theme::GOLD)
                        .strong(),
                );
                if let Some(code) = &product.discount_code {
                    ui.add_space(scale.pt(20.0));
                    ui.label(
                        RichText::new(fill(texts.code, &[code]))
                            .font(big)
                            .color(theme::GREEN)
                            .strong(),
                    );
                }
            });
        });
}

/// The next segment and when it starts, pinned to the bottom of the column; "last
/// segment" when there is none.
fn next_segment_ui(ui: &mut egui::Ui, frame: &View<'_>, current: Option<usize>) {
    let texts = frame.texts;
    let scale = frame.scale;
    let plan = frame.live.plan();
    let status = frame.status;
    ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
        let next_index = match status.state {
            ShowState::NotStarted => Some(1),
            ShowState::Running { index } => Some(index + 1),
            ShowState::Ended => None,
        };
        let Some(next) = next_index.and_then(|i| plan.segments.get(i).map(|s| (i, s))) else {
            if current.is_some() {
                ui.label(
                    RichText::new(texts.last_segment)
                        .font(theme::text(scale.pt(26.0)))
                        .color(theme::DIM),
                );
            }
            return;
        };
        let when = if current.is_some() {
            starts_in_text(status.remaining_ms, texts)
        } else {
            String::new()
        };
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(texts.next)
                    .font(theme::text(scale.pt(26.0)))
                    .color(theme::DIM)
                    .strong(),
            );
            ui.label(
                RichText::new(fill(
                    texts.segment_of,
                    &[&(next.0 + 1).to_string(), &plan.segments.len().to_string()],
                ))
                .font(theme::text(scale.pt(26.0)))
                .color(theme::DIM),
            );
            let mut title = next.1.title.clone();
            if let Some(g) = &next.1.guest {
                title.push_str(&format!("  @{}", bare_handle(g)));
            }
            ui.add(
                egui::Label::new(RichText::new(title).font(theme::text(scale.pt(26.0)))).truncate(),
            );
            ui.label(
                RichText::new(when)
                    .font(theme::text(scale.pt(26.0)))
                    .color(theme::DIM),
            );
        });
    });
}

/// "starts in 1:20", or "starts now" once the current segment's time is up.
fn starts_in_text(remaining_ms: i64, texts: &Texts) -> String {
    if remaining_ms > 0 {
        fill(
            texts.starts_in,
            &[&clock_text(ceil_to_second(remaining_ms))],
        )
    } else {
        texts.starts_now.to_owned()
    }
}

/// The big countdown text and its colour.
fn countdown_text(frame: &View<'_>) -> (String, Color32) {
    let status = frame.status;
    match status.state {
        ShowState::NotStarted => {
            let first = frame
                .live
                .plan()
                .segments
                .first()
                .map_or(0, |s| s.duration.ms());
            (clock_text(first), theme::DIM)
        }
        ShowState::Ended => (clock_text(status.show_elapsed_ms), theme::DIM),
        ShowState::Running { .. } => {
            if status.phase == Phase::Overtime {
                // Overtime counts up from zero; it flashes between red and dark red.
                let over = -status.remaining_ms;
                let color = if frame.flash_on {
                    theme::RED
                } else {
                    Color32::from_rgb(0x90, 0x20, 0x20)
                };
                (
                    format!("{}{}", frame.texts.overtime_sign, clock_text(over)),
                    color,
                )
            } else {
                (
                    clock_text(ceil_to_second(status.remaining_ms)),
                    theme::phase_color(status.phase),
                )
            }
        }
    }
}

/// Time left rounded up to the second, so "0:01" shows until time is really up.
fn ceil_to_second(ms: i64) -> i64 {
    (ms + 999).div_euclid(1000) * 1000
}

/// "show 12:34 / 1:05:00": time since the start against the planned running time.
pub fn show_clock_text(status: &Status, texts: &Texts) -> String {
    fill(
        texts.show_clock,
        &[
            &clock_text(status.show_elapsed_ms),
            &clock_text(status.planned_total_ms),
        ],
    )
}

/// "2:10 behind plan" / "0:45 ahead of plan" / "on plan", with its colour.
pub fn offset_text(offset_ms: i64, texts: &Texts) -> (String, Color32) {
    let secs = offset_ms / 1000;
    if secs > 0 {
        (
            format!("▲ {}", fill(texts.behind_plan, &[&clock_text(offset_ms)])),
            theme::AMBER,
        )
    } else if secs < 0 {
        (
            format!(
                "▼ {}",
                fill(texts.ahead_of_plan, &[&clock_text(-offset_ms)])
            ),
            theme::GREEN,
        )
    } else {
        (texts.on_plan.to_owned(), theme::DIM)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::LocalTime;
    use crate::ui::EN;

    fn start() -> ScheduledStart {
        ScheduledStart {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default(),
            time: LocalTime(chrono::NaiveTime::from_hms_opt(20, 0, 0).unwrap_or_default()),
            time_zone: "Asia/Taipei".into(),
        }
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn the_schedule_line_before_during_and_after_the_start() {
        // 20:00 in Taipei is 12:00 UTC.
        let line = |now| scheduled_text(&start(), at(now), &EN);
        assert_eq!(
            line("2026-11-25T12:00:00Z"),
            "scheduled 2026-11-28 20:00 (Asia/Taipei)"
        );
        assert_eq!(line("2026-11-28T11:15:30Z"), "scheduled 20:00 · in 44:30");
        assert_eq!(line("2026-11-28T12:00:20Z"), "scheduled 20:00 · now");
        assert_eq!(
            line("2026-11-28T12:15:00Z"),
            "scheduled Sat 28 Nov 20:00 — 15 min ago"
        );
        assert_eq!(
            line("2026-11-28T15:10:00Z"),
            "scheduled Sat 28 Nov 20:00 — 3 h ago"
        );
        assert_eq!(
            line("2026-11-30T12:30:00Z"),
            "scheduled Sat 28 Nov 20:00 — 2 days ago"
        );
        assert_eq!(
            line("2026-11-29T12:30:00Z"),
            "scheduled Sat 28 Nov 20:00 — 24 h ago"
        );
    }
}
