//! The on-air screen: the host screen in the main window, or, while it is detached,
//! the producer's view here and the host screen in a window of its own. After a
//! resume, both say so in one line until dismissed.

use egui::RichText;

use super::host::host_screen_ui;
use super::keys::{Modal, keys};
use super::producer::producer_ui;
use super::text::{fill, plan_time};
use super::theme;
use super::{Command, View, ViewState};
use crate::plan::clock_text;

/// The detached host screen's window.
pub fn host_viewport_id() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("livecue-host-screen")
}

/// The main window's on-air screen.
pub fn on_air_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    resumed_notice_ui(ui, view, true, commands);
    if view.detached {
        producer_ui(ui, view, state, commands);
    } else {
        host_screen_ui(ui, view, state, true, commands);
    }
}

/// The host screen in its own window, whatever the main window shows. Returns true
/// when that window was asked to close (the host screen then comes back).
pub fn host_window_ui(
    ctx: &egui::Context,
    view: &View<'_>,
    state: &mut ViewState,
    modal: Modal,
    commands: &mut Vec<Command>,
) -> bool {
    ctx.show_viewport_immediate(
        host_viewport_id(),
        egui::ViewportBuilder::default()
            .with_title(view.texts.host_window_title)
            .with_inner_size([1280.0, 720.0]),
        |ui, _class| {
            let host_view = View {
                scale: super::theme::Scale::for_size(ui.available_size()),
                ..view.clone()
            };
            keys(ui.ctx(), &host_view, modal, None, None, commands);
            resumed_notice_ui(ui, &host_view, false, commands);
            host_screen_ui(ui, &host_view, state, false, commands);
            ui.input(|i| i.viewport().close_requested())
        },
    )
}

/// "Resumed after 0:12 — 20:31:07", with the producer's way out: a new show instead.
/// Or why the show is a new one when an unfinished one could not be continued.
fn resumed_notice_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    with_buttons: bool,
    commands: &mut Vec<Command>,
) {
    let texts = view.texts;
    let (line, color) = match (view.problem, view.resumed) {
        (Some(problem), _) => (super::sanitize_for_display(problem), theme::RED),
        (None, Some(resumed)) => {
            let at = plan_time(view.live.plan(), resumed.at, "%H:%M:%S");
            (
                fill(texts.resumed_notice, &[&clock_text(resumed.down_ms), &at]),
                theme::AMBER,
            )
        }
        (None, None) => return,
    };
    egui::Panel::top("resumed-notice")
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::symmetric(14, 6)),
        )
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(line)
                        .font(theme::text(view.scale.pt(20.0).max(15.0)))
                        .color(color),
                );
                if with_buttons {
                    ui.add_space(16.0);
                    if view.resumed.is_some() && ui.button(texts.start_new_show_instead).clicked() {
                        commands.push(Command::AskNewShow);
                    }
                    if ui.button(texts.dismiss_notice).clicked() {
                        commands.push(Command::DismissResumed);
                    }
                }
            });
        });
}
