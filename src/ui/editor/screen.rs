//! The editor's frame: the files bar, the tabs, the side panel (running time,
//! rehearsal, problems), the questions it asks before something is lost, and its keys.

use egui::RichText;

use crate::plan::Severity;
use crate::plan::templates::{Lang, TEMPLATES};

use super::super::Command;
use super::super::text::{EditorTexts, fill};
use super::super::theme;
use super::{
    EditorCommand, EditorState, REHEARSAL_SPEEDS, Section, lists, people, questions, replies,
    segments, show_form, timeline,
};

/// The editor screen.
pub fn editor_screen_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    t: &'static EditorTexts,
    commands: &mut Vec<Command>,
) {
    state.set_texts(t);
    state.check();
    egui::Panel::top("editor-files")
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::symmetric(16, 8)),
        )
        .show(ui, |ui| files_bar_ui(ui, state, t, commands));
    egui::Panel::right("editor-side")
        .exact_size(440.0)
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::same(16)),
        )
        .show(ui, |ui| side_ui(ui, state, t, commands));
    egui::CentralPanel::default()
        .frame(
            egui::Frame::NONE
                .fill(theme::BACKGROUND)
                .inner_margin(egui::Margin::same(16)),
        )
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for section in Section::ALL {
                    let errors = state
                        .problems
                        .iter()
                        .filter(|d| d.is_error() && Section::of_path(&d.path) == section)
                        .count();
                    let mut text = RichText::new(section.label(t)).font(theme::text(17.0));
                    if errors > 0 {
                        text = text.color(theme::RED);
                    }
                    if ui
                        .selectable_label(state.section == section, text)
                        .clicked()
                    {
                        state.section = section;
                    }
                    ui.add_space(6.0);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("editor-section")
                .auto_shrink([false, false])
                .show(ui, |ui| match state.section {
                    Section::Show => show_form::show_ui(ui, state, t),
                    Section::Segments => segments::segments_ui(ui, state, t),
                    Section::Cues => timeline::cues_ui(ui, state, t),
                    Section::Questions => questions::questions_ui(ui, state, t, commands),
                    Section::People => people::people_ui(ui, state, t),
                    Section::Media => people::media_ui(ui, state, t, commands),
                    Section::Checklist => lists::checklist_ui(ui, state, t),
                    Section::Filter => lists::filter_ui(ui, state, t),
                    Section::Replies => replies::replies_ui(ui, state, t),
                });
        });
    if state.guarded.is_some() || state.asking_comments {
        question_ui(ui.ctx(), state, t, commands);
    }
}

fn files_bar_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    t: &EditorTexts,
    commands: &mut Vec<Command>,
) {
    let editor = |c: EditorCommand| Command::Editor(c);
    ui.horizontal_wrapped(|ui| {
        let chosen = &TEMPLATES[state.template];
        egui::ComboBox::from_id_salt("editor-template")
            .selected_text(t.template(chosen.name, chosen.about).0)
            .show_ui(ui, |ui| {
                for (i, template) in TEMPLATES.iter().enumerate() {
                    let (name, about) = t.template(template.name, template.about);
                    ui.selectable_value(&mut state.template, i, name)
                        .on_hover_text(about);
                }
            });
        // Follows the interface's language until the producer picks another.
        let mut lang = state.template_lang();
        egui::ComboBox::from_id_salt("editor-lang")
            .selected_text(lang.tag())
            .show_ui(ui, |ui| {
                for option in Lang::ALL {
                    if ui
                        .selectable_value(&mut lang, option, option.tag())
                        .clicked()
                    {
                        state.lang = Some(lang);
                    }
                }
            });
        if ui.button(t.new_from_template).clicked() {
            commands.push(editor(EditorCommand::NewFromTemplate));
        }
        ui.separator();
        if ui.button(t.open).clicked() {
            commands.push(editor(EditorCommand::Open));
        }
        ui.menu_button(t.recent, |ui| {
            if state.recent.is_empty() {
                ui.label(RichText::new(t.no_recent).color(theme::DIM));
            }
            for path in &state.recent {
                if ui.button(path.display().to_string()).clicked() {
                    commands.push(editor(EditorCommand::OpenPath(path.clone())));
                }
            }
        });
        if ui.button(t.save).clicked() {
            commands.push(editor(EditorCommand::Save));
        }
        if ui.button(t.save_as).clicked() {
            commands.push(editor(EditorCommand::SaveAs));
        }
        ui.separator();
        let file = state
            .path
            .as_deref()
            .map_or_else(|| t.untitled.to_owned(), |p| p.display().to_string());
        ui.label(RichText::new(file).color(theme::DIM));
        if state.is_dirty() {
            ui.label(RichText::new(t.unsaved).color(theme::AMBER));
        }
    });
    if let Some((message, bad)) = &state.message {
        ui.label(RichText::new(message).color(if *bad { theme::RED } else { theme::GREEN }));
    }
}

