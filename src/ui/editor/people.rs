//! Who and what the show features: guests, products, and the media to share (files
//! picked in the desktop's dialog, shown as thumbnails).

use egui::RichText;

use crate::plan::{Guest, Media, Product};

use super::super::Command;
use super::super::text::{EditorTexts, fill};
use super::super::theme;
use super::super::thumbnails::Thumbnails;
use super::fields::{opt_text, problems_ui};
use super::{EditorCommand, EditorState};

/// The guests and products tab.
pub fn people_ui(ui: &mut egui::Ui, state: &mut EditorState, t: &EditorTexts) {
    ui.label(RichText::new(t.guests).font(theme::text(18.0)));
    let mut delete = None;
    for i in 0..state.plan.guests.len() {
        ui.horizontal(|ui| {
            let g = &mut state.plan.guests[i];
            ui.add(
                egui::TextEdit::singleline(&mut g.handle)
                    .desired_width(180.0)
                    .hint_text(t.handle_hint),
            );
            ui.add(
                egui::TextEdit::singleline(&mut g.name)
                    .desired_width(200.0)
                    .hint_text(t.name_hint),
            );
            let key = format!("guests[{i}].topics");
            state
                .buffers
                .commas(ui, &key, &mut state.plan.guests[i].topics, 360.0);
            if ui
                .button(fill(t.delete_guest_n, &[&(i + 1).to_string()]))
                .clicked()
            {
                delete = Some(i);
            }
        });
        problems_ui(ui, t, state.problems_at(&format!("guests[{i}]")));
    }
    if let Some(i) = delete {
        state.plan.guests.remove(i);
        state.buffers.clear();
    }
    if ui.button(t.add_guest).clicked() {
        state.plan.guests.push(Guest {
            handle: String::new(),
            name: String::new(),
            topics: Vec::new(),
        });
    }
    ui.add_space(16.0);
    ui.label(RichText::new(t.products).font(theme::text(18.0)));
    let mut delete = None;
    for i in 0..state.plan.products.len() {
        ui.horizontal(|ui| {
            let p = &mut state.plan.products[i];
            ui.add(
                egui::TextEdit::singleline(&mut p.id)
                    .desired_width(100.0)
                    .hint_text(t.id_hint),
            );
            ui.add(
                egui::TextEdit::singleline(&mut p.name)
                    .desired_width(220.0)
                    .hint_text(t.name_hint),
            );
            ui.add(
                egui::TextEdit::singleline(&mut p.price)
                    .desired_width(100.0)
                    .hint_text(t.price_hint),
            );
            opt_text(ui, &mut p.link, 260.0, t.link_hint);
            opt_text(ui, &mut p.discount_code, 100.0, t.code_hint);
            if ui
                .button(fill(t.delete_product_n, &[&(i + 1).to_string()]))
                .clicked()
            {
                delete = Some(i);
            }
        });
        problems_ui(ui, t, state.problems_at(&format!("products[{i}]")));
    }
    if let Some(i) = delete {
        state.plan.products.remove(i);
    }
    if ui.button(t.add_product).clicked() {
        let taken: Vec<String> = state.plan.products.iter().map(|p| p.id.clone()).collect();
        state.plan.products.push(Product {
            id: crate::plan::IdMaker::new("product-", &taken).next(),
            name: String::new(),
            price: String::new(),
            link: None,
            discount_code: None,
        });
    }
}

/// The media tab.
pub fn media_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    t: &EditorTexts,
    commands: &mut Vec<Command>,
) {
    // Thumbnails are decoded again, off this thread, when the files change.
    let wanted: Vec<String> = state
        .plan
        .media
        .iter()
        .map(|m| format!("{}={}", m.id, m.path))
        .collect();
    if wanted != state.thumbnails_for {
        state.thumbnails = Thumbnails::load(&state.plan, state.plan_dir().as_deref());
        state.thumbnails_for = wanted;
    }
    if state.path.is_none() {
        ui.label(RichText::new(t.media_save_first).color(theme::FAINT));
    }
    let mut delete = None;
    for i in 0..state.plan.media.len() {
        ui.horizontal(|ui| {
            let id = state.plan.media[i].id.clone();
            let size = egui::vec2(96.0, 72.0);
            match state.thumbnails.texture(ui.ctx(), &id) {
                Some(texture) => {
                    ui.add(egui::Image::new(&texture).fit_to_exact_size(size));
                }
                None => {
                    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
                    ui.painter().rect_filled(rect, 4.0, theme::CARD);
                }
            }
            let m = &mut state.plan.media[i];
            ui.add(
                egui::TextEdit::singleline(&mut m.id)
                    .desired_width(130.0)
                    .hint_text(t.id_hint),
            );
            ui.add(
                egui::TextEdit::singleline(&mut m.path)
                    .desired_width(300.0)
                    .hint_text(t.path_hint),
            );
            if ui
                .button(fill(t.choose_file_n, &[&(i + 1).to_string()]))
                .clicked()
            {
                commands.push(Command::Editor(EditorCommand::PickMedia(i)));
            }
            ui.add(
                egui::TextEdit::singleline(&mut m.caption)
                    .desired_width(280.0)
                    .hint_text(t.caption_hint),
            );
            if ui
                .button(fill(t.delete_media_n, &[&(i + 1).to_string()]))
                .clicked()
            {
                delete = Some(i);
            }
        });
        problems_ui(ui, t, state.problems_at(&format!("media[{i}]")));
    }
    if let Some(i) = delete {
        state.plan.media.remove(i);
    }
    if ui.button(t.add_media).clicked() {
        let taken: Vec<String> = state.plan.media.iter().map(|m| m.id.clone()).collect();
        state.plan.media.push(Media {
            id: crate::plan::IdMaker::new("media-", &taken).next(),
            path: String::new(),
            caption: String::new(),
        });
    }
}
