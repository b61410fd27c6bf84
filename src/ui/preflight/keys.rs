//! Pre-flight's keys, read instead of the on-air keys while the main window shows
//! pre-flight (so Space ticks an item here and never starts the show by surprise).

use egui::{Key, Modifiers};

use super::PreflightView;
use crate::preflight::{Assessment, Check};
use crate::session::Action;
use crate::ui::{Command, View};

/// Run the speed test (or cancel it while it runs).
pub const KEY_TEST: Key = Key::T;
/// Read do-not-disturb again.
pub const KEY_CHECK_DND: Key = Key::D;
/// Confirm do-not-disturb by hand.
pub const KEY_CONFIRM_DND: Key = Key::C;
/// Tick the next unticked item.
pub const KEY_TICK_NEXT: Key = Key::N;

/// Reads pre-flight's keys (no dialog open).
pub fn preflight_keys(
    input: &mut egui::InputState,
    view: &View<'_>,
    pf: &PreflightView<'_>,
    assessment: &Assessment,
    commands: &mut Vec<Command>,
) {
    let log = view.live.session().preflight();
    let items: Vec<usize> = assessment
        .rows
        .iter()
        .filter_map(|r| match r.check {
            Check::Item(i) => Some(i),
            _ => None,
        })
        .collect();
    let pressed = |input: &mut egui::InputState, key| input.consume_key(Modifiers::NONE, key);
    if pressed(input, KEY_TEST) {
        commands.push(if pf.testing.is_some() {
            Command::CancelSpeedTest
        } else {
            Command::RunSpeedTest
        });
    }
    if pf.testing.is_some() && pressed(input, Key::Escape) {
        commands.push(Command::CancelSpeedTest);
    }
    if !pf.checking_dnd && pressed(input, KEY_CHECK_DND) {
        commands.push(Command::CheckDnd);
    }
    if log.dnd.as_ref().is_some_and(|d| !d.is_on()) && pressed(input, KEY_CONFIRM_DND) {
        commands.push(Command::Live(Action::ConfirmDndByHand));
    }
    if items.is_empty() {
        return;
    }
    let last = items.len() - 1;
    if pressed(input, Key::ArrowDown) {
        commands.push(Command::SelectChecklist((pf.selected + 1).min(last)));
    }
    if pressed(input, Key::ArrowUp) {
        commands.push(Command::SelectChecklist(pf.selected.saturating_sub(1)));
    }
    if pressed(input, Key::Space) {
        let item = pf.selected.min(last);
        commands.push(Command::Live(Action::TickChecklist {
            item,
            ticked: !log.is_ticked(item),
        }));
    }
    if pressed(input, KEY_TICK_NEXT) {
        // The first unticked item from the chosen one on, wrapping round.
        let next = (0..items.len())
            .map(|k| (pf.selected + k) % items.len())
            .find(|&i| !log.is_ticked(i));
        if let Some(item) = next {
            commands.push(Command::Live(Action::TickChecklist { item, ticked: true }));
            commands.push(Command::SelectChecklist((item + 1).min(last)));
        }
    }
    if pressed(input, Key::Enter) {
        commands.push(Command::AskGoLive);
    }
}
