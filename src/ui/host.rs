//! The host screen: what the host reads in a glance from a metre or two away.
//!
//! Left: the segment, its huge countdown coloured by phase, show time and ahead/behind
//! plan, talking points, the product card, the next segment. Right: the next question
//! and the comment feed. Below: the cue banner (the only thing that flashes besides
//! overtime) and the status bar. The layout is fixed; comments never move the timer.

use egui::{Align, Color32, Layout, RichText, Stroke};

use super::feed::comment_feed_ui;
use super::text::{Texts, fill};
use super::theme;
use super::{Command, View, ViewState};
use crate::plan::{CueAction, SegmentKind, bare_handle, clock_text};
use crate::questions::QuestionKey;
use crate::session::Action;
use crate::show::{Phase, ShowState, Status, WindowCheck};

/// Everything below the window title: the host screen. `with_controls` adds the control
/// strip (single-window mode).
pub fn host_screen_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    view: &mut ViewState,
    with_controls: bool,
    commands: &mut Vec<Command>,
) {
    let scale = frame.scale;
    egui::Panel::bottom("status-bar")
        .exact_size(scale.pt(40.0).max(28.0))
        .frame(
            egui::Frame::NONE
                .fill(theme::BACKGROUND)
                .inner_margin(egui::Margin::symmetric(12, 4)),
        )
        .show(ui, |ui| status_bar_ui(ui, frame));
    if with_controls {
        egui::Panel::bottom("controls")
            .frame(
                egui::Frame::NONE
                    .fill(theme::BACKGROUND)
                    .inner_margin(egui::Margin::symmetric(12, 8)),
            )
            .show(ui, |ui| super::controls::controls_ui(ui, frame, commands));
    }
    if let Some(&cue) = frame.live.session().active_cues().first() {
        egui::Panel::bottom("cue-banner")
            .frame(
                egui::Frame::NONE
                    .fill(theme::CUE_BG[usize::from(frame.flash_on)])
                    .inner_margin(egui::Margin::symmetric(16, 10)),
            )
            .show(ui, |ui| cue_banner_ui(ui, frame, view, cue, commands));
    }
    let side_width = (ui.available_width() * 0.38).max(360.0);
    egui::Panel::right("side")
        .exact_size(side_width)
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::same(14)),
        )
        .show(ui, |ui| {
            question_card_ui(ui, frame, commands);
            ui.add_space(scale.pt(10.0));
            comment_feed_ui(ui, frame, &mut view.feed, commands);
        });
    egui::CentralPanel::default()
        .frame(
            egui::Frame::NONE
                .fill(theme::BACKGROUND)
                .inner_margin(egui::Margin::same(20)),
        )
        .show(ui, |ui| timer_ui(ui, frame));
}

