//! Controls: every action has a button and a key. The keyboard (or the producer) drives
//! the show; the host never needs the mouse.

use egui::{Event, Key, Modifiers, RichText};

use super::text::fill;
use super::theme::{self, Scale};
use super::{Command, View};
use crate::plan::clock_text;
use crate::questions::QuestionState;
use crate::session::Action;
use crate::show::ShowState;

/// The keys of the question and toggle buttons: printed beside the buttons and read
/// by [`keys`].
pub(super) const KEY_ANSWERED: Key = Key::A;
pub(super) const KEY_SKIP: Key = Key::S;
const KEY_HIDDEN: Key = Key::H;
const KEY_MUTE: Key = Key::M;
const KEY_FULLSCREEN: Key = Key::F11;
const KEY_SOURCE: Key = Key::O;
const KEY_DETACH: Key = Key::D;
const KEY_END: Key = Key::E;

const MINUTE_MS: i64 = 60_000;
const HALF_MINUTE_MS: i64 = 30_000;

/// A button with its key printed beside it. Returns true when clicked.
pub fn key_button(ui: &mut egui::Ui, label: &str, key: &str, scale: Scale) -> bool {
    let clicked = ui
        .add(egui::Button::new(
            RichText::new(label).font(theme::text(scale.pt(20.0).max(15.0))),
        ))
        .clicked();
    ui.label(
        RichText::new(key)
            .font(theme::mono(scale.pt(16.0).max(12.0)))
            .color(theme::FAINT),
    );
    clicked
}

/// The control strip under the host screen (and in the producer window).
pub fn controls_ui(ui: &mut egui::Ui, frame: &View<'_>, commands: &mut Vec<Command>) {
    let texts = frame.texts;
    let scale = frame.scale;
    ui.horizontal_wrapped(|ui| {
        let started = !matches!(frame.status.state, ShowState::NotStarted);
        let running = matches!(frame.status.state, ShowState::Running { .. });
        if !started {
            if key_button(ui, texts.start, texts.key_space, scale) {
                commands.push(Command::Live(Action::StartShow));
            }
        } else if key_button(ui, texts.next_segment, texts.key_space, scale) {
            commands.push(Command::Live(Action::NextSegment));
        }
        if key_button(ui, texts.previous_segment, texts.key_backspace, scale) {
            commands.push(Command::Live(Action::PreviousSegment));
        }
        if key_button(ui, texts.remove_minute, "−", scale) {
            commands.push(Command::Live(Action::AdjustTime {
                delta_ms: -MINUTE_MS,
            }));
        }
        if key_button(ui, texts.add_minute, "+", scale) {
            commands.push(Command::Live(Action::AdjustTime {
                delta_ms: MINUTE_MS,
            }));
        }
        ui.separator();
        let hidden_label = if frame.show_hidden {
            texts.hide_hidden
        } else {
            texts.show_hidden
        };
        if key_button(ui, hidden_label, KEY_HIDDEN.name(), scale) {
            commands.push(Command::ToggleHidden);
        }
        let mute_label = if frame.muted {
            texts.unmute
        } else {
            texts.mute
        };
        if key_button(ui, mute_label, KEY_MUTE.name(), scale) {
            commands.push(Command::ToggleMute);
        }
        if key_button(ui, texts.fullscreen, KEY_FULLSCREEN.name(), scale) {
            commands.push(Command::ToggleFullscreen);
        }
        if key_button(ui, texts.source_button, KEY_SOURCE.name(), scale) {
            commands.push(Command::OpenSourceDialog);
        }
        let detach_label = if frame.detached {
            texts.attach
        } else {
            texts.detach
        };
        if key_button(ui, detach_label, KEY_DETACH.name(), scale) {
            commands.push(Command::ToggleDetached);
        }
        if running {
            ui.separator();
            if key_button(ui, texts.end_show, KEY_END.name(), scale) {
                commands.push(Command::AskEndShow);
            }
        }
    });
}

/// Which dialog, if any, has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modal {
    /// None: keys drive the show.
    None,
    /// "End the show?": Enter ends it, Esc keeps going.
    EndConfirm,
    /// The comment-source form: Enter connects, Esc closes.
    SourceDialog,
}

/// Reads the keyboard. Keys act on the window that has focus, so both the main window
/// and a detached host window call this.
pub fn keys(ctx: &egui::Context, frame: &View<'_>, modal: Modal, commands: &mut Vec<Command>) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    ctx.input_mut(|input| {
        match modal {
            Modal::None => {}
            Modal::EndConfirm => {
                if input.consume_key(Modifiers::NONE, Key::Enter) {
                    commands.push(Command::ConfirmEndShow);
                }
                if input.consume_key(Modifiers::NONE, Key::Escape) {
                    commands.push(Command::CancelEndShow);
                }
                return;
            }
            Modal::SourceDialog => {
                if input.consume_key(Modifiers::NONE, Key::Enter) {
                    commands.push(Command::ConnectSource);
                }
                if input.consume_key(Modifiers::NONE, Key::Escape) {
                    commands.push(Command::CloseSourceDialog);
                }
                return;
            }
        }
        if input.consume_key(Modifiers::NONE, Key::Space) {
            commands.push(Command::Live(
                if matches!(frame.status.state, ShowState::NotStarted) {
                    Action::StartShow
                } else {
                    Action::NextSegment
                },
            ));
        }
        if input.consume_key(Modifiers::NONE, Key::Backspace) {
            commands.push(Command::Live(Action::PreviousSegment));
        }
        for delta_ms in take_time_keys(input) {
            commands.push(Command::Live(Action::AdjustTime { delta_ms }));
        }
        if let Some(q) = frame.live.session().questions().next() {
            if input.consume_key(Modifiers::NONE, KEY_ANSWERED) {
                commands.push(Command::Live(Action::SetQuestionState(
                    q.key.clone(),
                    QuestionState::Answered,
                )));
            } else if input.consume_key(Modifiers::NONE, KEY_SKIP) {
                commands.push(Command::Live(Action::SetQuestionState(
                    q.key.clone(),
                    QuestionState::Skipped,
                )));
            }
        }
        if input.consume_key(Modifiers::NONE, Key::Enter)
            && let Some(&cue) = frame.live.session().active_cues().first()
        {
            commands.push(Command::Live(Action::DismissCue(cue)));
        }
        let toggles = [
            (KEY_HIDDEN, Command::ToggleHidden),
            (KEY_MUTE, Command::ToggleMute),
            (KEY_FULLSCREEN, Command::ToggleFullscreen),
            (KEY_DETACH, Command::ToggleDetached),
            (KEY_END, Command::AskEndShow),
            (KEY_SOURCE, Command::OpenSourceDialog),
        ];
        for (key, command) in toggles {
            if input.consume_key(Modifiers::NONE, key) {
                commands.push(command);
            }
        }
    });
}

