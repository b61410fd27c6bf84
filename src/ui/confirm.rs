//! Questions asked before something that cannot be taken back: ending the show, and
//! leaving a resumed show for a new one, going live with pre-flight not passed. Enter says yes, Esc keeps going.

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
    /// "Go live anyway?" with what is still open or failing.
    GoAnyway,
}

/// The open question, as a modal.
pub fn confirm_ui(
    ctx: &egui::Context,
    texts: &Texts,
    confirm: Confirm,
    open: &[String],
    commands: &mut Vec<Command>,
) {
    let (id, title, body, yes, no, command) = match confirm {
        Confirm::EndShow => (
            "end-show-confirm",
            texts.end_confirm_title,
            texts.end_confirm_body,
            texts.end_confirm_yes,
            texts.end_confirm_no,
            Command::ConfirmEndShow,
        ),
        Confirm::NewShow => (
            "new-show-confirm",
            texts.new_show_confirm_title,
            texts.new_show_confirm_body,
            texts.new_show_confirm_yes,
            texts.end_confirm_no,
            Command::ConfirmNewShow,
        ),
        Confirm::GoAnyway => (
            "go-anyway-confirm",
            texts.go_anyway_title,
            texts.go_anyway_body,
            texts.pf_go_anyway,
            texts.go_anyway_no,
            Command::ConfirmGoAnyway,
        ),
    };
    let modal = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(title);
        ui.label(body);
        if confirm == Confirm::GoAnyway {
            for item in open {
                ui.label(egui::RichText::new(format!("• {item}")).color(theme::AMBER));
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(yes).clicked() {
                commands.push(command);
            }
            ui.label(egui::RichText::new(texts.key_enter).color(theme::FAINT));
            if ui.button(no).clicked() {
                commands.push(Command::CancelConfirm);
            }
            ui.label(egui::RichText::new(texts.key_escape).color(theme::FAINT));
        });
    });
    if modal.should_close() {
        commands.push(Command::CancelConfirm);
    }
}
