//! Controls: every action has a button and a key. The keyboard (or the producer) drives
//! the show; the host never needs the mouse. The keys themselves are read in
//! [`keys`](super::keys).

use egui::{Key, RichText};

use super::theme::{self, Scale};
use super::{Command, View};
use crate::session::Action;
use crate::show::ShowState;

/// The keys of the question and toggle buttons: printed beside the buttons and read
/// by [`keys`](super::keys::keys).
pub(super) const KEY_ANSWERED: Key = Key::A;
pub(super) const KEY_SKIP: Key = Key::S;
pub(super) const KEY_HIDDEN: Key = Key::H;
pub(super) const KEY_MUTE: Key = Key::M;
pub(super) const KEY_FULLSCREEN: Key = Key::F11;
pub(super) const KEY_SOURCE: Key = Key::O;
pub(super) const KEY_DETACH: Key = Key::D;
pub(super) const KEY_END: Key = Key::E;
pub(super) const KEY_UNDO: Key = Key::Z;
pub(super) const KEY_ADD_HALF_MINUTE: Key = Key::CloseBracket;
pub(super) const KEY_REMOVE_HALF_MINUTE: Key = Key::OpenBracket;

/// What the `−`/`+` buttons and keys take off or add.
pub(super) const MINUTE_MS: i64 = 60_000;
/// What the `[`/`]` buttons and keys take off or add.
pub(super) const HALF_MINUTE_MS: i64 = 30_000;

/// A button with its key printed beside it. Returns true when clicked.
pub fn key_button(ui: &mut egui::Ui, label: &str, key: &str, scale: Scale) -> bool {
    key_button_with_hint(ui, label, key, scale, theme::FAINT)
}

/// A button with its key printed beside it in `hint` (for coloured backgrounds, where
/// the usual faint hint is too weak). Returns true when clicked.
pub fn key_button_with_hint(
    ui: &mut egui::Ui,
    label: &str,
    key: &str,
    scale: Scale,
    hint: egui::Color32,
) -> bool {
    let clicked = ui
        .add(egui::Button::new(
            RichText::new(label).font(theme::text(scale.pt(20.0).max(15.0))),
        ))
        .clicked();
    ui.label(
        RichText::new(key)
            .font(theme::mono(scale.pt(16.0).max(12.0)))
            .color(hint),
    );
    clicked
}

/// Next, previous, undo, and a minute or thirty seconds less or more on the segment
/// on air.
fn show_moves_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    let texts = frame.texts;
    let scale = frame.scale;
    if key_button(ui, texts.next_segment, texts.key_space, scale) {
        commands.push(Command::Live(Action::NextSegment));
    }
    if key_button(ui, texts.previous_segment, texts.key_backspace, scale) {
        commands.push(Command::Live(Action::PreviousSegment));
    }
    if let Some(title) = undo_target(frame)
        && undo_button(ui, frame, title)
    {
        commands.push(Command::Live(Action::Undo));
    }
    let times = [
        (texts.remove_minute, "−", -MINUTE_MS),
        (
            texts.remove_half_minute,
            KEY_REMOVE_HALF_MINUTE.symbol_or_name(),
            -HALF_MINUTE_MS,
        ),
        (
            texts.add_half_minute,
            KEY_ADD_HALF_MINUTE.symbol_or_name(),
            HALF_MINUTE_MS,
        ),
        (texts.add_minute, "+", MINUTE_MS),
    ];
    for (label, key, delta_ms) in times {
        if key_button(ui, label, key, scale) {
            commands.push(Command::Live(Action::AdjustTime { delta_ms }));
        }
    }
}

/// The title of the segment undo would bring back, if there is a move to undo.
pub(super) fn undo_target<'a>(frame: &View<'a>) -> Option<&'a str> {
    let index = frame.live.session().timeline().undo_index()?;
    frame
        .live
        .plan()
        .segments
        .get(index)
        .map(|s| s.title.as_str())
}

/// "Undo Z", saying where it goes back to on hover. Returns true when clicked.
pub(super) fn undo_button(ui: &mut egui::Ui, frame: &View<'_>, title: &str) -> bool {
    let scale = frame.scale;
    let clicked = ui
        .add(egui::Button::new(
            RichText::new(frame.texts.undo).font(theme::text(scale.pt(20.0).max(15.0))),
        ))
        .on_hover_text(super::text::fill(frame.texts.undo_hint, &[title]))
        .clicked();
    ui.label(
        RichText::new(KEY_UNDO.name())
            .font(theme::mono(scale.pt(16.0).max(12.0)))
            .color(theme::FAINT),
    );
    clicked
}

/// The control strip under the host screen (and in the producer window).
pub fn controls_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    let texts = frame.texts;
    let scale = frame.scale;
    ui.horizontal_wrapped(|ui| {
        // Compact below 2000 points, so the strip stays one row at 1280×720 and in a
        // maximized 1080p window: with the full spacing it needs about 1,940.
        if ui.available_width() < 2000.0 {
            let spacing = ui.spacing_mut();
            spacing.item_spacing.x = 4.0;
            spacing.button_padding = egui::vec2(5.0, 4.0);
        }
        let running = matches!(frame.status.state, ShowState::Running { .. });
        // Only what moves the show now: Start before it, nothing after it.
        match frame.status.state {
            ShowState::NotStarted => {
                if key_button(ui, texts.start, texts.key_space, scale) {
                    commands.push(Command::Live(Action::StartShow));
                }
                ui.separator();
            }
            ShowState::Running { .. } => {
                show_moves_ui(ui, frame, commands);
                ui.separator();
            }
            ShowState::Ended => {}
        }
        let hidden_label = if frame.show_hidden {
            texts.hide_hidden
        } else {
            texts.show_hidden
        };
        if key_button(ui, hidden_label, KEY_HIDDEN.name(), scale) {
            commands.push(Command::ToggleHidden);
        }
        let mute_label = if frame.muted {
            texts.unmute
        } else {
            texts.mute
        };
        if key_button(ui, mute_label, KEY_MUTE.name(), scale) {
            commands.push(Command::ToggleMute);
        }
        if key_button(ui, texts.fullscreen, KEY_FULLSCREEN.name(), scale) {
            commands.push(Command::ToggleFullscreen);
        }
        if key_button(ui, texts.source_button, KEY_SOURCE.name(), scale) {
            commands.push(Command::OpenSourceDialog);
        }
        let detach_label = if frame.detached {
            texts.attach
        } else {
            texts.detach
        };
        if key_button(ui, detach_label, KEY_DETACH.name(), scale) {
            commands.push(Command::ToggleDetached);
        }
        if running {
            ui.separator();
            if key_button(ui, texts.end_show, KEY_END.name(), scale) {
                commands.push(Command::AskEndShow);
            }
        }
    });
}
