//! The producer's "comment source" form: which source, and the Instagram account id or
//! Facebook Page id it needs — typed, or picked from the accounts the stored token
//! reaches ("Find my accounts", `sources::list_accounts` on the show's runtime).
//! Problems are said in the form, in its own words, next to the field.

use std::sync::mpsc::{Receiver, TryRecvError};

use super::Command;
use super::text::{Texts, fill};
use super::theme;
use crate::sources::{
    Accounts, NotifyFn, Platform, SettingsError, SourceConfig, SourceSettings, SourceSpec, Token,
    list_accounts, load_token,
};

/// The accounts found with the stored token, while the form is open.
#[derive(Debug, Default)]
pub enum AccountList {
    /// Not asked yet.
    #[default]
    NotAsked,
    /// Asking Meta now.
    Finding(Receiver<Result<Accounts, String>>),
    /// Meta's answer.
    Found(Accounts),
    /// Why they could not be listed (no token, refused, unreachable).
    Failed(String),
}

/// What the form holds while it is open.
#[derive(Debug, Default)]
pub struct SourceDialog {
    /// The source as typed.
    pub source: String,
    /// The Instagram user id as typed.
    pub ig_user_id: String,
    /// The Facebook Page id as typed.
    pub fb_page_id: String,
    /// Why the last attempt was refused.
    pub error: Option<String>,
    /// The host's Pages and Instagram accounts, to pick from.
    pub accounts: AccountList,
}

impl SourceDialog {
    /// The form filled with the source connected now.
    pub fn for_current(current: Option<&SourceSettings>) -> Self {
        Self {
            source: current.map(SourceSettings::name).unwrap_or_default(),
            ig_user_id: current
                .and_then(|s| s.ig_user_id.clone())
                .unwrap_or_default(),
            fb_page_id: current
                .and_then(|s| s.fb_page_id.clone())
                .unwrap_or_default(),
            error: None,
            accounts: AccountList::NotAsked,
        }
    }

    /// Asks Meta, on `runtime`, which Pages and Instagram accounts a token reaches:
    /// `token` (the connected source's), else the stored one (Instagram's, else
    /// Facebook's: a user token lists Pages).
    pub fn find_accounts(
        &mut self,
        runtime: &tokio::runtime::Handle,
        graph_url: &str,
        token: Option<Token>,
        notify: NotifyFn,
    ) {
        if matches!(self.accounts, AccountList::Finding(_)) {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let graph_url = graph_url.to_owned();
        runtime.spawn(async move {
            // The keychain may be slow to answer: not on the runtime's worker.
            let token = match token {
                Some(token) => Ok(Ok(token)),
                None => {
                    tokio::task::spawn_blocking(|| {
                        load_token(Platform::Instagram)
                            .or_else(|_| load_token(Platform::Facebook))
                            .map(|(token, _)| token)
                    })
                    .await
                }
            };
            let outcome = match token {
                Ok(Ok(token)) => list_accounts(graph_url, token)
                    .await
                    .map_err(|e| e.to_string()),
                Ok(Err(e)) => Err(e.to_string()),
                Err(e) => Err(format!("the token could not be read: {e}")),
            };
            let _ = tx.send(outcome);
            notify();
        });
        self.accounts = AccountList::Finding(rx);
    }

    /// Takes Meta's answer when it has come.
    pub fn collect(&mut self) {
        if let AccountList::Finding(rx) = &self.accounts {
            self.accounts = match rx.try_recv() {
                Ok(Ok(accounts)) => AccountList::Found(accounts),
                Ok(Err(why)) => AccountList::Failed(why),
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    AccountList::Failed("the search stopped before it could answer".into())
                }
            };
        }
    }

    /// Fills the form with a picked account: `instagram` with its user id, or
    /// `facebook` with the Page's id.
    pub fn pick(&mut self, platform: Platform, id: &str) {
        match platform {
            Platform::Instagram => {
                self.source = "instagram".into();
                self.ig_user_id = id.to_owned();
            }
            Platform::Facebook => {
                self.source = "facebook".into();
                self.fb_page_id = id.to_owned();
            }
        }
        self.error = None;
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
            fb_page_id: Some(self.fb_page_id.trim().to_owned()).filter(|id| !id.is_empty()),
            graph_url: graph_url.to_owned(),
        };
        match settings.config() {
            Ok(config) => Ok((settings, config)),
            Err(SettingsError::MissingIgUserId) => Err(texts.source_needs_ig_user_id.to_owned()),
            Err(SettingsError::BadIgUserId(_)) => Err(texts.source_bad_ig_user_id.to_owned()),
            Err(SettingsError::MissingFbPageId) => Err(texts.source_needs_fb_page_id.to_owned()),
            Err(SettingsError::BadFbPageId(_)) => Err(texts.source_bad_fb_page_id.to_owned()),
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
        let page_label = ui.label(texts.fb_page_id_field);
        ui.add(egui::TextEdit::singleline(&mut dialog.fb_page_id).desired_width(f32::INFINITY))
            .labelled_by(page_label.id);
        ui.add_space(6.0);
        accounts_ui(ui, texts, dialog, commands);
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

/// "Find my accounts" and what it found, each account a button that fills the form.
fn accounts_ui(
    ui: &mut egui::Ui,
    texts: &Texts,
    dialog: &SourceDialog,
    commands: &mut Vec<Command>,
) {
    match &dialog.accounts {
        AccountList::NotAsked => {
            if ui.button(texts.source_find_accounts).clicked() {
                commands.push(Command::FindAccounts);
            }
        }
        AccountList::Finding(_) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(egui::RichText::new(texts.source_finding_accounts).color(theme::DIM));
            });
        }
        AccountList::Failed(why) => {
            ui.label(
                egui::RichText::new(fill(texts.source_accounts_failed, &[why])).color(theme::RED),
            );
            if ui.button(texts.source_find_accounts).clicked() {
                commands.push(Command::FindAccounts);
            }
        }
        AccountList::Found(accounts) => {
            if accounts.pages.is_empty() {
                ui.label(egui::RichText::new(texts.source_no_accounts).color(theme::DIM));
            }
            for page in &accounts.pages {
                ui.horizontal_wrapped(|ui| {
                    let name = crate::comments::sanitize_for_display(&page.name);
                    if ui
                        .button(fill(texts.source_pick_page, &[&name, &page.id]))
                        .clicked()
                    {
                        commands.push(Command::PickAccount(Platform::Facebook, page.id.clone()));
                    }
                    if let Some(ig) = &page.instagram {
                        let handle = ig
                            .username
                            .as_deref()
                            .map(crate::comments::sanitize_for_display)
                            .unwrap_or_default();
                        if ui
                            .button(fill(texts.source_pick_instagram, &[&handle, &ig.id]))
                            .clicked()
                        {
                            commands.push(Command::PickAccount(Platform::Instagram, ig.id.clone()));
                        }
                    }
                });
            }
            for (platform, source) in [
                (Platform::Instagram, "instagram"),
                (Platform::Facebook, "facebook"),
            ] {
                let missing = accounts.missing_for(platform);
                if !missing.is_empty() {
                    ui.label(
                        egui::RichText::new(fill(
                            texts.source_missing_permissions,
                            &[source, &missing.join(", ")],
                        ))
                        .color(theme::AMBER),
                    );
                }
            }
        }
    }
}
