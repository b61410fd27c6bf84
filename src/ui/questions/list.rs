//! The list of questions: a strip for the "n new" marker that is always there, then one
//! row per question, one line each, in a scroll area.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText};

use super::super::text::{Texts, fill};
use super::super::{View, sanitize_for_display, theme};
use super::state::PanelState;
use crate::plan::{Plan, bare_handle, clock_text};
use crate::questions::{Band, Question, QuestionState, Queue};

/// The marker strip and the rows.
pub(super) fn list_ui(ui: &mut egui::Ui, frame: &View<'_>, state: &mut PanelState) {
    let texts = frame.texts;
    let queue = frame.live.session().questions();
    let font = theme::text(frame.scale.pt(22.0));
    let padding = ui.spacing().button_padding.y;
    let row_height = ui.fonts_mut(|f| f.row_height(&font)) + 2.0 * padding;
    // The strip is there whether or not something waits, so the rows never move down
    // when the marker appears.
    ui.allocate_ui(egui::vec2(ui.available_width(), row_height), |ui| {
        ui.set_min_height(row_height);
        if state.unseen() > 0 {
            let marker = egui::Button::new(
                RichText::new(fill(texts.q_new_marker, &[&state.unseen().to_string()]))
                    .color(Color32::BLACK),
            )
            .fill(theme::BLUE);
            if ui.add(marker).clicked() {
                state.refresh();
            }
        }
    });
    if state.shown().is_empty() {
        ui.label(RichText::new(texts.q_empty).color(theme::FAINT));
        state.pointer_over_list = false;
        return;
    }
    let spacing = ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("question-list")
        .auto_shrink(false);
    if std::mem::take(&mut state.scroll_to_selected)
        && let Some(i) = state
            .selected
            .as_ref()
            .and_then(|k| state.shown().iter().position(|s| s == k))
    {
        // Rows outside the view are not laid out, so scroll by arithmetic: just enough
        // to bring the row in.
        let top = i as f32 * (row_height + spacing);
        let (offset, height) = state.list_view;
        if top < offset {
            area = area.vertical_scroll_offset(top);
        } else if top + row_height > offset + height {
            area = area.vertical_scroll_offset(top + row_height - height);
        }
    }
    let shown = state.shown().to_vec();
    let output = area.show_rows(ui, row_height, shown.len(), |ui, range| {
        for i in range {
            let Some(q) = queue.find(&shown[i]) else {
                ui.add_space(row_height);
                continue;
            };
            row_ui(ui, frame, queue, state, i, q, &font, row_height);
        }
    });
    state.list_view = (output.state.clamped_offset().y, output.inner_rect.height());
    state.pointer_over_list = ui
        .ctx()
        .pointer_hover_pos()
        .is_some_and(|p| output.inner_rect.contains(p));
}