fn side_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    t: &EditorTexts,
    commands: &mut Vec<Command>,
) {
    segments::running_time_ui(ui, state, t);
    ui.add_space(12.0);
    let errors = state.has_errors();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t.rehearse).font(theme::text(16.0)));
        for speed in REHEARSAL_SPEEDS {
            let button = ui.add_enabled(
                !errors,
                egui::Button::new(fill(t.rehearse_at, &[&speed.to_string()])),
            );
            if button.clicked() {
                commands.push(Command::Editor(EditorCommand::Rehearse(speed)));
            }
        }
    });
    if ui
        .add_enabled(!errors, egui::Button::new(t.start_show))
        .on_disabled_hover_text(t.fix_errors_first)
        .clicked()
    {
        commands.push(Command::Editor(EditorCommand::StartShow));
    }
    if errors {
        ui.label(RichText::new(t.fix_errors_first).color(theme::RED));
    }
    ui.add_space(12.0);
    ui.separator();
    let count = state.problems.len();
    ui.label(RichText::new(fill(t.problems, &[&count.to_string()])).font(theme::text(18.0)));
    egui::ScrollArea::vertical()
        .id_salt("editor-problems")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if count == 0 {
                ui.label(RichText::new(t.no_problems).color(theme::GREEN));
            }
            let mut go_to = None;
            for d in &state.problems {
                let section = Section::of_path(&d.path);
                let color = match d.severity {
                    Severity::Error => theme::RED,
                    Severity::Warning => theme::AMBER,
                };
                let message = (t.problem)(&d.problem);
                let text = fill(t.problem_in, &[section.label(t), &message]);
                if ui
                    .add(
                        egui::Label::new(RichText::new(text).color(color))
                            .sense(egui::Sense::click()),
                    )
                    .clicked()
                {
                    go_to = Some(section);
                }
            }
            if let Some(section) = go_to {
                state.section = section;
            }
        });
}

fn question_ui(
    ctx: &egui::Context,
    state: &EditorState,
    t: &EditorTexts,
    commands: &mut Vec<Command>,
) {
    egui::Modal::new(egui::Id::unique("editor-question")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        if state.asking_comments {
            ui.label(RichText::new(t.comments_will_go).font(theme::text(18.0)));
            ui.horizontal(|ui| {
                if ui.button(t.save_anyway).clicked() {
                    commands.push(Command::Editor(EditorCommand::SaveDroppingComments));
                }
                if ui.button(t.save_as).clicked() {
                    commands.push(Command::Editor(EditorCommand::KeepEditing));
                    commands.push(Command::Editor(EditorCommand::SaveAs));
                }
                if ui.button(t.keep_editing).clicked() {
                    commands.push(Command::Editor(EditorCommand::KeepEditing));
                }
            });
        } else {
            let file = state
                .path
                .as_deref()
                .map_or_else(|| t.untitled.to_owned(), |p| p.display().to_string());
            ui.label(RichText::new(fill(t.unsaved_question, &[&file])).font(theme::text(18.0)));
            ui.horizontal(|ui| {
                if ui.button(t.save).clicked() {
                    commands.push(Command::Editor(EditorCommand::SaveAndContinue));
                }
                if ui.button(t.discard).clicked() {
                    commands.push(Command::Editor(EditorCommand::Discard));
                }
                if ui.button(t.keep_editing).clicked() {
                    commands.push(Command::Editor(EditorCommand::KeepEditing));
                }
            });
        }
    });
}

/// Alt+↑ / Alt+↓ move the selected segment; Ctrl+D duplicates it. Only on the
/// segments tab, and only chords, so typing in a field never moves a row.
pub fn editor_keys(ctx: &egui::Context, state: &mut EditorState) {
    if state.section != Section::Segments || state.asking() {
        return;
    }
    let Some(i) = state.selected_segment else {
        return;
    };
    let (up, down, duplicate) = ctx.input_mut(|input| {
        (
            input.consume_key(egui::Modifiers::ALT, egui::Key::ArrowUp),
            input.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown),
            input.consume_key(egui::Modifiers::COMMAND, egui::Key::D),
        )
    });
    if up && i > 0 {
        segments::move_segment(state, i, i - 1);
    } else if down {
        segments::move_segment(state, i, i + 1);
    } else if duplicate {
        segments::duplicate_segment(state, i);
    }
}
