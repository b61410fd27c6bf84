//! The show clock: a [`Clock`] trait (real and manual), the [`Timeline`] of segments and
//! cues, and [`Show`], which drives a timeline from a clock.

mod clock;
mod timeline;

use std::sync::Arc;

pub use clock::{Clock, ManualClock, RealClock, ScaledClock};
pub use timeline::{
    Change, Missed, MissedCue, Phase, Run, ShowState, Status, Timeline, WindowCheck,
};

use crate::plan::Plan;

/// A timeline driven by a clock: actions take effect "now", and [`Show::tick`] applies
/// whatever falls due. Headless tools and tests use it; the app goes through the
/// session's events, which call the same timeline methods.
pub struct Show {
    timeline: Timeline,
    clock: Arc<dyn Clock>,
}

impl Show {
    /// A show for this plan, not started.
    pub fn new(plan: &Plan, clock: Arc<dyn Clock>) -> Self {
        Self {
            timeline: Timeline::new(plan),
            clock,
        }
    }

    /// The underlying timeline.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The clock's reading.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Starts the show.
    pub fn start(&mut self) -> bool {
        let now = self.now_ms();
        self.timeline.start(now)
    }

    /// Moves to the next segment.
    pub fn next_segment(&mut self) -> bool {
        let now = self.now_ms();
        match self.timeline.next_index() {
            Some(i) => self.timeline.go_to(i, now),
            None => false,
        }
    }

    /// Goes back to the previous segment, as its latest run left it (elapsed and added
    /// time); from its full length when it never ran.
    pub fn previous_segment(&mut self) -> bool {
        let now = self.now_ms();
        match self.timeline.previous_index() {
            Some(i) => self.timeline.resume(i, now),
            None => false,
        }
    }

    /// Undoes the last move: the segment on air in the run before comes back as it was.
    pub fn undo(&mut self) -> bool {
        let now = self.now_ms();
        match self.timeline.undo_index() {
            Some(i) => self.timeline.resume(i, now),
            None => false,
        }
    }

    /// Jumps to segment `index`.
    pub fn jump(&mut self, index: usize) -> bool {
        let now = self.now_ms();
        self.timeline.go_to(index, now)
    }

    /// Adds (or, negative, removes) time from the current segment.
    pub fn add_time_ms(&mut self, delta_ms: i64) -> bool {
        self.timeline.adjust(delta_ms)
    }

    /// Ends the show.
    pub fn end(&mut self) -> bool {
        let now = self.now_ms();
        self.timeline.end(now)
    }

    /// Applies what fell due since the last tick and returns it: due cues (each exactly
    /// once) and segments that moved on by themselves.
    pub fn tick(&mut self) -> Vec<Change> {
        let changes = self.timeline.pending_changes(self.now_ms());
        for c in &changes {
            self.timeline.apply_change(*c);
        }
        changes
    }

    /// The timeline's status now.
    pub fn status(&self) -> Status {
        self.timeline.status(self.now_ms())
    }
}
