//! The show timeline: which segment runs, how much time it has left, its phase, and how
//! far the show is ahead of or behind the plan.
//!
//! Every query takes the current clock reading and computes from start instants and
//! planned lengths, never from counted ticks, so a late or skipped frame cannot drift.
//! Mutations correspond one-to-one to session events, so replaying a journal rebuilds
//! exactly the state the host saw.

use crate::plan::{CueTime, Plan};

/// The colour of the countdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The show has not started, or has ended.
    Idle,
    /// Plenty of time left.
    Running,
    /// Time left is at or below the warning threshold.
    Warning,
    /// Time left is at or below the danger threshold.
    Danger,
    /// Time is up; the clock counts on past zero.
    Overtime,
}

/// Where the show as a whole stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShowState {
    /// Waiting to start.
    NotStarted,
    /// Segment `index` is on air.
    Running {
        /// Index into the plan's segments.
        index: usize,
    },
    /// The show is over.
    Ended,
}

/// Whether the projected running time fits the plan's target window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowCheck {
    /// Inside the window.
    Inside,
    /// Projected to end before the minimum, by this much.
    Short {
        /// How far short of the minimum.
        by_ms: i64,
    },
    /// Projected to end after the maximum, by this much.
    Long {
        /// How far past the maximum.
        by_ms: i64,
    },
}

/// A snapshot of the timeline at one instant; everything the host screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    /// Not started, running or ended.
    pub state: ShowState,
    /// Time since the show started (frozen once ended).
    pub show_elapsed_ms: i64,
    /// Time the current segment has run.
    pub segment_elapsed_ms: i64,
    /// Time left in the current segment; negative in overtime.
    pub remaining_ms: i64,
    /// Countdown colour.
    pub phase: Phase,
    /// Positive: behind plan; negative: ahead of plan.
    pub offset_ms: i64,
    /// Sum of the planned segment lengths.
    pub planned_total_ms: i64,
    /// When the show is projected to end, from its start.
    pub projected_end_ms: i64,
    /// The projected end against the target window.
    pub window: WindowCheck,
}

/// One stretch of time a segment was on air, for planned-vs-actual reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// Which segment.
    pub index: usize,
    /// Clock time it started.
    pub started_ms: i64,
    /// Clock time it stopped, once it has.
    pub ended_ms: Option<i64>,
    /// Time added (positive) or removed (negative) while it ran.
    pub adjust_ms: i64,
}

#[derive(Clone, Debug, PartialEq)]
struct SegmentPlan {
    duration_ms: i64,
    warning_ms: i64,
    danger_ms: i64,
    advances_by_itself: bool,
    planned_end_ms: i64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum CueWhen {
    Show(i64),
    Segment(usize, i64),
}

/// The timeline of one show.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    segments: Vec<SegmentPlan>,
    cues: Vec<Option<CueWhen>>,
    fired: Vec<bool>,
    target_min_ms: i64,
    target_max_ms: i64,
    show_start_ms: Option<i64>,
    show_end_ms: Option<i64>,
    runs: Vec<Run>,
}

impl Timeline {
    /// A timeline for this plan, not started.
    pub fn new(plan: &Plan) -> Self {
        let mut end = 0;
        let segments = plan
            .segments
            .iter()
            .map(|s| {
                end += s.duration.ms();
                SegmentPlan {
                    duration_ms: s.duration.ms(),
                    warning_ms: s.warning_at().ms(),
                    danger_ms: s.danger_at().ms(),
                    advances_by_itself: s.advances_by_itself(),
                    planned_end_ms: end,
                }
            })
            .collect();
        // A cue whose segment does not exist never fires; `validate` reports it.
        let cues = plan
            .cues
            .iter()
            .map(|c| match &c.at {
                CueTime::Show(at) => Some(CueWhen::Show(at.ms())),
                CueTime::Segment(name, offset) => plan
                    .segment_index(name)
                    .map(|i| CueWhen::Segment(i, offset.ms())),
            })
            .collect::<Vec<_>>();
        Self {
            fired: vec![false; cues.len()],
            cues,
            segments,
            target_min_ms: plan.target.min.ms(),
            target_max_ms: plan.target.max.ms(),
            show_start_ms: None,
            show_end_ms: None,
            runs: Vec::new(),
        }
    }

