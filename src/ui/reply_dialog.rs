//! "Reply privately…" from the producer's feed: a saved reply from the plan or a typed
//! one, sent to the commenter through Meta; on Facebook the comment can be hidden on
//! the live too. What Meta answered is read back from the session (it is journaled),
//! so the dialog says it in plain words — sent, already answered, too late, which
//! permission is missing.

use egui::RichText;

use super::text::{Texts, fill};
use super::{Command, View, theme};
use crate::comments::sanitize_for_display;
use crate::session::ReplyResult;

/// What the dialog holds while it is open.
#[derive(Clone, Debug, Default)]
pub struct ReplyDialog {
    /// The comment answered.
    pub comment_id: String,
    /// The saved reply chosen, by id; `None`: the typed text.
    pub template: Option<String>,
    /// The typed reply.
    pub typed: String,
    /// Why the last send was refused before anything went to Meta.
    pub refused: Option<String>,
}

impl ReplyDialog {
    /// A dialog for this comment, with the plan's first saved reply chosen.
    pub fn new(comment_id: String, first_template: Option<String>) -> Self {
        Self {
            comment_id,
            template: first_template,
            ..Self::default()
        }
    }
}

/// The dialog, as a modal. `pending`: a call about this comment is on its way.
pub fn reply_dialog_ui(
    ctx: &egui::Context,
    frame: &View<'_>,
    dialog: &mut ReplyDialog,
    pending: bool,
    commands: &mut Vec<Command>,
) {
    let texts = frame.texts;
    let session = frame.live.session();
    let Some(entry) = session.comment(&dialog.comment_id) else {
        commands.push(Command::CloseReplyDialog);
        return;
    };
    let comment = &entry.comment;
    let instagram = comment.platform.as_deref() == Some("instagram");
    let facebook = comment.platform.as_deref() == Some("facebook");
    let user = if comment.user.is_empty() {
        "—".to_owned()
    } else {
        sanitize_for_display(&comment.user)
    };
    let modal = egui::Modal::new(egui::Id::unique("reply-dialog")).show(ctx, |ui| {
        ui.set_width(620.0);
        ui.heading(fill(texts.reply_title, &[&user]));
        ui.add(
            egui::Label::new(
                RichText::new(sanitize_for_display(&comment.text))
                    .italics()
                    .color(theme::DIM),
            )
            .wrap(),
        );
        if instagram {
            ui.label(RichText::new(texts.reply_instagram_rules).color(theme::DIM));
        } else if facebook {
            ui.label(RichText::new(texts.reply_facebook_rules).color(theme::DIM));
        }
        ui.add_space(8.0);

        ui.label(RichText::new(texts.reply_saved).strong());
        let saved = &session.plan().saved_replies;
        if saved.is_empty() {
            ui.label(RichText::new(texts.reply_no_saved).color(theme::FAINT));
        }
        for reply in saved {
            let chosen = dialog.template.as_deref() == Some(reply.id.as_str());
            let text = sanitize_for_display(&reply.render(&comment.user));
            if ui
                .selectable_label(chosen, format!("{}: {text}", reply.id))
                .clicked()
            {
                dialog.template = Some(reply.id.clone());
            }
        }
        ui.add_space(6.0);
        let typed_label = ui.label(RichText::new(texts.reply_typed).strong());
        let typed = ui
            .add(
                egui::TextEdit::multiline(&mut dialog.typed)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(typed_label.id);
        if typed.changed() && !dialog.typed.trim().is_empty() {
            dialog.template = None;
        }
        ui.add_space(8.0);

        // What happened to the last try.
        let answered = session.private_replies().result(&dialog.comment_id);
        let status = if pending {
            Some((texts.reply_sending.to_owned(), theme::DIM))
        } else if let Some(why) = &dialog.refused {
            Some((why.clone(), theme::RED))
        } else {
            answered.map(|(result, template)| {
                result_line(texts, result, template, frame, &dialog.comment_id)
            })
        };
        if let Some((line, color)) = status {
            ui.add(egui::Label::new(RichText::new(line).color(color)).wrap());
        }
        if session
            .private_replies()
            .is_hidden_on_platform(&dialog.comment_id)
        {
            ui.label(RichText::new(texts.reply_hidden_on_facebook).color(theme::GREEN));
        }
        if instagram {
            ui.add(
                egui::Label::new(RichText::new(texts.reply_instagram_no_hide).color(theme::FAINT))
                    .wrap(),
            );
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let can_send =
                !pending && (dialog.template.is_some() || !dialog.typed.trim().is_empty());
            if ui
                .add_enabled(can_send, egui::Button::new(texts.reply_send))
                .clicked()
            {
                commands.push(Command::SendReply);
            }
            if facebook
                && ui
                    .add_enabled(!pending, egui::Button::new(texts.reply_hide_facebook))
                    .clicked()
            {
                commands.push(Command::HideOnPlatform);
            }
            if ui.button(texts.reply_close).clicked() {
                commands.push(Command::CloseReplyDialog);
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::CloseReplyDialog);
    }
}

/// The last answer Meta gave about this comment, in the dialog's words.
fn result_line(
    texts: &Texts,
    result: ReplyResult,
    template: Option<&str>,
    frame: &View<'_>,
    comment_id: &str,
) -> (String, egui::Color32) {
    let detail = frame
        .live
        .session()
        .private_replies()
        .detail(comment_id)
        .map(sanitize_for_display)
        .unwrap_or_default();
    match result {
        ReplyResult::Sent => (
            fill(texts.reply_sent, &[template.unwrap_or("typed")]),
            theme::GREEN,
        ),
        ReplyResult::AlreadyAnswered => (texts.reply_already_answered.to_owned(), theme::RED),
        ReplyResult::TooLate => (fill(texts.reply_too_late, &[&detail]), theme::RED),
        ReplyResult::PermissionMissing => {
            (fill(texts.reply_permission_missing, &[&detail]), theme::RED)
        }
        ReplyResult::TokenRefused => (fill(texts.reply_token_refused, &[&detail]), theme::RED),
        ReplyResult::Failed => (fill(texts.reply_failed, &[&detail]), theme::RED),
    }
}
