//! The app's screens and the small bar that switches between them. Pre-flight comes
//! before the show; on air is the host screen (with the producer's window when detached); the summary is what a show
//! leaves: running time, segments planned against actual, comments and questions.

use egui::{Key, Modifiers, RichText};

use super::text::Texts;
use super::theme;
use super::{Command, View};

/// Which screen the main window shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// Pre-flight before going live: speed test, do-not-disturb, checklist, go / no-go.
    Preflight,
    /// The host screen, or the producer's view while the host screen is detached.
    #[default]
    OnAir,
    /// The show-ended summary (also a look at the show so far while it runs).
    Summary,
    /// The full report of this show or a past one, with exports.
    Report,
    /// The producer's plan editor: templates, every part of the plan, rehearsal.
    Editor,
}

impl Screen {
    /// Every screen, in the bar's order.
    pub const ALL: [Screen; 5] = [
        Screen::Preflight,
        Screen::OnAir,
        Screen::Summary,
        Screen::Report,
        Screen::Editor,
    ];

    /// The key that shows this screen; function keys, so none is ever typed by mistake.
    pub fn key(self) -> Key {
        match self {
            Screen::Preflight => Key::F1,
            Screen::OnAir => Key::F2,
            Screen::Summary => Key::F3,
            Screen::Report => Key::F4,
            Screen::Editor => Key::F5,
        }
    }

    /// The screen's name in the bar.
    pub fn label(self, texts: &Texts) -> &'static str {
        match self {
            Screen::Preflight => texts.screen_preflight,
            Screen::OnAir => texts.screen_on_air,
            Screen::Summary => texts.screen_summary,
            Screen::Report => texts.screen_report,
            Screen::Editor => texts.editor.screen,
        }
    }
}

/// The key that switches the interface language, on every screen. F9: the function
/// keys are never typed by mistake, and F1–F5 and F11 are taken.
pub const KEY_LANGUAGE: Key = Key::F9;

/// The bar at the top of the main window: one tab per screen, with its key, and the
/// language switch on the right.
pub fn screen_bar_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new(KEY_LANGUAGE.name())
                    .font(theme::mono(13.0))
                    .color(theme::FAINT),
            );
            let text = RichText::new(view.texts.switch_language).font(theme::text(16.0));
            if ui
                .button(text)
                .on_hover_text(view.texts.switch_language_hint)
                .clicked()
            {
                commands.push(Command::SwitchLanguage);
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                screen_tabs_ui(ui, view, commands);
            });
        });
    });
}

fn screen_tabs_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    for screen in Screen::ALL {
        let selected = view.screen == screen;
        let text = RichText::new(screen.label(view.texts)).font(theme::text(16.0));
        if ui.selectable_label(selected, text).clicked() && !selected {
            commands.push(Command::ShowScreen(screen));
        }
        ui.label(
            RichText::new(screen.key().name())
                .font(theme::mono(13.0))
                .color(theme::FAINT),
        );
        ui.add_space(10.0);
    }
    if let Some(speed) = view.live.rehearsal() {
        ui.label(
            RichText::new(super::text::fill(
                view.texts.editor.rehearsal_mark,
                &[&speed.to_string()],
            ))
            .font(theme::text(16.0))
            .strong()
            .color(theme::AMBER),
        );
    }
}

/// F1 to F5 switch screens; F9 switches the language.
pub fn screen_keys(ctx: &egui::Context, commands: &mut Vec<Command>) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    ctx.input_mut(|input| {
        for screen in Screen::ALL {
            if input.consume_key(Modifiers::NONE, screen.key()) {
                commands.push(Command::ShowScreen(screen));
            }
        }
        if input.consume_key(Modifiers::NONE, KEY_LANGUAGE) {
            commands.push(Command::SwitchLanguage);
        }
    });
}
