//! Questions collected before the show: add, edit, prioritise, tag, tie to a segment,
//! and import from a pasted list or a CSV/TXT file.

use egui::RichText;

use crate::plan::{IdMaker, PlannedQuestion, Priority, QuestionSource};

use super::super::Command;
use super::super::text::{EditorTexts, fill};
use super::super::theme;
use super::fields::{opt_text, problems_ui};
use super::segments::choice_ui;
use super::{EditorCommand, EditorState};

/// The questions tab.
pub fn questions_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    t: &EditorTexts,
    commands: &mut Vec<Command>,
) {
    let segment_ids: Vec<String> = state
        .plan
        .segments
        .iter()
        .filter_map(|s| s.id.clone())
        .collect();
    let count = state.plan.questions.len();
    let mut moved = None;
    let mut delete = None;
    for i in 0..count {
        egui::Frame::NONE
            .fill(theme::PANEL)
            .inner_margin(egui::Margin::symmetric(8, 6))
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let name = ui.label(
                        RichText::new(fill(t.question_n, &[&(i + 1).to_string()]))
                            .color(theme::DIM),
                    );
                    let q = &mut state.plan.questions[i];
                    ui.add(egui::TextEdit::singleline(&mut q.id).desired_width(50.0));
                    ui.add(
                        egui::TextEdit::singleline(&mut q.text)
                            .desired_width(340.0)
                            .hint_text(t.question_text_hint),
                    )
                    .labelled_by(name.id);
                    opt_text(ui, &mut q.asker, 100.0, t.asker_hint);
                    egui::ComboBox::from_id_salt(("editor-q-priority", i))
                        .selected_text(priority_label(q.priority, t))
                        .width(80.0)
                        .show_ui(ui, |ui| {
                            for p in [Priority::High, Priority::Normal, Priority::Low] {
                                ui.selectable_value(&mut q.priority, p, priority_label(p, t));
                            }
                        });
                    egui::ComboBox::from_id_salt(("editor-q-source", i))
                        .selected_text(source_label(q.source, t))
                        .width(80.0)
                        .show_ui(ui, |ui| {
                            for s in [
                                QuestionSource::Sticker,
                                QuestionSource::Dm,
                                QuestionSource::Comment,
                            ] {
                                ui.selectable_value(&mut q.source, s, source_label(s, t));
                            }
                        });
                    choice_ui(
                        ui,
                        ("editor-q-segment", i),
                        &mut q.segment,
                        &segment_ids,
                        t.any_segment,
                    );
                    let key = format!("questions[{i}].tags");
                    state
                        .buffers
                        .commas(ui, &key, &mut state.plan.questions[i].tags, 140.0);
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
                        .button(fill(t.delete_question_n, &[&(i + 1).to_string()]))
                        .clicked()
                    {
                        delete = Some(i);
                    }
                });
                let path = format!("questions[{i}]");
                problems_ui(ui, t, state.problems.iter().filter(|d| d.is_under(&path)));
            });
        ui.add_space(2.0);
    }
    if let Some((from, to)) = moved {
        state.plan.questions.swap(from, to);
        state.buffers.clear();
    }
    if let Some(i) = delete {
        state.plan.questions.remove(i);
        state.buffers.clear();
    }
    if ui.button(t.add_question).clicked() {
        let taken: Vec<String> = state.plan.questions.iter().map(|q| q.id.clone()).collect();
        state.plan.questions.push(PlannedQuestion {
            id: IdMaker::new("q", &taken).next(),
            asker: None,
            text: String::new(),
            source: QuestionSource::default(),
            priority: Priority::default(),
            tags: Vec::new(),
            segment: None,
        });
    }
    ui.add_space(12.0);
    let heading = ui.label(RichText::new(t.import_questions).font(theme::text(17.0)));
    ui.label(RichText::new(t.import_hint).color(theme::FAINT));
    ui.add(
        egui::TextEdit::multiline(&mut state.pasted_questions)
            .desired_rows(4)
            .desired_width(720.0)
            // On the window's own background an empty box would not show at all.
            .background_color(theme::CARD),
    )
    .labelled_by(heading.id);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                !state.pasted_questions.trim().is_empty(),
                egui::Button::new(t.import_pasted),
            )
            .clicked()
        {
            commands.push(Command::Editor(EditorCommand::ImportPasted));
        }
        if ui.button(t.import_file).clicked() {
            commands.push(Command::Editor(EditorCommand::ImportFile));
        }
    });
}

fn priority_label(p: Priority, t: &EditorTexts) -> &'static str {
    match p {
        Priority::High => t.priority_high,
        Priority::Normal => t.priority_normal,
        Priority::Low => t.priority_low,
    }
}

fn source_label(s: QuestionSource, t: &EditorTexts) -> &'static str {
    match s {
        QuestionSource::Sticker => t.source_sticker,
        QuestionSource::Dm => t.source_dm,
        QuestionSource::Comment => t.source_comment,
    }
}