/// `+`/`-` add or remove a minute; with Shift, thirty seconds. On layouts where `+`
/// itself needs Shift (US: Shift+`=`), the key on which `+` sits counts: unshifted it
/// is a minute, shifted thirty seconds.
fn take_time_keys(input: &mut egui::InputState) -> Vec<i64> {
    let mut deltas = Vec::new();
    input.events.retain(|event| {
        let Event::Key {
            key,
            physical_key,
            pressed: true,
            modifiers,
            ..
        } = event
        else {
            return true;
        };
        if modifiers.command || modifiers.ctrl || modifiers.alt {
            return true;
        }
        let is = |k: Key| *key == k || *physical_key == Some(k);
        let sign = if is(Key::Plus) || is(Key::Equals) {
            1
        } else if is(Key::Minus) {
            -1
        } else {
            return true;
        };
        let amount = if modifiers.shift {
            HALF_MINUTE_MS
        } else {
            MINUTE_MS
        };
        deltas.push(sign * amount);
        false
    });
    deltas
}

/// The producer's window while the host screen is detached: controls, rundown with
/// jumps, the question queue and the feed.
pub fn producer_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    view: &mut super::ViewState,
    commands: &mut Vec<Command>,
) {
    // The producer window is read from closer than the host screen: smaller type.
    let frame = &View {
        scale: Scale { k: 0.8 },
        ..frame.clone()
    };
    let texts = frame.texts;
    egui::Panel::top("producer-controls")
        .frame(
            egui::Frame::NONE
                .fill(theme::BACKGROUND)
                .inner_margin(egui::Margin::same(10)),
        )
        .show(ui, |ui| {
            ui.label(RichText::new(texts.host_detached_note).color(theme::DIM));
            controls_ui(ui, frame, commands);
            ui.horizontal(|ui| {
                for display in 1..=3 {
                    if ui
                        .button(fill(texts.fullscreen_on_display, &[&display.to_string()]))
                        .clicked()
                    {
                        commands.push(Command::FullscreenOnDisplay(display - 1));
                    }
                }
            });
            let (offset, color) = super::host::offset_text(frame.status.offset_ms, texts);
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(super::host::show_clock_text(&frame.status, texts))
                        .font(theme::text(22.0)),
                );
                ui.label(RichText::new(offset).font(theme::text(22.0)).color(color));
            });
        });
    egui::Panel::left("producer-rundown")
        .default_size(ui.available_width() * 0.45)
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::same(10)),
        )
        .show(ui, |ui| {
            ui.label(RichText::new(texts.rundown).color(theme::DIM).strong());
            let plan = frame.live.plan();
            let current = frame.live.session().timeline().current();
            let starts = plan.planned_starts();
            egui::ScrollArea::vertical()
                .id_salt("rundown")
                .show(ui, |ui| {
                    for (i, seg) in plan.segments.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let color = if Some(i) == current {
                                theme::GOLD
                            } else {
                                theme::TEXT
                            };
                            ui.label(
                                RichText::new(format!(
                                    "{:>2}  {:>5}  {:>5}",
                                    i + 1,
                                    clock_text(starts[i].ms()),
                                    clock_text(seg.duration.ms())
                                ))
                                .font(theme::mono(16.0))
                                .color(color),
                            );
                            ui.add(
                                egui::Label::new(RichText::new(&seg.title).color(color)).truncate(),
                            );
                            if current.is_some()
                                && Some(i) != current
                                && ui.button(texts.jump).on_hover_text(&seg.title).clicked()
                            {
                                commands.push(Command::Live(Action::JumpTo(i)));
                            }
                        });
                    }
                    ui.add_space(12.0);
                    ui.label(RichText::new(texts.queue).color(theme::DIM).strong());
                    for q in frame.live.session().questions().upcoming() {
                        ui.add(
                            egui::Label::new(format!(
                                "{}  {}",
                                if q.times_asked() > 1 {
                                    fill(texts.times_asked, &[&q.times_asked().to_string()])
                                } else {
                                    String::new()
                                },
                                super::sanitize_for_display(&q.text)
                            ))
                            .truncate(),
                        );
                    }
                });
        });
    egui::CentralPanel::default()
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::same(10)),
        )
        .show(ui, |ui| {
            super::feed::comment_feed_ui(ui, frame, &mut view.producer_feed, commands);
        });
}
