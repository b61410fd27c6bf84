//! Cues: a timeline of the show with every cue where it is planned to fire, and the
//! list of cues with what each asks for and when.

use egui::{Color32, RichText, Sense};

use crate::plan::{Cue, CueAction, CueTime, Dur, clock_text};

use super::super::text::{EditorTexts, fill};
use super::super::theme;
use super::EditorState;
use super::fields::problems_ui;

#[derive(Clone, Copy, PartialEq, Eq)]
enum ActionKind {
    InviteGuest,
    ShareMedia,
    MentionOffer,
    CallToAction,
    Custom,
}

impl ActionKind {
    const ALL: [ActionKind; 5] = [
        ActionKind::InviteGuest,
        ActionKind::ShareMedia,
        ActionKind::MentionOffer,
        ActionKind::CallToAction,
        ActionKind::Custom,
    ];

    fn of(action: &CueAction) -> (Self, &String) {
        match action {
            CueAction::InviteGuest(s) => (Self::InviteGuest, s),
            CueAction::ShareMedia(s) => (Self::ShareMedia, s),
            CueAction::MentionOffer(s) => (Self::MentionOffer, s),
            CueAction::CallToAction(s) => (Self::CallToAction, s),
            CueAction::Custom(s) => (Self::Custom, s),
        }
    }

    fn make(self, text: String) -> CueAction {
        match self {
            Self::InviteGuest => CueAction::InviteGuest(text),
            Self::ShareMedia => CueAction::ShareMedia(text),
            Self::MentionOffer => CueAction::MentionOffer(text),
            Self::CallToAction => CueAction::CallToAction(text),
            Self::Custom => CueAction::Custom(text),
        }
    }

    fn label(self, t: &EditorTexts) -> &'static str {
        match self {
            Self::InviteGuest => t.cue_invite_guest,
            Self::ShareMedia => t.cue_share_media,
            Self::MentionOffer => t.cue_mention_offer,
            Self::CallToAction => t.cue_call_to_action,
            Self::Custom => t.cue_custom,
        }
    }
}

/// The cues tab: the timeline, then one row per cue with its problems under it.
pub fn cues_ui(ui: &mut egui::Ui, state: &mut EditorState, t: &EditorTexts) {
    timeline_ui(ui, state);
    ui.add_space(10.0);
    let segment_names: Vec<String> = state
        .plan
        .segments
        .iter()
        .map(|s| s.id.clone().unwrap_or_else(|| s.title.clone()))
        .collect();
    let guests: Vec<String> = state.plan.guests.iter().map(|g| g.handle.clone()).collect();
    let media: Vec<String> = state.plan.media.iter().map(|m| m.id.clone()).collect();
    let products: Vec<String> = state.plan.products.iter().map(|p| p.id.clone()).collect();
    let mut delete = None;
    for i in 0..state.plan.cues.len() {
        egui::Frame::NONE
            .fill(theme::PANEL)
            .inner_margin(egui::Margin::symmetric(8, 6))
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let name = ui.label(
                        RichText::new(fill(t.cue_n, &[&(i + 1).to_string()])).color(theme::DIM),
                    );
                    let cue = &mut state.plan.cues[i];
                    let in_segment = matches!(cue.at, CueTime::Segment(..));
                    egui::ComboBox::from_id_salt(("editor-cue-when", i))
                        .selected_text(if in_segment {
                            t.cue_into_segment
                        } else {
                            t.cue_show_time
                        })
                        .show_ui(ui, |ui| {
                            if ui.selectable_label(!in_segment, t.cue_show_time).clicked()
                                && in_segment
                            {
                                let at = state_time(&cue.at);
                                cue.at = CueTime::Show(at);
                            }
                            if ui
                                .selectable_label(in_segment, t.cue_into_segment)
                                .clicked()
                                && !in_segment
                            {
                                let first = segment_names.first().cloned().unwrap_or_default();
                                cue.at = CueTime::Segment(first, Dur::ZERO);
                            }
                        });
                    if let CueTime::Segment(name, _) = &mut cue.at {
                        egui::ComboBox::from_id_salt(("editor-cue-segment", i))
                            .selected_text(name.as_str())
                            .show_ui(ui, |ui| {
                                for s in &segment_names {
                                    ui.selectable_value(name, s.clone(), s);
                                }
                            });
                    }
                    let key = format!("cues[{i}].at");
                    match &mut state.plan.cues[i].at {
                        CueTime::Show(at) | CueTime::Segment(_, at) => {
                            state.buffers.dur(ui, &key, at, 70.0);
                        }
                    }
                    let cue = &mut state.plan.cues[i];
                    let (kind, text) = ActionKind::of(&cue.what);
                    let mut new_kind = kind;
                    let mut text = text.clone();
                    egui::ComboBox::from_id_salt(("editor-cue-what", i))
                        .selected_text(kind.label(t))
                        .show_ui(ui, |ui| {
                            for k in ActionKind::ALL {
                                ui.selectable_value(&mut new_kind, k, k.label(t));
                            }
                        });
                    let names = match new_kind {
                        ActionKind::InviteGuest => &guests[..],
                        ActionKind::ShareMedia => &media[..],
                        ActionKind::MentionOffer => &products[..],
                        _ => &[][..],
                    };
                    let edit = ui
                        .add(egui::TextEdit::singleline(&mut text).desired_width(320.0))
                        .labelled_by(name.id);
                    if !names.is_empty() {
                        egui::ComboBox::from_id_salt(("editor-cue-name", i))
                            .selected_text("")
                            .width(24.0)
                            .show_ui(ui, |ui| {
                                for name in names {
                                    ui.selectable_value(&mut text, name.clone(), name);
                                }
                            });
                    }
                    if new_kind != kind || edit.changed() || ActionKind::of(&cue.what).1 != &text {
                        cue.what = new_kind.make(text);
                    }
                    ui.checkbox(&mut cue.sound, t.cue_sound);
                    if ui
                        .button(fill(t.delete_cue_n, &[&(i + 1).to_string()]))
                        .clicked()
                    {
                        delete = Some(i);
                    }
                });
                let path = format!("cues[{i}]");
                problems_ui(ui, t, state.problems.iter().filter(|d| d.is_under(&path)));
            });
        ui.add_space(2.0);
    }
    if let Some(i) = delete {
        state.plan.cues.remove(i);
        state.buffers.clear();
    }
    if ui.button(t.add_cue).clicked() {
        // A new cue lands halfway through the show, where the timeline shows it plainly.
        let half = Dur::from_secs(state.plan.planned_total().secs() / 2);
        state.plan.cues.push(Cue {
            at: CueTime::Show(half),
            what: CueAction::Custom(String::new()),
            sound: true,
        });
        state.buffers.clear();
    }
}

