//! The pre-live checklist and the comment filter's settings. Saved replies have a tab
//! of their own (`replies.rs`): each is an id, a text of several lines and a preview,
//! more than a row of this list holds.

use egui::RichText;

use super::super::text::{EditorTexts, fill};
use super::super::theme;
use super::EditorState;
use super::fields::{labelled, problems_ui};

/// The checklist tab.
pub fn checklist_ui(ui: &mut egui::Ui, state: &mut EditorState, t: &EditorTexts) {
    ui.label(RichText::new(t.checklist_hint).color(theme::FAINT));
    let count = state.plan.checklist.len();
    let mut moved = None;
    let mut delete = None;
    for i in 0..count {
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut state.plan.checklist[i]).desired_width(640.0));
            if ui.add_enabled(i > 0, egui::Button::new("↑")).clicked() {
                moved = Some((i, i - 1));
            }
            if ui
                .add_enabled(i + 1 < count, egui::Button::new("↓"))
                .clicked()
            {
                moved = Some((i, i + 1));
            }
            if ui
                .button(fill(t.delete_item_n, &[&(i + 1).to_string()]))
                .clicked()
            {
                delete = Some(i);
            }
        });
    }
    if let Some((from, to)) = moved {
        state.plan.checklist.swap(from, to);
    }
    if let Some(i) = delete {
        state.plan.checklist.remove(i);
    }
    ui.horizontal(|ui| {
        if ui.button(t.add_item).clicked() {
            state.plan.checklist.push(String::new());
        }
        if ui.button(t.reset_checklist).clicked() {
            state.plan.checklist = crate::plan::default_checklist();
        }
    });
}

/// The filter tab.
pub fn filter_ui(ui: &mut egui::Ui, state: &mut EditorState, t: &EditorTexts) {
    let filter = &mut state.plan.filter;
    ui.checkbox(&mut filter.hide_offensive, t.hide_offensive);
    ui.checkbox(&mut filter.hide_links, t.hide_links);
    ui.checkbox(&mut filter.hide_repeats, t.hide_repeats);
    ui.checkbox(&mut filter.hide_all_caps, t.hide_all_caps);
    ui.checkbox(&mut filter.hide_emoji_floods, t.hide_emoji_floods);
    ui.add_space(8.0);
    ui.label(RichText::new(t.one_per_line).color(theme::FAINT));
    egui::Grid::new("editor-filter-lists")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            let lists: [(&str, &str); 5] = [
                (t.hidden_words, "filter.hidden_words"),
                (t.spam_phrases, "filter.spam_phrases"),
                (t.blocked_users, "filter.blocked_users"),
                (t.highlighted_users, "filter.highlighted_users"),
                (t.followup_words, "followup_words"),
            ];
            for (label, key) in lists {
                labelled(ui, label, |ui| {
                    let plan = &mut state.plan;
                    let list = match key {
                        "filter.hidden_words" => &mut plan.filter.hidden_words,
                        "filter.spam_phrases" => &mut plan.filter.spam_phrases,
                        "filter.blocked_users" => &mut plan.filter.blocked_users,
                        "filter.highlighted_users" => &mut plan.filter.highlighted_users,
                        _ => &mut plan.followup_words,
                    };
                    state.buffers.lines(ui, key, list, 3, 480.0)
                });
                ui.end_row();
            }
        });
    problems_ui(ui, t, state.problems_at("followup_words"));
}
