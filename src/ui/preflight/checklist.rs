//! The checklist card: the plan's items (and the phone's do-not-disturb), ticked by
//! hand or by key. Each tick is journaled, so it survives a restart.

use egui::RichText;

use super::{PreflightView, card};
use crate::preflight::{Assessment, Check};
use crate::session::Action;
use crate::ui::text::fill;
use crate::ui::theme;
use crate::ui::{Command, View};

/// The checklist card.
pub fn checklist_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    pf: &PreflightView<'_>,
    assessment: &Assessment,
    commands: &mut Vec<Command>,
) {
    let texts = view.texts;
    let log = view.live.session().preflight();
    let items: Vec<_> = assessment
        .rows
        .iter()
        .filter_map(|row| match row.check {
            Check::Item(index) => Some((index, row)),
            _ => None,
        })
        .collect();
    let ticked = items.iter().filter(|(i, _)| log.is_ticked(*i)).count();
    let heading = format!(
        "{} · {}",
        texts.pf_checklist,
        fill(
            texts.pf_ticked,
            &[&ticked.to_string(), &items.len().to_string()]
        )
    );
    card(ui, &heading, |ui| {
        // The boxes stand out from the card, ticked or not, from a metre away.
        let widgets = &mut ui.visuals_mut().widgets;
        widgets.inactive.bg_fill = theme::BACKGROUND;
        widgets.inactive.bg_stroke = egui::Stroke::new(1.5, theme::DIM);
        widgets.hovered.bg_stroke = egui::Stroke::new(2.0, theme::TEXT);
        ui.spacing_mut().icon_width = 22.0;
        ui.spacing_mut().icon_width_inner = 14.0;
        egui::ScrollArea::vertical()
            .id_salt("preflight-checklist")
            .max_height(ui.available_height() - 40.0)
            .show(ui, |ui| {
                for (index, row) in &items {
                    let selected = *index == pf.selected;
                    let frame = egui::Frame::NONE
                        .inner_margin(egui::Margin::symmetric(6, 3))
                        .corner_radius(4)
                        .fill(if selected {
                            theme::PANEL
                        } else {
                            egui::Color32::TRANSPARENT
                        });
                    frame.show(ui, |ui| {
                        ui.horizontal(|ui| {
                            let mut on = log.is_ticked(*index);
                            // What is still to do stands out; what is done steps back.
                            let text = RichText::new(&row.label)
                                .font(theme::text(20.0))
                                .color(if on { theme::DIM } else { theme::TEXT });
                            if ui.checkbox(&mut on, text).changed() {
                                commands.push(Command::SelectChecklist(*index));
                                commands.push(Command::Live(Action::TickChecklist {
                                    item: *index,
                                    ticked: on,
                                }));
                            }
                        });
                    });
                    if selected && pf.scroll_to_selected {
                        ui.scroll_to_cursor(None);
                    }
                }
            });
        ui.add_space(6.0);
        ui.label(
            RichText::new(texts.pf_checklist_keys)
                .font(theme::mono(15.0))
                .color(theme::FAINT),
        );
    });
}
