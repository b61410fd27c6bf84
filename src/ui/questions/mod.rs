//! The producer's question panel: the whole queue with filters and search, one row per
//! question, and for the selected one everything that can be done to it — up next,
//! answered, skip, dismiss, pin, move, edit the wording (the original on hover), merge
//! by hand and split again, follow-up, undo — each with its key (`keys.rs`).
//!
//! The list holds still while the pointer is over it (and while rewording or merging):
//! questions that arrive meanwhile are counted in an "n new" marker above the list, in
//! a strip that is always there, so nothing moves under the pointer (`state.rs`).

mod detail;
mod keys;
mod list;
mod state;

use egui::RichText;

pub use keys::question_keys;
pub use state::{OriginFilter, PanelCommand, PanelState, StateFilter};

use super::text::fill;
use super::theme;
use super::{Command, View};
use crate::questions::QuestionState;

/// The panel, filling the space it is given.
pub fn question_panel_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    state: &mut PanelState,
    commands: &mut Vec<Command>,
) {
    let texts = frame.texts;
    let queue = frame.live.session().questions();
    state.update(queue);
    let count = |s: QuestionState| queue.entries().filter(|q| q.state == s).count();
    let open = queue.entries().filter(|q| q.state.is_open()).count();
    ui.horizontal(|ui| {
        ui.label(RichText::new(texts.q_title).color(theme::DIM).strong());
        ui.label(
            RichText::new(fill(
                texts.q_counts,
                &[
                    &open.to_string(),
                    &count(QuestionState::Answered).to_string(),
                    &count(QuestionState::Skipped).to_string(),
                    &count(QuestionState::Dismissed).to_string(),
                ],
            ))
            .color(theme::FAINT),
        );
    });
    filters_ui(ui, frame, state);
    // The list comes first: with a question selected the detail takes a fixed part of
    // the height and scrolls, so a long list of merged parts never squeezes the list.
    let detail = egui::Panel::bottom("question-detail")
        .resizable(false)
        .frame(
            egui::Frame::NONE
                .fill(theme::CARD)
                .corner_radius(6)
                .inner_margin(egui::Margin::same(10)),
        );
    let before = commands.len();
    if state.selected.is_some() {
        detail
            .exact_size(ui.available_height() * 0.45)
            .show(ui, |ui| {
                ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
                    detail::undo_row_ui(ui, frame, commands);
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("question-detail")
                            .auto_shrink(false)
                            .show(ui, |ui| detail::selected_ui(ui, frame, state, commands));
                    });
                });
            });
    } else {
        detail.show(ui, |ui| {
            detail::selected_ui(ui, frame, state, commands);
            detail::undo_row_ui(ui, frame, commands);
        });
    }
    if commands.len() > before {
        // The producer changed the queue from here: show the result at once.
        state.refresh();
    }
    list::list_ui(ui, frame, state);
}

/// State filters (1–5); origin filters (7–9) and the search field (/).
fn filters_ui(ui: &mut egui::Ui, frame: &View<'_>, state: &mut PanelState) {
    let texts = frame.texts;
    let queue = frame.live.session().questions();
    let key_hint = |ui: &mut egui::Ui, key: egui::Key| {
        ui.label(
            RichText::new(key.name())
                .font(theme::mono(12.0))
                .color(theme::FAINT),
        );
        ui.add_space(4.0);
    };
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (filter, key) in StateFilter::ALL.into_iter().zip(keys::FILTER_KEYS) {
            if ui
                .selectable_label(state.filter == filter, filter.label(texts))
                .clicked()
            {
                state.apply(PanelCommand::Filter(filter), queue);
            }
            key_hint(ui, key);
        }
    });
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (origin, key) in OriginFilter::ALL.into_iter().zip(keys::ORIGIN_KEYS) {
            if ui
                .selectable_label(state.origin == origin, origin.label(texts))
                .clicked()
            {
                state.apply(PanelCommand::Origin(origin), queue);
            }
            key_hint(ui, key);
        }
        ui.add_space(6.0);
        let search = ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text(texts.q_search_hint)
                .desired_width(f32::INFINITY),
        );
        if std::mem::take(&mut state.focus_search) {
            search.request_focus();
        }
        if search.changed() {
            state.refresh();
        }
    });
}
