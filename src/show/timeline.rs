//! The show timeline: which segment runs, how much time it has left, its phase, and how
//! far the show is ahead of or behind the plan.
//!
//! Every query takes the current clock reading and computes from start instants and
//! planned lengths, never from counted ticks, so a late or skipped frame cannot drift.
//! Mutations correspond one-to-one to session events, so replaying a journal rebuilds
//! exactly the state the host saw.

use crate::plan::{CueAction, CueTime, Plan};

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
///
/// A run that resumes the segment (Backspace, undo) carries the elapsed and added time
/// of the segment's run before: the countdown, cues and auto-advance go by
/// [`Run::elapsed_ms`] and [`Run::added_ms`], while time on air is only
/// `ended_ms − started_ms`.
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
    /// True when it took the segment up where its run before left it.
    pub resumed: bool,
    /// Elapsed time carried over from the segment's run before (0 unless resumed).
    pub carried_ms: i64,
    /// Time added over the segment's runs before, carried over (0 unless resumed).
    pub carried_adjust_ms: i64,
}

impl Run {
    /// How far into the segment it is at `now_ms` (or was when it stopped), carried
    /// time included.
    pub fn elapsed_ms(&self, now_ms: i64) -> i64 {
        self.carried_ms + (self.ended_ms.unwrap_or(now_ms) - self.started_ms)
    }

    /// Time added to the segment, carried time included.
    pub fn added_ms(&self) -> i64 {
        self.carried_adjust_ms.saturating_add(self.adjust_ms)
    }
}

/// Why a cue can no longer fire where it belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Missed {
    /// Its segment was never on air and a later one is.
    Skipped,
    /// Its segment went off air before the cue's moment.
    CutShort,
}

/// A cue that did not fire because its segment was skipped or cut short; the producer
/// can still fire it by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MissedCue {
    /// Index into the plan's cues.
    pub index: usize,
    /// Why.
    pub why: Missed,
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
    /// At this show time, whatever is on air.
    Show(i64),
    /// At this show time, only while the planned segment it falls in is on air (a
    /// guest, product or media cue means nothing elsewhere).
    ShowIn(usize, i64),
    /// This far into a segment.
    Segment(usize, i64),
}

impl CueWhen {
    /// The segment the cue belongs to, if it belongs to one.
    fn segment(self) -> Option<usize> {
        match self {
            CueWhen::Show(_) => None,
            CueWhen::ShowIn(s, _) | CueWhen::Segment(s, _) => Some(s),
        }
    }
}

/// The timeline of one show.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    segments: Vec<SegmentPlan>,
    cues: Vec<Option<CueWhen>>,
    fired: Vec<bool>,
    missed: Vec<MissedCue>,
    target_min_ms: i64,
    target_max_ms: i64,
    show_start_ms: Option<i64>,
    show_end_ms: Option<i64>,
    runs: Vec<Run>,
}

