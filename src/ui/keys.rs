//! The keyboard: which dialog has it, and what each key does when none does.

use egui::{Event, Key, Modifiers};

use super::controls::{
    HALF_MINUTE_MS, KEY_ADD_HALF_MINUTE, KEY_ANSWERED, KEY_DETACH, KEY_END, KEY_FULLSCREEN,
    KEY_HIDDEN, KEY_MUTE, KEY_REMOVE_HALF_MINUTE, KEY_SKIP, KEY_SOURCE, KEY_UNDO, MINUTE_MS,
};
use super::preflight::{PreflightView, preflight_keys};
use super::questions::{PanelState, question_keys};
use super::{Command, View};
use crate::preflight::Assessment;
use crate::questions::QuestionState;
use crate::session::Action;
use crate::show::ShowState;

/// Which dialog, if any, has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modal {
    /// None: keys drive the show.
    None,
    /// "End the show?": Enter ends it, Esc keeps going.
    EndConfirm,
    /// "Start a new show?": Enter starts it, Esc keeps this one.
    NewShowConfirm,
    /// "Go live anyway?": Enter goes, Esc stays in pre-flight.
    GoAnywayConfirm,
    /// The comment-source form: Enter connects, Esc closes.
    SourceDialog,
    /// The private-reply dialog: Esc closes (Enter is for typing; sending is a click).
    ReplyDialog,
}

/// Reads the keyboard. Keys act on the window that has focus, so both the main window
/// and a detached host window call this.
/// `preflight` is given while the main window shows pre-flight: its keys replace the
/// show's. `questions` is given in the producer's window: the question panel's keys come
/// first there.
pub fn keys(
    ctx: &egui::Context,
    frame: &View<'_>,
    modal: Modal,
    preflight: Option<(&PreflightView<'_>, &Assessment)>,
    questions: Option<&PanelState>,
    commands: &mut Vec<Command>,
) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    ctx.input_mut(|input| {
        match modal {
            Modal::None => {
                if let Some((pf, assessment)) = preflight {
                    preflight_keys(input, frame, pf, assessment, commands);
                    return;
                }
                if let Some(panel) = questions {
                    question_keys(input, frame, panel, commands);
                }
            }
            Modal::EndConfirm | Modal::NewShowConfirm | Modal::GoAnywayConfirm => {
                if input.consume_key(Modifiers::NONE, Key::Enter) {
                    commands.push(match modal {
                        Modal::EndConfirm => Command::ConfirmEndShow,
                        Modal::NewShowConfirm => Command::ConfirmNewShow,
                        _ => Command::ConfirmGoAnyway,
                    });
                }
                if input.consume_key(Modifiers::NONE, Key::Escape) {
                    commands.push(Command::CancelConfirm);
                }
                return;
            }
            Modal::ReplyDialog => {
                if input.consume_key(Modifiers::NONE, Key::Escape) {
                    commands.push(Command::CloseReplyDialog);
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
        if input.consume_key(Modifiers::NONE, KEY_UNDO)
            || input.consume_key(Modifiers::COMMAND, KEY_UNDO)
        {
            commands.push(Command::Live(Action::Undo));
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

/// `+` and `=` add a minute, `-` takes one off; `]` adds thirty seconds, `[` takes thirty
/// off. The character typed decides, so Shift changes nothing: on a US keyboard `+` is
/// Shift+`=`, and the numpad's `+` and `-` count the same. A key whose character egui
/// cannot name counts by where it sits on a US keyboard.
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
        match time_key(*key).or_else(|| physical_key.and_then(time_key)) {
            Some(delta_ms) => {
                deltas.push(delta_ms);
                false
            }
            None => true,
        }
    });
    deltas
}

/// What a time key adds (negative: takes off).
fn time_key(key: Key) -> Option<i64> {
    match key {
        Key::Plus | Key::Equals => Some(MINUTE_MS),
        Key::Minus => Some(-MINUTE_MS),
        KEY_ADD_HALF_MINUTE => Some(HALF_MINUTE_MS),
        KEY_REMOVE_HALF_MINUTE => Some(-HALF_MINUTE_MS),
        _ => None,
    }
}