fn state_time(at: &CueTime) -> Dur {
    match at {
        CueTime::Show(d) | CueTime::Segment(_, d) => *d,
    }
}

/// Segments as coloured blocks along the show, and a mark for each cue at the time it is
/// planned to fire, numbered like the list below.
fn timeline_ui(ui: &mut egui::Ui, state: &EditorState) {
    let plan = &state.plan;
    let total = plan.planned_total().ms().max(1);
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 64.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let x = |ms: i64| rect.left() + rect.width() * (ms as f32 / total as f32).clamp(0.0, 1.0);
    let band = egui::Rect::from_x_y_ranges(rect.x_range(), rect.top() + 22.0..=rect.bottom() - 4.0);
    const COLORS: [Color32; 2] = [
        Color32::from_rgb(0x2A, 0x34, 0x46),
        Color32::from_rgb(0x22, 0x3A, 0x3A),
    ];
    let starts = plan.planned_starts();
    for (i, (segment, start)) in plan.segments.iter().zip(&starts).enumerate() {
        let block = egui::Rect::from_x_y_ranges(
            x(start.ms())..=x(start.ms() + segment.duration.ms()),
            band.y_range(),
        );
        painter.rect_filled(block.shrink2(egui::vec2(1.0, 0.0)), 2.0, COLORS[i % 2]);
        // Each title stays inside its own block; a short segment shows what fits.
        painter
            .with_clip_rect(block.shrink2(egui::vec2(2.0, 0.0)))
            .text(
                block.left_center() + egui::vec2(4.0, 0.0),
                egui::Align2::LEFT_CENTER,
                &segment.title,
                theme::text(12.0),
                theme::DIM,
            );
    }
    let mut hovered = None;
    for (i, cue) in plan.cues.iter().enumerate() {
        let Some(at) = plan.planned_cue_time(cue) else {
            continue;
        };
        let has_error = state
            .problems_at(&format!("cues[{i}]"))
            .any(|d| d.is_error());
        let color = if has_error { theme::RED } else { theme::GOLD };
        let cx = x(at.ms());
        painter.vline(
            cx,
            rect.top() + 14.0..=rect.bottom(),
            egui::Stroke::new(2.0, color),
        );
        painter.text(
            egui::pos2(cx, rect.top() + 6.0),
            egui::Align2::CENTER_CENTER,
            (i + 1).to_string(),
            theme::text(12.0),
            color,
        );
        if response.hover_pos().is_some_and(|p| (p.x - cx).abs() < 6.0) {
            hovered = Some(format!(
                "{} {}",
                clock_text(at.ms()),
                cue.what.describe(plan)
            ));
        }
    }
    if let Some(text) = hovered {
        response.on_hover_text(text);
    }
}
