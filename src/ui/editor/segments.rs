//! The running order as a table (add, duplicate, delete, reorder by dragging the
//! handle or with Alt+↑/↓), the selected segment's details, and the running-time bar
//! against the target window.

use egui::{Color32, RichText, Sense};

use crate::plan::{Diagnostic, Dur, EndAction, Problem, Segment, SegmentKind, clock_text};

use super::super::text::{EditorTexts, fill};
use super::super::theme;
use super::EditorState;
use super::fields::{labelled, opt_text, problems_ui};

const KINDS: [SegmentKind; 6] = [
    SegmentKind::WarmUp,
    SegmentKind::Content,
    SegmentKind::QAndA,
    SegmentKind::Guest,
    SegmentKind::Product,
    SegmentKind::Closing,
];

/// Moves segment `from` to position `to`; the selection follows it.
pub fn move_segment(state: &mut EditorState, from: usize, to: usize) {
    let segments = &mut state.plan.segments;
    if from >= segments.len() || to >= segments.len() || from == to {
        return;
    }
    let segment = segments.remove(from);
    segments.insert(to, segment);
    state.selected_segment = Some(to);
    state.buffers.clear();
}

/// Puts a copy of segment `i` after it (its id made unique) and selects the copy.
pub fn duplicate_segment(state: &mut EditorState, i: usize) {
    let Some(original) = state.plan.segments.get(i) else {
        return;
    };
    let mut copy = original.clone();
    if let Some(id) = &copy.id {
        let taken: Vec<String> = state
            .plan
            .segments
            .iter()
            .filter_map(|s| s.id.clone())
            .collect();
        let mut n = 2;
        while taken.contains(&format!("{id}-{n}")) {
            n += 1;
        }
        copy.id = Some(format!("{id}-{n}"));
    }
    state.plan.segments.insert(i + 1, copy);
    state.selected_segment = Some(i + 1);
    state.buffers.clear();
}

fn delete_segment(state: &mut EditorState, i: usize) {
    if i < state.plan.segments.len() {
        state.plan.segments.remove(i);
        state.selected_segment = None;
        state.buffers.clear();
    }
}

fn kind_label(kind: SegmentKind, t: &EditorTexts) -> &'static str {
    match kind {
        SegmentKind::WarmUp => t.kind_warm_up,
        SegmentKind::Content => t.kind_content,
        SegmentKind::QAndA => t.kind_q_and_a,
        SegmentKind::Guest => t.kind_guest,
        SegmentKind::Product => t.kind_product,
        SegmentKind::Closing => t.kind_closing,
    }
}