impl Timeline {
    /// Makes every segment, a warm-up too, move on by itself when its time is up: a
    /// rehearsal passes unattended, each segment starting when the one before ran out.
    pub fn advance_every_segment(&mut self) {
        for segment in &mut self.segments {
            segment.advances_by_itself = true;
        }
    }

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
        let starts = plan.planned_starts();
        // A cue whose segment does not exist never fires; `validate` reports it.
        let cues = plan
            .cues
            .iter()
            .map(|c| match &c.at {
                CueTime::Show(at) if needs_its_segment(&c.what) => {
                    // The planned segment its time falls in; past the planned end, the last.
                    let segment = starts.iter().rposition(|s| *s <= *at);
                    Some(match segment {
                        Some(i) => CueWhen::ShowIn(i, at.ms()),
                        None => CueWhen::Show(at.ms()),
                    })
                }
                CueTime::Show(at) => Some(CueWhen::Show(at.ms())),
                CueTime::Segment(name, offset) => plan
                    .segment_index(name)
                    .map(|i| CueWhen::Segment(i, offset.ms())),
            })
            .collect::<Vec<_>>();
        Self {
            fired: vec![false; cues.len()],
            missed: Vec::new(),
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

    /// Cues that can no longer fire where they belong and have not been fired by hand,
    /// in the order they were missed.
    pub fn missed_cues(&self) -> &[MissedCue] {
        &self.missed
    }

    /// Whether segment `index` has been on air.
    pub fn has_run(&self, index: usize) -> bool {
        self.runs.iter().any(|r| r.index == index)
    }

    /// Starts the show with the first segment. Returns false when it cannot start
    /// (already started, or a plan without segments).
    pub fn start(&mut self, now_ms: i64) -> bool {
        if self.show_start_ms.is_some() || self.segments.is_empty() {
            return false;
        }
        self.show_start_ms = Some(now_ms);
        self.begin(0, now_ms, false);
        true
    }

    /// Puts segment `index` on air at `now_ms` from its full length (next, jump and
    /// auto-advance come here). Returns false when the show is not running or the index
    /// does not exist.
    pub fn go_to(&mut self, index: usize, now_ms: i64) -> bool {
        if self.current().is_none() || index >= self.segments.len() {
            return false;
        }
        self.begin(index, now_ms, false);
        true
    }

    /// Puts segment `index` back on air at `now_ms` as its latest run left it: its
    /// elapsed and added time carry over (previous and undo come here). A segment that
    /// never ran starts from its full length. Returns false as [`Timeline::go_to`] does.
    pub fn resume(&mut self, index: usize, now_ms: i64) -> bool {
        if self.current().is_none() || index >= self.segments.len() {
            return false;
        }
        self.begin(index, now_ms, true);
        true
    }

    fn begin(&mut self, index: usize, now_ms: i64, resume: bool) {
        if let Some(run) = self.runs.last_mut() {
            run.ended_ms.get_or_insert(now_ms);
        }
        let before = resume
            .then(|| self.runs.iter().rev().find(|r| r.index == index))
            .flatten();
        self.runs.push(Run {
            index,
            started_ms: now_ms,
            ended_ms: None,
            adjust_ms: 0,
            resumed: before.is_some(),
            carried_ms: before.map_or(0, |r| r.elapsed_ms(now_ms)),
            carried_adjust_ms: before.map_or(0, Run::added_ms),
        });
    }

    /// The segment an undo goes back to: the one on air in the run before this one.
    pub fn undo_index(&self) -> Option<usize> {
        self.current()?;
        let n = self.runs.len();
        (n >= 2).then(|| self.runs[n - 2].index)
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

    /// Marks cue `i` as fired (it leaves the missed cues); it will not be reported again.
    pub fn mark_cue_fired(&mut self, i: usize) {
        if let Some(f) = self.fired.get_mut(i) {
            *f = true;
            self.missed.retain(|m| m.index != i);
        }
    }

    /// Marks cue `i` as missed, unless it fired or was missed already.
    pub fn mark_cue_missed(&mut self, i: usize, why: Missed) {
        if i < self.cues.len() && !self.fired[i] && !self.missed.iter().any(|m| m.index == i) {
            self.missed.push(MissedCue { index: i, why });
        }
    }

    /// Cues that are due at `now_ms` and have not fired yet, in plan order. A missed
    /// cue whose segment comes back on air still fires when its moment comes.
    pub fn due_cues(&self, now_ms: i64) -> Vec<usize> {
        let (Some(start), Some(index), Some(run)) =
            (self.show_start_ms, self.current(), self.runs.last())
        else {
            return Vec::new();
        };
        let show_elapsed = now_ms - start;
        let segment_elapsed = run.elapsed_ms(now_ms);
        self.cues
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.fired[*i])
            .filter(|(_, when)| match when {
                Some(CueWhen::Show(at)) => show_elapsed >= *at,
                Some(CueWhen::ShowIn(seg, at)) => *seg == index && show_elapsed >= *at,
                Some(CueWhen::Segment(seg, at)) => *seg == index && segment_elapsed >= *at,
                None => false,
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The cue that falls due next where it is: its index and the milliseconds until it
    /// does, at `now_ms`. Only show-time cues and cues of the segment on air count; a
    /// cue of a later segment waits for its segment.
    pub fn next_cue(&self, now_ms: i64) -> Option<(usize, i64)> {
        let (Some(start), Some(index), Some(run)) =
            (self.show_start_ms, self.current(), self.runs.last())
        else {
            return None;
        };
        let show_elapsed = now_ms - start;
        let segment_elapsed = run.elapsed_ms(now_ms);
        self.cues
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.fired[*i])
            .filter_map(|(i, when)| {
                let in_ms = match *when {
                    Some(CueWhen::Show(at)) => at - show_elapsed,
                    Some(CueWhen::ShowIn(seg, at)) if seg == index => at - show_elapsed,
                    Some(CueWhen::Segment(seg, at)) if seg == index => at - segment_elapsed,
                    _ => return None,
                };
                (in_ms >= 0).then_some((i, in_ms))
            })
            .min_by_key(|&(_, in_ms)| in_ms)
    }

    /// Cues that can no longer fire where they belong and are not marked yet, in plan
    /// order: a later segment is on air and theirs never ran (skipped) or went off air
    /// before their moment (cut short). Going back to an earlier segment misses nothing:
    /// theirs may still come.
    pub fn newly_missed(&self) -> Vec<MissedCue> {
        let Some(current) = self.current() else {
            return Vec::new();
        };
        self.cues
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.fired[*i] && !self.missed.iter().any(|m| m.index == *i))
            .filter_map(|(index, when)| {
                let segment = when.and_then(CueWhen::segment)?;
                if segment >= current {
                    return None;
                }
                let why = if self.has_run(segment) {
                    Missed::CutShort
                } else {
                    Missed::Skipped
                };
                Some(MissedCue { index, why })
            })
            .collect()
    }

    /// When the current segment moves on by itself and its time is up at `now_ms`:
    /// the next segment's index and the clock time it started (the instant time ran out).
    /// A segment brought back with its time already up holds until someone moves on.
    pub fn auto_advance_due(&self, now_ms: i64) -> Option<(usize, i64)> {
        let index = self.current()?;
        let next = self.next_index()?;
        if !self.segments[index].advances_by_itself || self.came_back_over() {
            return None;
        }
        let run = self.runs.last()?;
        let end = self.segment_end_ms()?.max(run.started_ms);
        (now_ms >= end).then_some((next, end))
    }

    /// Whether the segment on air was brought back (previous, undo) with no time left and
    /// none added since: its time ran out in an earlier run, not this one.
    pub fn came_back_over(&self) -> bool {
        match (self.runs.last(), self.segment_end_ms()) {
            (Some(run), Some(end)) => run.resumed && end <= run.started_ms,
            _ => false,
        }
    }

    /// Clock time the current segment's time runs out (start − carried + planned + added).
    fn segment_end_ms(&self) -> Option<i64> {
        let run = self.runs.last()?;
        let seg = self.segments.get(run.index)?;
        Some(run.started_ms - run.carried_ms + seg.duration_ms + run.added_ms())
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
        let segment_end = run.started_ms - run.carried_ms + seg.duration_ms + run.added_ms();
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
            segment_elapsed_ms: run.elapsed_ms(now_ms),
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
    /// Cue `index` can no longer fire where it belongs.
    CueMissed {
        /// Index into the plan's cues.
        index: usize,
        /// Why.
        why: Missed,
    },
}

impl Timeline {
    /// What happens by itself up to `now_ms`, in order: cues that fall due, cues that
    /// can no longer fire where they belong, and segments that run out and move on,
    /// however far the clock has jumped. A segment that runs out and moves on has its
    /// cues judged up to the instant it ran out, not `now_ms`.
    /// Nothing is applied; apply each with [`Timeline::apply_change`].
    pub fn pending_changes(&self, now_ms: i64) -> Vec<Change> {
        if self.due_cues(now_ms).is_empty()
            && self.auto_advance_due(now_ms).is_none()
            && self.newly_missed().is_empty()
        {
            return Vec::new();
        }
        let mut ahead = self.clone();
        let mut changes = Vec::new();
        loop {
            let advance = ahead.auto_advance_due(now_ms);
            let until_ms = advance.map_or(now_ms, |(_, at_ms)| at_ms);
            for index in ahead.due_cues(until_ms) {
                ahead.mark_cue_fired(index);
                changes.push(Change::CueDue { index });
            }
            for MissedCue { index, why } in ahead.newly_missed() {
                ahead.mark_cue_missed(index, why);
                changes.push(Change::CueMissed { index, why });
            }
            match advance {
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
            Change::CueMissed { index, why } => self.mark_cue_missed(index, why),
        }
    }
}

/// Cues that mean something only in their own segment: a guest to invite, a product to
/// mention, media to share.
fn needs_its_segment(what: &CueAction) -> bool {
    matches!(
        what,
        CueAction::InviteGuest(_) | CueAction::MentionOffer(_) | CueAction::ShareMedia(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    /// A (10 min, holds), B (20 min, guest, moves on by itself), C (30 min).
    fn timeline() -> Timeline {
        let plan = crate::plan::parse(
            r#"(
                title: "t",
                goal: (kind: Engagement),
                segments: [
                    (id: "a", title: "A", kind: Content, duration: "10m"),
                    (id: "b", title: "B", kind: Guest, duration: "20m", end_action: Next),
                    (id: "c", title: "C", kind: QAndA, duration: "30m"),
                ],
                cues: [
                    (at: Show("12:00"), what: InviteGuest("nurse.lin")),
                    (at: Show("12:00"), what: Custom("pin the comment")),
                    (at: Segment("a", "8:00"), what: ShareMedia("chart")),
                    (at: Segment("b", "25:00"), what: Custom("never in time")),
                    (at: Show("70:00"), what: MentionOffer("serum")),
                ],
            )"#,
            "t",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        Timeline::new(&plan)
    }

    fn apply_all(t: &mut Timeline, now_ms: i64) -> Vec<Change> {
        let changes = t.pending_changes(now_ms);
        for c in &changes {
            t.apply_change(*c);
        }
        changes
    }

    #[test]
    fn a_resumed_segment_carries_its_elapsed_and_added_time() {
        let mut t = timeline();
        t.start(0);
        t.adjust(MIN);
        t.go_to(1, 4 * MIN);
        assert!(t.resume(0, 4 * MIN + 30_000));
        let s = t.status(5 * MIN);
        // 4:00 before, 0:30 since; 10 + 1 planned and added.
        assert_eq!(s.segment_elapsed_ms, 4 * MIN + 30_000);
        assert_eq!(s.remaining_ms, 11 * MIN - (4 * MIN + 30_000));
        let run = t.runs()[2];
        assert!(run.resumed);
        assert_eq!(
            (run.carried_ms, run.carried_adjust_ms, run.adjust_ms),
            (4 * MIN, MIN, 0)
        );
        // Time on air stays real time: the run counts from its own start.
        assert_eq!(run.started_ms, 4 * MIN + 30_000);
        // A segment that never ran starts from its full length, resumed or not.
        assert!(t.resume(2, 6 * MIN));
        assert!(!t.runs()[3].resumed);
        assert_eq!(t.status(6 * MIN).remaining_ms, 30 * MIN);
    }

    #[test]
    fn undo_goes_back_to_the_segment_of_the_run_before() {
        let mut t = timeline();
        t.start(0);
        assert_eq!(t.undo_index(), None, "nothing to undo after the start");
        t.go_to(2, MIN);
        assert_eq!(t.undo_index(), Some(0));
        t.resume(0, MIN + 5_000);
        assert_eq!(t.status(2 * MIN).segment_elapsed_ms, 2 * MIN - 5_000);
        assert_eq!(t.undo_index(), Some(2));
    }

    #[test]
    fn a_guest_cue_of_a_skipped_segment_is_missed_not_fired_later() {
        let mut t = timeline();
        t.start(0);
        t.go_to(2, 5 * MIN);
        // The skipped guest segment's cues (show 12:00 and B 25:00) are missed at once,
        // and A's media cue (due at 8:00 into A) was cut short.
        assert_eq!(
            apply_all(&mut t, 5 * MIN),
            vec![
                Change::CueMissed {
                    index: 0,
                    why: Missed::Skipped
                },
                Change::CueMissed {
                    index: 2,
                    why: Missed::CutShort
                },
                Change::CueMissed {
                    index: 3,
                    why: Missed::Skipped
                },
            ]
        );
        // At 12:00 the plain show cue fires wherever the show is; the invite does not.
        assert_eq!(
            apply_all(&mut t, 12 * MIN),
            vec![Change::CueDue { index: 1 }]
        );
        assert!(!t.cue_fired(0));
        assert_eq!(t.missed_cues().len(), 3);
        // Fired by hand, it leaves the missed cues.
        t.mark_cue_fired(0);
        assert_eq!(
            t.missed_cues().iter().map(|m| m.index).collect::<Vec<_>>(),
            vec![2, 3]
        );
    }

    #[test]
    fn a_cut_short_cue_fires_if_its_segment_comes_back_in_time() {
        let mut t = timeline();
        t.start(0);
        t.go_to(1, 7 * MIN);
        assert_eq!(
            apply_all(&mut t, 7 * MIN),
            vec![Change::CueMissed {
                index: 2,
                why: Missed::CutShort
            }]
        );
        // A comes back at 7:00 elapsed: its 8:00 cue is a minute away.
        t.resume(0, 7 * MIN + 10_000);
        assert_eq!(apply_all(&mut t, 8 * MIN), vec![]);
        assert_eq!(
            apply_all(&mut t, 8 * MIN + 10_000),
            vec![Change::CueDue { index: 2 }]
        );
        assert!(t.missed_cues().is_empty());
    }

    #[test]
    fn a_show_timed_guest_cue_waits_for_its_segment_when_the_show_runs_behind() {
        let mut t = timeline();
        t.start(0);
        // A runs 5 minutes over: B starts at 15:00, past the invite's 12:00.
        assert_eq!(
            apply_all(&mut t, 13 * MIN),
            vec![Change::CueDue { index: 1 }, Change::CueDue { index: 2 }]
        );
        t.go_to(1, 15 * MIN);
        let changes = apply_all(&mut t, 15 * MIN);
        assert!(
            changes.contains(&Change::CueDue { index: 0 }),
            "{changes:?}"
        );
        // Past the planned end, a guest cue belongs to the last segment.
        assert_eq!(t.cues[4], Some(CueWhen::ShowIn(2, 70 * MIN)));
    }

    #[test]
    fn cues_of_a_segment_that_moved_on_are_judged_when_its_time_ran_out() {
        let mut t = timeline();
        t.start(0);
        t.go_to(1, 10 * MIN);
        // The clock jumps past B's end (30:00) to 40:00: B's 25:00 cue never came in B.
        let changes = apply_all(&mut t, 40 * MIN);
        assert_eq!(
            changes,
            vec![
                Change::CueDue { index: 0 },
                Change::CueDue { index: 1 },
                Change::CueMissed {
                    index: 2,
                    why: Missed::CutShort
                },
                Change::Advance {
                    index: 2,
                    at_ms: 30 * MIN
                },
                Change::CueMissed {
                    index: 3,
                    why: Missed::CutShort
                },
            ]
        );
    }

    #[test]
    fn a_segment_brought_back_with_its_time_up_holds_until_time_is_added() {
        let mut t = timeline();
        t.start(0);
        t.go_to(1, 10 * MIN);
        assert_eq!(t.auto_advance_due(30 * MIN), Some((2, 30 * MIN)));
        t.go_to(2, 30 * MIN);
        // Back to B, whose 20 minutes are spent: it holds in overtime.
        t.resume(1, 31 * MIN);
        assert!(t.came_back_over());
        assert_eq!(t.auto_advance_due(40 * MIN), None);
        assert_eq!(t.status(31 * MIN).phase, Phase::Overtime);
        // A minute added at 31:00 gives it a minute again; then it moves on by itself.
        t.adjust(MIN);
        assert!(!t.came_back_over());
        assert_eq!(t.auto_advance_due(31 * MIN), None);
        assert_eq!(t.auto_advance_due(32 * MIN), Some((2, 32 * MIN)));
    }

    #[test]
    fn going_back_to_an_earlier_segment_misses_nothing() {
        let mut t = timeline();
        t.start(0);
        // A mistaken move on to the guest segment at 7:00, undone ten seconds later.
        t.go_to(1, 7 * MIN);
        assert_eq!(
            apply_all(&mut t, 7 * MIN),
            vec![Change::CueMissed {
                index: 2,
                why: Missed::CutShort
            }]
        );
        t.resume(0, 7 * MIN + 10_000);
        // The guest segment's cues wait for it: not missed.
        assert_eq!(apply_all(&mut t, 7 * MIN + 10_000), vec![]);
        assert_eq!(
            t.missed_cues(),
            &[MissedCue {
                index: 2,
                why: Missed::CutShort
            }]
        );
        // A's 8:00 cue comes a minute later and leaves the missed cues.
        assert_eq!(
            apply_all(&mut t, 8 * MIN + 10_000),
            vec![Change::CueDue { index: 2 }]
        );
        assert!(t.missed_cues().is_empty());
    }
}