/// Segment title, countdown, show clock, talking points, product, next segment.
fn timer_ui(ui: &mut egui::Ui, frame: &View<'_>) {
    let texts = frame.texts;
    let scale = frame.scale;
    let plan = frame.live.plan();
    let status = frame.status;
    let index = frame.live.session().timeline().current();
    let shown_index = index.unwrap_or(0);
    let segment = plan.segments.get(shown_index);

    // Header: "3 / 8  Title  PRODUCT".
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(fill(
                texts.segment_of,
                &[
                    &(shown_index + 1).to_string(),
                    &plan.segments.len().to_string(),
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

    // The countdown: the largest thing on screen.
    let (big, color) = countdown_text(frame);
    let size = (ui.available_width() / 3.4)
        .min(ui.available_height() * 0.30)
        .max(60.0);
    ui.vertical_centered(|ui| {
        ui.label(
            RichText::new(big)
                .font(theme::mono(size))
                .color(color)
                .strong(),
        );
    });

    // Show clock and ahead/behind.
    ui.horizontal(|ui| {
        let line = match status.state {
            ShowState::NotStarted => match &plan.scheduled_start {
                Some(start) => match start.to_utc() {
                    // A countdown only makes sense on the day; further out, the date.
                    Some(at) if (at - frame.wall_now).num_hours() < 12 => {
                        let until = (at - frame.wall_now).num_milliseconds().max(0);
                        fill(
                            texts.scheduled_start,
                            &[
                                &start.time.0.format("%H:%M").to_string(),
                                &clock_text(until),
                            ],
                        )
                    }
                    _ => fill(
                        texts.scheduled_on,
                        &[
                            &start.date.format("%Y-%m-%d").to_string(),
                            &start.time.0.format("%H:%M").to_string(),
                            &start.time_zone,
                        ],
                    ),
                },
                None => String::new(),
            },
            ShowState::Running { .. } => show_clock_text(&status, texts),
            ShowState::Ended => fill(texts.show_ended, &[&clock_text(status.show_elapsed_ms)]),
        };
        ui.label(
            RichText::new(line)
                .font(theme::text(scale.pt(32.0)))
                .color(theme::TEXT),
        );
        if !matches!(status.state, ShowState::NotStarted) {
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
    if matches!(status.state, ShowState::NotStarted) {
        ui.label(
            RichText::new(texts.ready_to_start)
                .font(theme::text(scale.pt(24.0)))
                .color(theme::DIM),
        );
    }
    let target = plan.target;
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
            .font(theme::text(scale.pt(24.0)))
            .color(window_color),
    );
    ui.add_space(scale.pt(8.0));
    ui.separator();

    // Talking points.
    if let Some(seg) = segment {
        for point in &seg.talking_points {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("•  {point}"))
                        .font(theme::text(scale.pt(28.0)))
                        .color(theme::TEXT),
                )
                .wrap(),
            );
        }
    }

    // Product card during a product segment.
    if let Some(seg) = segment
        && seg.kind == SegmentKind::Product
        && let Some(product) = seg.product.as_deref().and_then(|id| plan.product(id))
    {
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

    // Next segment, pinned to the bottom of the column.
    ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
        let next_index = match status.state {
            ShowState::NotStarted => Some(1),
            ShowState::Running { index } => Some(index + 1),
            ShowState::Ended => None,
        };
        let Some(next) = next_index.and_then(|i| plan.segments.get(i).map(|s| (i, s))) else {
            if index.is_some() {
                ui.label(
                    RichText::new(texts.last_segment)
                        .font(theme::text(scale.pt(26.0)))
                        .color(theme::DIM),
                );
            }
            return;
        };
        let when = if index.is_some() {
            if status.remaining_ms > 0 {
                fill(
                    texts.starts_in,
                    &[&clock_text(ceil_to_second(status.remaining_ms))],
                )
            } else {
                texts.starts_now.to_owned()
            }
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

/// The next question, with how many asked and the keys to move on.
fn question_card_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    let texts = frame.texts;
    let scale = frame.scale;
    let upcoming = frame.live.session().questions().upcoming();
    egui::Frame::NONE
        .fill(theme::CARD)
        .corner_radius(8)
        .inner_margin(egui::Margin::same(14))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(texts.next_question)
                        .font(theme::text(scale.pt(20.0)))
                        .color(theme::DIM)
                        .strong(),
                );
                if let Some(q) = upcoming.first()
                    && q.times_asked() > 1
                {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        ui.label(
                            RichText::new(fill(texts.times_asked, &[&q.times_asked().to_string()]))
                                .font(theme::text(scale.pt(20.0)))
                                .color(theme::BLUE)
                                .strong(),
                        );
                    });
                }
            });
            let Some(q) = upcoming.first() else {
                ui.label(
                    RichText::new(texts.no_questions)
                        .font(theme::text(scale.pt(24.0)))
                        .color(theme::FAINT),
                );
                return;
            };
            ui.add(
                egui::Label::new(
                    RichText::new(super::sanitize_for_display(&q.text))
                        .font(theme::text(scale.pt(32.0)))
                        .color(theme::TEXT)
                        .strong(),
                )
                .wrap(),
            );
            let mut askers: Vec<String> = q
                .asker
                .iter()
                .chain(q.also_asked_by.iter())
                .filter(|a| !a.is_empty())
                .map(|a| format!("@{}", bare_handle(a)))
                .collect();
            let extra = askers.len().saturating_sub(3);
            askers.truncate(3);
            let mut who = askers.join("  ");
            if extra > 0 {
                who.push_str(&format!(
                    "  {}",
                    fill(texts.and_more, &[&extra.to_string()])
                ));
            }
            if matches!(q.key, QuestionKey::Planned(_)) {
                who.push_str(&format!("  · {}", texts.from_sticker));
            }
            ui.label(
                RichText::new(super::sanitize_for_display(&who))
                    .font(theme::text(scale.pt(20.0)))
                    .color(theme::DIM),
            );
            ui.horizontal(|ui| {
                let key = q.key.clone();
                if super::controls::key_button(
                    ui,
                    texts.answered,
                    super::controls::KEY_ANSWERED.name(),
                    scale,
                ) {
                    commands.push(Command::Live(Action::SetQuestionState(
                        key.clone(),
                        crate::questions::QuestionState::Answered,
                    )));
                }
                if super::controls::key_button(
                    ui,
                    texts.skip,
                    super::controls::KEY_SKIP.name(),
                    scale,
                ) {
                    commands.push(Command::Live(Action::SetQuestionState(
                        key,
                        crate::questions::QuestionState::Skipped,
                    )));
                }
                let more = upcoming.len() - 1;
                if more > 0 {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        ui.label(
                            RichText::new(fill(texts.more_queued, &[&more.to_string()]))
                                .font(theme::text(scale.pt(18.0)))
                                .color(theme::DIM),
                        );
                    });
                }
            });
        });
}