/// The segments tab.
pub fn segments_ui(ui: &mut egui::Ui, state: &mut EditorState, t: &EditorTexts) {
    ui.label(RichText::new(t.segments_hint).color(theme::FAINT));
    ui.add_space(6.0);
    let starts = state.plan.planned_starts();
    let mut action: Option<RowAction> = None;
    let mut dropped: Option<(usize, usize)> = None;
    let count = state.plan.segments.len();
    for (i, start) in starts.iter().enumerate() {
        let selected = state.selected_segment == Some(i);
        let row = egui::Frame::NONE
            .fill(if selected {
                theme::SELECTED_ROW
            } else {
                theme::PANEL
            })
            .inner_margin(egui::Margin::symmetric(8, 4))
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let handle = egui::Id::unique(("editor-segment-drag", i));
                    ui.dnd_drag_source(handle, i, |ui| {
                        ui.label(RichText::new("≡").font(theme::text(20.0)).color(theme::DIM))
                            .on_hover_text(t.drag_to_reorder);
                    });
                    ui.label(
                        RichText::new(format!("{:>2} {:>6}", i + 1, clock_text(start.ms())))
                            .font(theme::mono(14.0))
                            .color(theme::DIM),
                    );
                    let segment = &mut state.plan.segments[i];
                    let title =
                        ui.add(egui::TextEdit::singleline(&mut segment.title).desired_width(300.0));
                    if title.gained_focus() {
                        action = Some(RowAction::Select(i));
                    }
                    egui::ComboBox::from_id_salt(("editor-kind", i))
                        .selected_text(kind_label(segment.kind, t))
                        .width(110.0)
                        .show_ui(ui, |ui| {
                            for kind in KINDS {
                                ui.selectable_value(&mut segment.kind, kind, kind_label(kind, t));
                            }
                        });
                    let key = format!("segments[{i}].duration");
                    state
                        .buffers
                        .dur(ui, &key, &mut state.plan.segments[i].duration, 70.0);
                    let segment = &mut state.plan.segments[i];
                    egui::ComboBox::from_id_salt(("editor-end", i))
                        .selected_text(match segment.end_action {
                            EndAction::Hold => t.end_hold,
                            EndAction::Next => t.end_next,
                        })
                        .width(90.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(
                                &mut segment.end_action,
                                EndAction::Hold,
                                t.end_hold,
                            );
                            ui.selectable_value(
                                &mut segment.end_action,
                                EndAction::Next,
                                t.end_next,
                            );
                        });
                    let select_label = fill(t.details_of, &[&(i + 1).to_string()]);
                    if ui.selectable_label(selected, select_label).clicked() {
                        action = Some(RowAction::Select(i));
                    }
                    if ui.add_enabled(i > 0, egui::Button::new("↑")).clicked() {
                        action = Some(RowAction::Move(i, i - 1));
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new("↓"))
                        .clicked()
                    {
                        action = Some(RowAction::Move(i, i + 1));
                    }
                    if ui
                        .button(fill(t.duplicate_n, &[&(i + 1).to_string()]))
                        .clicked()
                    {
                        action = Some(RowAction::Duplicate(i));
                    }
                    if ui
                        .button(fill(t.delete_n, &[&(i + 1).to_string()]))
                        .clicked()
                    {
                        action = Some(RowAction::Delete(i));
                    }
                });
                let path = format!("segments[{i}]");
                problems_ui(ui, t, state.problems.iter().filter(|d| d.is_under(&path)));
            });
        if let Some(from) = row.response.dnd_release_payload::<usize>() {
            dropped = Some((*from, i));
        } else if row.response.dnd_hover_payload::<usize>().is_some() {
            ui.painter().hline(
                row.response.rect.x_range(),
                row.response.rect.bottom(),
                egui::Stroke::new(2.0, theme::BLUE),
            );
        }
        ui.add_space(2.0);
    }
    if ui.button(t.add_segment).clicked() {
        action = Some(RowAction::Add);
    }
    if let Some((from, to)) = dropped {
        move_segment(state, from, to);
    }
    match action {
        Some(RowAction::Select(i)) => state.selected_segment = Some(i),
        Some(RowAction::Move(from, to)) => move_segment(state, from, to),
        Some(RowAction::Duplicate(i)) => duplicate_segment(state, i),
        Some(RowAction::Delete(i)) => delete_segment(state, i),
        Some(RowAction::Add) => {
            let at = state
                .selected_segment
                .map_or(state.plan.segments.len(), |i| i + 1);
            state.plan.segments.insert(
                at,
                Segment {
                    id: None,
                    title: t.new_segment_title.to_owned(),
                    kind: SegmentKind::Content,
                    duration: Dur::from_mins(5),
                    talking_points: Vec::new(),
                    notes: String::new(),
                    warning: None,
                    danger: None,
                    end_action: EndAction::Hold,
                    guest: None,
                    product: None,
                },
            );
            state.selected_segment = Some(at);
            state.buffers.clear();
        }
        None => {}
    }
    problems_ui(
        ui,
        t,
        state
            .problems
            .iter()
            .filter(|d| d.path == "segments" && !is_outside_window(d)),
    );
    if let Some(i) = state
        .selected_segment
        .filter(|&i| i < state.plan.segments.len())
    {
        ui.add_space(12.0);
        ui.separator();
        details_ui(ui, state, t, i);
    }
}

enum RowAction {
    Select(usize),
    Move(usize, usize),
    Duplicate(usize),
    Delete(usize),
    Add,
}

