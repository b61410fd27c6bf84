//! The question panel's keys, read in the producer's window before the show's keys: A
//! and S act on the selected question there (on the host screen, on the card's).

use egui::{InputState, Key, Modifiers};

use super::super::{Command, View};
use super::state::{OriginFilter, PanelCommand, PanelState, StateFilter};
use crate::questions::{FollowUpItem, QuestionState};
use crate::session::Action;

/// Put up next (again: back to the queue).
pub const UP_NEXT: Key = Key::N;
/// Mark answered.
pub const ANSWERED: Key = Key::A;
/// Skip.
pub const SKIP: Key = Key::S;
/// Dismiss.
pub const DISMISS: Key = Key::X;
/// Pin or unpin.
pub const PIN: Key = Key::P;
/// Edit the wording.
pub const EDIT: Key = Key::R;
/// Merge into another (then Enter, or this key again, on the one it joins).
pub const MERGE: Key = Key::G;
/// Split the newest part off.
pub const SPLIT: Key = Key::T;
/// Follow-up mark on or off.
pub const FOLLOW_UP: Key = Key::F;
/// The state filters, in the bar's order.
pub const FILTER_KEYS: [Key; 5] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
/// The origin filters, in the bar's order.
pub const ORIGIN_KEYS: [Key; 3] = [Key::Num7, Key::Num8, Key::Num9];

/// Reads the panel's keys into commands.
pub fn question_keys(
    input: &mut InputState,
    frame: &View<'_>,
    panel: &PanelState,
    commands: &mut Vec<Command>,
) {
    let queue = frame.live.session().questions();
    let before = commands.len();
    let none = Modifiers::NONE;
    let live = |commands: &mut Vec<Command>, action: Action| commands.push(Command::Live(action));
    let panel_command = |commands: &mut Vec<Command>, c: PanelCommand| {
        commands.push(Command::Panel(c));
    };

    if let Some(from) = &panel.merging
        && (input.consume_key(none, Key::Enter) || input.consume_key(none, MERGE))
    {
        if let Some(into) = &panel.selected
            && queue.can_merge(from, into)
        {
            live(
                commands,
                Action::MergeQuestion {
                    question: from.clone(),
                    into: into.clone(),
                },
            );
        }
        panel_command(commands, PanelCommand::Escape);
    }
    if input.consume_key(Modifiers::COMMAND, Key::Z) && queue.undoable().is_some() {
        live(commands, Action::UndoQuestion);
    }
    if (panel.selected.is_some() || panel.merging.is_some()) && input.consume_key(none, Key::Escape)
    {
        panel_command(commands, PanelCommand::Escape);
    }
    for (key, down) in [(Key::ArrowDown, true), (Key::ArrowUp, false)] {
        if input.consume_key(none, key) {
            panel_command(commands, PanelCommand::Step(down));
        }
    }
    if input.consume_key(none, Key::Home) {
        panel_command(commands, PanelCommand::ShowNew);
    }
    if input.consume_key(none, Key::Slash) || input.consume_key(Modifiers::COMMAND, Key::F) {
        panel_command(commands, PanelCommand::FocusSearch);
    }
    for (key, filter) in FILTER_KEYS.into_iter().zip(StateFilter::ALL) {
        if input.consume_key(none, key) {
            panel_command(commands, PanelCommand::Filter(filter));
        }
    }
    for (key, origin) in ORIGIN_KEYS.into_iter().zip(OriginFilter::ALL) {
        if input.consume_key(none, key) {
            panel_command(commands, PanelCommand::Origin(origin));
        }
    }

    let selected = panel
        .selected
        .as_ref()
        .and_then(|k| queue.find(k))
        .filter(|q| q.merged_into.is_none());
    if let Some(q) = selected {
        let key = q.key.clone();
        for (up, arrow) in [(true, Key::ArrowUp), (false, Key::ArrowDown)] {
            if input.consume_key(Modifiers::SHIFT, arrow) {
                live(
                    commands,
                    Action::MoveQuestion {
                        question: key.clone(),
                        up,
                    },
                );
            }
        }
        if input.consume_key(none, UP_NEXT) {
            let to = if q.state == QuestionState::Queued {
                QuestionState::UpNext
            } else {
                QuestionState::Queued
            };
            live(commands, Action::SetQuestionState(key.clone(), to));
        }
        for (k, to) in [
            (ANSWERED, QuestionState::Answered),
            (SKIP, QuestionState::Skipped),
            (DISMISS, QuestionState::Dismissed),
            (Key::Delete, QuestionState::Dismissed),
        ] {
            if input.consume_key(none, k) {
                live(commands, Action::SetQuestionState(key.clone(), to));
            }
        }
        if input.consume_key(none, PIN) {
            live(commands, Action::PinQuestion(key.clone(), !q.pinned));
        }
        if input.consume_key(none, EDIT) {
            panel_command(commands, PanelCommand::StartEdit);
        }
        if panel.merging.is_none() && input.consume_key(none, MERGE) {
            panel_command(commands, PanelCommand::StartMerge);
        }
        if input.consume_key(none, SPLIT)
            && let Some(part) = q.parts().last()
        {
            live(commands, Action::SplitQuestion((*part).clone()));
        }
        if input.consume_key(none, FOLLOW_UP) {
            let item = FollowUpItem::Question(key);
            let marked = queue.is_marked(&item);
            live(commands, Action::MarkFollowUp(item, !marked));
        }
    }
    let changed = commands[before..]
        .iter()
        .any(|c| matches!(c, Command::Live(_)));
    if changed {
        panel_command(commands, PanelCommand::Refresh);
    }
}
