//! The producer's "comment source" form: which source, and the Instagram account id
//! it needs. Problems are said in the form, in its own words, next to the field.

use super::Command;
use super::text::Texts;
use super::theme;
use crate::sources::{SettingsError, SourceConfig, SourceSettings, SourceSpec};

/// What the form holds while it is open.
#[derive(Clone, Debug, Default)]
pub struct SourceDialog {
    /// The source as typed.
    pub source: String,
    /// The Instagram user id as typed.
    pub ig_user_id: String,
    /// The Facebook Page id of the source connected now, kept (the form has no field
    /// for it yet).
    pub fb_page_id: Option<String>,
    /// Why the last attempt was refused.
    pub error: Option<String>,
}

impl SourceDialog {
    /// The form filled with the source connected now.
    pub fn for_current(current: Option<&SourceSettings>) -> Self {
        Self {
            source: current.map(SourceSettings::name).unwrap_or_default(),
            ig_user_id: current
                .and_then(|s| s.ig_user_id.clone())
                .unwrap_or_default(),
            fb_page_id: current.and_then(|s| s.fb_page_id.clone()),
            error: None,
        }
    }

    /// The settings and their configuration, or the reason in the form's words (the
    /// form stays open then).
    pub fn settings(
        &self,
        graph_url: &str,
        texts: &Texts,
    ) -> Result<(SourceSettings, SourceConfig), String> {
        let spec: SourceSpec = self.source.parse().map_err(|e| format!("{e}"))?;
        let settings = SourceSettings {
            spec,
            ig_user_id: Some(self.ig_user_id.trim().to_owned()).filter(|id| !id.is_empty()),
            fb_page_id: self.fb_page_id.clone(),
            graph_url: graph_url.to_owned(),
        };
        match settings.config() {
            Ok(config) => Ok((settings, config)),
            Err(SettingsError::MissingIgUserId) => Err(texts.source_needs_ig_user_id.to_owned()),
            Err(SettingsError::BadIgUserId(_)) => Err(texts.source_bad_ig_user_id.to_owned()),
            Err(e @ (SettingsError::MissingFbPageId | SettingsError::BadFbPageId(_))) => {
                Err(e.to_string())
            }
            Err(SettingsError::Token(e)) => Err(e.to_string()),
        }
    }
}

/// The form, as a modal: Enter connects, Esc closes.
pub fn source_dialog_ui(
    ctx: &egui::Context,
    texts: &Texts,
    dialog: &mut SourceDialog,
    commands: &mut Vec<Command>,
) {
    let modal = egui::Modal::new(egui::Id::unique("source-dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(texts.source_title);
        ui.label(egui::RichText::new(texts.source_help).color(theme::DIM));
        ui.add_space(6.0);
        let source_label = ui.label(texts.source_field);
        let field = ui
            .add(egui::TextEdit::singleline(&mut dialog.source).desired_width(f32::INFINITY))
            .labelled_by(source_label.id);
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            commands.push(Command::ConnectSource);
        }
        let id_label = ui.label(texts.ig_user_id_field);
        ui.add(egui::TextEdit::singleline(&mut dialog.ig_user_id).desired_width(f32::INFINITY))
            .labelled_by(id_label.id);
        if let Some(error) = &dialog.error {
            ui.label(egui::RichText::new(error).color(theme::RED));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(texts.connect).clicked() {
                commands.push(Command::ConnectSource);
            }
            if ui.button(texts.end_confirm_no_source).clicked() {
                commands.push(Command::CloseSourceDialog);
            }
            ui.label(egui::RichText::new(texts.key_escape).color(theme::FAINT));
        });
    });
    if modal.should_close() {
        commands.push(Command::CloseSourceDialog);
    }
}