fn details_ui(ui: &mut egui::Ui, state: &mut EditorState, t: &EditorTexts, i: usize) {
    let title = state.plan.segments[i].title.clone();
    ui.label(
        RichText::new(fill(t.segment_details, &[&(i + 1).to_string(), &title]))
            .font(theme::text(18.0)),
    );
    let guests: Vec<String> = state.plan.guests.iter().map(|g| g.handle.clone()).collect();
    let products: Vec<String> = state.plan.products.iter().map(|p| p.id.clone()).collect();
    egui::Grid::new("editor-segment-details")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            let segment = &mut state.plan.segments[i];
            labelled(ui, t.segment_id, |ui| {
                opt_text(ui, &mut segment.id, 200.0, t.segment_id_hint)
            });
            ui.end_row();
            labelled(ui, t.duration, |ui| {
                let key = format!("segments[{i}].duration");
                state
                    .buffers
                    .dur(ui, &key, &mut state.plan.segments[i].duration, 90.0)
            });
            ui.end_row();
            labelled(ui, t.talking_points, |ui| {
                let key = format!("segments[{i}].talking_points");
                state.buffers.lines(
                    ui,
                    &key,
                    &mut state.plan.segments[i].talking_points,
                    4,
                    560.0,
                )
            });
            ui.end_row();
            let segment = &mut state.plan.segments[i];
            labelled(ui, t.notes, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut segment.notes)
                        .desired_rows(2)
                        .desired_width(560.0),
                )
            });
            ui.end_row();
            ui.label(RichText::new(t.thresholds).color(theme::DIM));
            ui.horizontal(|ui| {
                let warn_hint = clock_text(state.plan.segments[i].warning_at().ms());
                let danger_hint = clock_text(state.plan.segments[i].danger_at().ms());
                ui.label(RichText::new(t.warning_at).color(theme::AMBER));
                let key = format!("segments[{i}].warning");
                state.buffers.opt_dur(
                    ui,
                    &key,
                    &mut state.plan.segments[i].warning,
                    70.0,
                    &warn_hint,
                );
                ui.label(RichText::new(t.danger_at).color(theme::RED));
                let key = format!("segments[{i}].danger");
                state.buffers.opt_dur(
                    ui,
                    &key,
                    &mut state.plan.segments[i].danger,
                    70.0,
                    &danger_hint,
                );
            });
            ui.end_row();
            let segment = &mut state.plan.segments[i];
            ui.label(RichText::new(t.guest).color(theme::DIM));
            choice_ui(
                ui,
                ("editor-seg-guest", i),
                &mut segment.guest,
                &guests,
                t.none,
            );
            ui.end_row();
            ui.label(RichText::new(t.product).color(theme::DIM));
            choice_ui(
                ui,
                ("editor-seg-product", i),
                &mut segment.product,
                &products,
                t.none,
            );
            ui.end_row();
        });
}

/// A choice among names the plan defines, or none.
pub fn choice_ui(
    ui: &mut egui::Ui,
    id: impl egui::AsIdSalt,
    value: &mut Option<String>,
    names: &[String],
    none: &str,
) {
    egui::ComboBox::from_id_salt(id)
        .selected_text(value.as_deref().unwrap_or(none))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none);
            for name in names {
                ui.selectable_value(value, Some(name.clone()), name);
            }
        });
}

/// Whether `d` is validation's "planned running time is outside the window": said
/// beside the running-time bar rather than under the segments.
pub fn is_outside_window(d: &Diagnostic) -> bool {
    matches!(d.problem, Problem::OutsideWindow { .. })
}

/// The planned total against the target window, with the window's verdict beside it.
pub fn running_time_ui(ui: &mut egui::Ui, state: &EditorState, t: &EditorTexts) {
    let plan = &state.plan;
    let total = plan.planned_total().ms();
    let (min, max) = (plan.target.min.ms(), plan.target.max.ms());
    let outside = state.problems.iter().find(|d| is_outside_window(d));
    ui.label(
        RichText::new(fill(
            t.running_time,
            &[&clock_text(total), &clock_text(min), &clock_text(max)],
        ))
        .font(theme::text(18.0)),
    );
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 28.0), Sense::hover());
    let scale_ms = (max + 15 * 60_000).max(total + 5 * 60_000).max(1) as f32;
    let x = |ms: i64| rect.left() + rect.width() * (ms as f32 / scale_ms).clamp(0.0, 1.0);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, theme::CARD);
    let window = egui::Rect::from_x_y_ranges(x(min)..=x(max), rect.y_range());
    painter.rect_filled(
        window,
        0.0,
        Color32::from_rgba_unmultiplied(0x5C, 0xD6, 0x8A, 40),
    );
    let color = if outside.is_some() {
        theme::AMBER
    } else {
        theme::GREEN
    };
    let filled = egui::Rect::from_x_y_ranges(rect.left()..=x(total), rect.shrink(6.0).y_range());
    painter.rect_filled(filled, 2.0, color);
    for edge in [min, max] {
        painter.vline(
            x(edge),
            rect.y_range(),
            egui::Stroke::new(1.5, theme::GREEN),
        );
    }
    match outside.map(|d| (t.problem)(&d.problem)) {
        Some(words) => {
            ui.label(RichText::new(words).color(theme::AMBER));
        }
        None => {
            ui.label(RichText::new(t.inside_window).color(theme::GREEN));
        }
    }
}
