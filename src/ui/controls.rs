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

/// What the `−`/`+` buttons and keys take off or add.
pub(super) const MINUTE_MS: i64 = 60_000;

/// A button with its key printed beside it. Returns true when clicked.
pub fn key_button(ui: &mut egui::Ui, label: &str, key: &str, scale: Scale) -> bool {
    let clicked = ui
        .add(egui::Button::new(
            RichText::new(label).font(theme::text(scale.pt(20.0).max(15.0))),
        ))
        .clicked();
    ui.label(
        RichText::new(key)
            .font(theme::mono(scale.pt(16.0).max(12.0)))
            .color(theme::FAINT),
    );
    clicked
}

/// Next, previous, and a minute less or more on the segment on air.
fn show_moves_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    let texts = frame.texts;
    let scale = frame.scale;
    if key_button(ui, texts.next_segment, texts.key_space, scale) {
        commands.push(Command::Live(Action::NextSegment));
    }
    if key_button(ui, texts.previous_segment, texts.key_backspace, scale) {
        commands.push(Command::Live(Action::PreviousSegment));
    }
    if key_button(ui, texts.remove_minute, "−", scale) {
        commands.push(Command::Live(Action::AdjustTime {
            delta_ms: -MINUTE_MS,
        }));
    }
    if key_button(ui, texts.add_minute, "+", scale) {
        commands.push(Command::Live(Action::AdjustTime {
            delta_ms: MINUTE_MS,
        }));
    }
}

/// The control strip under the host screen (and in the producer window).
pub fn controls_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    let texts = frame.texts;
    let scale = frame.scale;
    ui.horizontal_wrapped(|ui| {
        // Compact below about 1500 points, so the strip stays one row at 1280×720.
        if ui.available_width() < 1500.0 {
            let spacing = ui.spacing_mut();
            spacing.item_spacing.x = 4.0;
            spacing.button_padding = egui::vec2(7.0, 4.0);
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