/// One question on one line: rank, tags, the wording; on the right how many asked and
/// who first.
#[allow(clippy::too_many_arguments)] // one row's inputs, all read once
fn row_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    queue: &Queue,
    state: &mut PanelState,
    index: usize,
    q: &Question,
    font: &FontId,
    row_height: f32,
) {
    let texts = frame.texts;
    let plan = frame.live.plan();
    let open = q.is_open();
    let mut job = LayoutJob::default();
    let add = |job: &mut LayoutJob, text: &str, color: Color32| {
        let leading = if job.text.is_empty() { 0.0 } else { 8.0 };
        job.append(
            text,
            leading,
            TextFormat {
                font_id: font.clone(),
                color,
                ..Default::default()
            },
        );
    };
    add(&mut job, &format!("{}.", index + 1), theme::FAINT);
    for (tag, color) in tags(texts, plan, queue, q) {
        add(&mut job, &tag, color);
    }
    let text_color = if open { theme::TEXT } else { theme::DIM };
    add(
        &mut job,
        &sanitize_for_display(q.display_text()),
        text_color,
    );
    // On the right, smaller: the marks, how many asked and who first.
    let small = FontId::new(font.size * 0.85, font.family.clone());
    let mut right_job = LayoutJob::default();
    let mut add_right = |text: &str, color: Color32| {
        let leading = if right_job.text.is_empty() { 0.0 } else { 8.0 };
        right_job.append(
            &sanitize_for_display(text),
            leading,
            TextFormat {
                font_id: small.clone(),
                color,
                ..Default::default()
            },
        );
    };
    for (mark, color) in marks(texts, queue, q) {
        add_right(&mark, color);
    }
    if q.times_asked() > 1 {
        add_right(
            &fill(texts.times_asked, &[&q.times_asked().to_string()]),
            theme::BLUE,
        );
    }
    let askers = q.askers();
    for a in askers.iter().take(2) {
        add_right(&format!("@{}", bare_handle(a)), theme::DIM);
    }
    if askers.len() > 2 {
        add_right(
            &fill(texts.and_more, &[&(askers.len() - 2).to_string()]),
            theme::DIM,
        );
    }
    let selected = state.selected.as_ref() == Some(&q.key);
    let merging = state.merging.as_ref() == Some(&q.key);
    // Selected: a lit row with a thin outline, so the coloured tags stay readable.
    let mut button = egui::Button::new(job)
        .selected(selected)
        .frame(true)
        .frame_when_inactive(selected || merging)
        .right_text(right_job)
        .truncate()
        .min_size(egui::vec2(ui.available_width(), row_height));
    if selected || merging {
        let outline = if merging { theme::AMBER } else { theme::BLUE };
        button = button
            .fill(theme::SELECTED_ROW)
            .stroke(egui::Stroke::new(1.5, outline));
    }
    let mut response = ui.add(button);
    // The whole question on hover when the line may be cut short, and always the
    // question as asked when the producer reworded it.
    if q.wording.is_some() || q.display_text().chars().count() > 28 {
        response = response.on_hover_ui(|ui| {
            ui.label(sanitize_for_display(q.display_text()));
            if q.wording.is_some() {
                ui.label(
                    RichText::new(fill(texts.q_original, &[&sanitize_for_display(&q.text)]))
                        .color(theme::DIM),
                );
            }
        });
    }
    if response.clicked() {
        state.selected = Some(q.key.clone());
    }
}

/// The tags before a question's text, with their colours.
pub(super) fn tags(
    texts: &Texts,
    plan: &Plan,
    queue: &Queue,
    q: &Question,
) -> Vec<(String, Color32)> {
    let mut tags = Vec::new();
    if q.merged_into.is_some() {
        tags.push((texts.q_tag_merged.to_owned(), theme::FAINT));
    }
    if q.is_open() {
        match queue.band(q) {
            Band::Pinned => tags.push((texts.q_tag_pinned.to_owned(), theme::GOLD)),
            Band::UpNext => tags.push((texts.q_tag_up_next.to_owned(), theme::BLUE)),
            Band::ThisSegment => tags.push((texts.q_tag_this_segment.to_owned(), theme::GREEN)),
            Band::Queued => {}
        }
        if queue.is_held(q)
            && let Some(segment) = q.segment.and_then(|i| plan.segments.get(i))
        {
            tags.push((fill(texts.q_tag_waits, &[&segment.title]), theme::FAINT));
        }
    }
    match q.state {
        QuestionState::Answered => {
            let at = q
                .handled
                .and_then(|h| h.show_ms)
                .map(clock_text)
                .unwrap_or_default();
            tags.push((fill(texts.q_tag_answered, &[&at]), theme::GREEN));
        }
        QuestionState::Skipped => tags.push((texts.q_tag_skipped.to_owned(), theme::DIM)),
        QuestionState::Dismissed => tags.push((texts.q_tag_dismissed.to_owned(), theme::FAINT)),
        QuestionState::Queued | QuestionState::UpNext => {}
    }
    if q.is_planned() {
        tags.push((texts.q_tag_planned.to_owned(), theme::DIM));
    }
    tags
}

/// Marks the producer made: follow-up, reworded.
pub(super) fn marks(texts: &Texts, queue: &Queue, q: &Question) -> Vec<(String, Color32)> {
    let mut marks = Vec::new();
    if queue.is_marked(&crate::questions::FollowUpItem::Question(q.key.clone())) {
        marks.push((texts.q_tag_follow_up.to_owned(), theme::GOLD));
    }
    if q.wording.is_some() {
        marks.push((texts.q_tag_edited.to_owned(), theme::DIM));
    }
    marks
}
