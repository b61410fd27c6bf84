//! The producer's window while the host screen is detached: the control strip, the
//! missed cues, the rundown with jumps (undoable), the question panel and the feed.

use egui::RichText;

use super::controls::{KEY_UNDO, controls_ui, undo_button, undo_target};
use super::feed::comment_feed_ui;
use super::questions::question_panel_ui;
use super::text::fill;
use super::theme::{self, Scale};
use super::timer::{offset_text, show_clock_text};
use super::{Command, View, ViewState};
use crate::plan::clock_text;
use crate::session::Action;
use crate::show::Missed;

/// The producer's window: controls on top; the rundown on the left, the question panel in
/// the middle, the feed on the right.
pub fn producer_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    // The producer window is read from closer than the host screen: smaller type.
    let frame = &View {
        scale: Scale { k: 0.8 },
        ..frame.clone()
    };
    super::status::status_bar_panel(ui, frame);
    egui::Panel::top("producer-controls")
        .frame(
            egui::Frame::NONE
                .fill(theme::BACKGROUND)
                .inner_margin(egui::Margin::same(10)),
        )
        .show(ui, |ui| producer_controls_ui(ui, frame, commands));
    let width = ui.available_width();
    egui::Panel::left("producer-rundown")
        .default_size(width * 0.24)
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::same(10)),
        )
        .show(ui, |ui| {
            ui.label(
                RichText::new(frame.texts.rundown)
                    .color(theme::DIM)
                    .strong(),
            );
            egui::ScrollArea::vertical()
                .id_salt("rundown")
                .show(ui, |ui| {
                    super::remote::remote_ui(ui, frame, &mut view.qr, commands);
                    missed_cues_ui(ui, frame, commands);
                    rundown_ui(ui, frame, commands);
                });
        });
    egui::Panel::right("producer-feed")
        .default_size(width * 0.3)
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::same(10)),
        )
        .show(ui, |ui| {
            comment_feed_ui(ui, frame, &mut view.producer_feed, true, commands);
        });
    egui::CentralPanel::default()
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::same(10)),
        )
        .show(ui, |ui| {
            question_panel_ui(ui, frame, &mut view.questions, commands);
        });
}

/// The detached note, the control strip, the display buttons and the show clock.
fn producer_controls_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    ui.label(RichText::new(frame.texts.host_detached_note).color(theme::DIM));
    controls_ui(ui, frame, commands);
    if let Some(seg) = frame
        .jumped_to
        .and_then(|i| frame.live.plan().segments.get(i))
    {
        ui.label(
            RichText::new(fill(
                frame.texts.jumped_notice,
                &[&seg.title, KEY_UNDO.name()],
            ))
            .color(theme::AMBER),
        );
    }
    display_buttons_ui(ui, frame, commands);
    producer_clock_ui(ui, frame);
}

/// One button per display that exists, to put the host screen fullscreen on; none
/// when the displays are not known (F11 still works).
fn display_buttons_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    if frame.displays.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        for (n, display) in frame.displays.iter().enumerate() {
            if ui
                .button(fill(
                    frame.texts.fullscreen_on_display,
                    &[&(n + 1).to_string()],
                ))
                .on_hover_text(display.describe())
                .clicked()
            {
                commands.push(Command::FullscreenOnDisplay(n));
            }
        }
    });
}

/// Show clock and ahead/behind plan, as on the host screen but smaller.
fn producer_clock_ui(ui: &mut egui::Ui, frame: &View<'_>) {
    let texts = frame.texts;
    let (offset, color) = offset_text(frame.status.offset_ms, texts);
    ui.horizontal(|ui| {
        ui.label(RichText::new(show_clock_text(&frame.status, texts)).font(theme::text(22.0)));
        ui.label(RichText::new(offset).font(theme::text(22.0)).color(color));
    });
}

/// Every segment with its planned start and length; the current one in gold, the
/// others with a jump button once the show runs.
fn rundown_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    if let Some(title) = undo_target(frame) {
        ui.horizontal(|ui| {
            if undo_button(ui, frame, title) {
                commands.push(Command::Live(Action::Undo));
            }
            ui.add(
                egui::Label::new(
                    RichText::new(fill(frame.texts.undo_hint, &[title])).color(theme::DIM),
                )
                .truncate(),
            );
        });
    }
    let plan = frame.live.plan();
    let current = frame.live.session().timeline().current();
    let starts = plan.planned_starts();
    for (i, seg) in plan.segments.iter().enumerate() {
        ui.horizontal(|ui| {
            let color = if Some(i) == current {
                theme::GOLD
            } else {
                theme::TEXT
            };
            ui.label(
                RichText::new(format!(
                    "{:>2}  {:>5}  {:>5}",
                    i + 1,
                    clock_text(starts[i].ms()),
                    clock_text(seg.duration.ms())
                ))
                .font(theme::mono(16.0))
                .color(color),
            );
            // The jump button before the title, so a long title is cut short instead of
            // pushing the button out of the row.
            let jump = egui::Button::new(frame.texts.jump);
            if current.is_some() && Some(i) != current {
                if ui.add(jump).on_hover_text(&seg.title).clicked() {
                    commands.push(Command::Live(Action::JumpTo(i)));
                }
            } else {
                ui.add_visible(false, jump);
            }
            ui.add(egui::Label::new(RichText::new(&seg.title).color(color)).truncate());
        });
    }
}

/// Cues whose segment was skipped or cut short, each with "Fire now"; nothing when
/// there are none.
fn missed_cues_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    let texts = frame.texts;
    let plan = frame.live.plan();
    let missed = frame.live.session().missed_cues();
    if missed.is_empty() {
        return;
    }
    ui.label(
        RichText::new(texts.missed_cues)
            .color(theme::AMBER)
            .strong(),
    );
    let running = frame.live.session().timeline().current().is_some();
    for m in missed {
        let Some(cue) = plan.cues.get(m.index) else {
            continue;
        };
        let why = match m.why {
            Missed::Skipped => texts.missed_skipped,
            Missed::CutShort => texts.missed_cut_short,
        };
        ui.horizontal(|ui| {
            if running && ui.button(texts.fire_now).clicked() {
                commands.push(Command::Live(Action::FireCue(m.index)));
            }
            ui.add(
                egui::Label::new(format!(
                    "{} — {why}",
                    super::sanitize_for_display(&texts.cue_action(&cue.what, plan))
                ))
                .truncate(),
            );
        });
    }
    ui.add_space(12.0);
}
