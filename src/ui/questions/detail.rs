//! The selected question in full — wording, the original, every asker, what was merged
//! in — and the buttons that act on it, each with its key.

use egui::{Key, RichText};

use super::super::controls::key_button;
use super::super::text::fill;
use super::super::{Command, View, sanitize_for_display, theme};
use super::keys;
use super::state::PanelState;
use crate::plan::{bare_handle, clock_text};
use crate::questions::{FollowUpItem, Question, QuestionKey, QuestionState, Queue};
use crate::session::Action;

/// The selected question and its actions, or a hint when none is selected.
pub(super) fn selected_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    state: &mut PanelState,
    commands: &mut Vec<Command>,
) {
    let texts = frame.texts;
    let queue = frame.live.session().questions();
    let selected = state
        .selected
        .as_ref()
        .and_then(|k| queue.find(k))
        .filter(|q| q.merged_into.is_none());
    match selected {
        None => {
            ui.label(RichText::new(texts.q_select_hint).color(theme::FAINT));
        }
        Some(q) => question_ui(ui, frame, queue, q, state, commands),
    }
}

/// The undo button and the panel's keys: always in view.
pub(super) fn undo_row_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    let texts = frame.texts;
    let queue = frame.live.session().questions();
    ui.horizontal_wrapped(|ui| {
        ui.add_enabled_ui(queue.undoable().is_some(), |ui| {
            if key_button(ui, texts.q_undo, texts.key_undo, frame.scale) {
                commands.push(Command::Live(Action::UndoQuestion));
            }
        });
        ui.add(
            egui::Label::new(
                RichText::new(texts.q_keys)
                    .font(theme::text(frame.scale.pt(16.0).max(12.0)))
                    .color(theme::FAINT),
            )
            .wrap(),
        );
    });
}