    /// Number of segments.
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    /// Not started, running which segment, or ended.
    pub fn state(&self) -> ShowState {
        match (self.show_start_ms, self.show_end_ms, self.runs.last()) {
            (None, _, _) => ShowState::NotStarted,
            (Some(_), Some(_), _) => ShowState::Ended,
            (Some(_), None, Some(run)) => ShowState::Running { index: run.index },
            (Some(_), None, None) => ShowState::NotStarted,
        }
    }

    /// The current segment's index while the show runs.
    pub fn current(&self) -> Option<usize> {
        match self.state() {
            ShowState::Running { index } => Some(index),
            _ => None,
        }
    }

    /// Clock time the show started.
    pub fn show_start_ms(&self) -> Option<i64> {
        self.show_start_ms
    }

    /// Clock time the show ended.
    pub fn show_end_ms(&self) -> Option<i64> {
        self.show_end_ms
    }

    /// Every stretch a segment was on air, in order.
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// Whether cue `i` has fired.
    pub fn cue_fired(&self, i: usize) -> bool {
        self.fired.get(i).copied().unwrap_or(false)
    }

    /// Starts the show with the first segment. Returns false when it cannot start
    /// (already started, or a plan without segments).
    pub fn start(&mut self, now_ms: i64) -> bool {
        if self.show_start_ms.is_some() || self.segments.is_empty() {
            return false;
        }
        self.show_start_ms = Some(now_ms);
        self.begin(0, now_ms);
        true
    }

    /// Puts segment `index` on air at `now_ms` (next, previous and jump all come here).
    /// Returns false when the show is not running or the index does not exist.
    pub fn go_to(&mut self, index: usize, now_ms: i64) -> bool {
        if self.current().is_none() || index >= self.segments.len() {
            return false;
        }
        self.begin(index, now_ms);
        true
    }

    fn begin(&mut self, index: usize, now_ms: i64) {
        if let Some(run) = self.runs.last_mut() {
            run.ended_ms.get_or_insert(now_ms);
        }
        self.runs.push(Run {
            index,
            started_ms: now_ms,
            ended_ms: None,
            adjust_ms: 0,
        });
    }

    /// The index `next` would move to, if any.
    pub fn next_index(&self) -> Option<usize> {
        self.current()
            .map(|i| i + 1)
            .filter(|&i| i < self.segments.len())
    }

    /// The index `previous` would move to, if any.
    pub fn previous_index(&self) -> Option<usize> {
        self.current().and_then(|i| i.checked_sub(1))
    }

    /// Adds (positive) or removes (negative) time from the current segment.
    /// Returns false when no segment is on air.
    pub fn adjust(&mut self, delta_ms: i64) -> bool {
        if self.current().is_none() {
            return false;
        }
        match self.runs.last_mut() {
            Some(run) => {
                run.adjust_ms = run.adjust_ms.saturating_add(delta_ms);
                true
            }
            None => false,
        }
    }

    /// Ends the show. Returns false when it is not running.
    pub fn end(&mut self, now_ms: i64) -> bool {
        if self.current().is_none() {
            return false;
        }
        if let Some(run) = self.runs.last_mut() {
            run.ended_ms.get_or_insert(now_ms);
        }
        self.show_end_ms = Some(now_ms);
        true
    }

    /// Marks cue `i` as fired; it will not be reported again.
    pub fn mark_cue_fired(&mut self, i: usize) {
        if let Some(f) = self.fired.get_mut(i) {
            *f = true;
        }
    }

