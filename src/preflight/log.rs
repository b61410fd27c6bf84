//! What pre-flight has found so far in this show: the fold of the journal's pre-flight
//! events, so ticks and results survive a restart and reach the report.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::dnd::{DndReport, DndState};
use super::speed::SpeedResult;

/// How the latest speed test ended.
#[derive(Clone, Debug, PartialEq)]
pub enum SpeedOutcome {
    /// It measured the line.
    Measured(SpeedResult),
    /// It could not run to the end; the error in plain words.
    Failed {
        /// The server it tried.
        server: String,
        /// What went wrong.
        error: String,
    },
}

/// The latest do-not-disturb reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DndCheck {
    /// What was read.
    pub report: DndReport,
    /// True when the host confirmed it by hand (the computer could not tell).
    pub by_hand: bool,
}

impl DndCheck {
    /// Whether do-not-disturb counts as on: read as on, or confirmed by hand.
    pub fn is_on(&self) -> bool {
        self.by_hand || self.report.state == DndState::On
    }
}

/// The decision to go live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WentLive {
    /// True when the verdict was no-go and the host went anyway.
    pub anyway: bool,
    /// What was still open or failing then.
    pub open: Vec<String>,
    /// When.
    pub at: DateTime<Utc>,
}

/// Pre-flight so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PreflightLog {
    /// The latest speed test and when it finished.
    pub speed: Option<(SpeedOutcome, DateTime<Utc>)>,
    /// The latest do-not-disturb reading.
    pub dnd: Option<DndCheck>,
    /// Indexes of the ticked checklist items (see [`super::checklist::items`]).
    pub ticked: BTreeSet<usize>,
    /// The go decision, once made.
    pub went_live: Option<WentLive>,
}

impl PreflightLog {
    /// Whether checklist item `index` is ticked.
    pub fn is_ticked(&self, index: usize) -> bool {
        self.ticked.contains(&index)
    }

    /// Ticks or unticks an item.
    pub fn tick(&mut self, index: usize, ticked: bool) {
        if ticked {
            self.ticked.insert(index);
        } else {
            self.ticked.remove(&index);
        }
    }
}