fn question_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    queue: &Queue,
    q: &Question,
    state: &mut PanelState,
    commands: &mut Vec<Command>,
) {
    let texts = frame.texts;
    let scale = frame.scale;
    let key = q.key.clone();
    let live = |commands: &mut Vec<Command>, action: Action| commands.push(Command::Live(action));
    ui.horizontal_wrapped(|ui| {
        let plan = frame.live.plan();
        let tags = super::list::tags(texts, plan, queue, q);
        for (tag, color) in tags.into_iter().chain(super::list::marks(texts, queue, q)) {
            ui.label(RichText::new(tag).color(color).strong());
        }
        if let Some(h) = q.handled {
            let segment = h
                .segment
                .and_then(|i| frame.live.plan().segments.get(i))
                .map_or("", |s| s.title.as_str());
            ui.label(
                RichText::new(fill(
                    texts.q_handled_at,
                    &[
                        texts.question_state(h.state),
                        &h.show_ms.map(clock_text).unwrap_or_default(),
                        segment,
                    ],
                ))
                .color(theme::DIM),
            );
        }
    });
    ui.add(
        egui::Label::new(
            RichText::new(sanitize_for_display(q.display_text()))
                .font(theme::text(scale.pt(28.0)))
                .strong(),
        )
        .wrap(),
    );
    if q.wording.is_some() {
        ui.label(
            RichText::new(fill(texts.q_original, &[&sanitize_for_display(&q.text)]))
                .color(theme::DIM),
        );
    }
    let askers: Vec<String> = q
        .askers()
        .iter()
        .map(|a| format!("@{}", bare_handle(a)))
        .collect();
    let mut who = fill(texts.q_asked_by, &[&askers.join("  ")]);
    if q.times_asked() > 1 {
        who.push_str(&format!(
            "  ·  {}",
            fill(texts.times_asked, &[&q.times_asked().to_string()])
        ));
    }
    ui.add(egui::Label::new(RichText::new(sanitize_for_display(&who)).color(theme::DIM)).wrap());

    if let Some((editing, text)) = &mut state.editing
        && *editing == key
    {
        let mut done = false;
        ui.horizontal(|ui| {
            let label = ui.label(texts.q_wording);
            let field = ui
                .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if std::mem::take(&mut state.focus_edit) {
                field.request_focus();
            }
            if field.lost_focus() {
                if ui.input(|i| i.key_pressed(Key::Enter)) {
                    live(
                        commands,
                        Action::RewordQuestion(key.clone(), Some(text.clone())),
                    );
                    done = true;
                } else if ui.input(|i| i.key_pressed(Key::Escape)) {
                    done = true;
                }
            }
        });
        ui.horizontal(|ui| {
            if key_button(ui, texts.q_save, texts.key_enter, scale) {
                live(
                    commands,
                    Action::RewordQuestion(key.clone(), Some(text.clone())),
                );
                done = true;
            }
            if ui.button(texts.q_reset_wording).clicked() {
                live(commands, Action::RewordQuestion(key.clone(), None));
                done = true;
            }
            if key_button(ui, texts.q_cancel, texts.key_escape, scale) {
                done = true;
            }
        });
        if done {
            state.editing = None;
        }
        return;
    }

    if let Some(from) = state.merging.clone() {
        let joining = queue.find(&from).map_or("", |m| m.display_text());
        ui.label(
            RichText::new(fill(texts.q_merging, &[&sanitize_for_display(joining)]))
                .color(theme::AMBER),
        );
        ui.horizontal(|ui| {
            if queue.can_merge(&from, &key)
                && key_button(ui, texts.q_merge_here, texts.key_enter, scale)
            {
                live(
                    commands,
                    Action::MergeQuestion {
                        question: from.clone(),
                        into: key.clone(),
                    },
                );
                state.merging = None;
            }
            if key_button(ui, texts.q_cancel, texts.key_escape, scale) {
                state.merging = None;
            }
        });
        return;
    }

    ui.horizontal_wrapped(|ui| {
        let n = keys::UP_NEXT.name();
        match q.state {
            QuestionState::Queued => {
                if key_button(ui, texts.q_up_next, n, scale) {
                    live(
                        commands,
                        Action::SetQuestionState(key.clone(), QuestionState::UpNext),
                    );
                }
            }
            _ => {
                if key_button(ui, texts.q_requeue, n, scale) {
                    live(
                        commands,
                        Action::SetQuestionState(key.clone(), QuestionState::Queued),
                    );
                }
            }
        }
        for (label, key_name, to) in [
            (
                texts.q_mark_answered,
                keys::ANSWERED.name(),
                QuestionState::Answered,
            ),
            (texts.q_skip, keys::SKIP.name(), QuestionState::Skipped),
            (
                texts.q_dismiss,
                keys::DISMISS.name(),
                QuestionState::Dismissed,
            ),
        ] {
            if q.state != to && key_button(ui, label, key_name, scale) {
                live(commands, Action::SetQuestionState(key.clone(), to));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let pin_label = if q.pinned { texts.q_unpin } else { texts.q_pin };
        if key_button(ui, pin_label, keys::PIN.name(), scale) {
            live(commands, Action::PinQuestion(key.clone(), !q.pinned));
        }
        for (label, key_name, up) in [
            (texts.q_move_up, texts.key_shift_up, true),
            (texts.q_move_down, texts.key_shift_down, false),
        ] {
            ui.add_enabled_ui(queue.neighbour(&key, up).is_some(), |ui| {
                if key_button(ui, label, key_name, scale) {
                    live(
                        commands,
                        Action::MoveQuestion {
                            question: key.clone(),
                            up,
                        },
                    );
                }
            });
        }
        if key_button(ui, texts.q_edit, keys::EDIT.name(), scale) {
            state.editing = Some((key.clone(), q.display_text().to_owned()));
            state.focus_edit = true;
        }
        if key_button(ui, texts.q_merge, keys::MERGE.name(), scale) {
            state.merging = Some(key.clone());
        }
        let item = FollowUpItem::Question(key.clone());
        let marked = queue.is_marked(&item);
        let follow_label = if marked {
            texts.q_unfollow
        } else {
            texts.q_follow_up
        };
        if key_button(ui, follow_label, keys::FOLLOW_UP.name(), scale) {
            live(commands, Action::MarkFollowUp(item, !marked));
        }
    });
    // Last: a question many people asked can have a long list of parts.
    parts_ui(ui, frame, q, commands);
}

/// What was merged into the question, each with a button to split it off again; the
/// newest also on the split key.
fn parts_ui(ui: &mut egui::Ui, frame: &View<'_>, q: &Question, commands: &mut Vec<Command>) {
    let parts = q.parts();
    if parts.is_empty() {
        return;
    }
    let texts = frame.texts;
    ui.label(RichText::new(texts.q_parts).color(theme::DIM));
    let newest = parts.last().copied().cloned();
    for part in parts {
        ui.horizontal(|ui| {
            let key_name = if Some(part) == newest.as_ref() {
                keys::SPLIT.name()
            } else {
                ""
            };
            if key_button(ui, texts.q_split, key_name, frame.scale) {
                commands.push(Command::Live(Action::SplitQuestion(part.clone())));
            }
            ui.add(
                egui::Label::new(
                    RichText::new(sanitize_for_display(&part_text(q, part))).color(theme::DIM),
                )
                .truncate(),
            );
        });
    }
}

/// A part as the producer recognises it: who asked it first, and how.
fn part_text(q: &Question, part: &QuestionKey) -> String {
    q.askings
        .iter()
        .find(|a| &a.part == part || &a.from == part)
        .map(|a| match &a.user {
            Some(user) => format!("@{}  {}", bare_handle(user), a.text),
            None => a.text.clone(),
        })
        .unwrap_or_default()
}
