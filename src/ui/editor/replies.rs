//! Saved replies: the private messages (DMs) the producer sends a commenter from the
//! feed, written before the show. Each is an id (journaled with every reply sent from
//! it) and a text in which `{user}` becomes the commenter's handle; the preview fills
//! it in as the commenter would read it, so a typo such as `{usr}` is seen before the
//! show as well as named by the check.

use egui::RichText;

use crate::plan::{IdMaker, SavedReply};

use super::super::text::{EditorTexts, fill};
use super::super::theme;
use super::EditorState;
use super::fields::problems_ui;

/// The handle the preview sends to: any handle would do; this one reads as a person.
const PREVIEW_USER: &str = "amy.tw";

/// What a row's buttons asked for, carried out after the rows are drawn so no row is
/// drawn from a list that changed under it.
enum Change {
    Move(usize, usize),
    Duplicate(usize),
    Delete(usize),
}

/// The saved-replies tab.
pub fn replies_ui(ui: &mut egui::Ui, state: &mut EditorState, t: &EditorTexts) {
    ui.label(RichText::new(t.replies_hint).color(theme::FAINT));
    ui.add_space(4.0);
    let count = state.plan.saved_replies.len();
    let mut change = None;
    for i in 0..count {
        egui::Frame::NONE
            .fill(theme::PANEL)
            .inner_margin(egui::Margin::symmetric(8, 6))
            .corner_radius(4.0)
            .show(ui, |ui| {
                // Every card as wide as the tab, whatever the length of its preview.
                ui.set_min_width(ui.available_width());
                if let Some(asked) = reply_ui(ui, state, t, i, count) {
                    change = Some(asked);
                }
            });
        ui.add_space(2.0);
    }
    match change {
        Some(Change::Move(from, to)) => state.plan.saved_replies.swap(from, to),
        Some(Change::Duplicate(i)) => duplicate_reply(state, i),
        Some(Change::Delete(i)) => {
            state.plan.saved_replies.remove(i);
        }
        None => {}
    }
    if ui.button(t.add_reply).clicked() {
        let taken: Vec<String> = state
            .plan
            .saved_replies
            .iter()
            .map(|r| r.id.clone())
            .collect();
        state.plan.saved_replies.push(SavedReply {
            id: IdMaker::new("reply-", &taken).next(),
            text: String::new(),
        });
    }
}

/// One reply: its id and buttons, its text, the preview, and its problems beside the
/// field each concerns.
fn reply_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    t: &EditorTexts,
    i: usize,
    count: usize,
) -> Option<Change> {
    let n = (i + 1).to_string();
    let mut change = None;
    ui.horizontal(|ui| {
        let name = ui.label(RichText::new(fill(t.reply_n, &[&n])).color(theme::DIM));
        let reply = &mut state.plan.saved_replies[i];
        ui.add(
            egui::TextEdit::singleline(&mut reply.id)
                .desired_width(200.0)
                .hint_text(t.id_hint),
        )
        .labelled_by(name.id);
        // Arrows alone on screen; their names say which reply moves where.
        let up = ui
            .add_enabled(i > 0, egui::Button::new("↑"))
            .accessible_name(fill(t.move_reply_up_n, &[&n]))
            .on_hover_text(fill(t.move_reply_up_n, &[&n]));
        if up.clicked() {
            change = Some(Change::Move(i, i - 1));
        }
        let down = ui
            .add_enabled(i + 1 < count, egui::Button::new("↓"))
            .accessible_name(fill(t.move_reply_down_n, &[&n]))
            .on_hover_text(fill(t.move_reply_down_n, &[&n]));
        if down.clicked() {
            change = Some(Change::Move(i, i + 1));
        }
        if ui.button(fill(t.duplicate_reply_n, &[&n])).clicked() {
            change = Some(Change::Duplicate(i));
        }
        if ui.button(fill(t.delete_reply_n, &[&n])).clicked() {
            change = Some(Change::Delete(i));
        }
    });
    problems_ui(ui, t, state.problems_at(&format!("saved_replies[{i}].id")));
    let reply = &mut state.plan.saved_replies[i];
    ui.add(
        egui::TextEdit::multiline(&mut reply.text)
            .desired_rows(2)
            .desired_width(720.0)
            .hint_text(t.reply_text_hint),
    )
    .accessible_name(fill(t.reply_text_n, &[&n]));
    if !reply.text.trim().is_empty() {
        let preview = fill(
            t.reply_preview,
            &[PREVIEW_USER, &reply.render(PREVIEW_USER)],
        );
        ui.label(RichText::new(preview).color(theme::DIM));
    }
    problems_ui(
        ui,
        t,
        state.problems_at(&format!("saved_replies[{i}].text")),
    );
    change
}

/// A copy of reply `i` right after it, under a free id made from its own
/// (`shipping` → `shipping-2`), so the copy is valid as it stands.
fn duplicate_reply(state: &mut EditorState, i: usize) {
    let Some(original) = state.plan.saved_replies.get(i) else {
        return;
    };
    let mut copy = original.clone();
    let taken: Vec<&str> = state
        .plan
        .saved_replies
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    let mut n = 2;
    while taken.contains(&format!("{}-{n}", copy.id).as_str()) {
        n += 1;
    }
    copy.id = format!("{}-{n}", copy.id);
    state.plan.saved_replies.insert(i + 1, copy);
}
