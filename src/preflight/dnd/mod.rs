//! This computer's do-not-disturb state, per desktop and OS. Not built yet.

use serde::{Deserialize, Serialize};

/// Whether notifications are held back on this computer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DndState {
    /// Do-not-disturb (Focus, Focus Assist, paused notifications) is on.
    On,
    /// Notifications will pop up during the live.
    Off,
    /// It could not be found out; the host confirms by hand.
    Unknown,
}

/// The do-not-disturb state and how it was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DndReport {
    /// On, off or unknown.
    pub state: DndState,
    /// How it was read, e.g. `gnome-gsettings`, `dbus-inhibited`, `dunstctl`; `none` when
    /// nothing could be asked.
    pub method: String,
    /// What was seen, or why it could not be found out, in plain words.
    pub detail: String,
}