    /// Cues that are due at `now_ms` and have not fired yet, in plan order.
    pub fn due_cues(&self, now_ms: i64) -> Vec<usize> {
        let (Some(start), Some(index), Some(run)) =
            (self.show_start_ms, self.current(), self.runs.last())
        else {
            return Vec::new();
        };
        let show_elapsed = now_ms - start;
        let segment_elapsed = now_ms - run.started_ms;
        self.cues
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.fired[*i])
            .filter(|(_, when)| match when {
                Some(CueWhen::Show(at)) => show_elapsed >= *at,
                Some(CueWhen::Segment(seg, at)) => *seg == index && segment_elapsed >= *at,
                None => false,
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// When the current segment moves on by itself and its time is up at `now_ms`:
    /// the next segment's index and the clock time it started (the instant time ran out).
    pub fn auto_advance_due(&self, now_ms: i64) -> Option<(usize, i64)> {
        let index = self.current()?;
        let next = self.next_index()?;
        if !self.segments[index].advances_by_itself {
            return None;
        }
        let end = self.segment_end_ms()?;
        (now_ms >= end).then_some((next, end))
    }

    /// Clock time the current segment's time runs out (start + planned + adjustments).
    fn segment_end_ms(&self) -> Option<i64> {
        let run = self.runs.last()?;
        let seg = self.segments.get(run.index)?;
        Some(run.started_ms + seg.duration_ms + run.adjust_ms)
    }

    /// Everything the host screen needs at `now_ms`.
    pub fn status(&self, now_ms: i64) -> Status {
        let planned_total_ms = self.segments.last().map_or(0, |s| s.planned_end_ms);
        let idle = |show_elapsed_ms, offset_ms| {
            let projected_end_ms = planned_total_ms + offset_ms;
            Status {
                state: self.state(),
                show_elapsed_ms,
                segment_elapsed_ms: 0,
                remaining_ms: 0,
                phase: Phase::Idle,
                offset_ms,
                planned_total_ms,
                projected_end_ms,
                window: self.window(projected_end_ms),
            }
        };
        let (Some(start), Some(run)) = (self.show_start_ms, self.runs.last()) else {
            return idle(0, 0);
        };
        if let Some(end) = self.show_end_ms {
            return idle(end - start, end - start - planned_total_ms);
        }
        let seg = &self.segments[run.index];
        let segment_end = run.started_ms + seg.duration_ms + run.adjust_ms;
        let remaining_ms = segment_end - now_ms;
        let phase = if remaining_ms <= 0 {
            Phase::Overtime
        } else if remaining_ms <= seg.danger_ms {
            Phase::Danger
        } else if remaining_ms <= seg.warning_ms {
            Phase::Warning
        } else {
            Phase::Running
        };
        let projected_segment_end = segment_end.max(now_ms) - start;
        let offset_ms = projected_segment_end - seg.planned_end_ms;
        let projected_end_ms = planned_total_ms + offset_ms;
        Status {
            state: ShowState::Running { index: run.index },
            show_elapsed_ms: now_ms - start,
            segment_elapsed_ms: now_ms - run.started_ms,
            remaining_ms,
            phase,
            offset_ms,
            planned_total_ms,
            projected_end_ms,
            window: self.window(projected_end_ms),
        }
    }

    fn window(&self, projected_end_ms: i64) -> WindowCheck {
        if projected_end_ms < self.target_min_ms {
            WindowCheck::Short {
                by_ms: self.target_min_ms - projected_end_ms,
            }
        } else if projected_end_ms > self.target_max_ms {
            WindowCheck::Long {
                by_ms: projected_end_ms - self.target_max_ms,
            }
        } else {
            WindowCheck::Inside
        }
    }
}

/// Something that happens by itself as time passes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Cue `index` is due.
    CueDue {
        /// Index into the plan's cues.
        index: usize,
    },
    /// The current segment ran out and moves on by itself.
    Advance {
        /// The segment that starts.
        index: usize,
        /// Clock time it starts: the instant the previous one ran out.
        at_ms: i64,
    },
}

impl Timeline {
    /// What happens by itself up to `now_ms`, in order: cues that fall due and
    /// segments that run out and move on, however far the clock has jumped.
    /// Nothing is applied; apply each with [`Timeline::apply_change`].
    pub fn pending_changes(&self, now_ms: i64) -> Vec<Change> {
        if self.due_cues(now_ms).is_empty() && self.auto_advance_due(now_ms).is_none() {
            return Vec::new();
        }
        let mut ahead = self.clone();
        let mut changes = Vec::new();
        loop {
            for index in ahead.due_cues(now_ms) {
                ahead.mark_cue_fired(index);
                changes.push(Change::CueDue { index });
            }
            match ahead.auto_advance_due(now_ms) {
                Some((index, at_ms)) => {
                    ahead.go_to(index, at_ms);
                    changes.push(Change::Advance { index, at_ms });
                }
                None => return changes,
            }
        }
    }

    /// Applies one change from [`Timeline::pending_changes`].
    pub fn apply_change(&mut self, change: Change) {
        match change {
            Change::CueDue { index } => self.mark_cue_fired(index),
            Change::Advance { index, at_ms } => {
                self.go_to(index, at_ms);
            }
        }
    }
}
