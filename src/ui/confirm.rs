//! Questions asked before something that cannot be taken back: ending the show, and
//! leaving a resumed show for a new one. Enter says yes, Esc keeps going.

use super::Command;
use super::text::Texts;
use super::theme;

/// Which question is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// "End the show?"
    EndShow,
    /// "Start a new show?" (the current one stays in its journal)
    NewShow,
}

/// The open question, as a modal.
pub fn confirm_ui(
    ctx: &egui::Context,
    texts: &Texts,
    confirm: Confirm,
    commands: &mut Vec<Command>,
) {
    let (id, title, body, yes, command) = match confirm {
        Confirm::EndShow => (
            "end-show-confirm",
            texts.end_confirm_title,
            texts.end_confirm_body,
            texts.end_confirm_yes,
            Command::ConfirmEndShow,
        ),
        Confirm::NewShow => (
            "new-show-confirm",
            texts.new_show_confirm_title,
            texts.new_show_confirm_body,
            texts.new_show_confirm_yes,
            Command::ConfirmNewShow,
        ),
    };
    let modal = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(title);
        ui.label(body);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(yes).clicked() {
                commands.push(command);
            }
            ui.label(egui::RichText::new(texts.key_enter).color(theme::FAINT));
            if ui.button(texts.end_confirm_no).clicked() {
                commands.push(Command::CancelConfirm);
            }
            ui.label(egui::RichText::new(texts.key_escape).color(theme::FAINT));
        });
    });
    if modal.should_close() {
        commands.push(Command::CancelConfirm);
    }
}