/// The banner for the oldest active cue: what to do, a thumbnail or the guest's topics,
/// and the key to dismiss it.
fn cue_banner_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    view: &mut ViewState,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let texts = frame.texts;
    let scale = frame.scale;
    let plan = frame.live.plan();
    let Some(cue) = plan.cues.get(index) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("⚠ {}", texts.cue))
                .font(theme::text(scale.pt(30.0)))
                .color(theme::GOLD)
                .strong(),
        );
        if let CueAction::ShareMedia(id) = &cue.what
            && let Some(texture) = view.thumbnails.texture(ui.ctx(), id)
        {
            let height = scale.pt(90.0);
            let size = texture.size_vec2();
            let width = size.x * height / size.y.max(1.0);
            ui.add(
                egui::Image::new(&texture)
                    .fit_to_exact_size(egui::vec2(width, height))
                    .alt_text(id.as_str()),
            );
        }
        ui.vertical(|ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(super::sanitize_for_display(
                        &texts.cue_action(&cue.what, plan),
                    ))
                    .font(theme::text(scale.pt(32.0)))
                    .color(theme::TEXT)
                    .strong(),
                )
                .wrap(),
            );
            if let CueAction::InviteGuest(handle) = &cue.what
                && let Some(guest) = plan.guest(handle)
                && !guest.topics.is_empty()
            {
                ui.label(
                    RichText::new(fill(
                        texts.topics,
                        &[&guest.topics.join(texts.list_separator)],
                    ))
                    .font(theme::text(scale.pt(24.0)))
                    .color(theme::TEXT),
                );
            }
        });
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if super::controls::key_button(ui, texts.cue_done, texts.key_enter, scale) {
                commands.push(Command::Live(Action::DismissCue(index)));
            }
            if cue.sound {
                ui.label(
                    RichText::new("♪")
                        .font(theme::text(scale.pt(28.0)))
                        .color(theme::GOLD),
                );
            }
        });
    });
}

/// Source state, comments per minute, journal, audio, key hints.
fn status_bar_ui(ui: &mut egui::Ui, frame: &View<'_>) {
    let texts = frame.texts;
    let font = theme::text(frame.scale.pt(18.0).max(13.0));
    ui.horizontal_centered(|ui| {
        for (text, color) in &frame.status_items {
            ui.label(RichText::new(text).font(font.clone()).color(*color));
            ui.add_space(14.0);
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(texts.key_hints)
                        .font(font.clone())
                        .color(theme::FAINT),
                )
                .truncate(),
            );
        });
    });
}
