//! What the question panel remembers between frames, which rows it lists, and why the
//! list holds still under the pointer.

use crate::comments::normalize;
use crate::plan::bare_handle;
use crate::questions::{Question, QuestionKey, QuestionState, Queue};

use super::super::text::Texts;

/// Which states the list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StateFilter {
    /// Queued, up next and waiting for their segment.
    #[default]
    Open,
    /// Answered.
    Answered,
    /// Skipped.
    Skipped,
    /// Dismissed.
    Dismissed,
    /// Everything.
    All,
}

impl StateFilter {
    /// Every filter, in the bar's order (keys 1–5).
    pub const ALL: [StateFilter; 5] = [
        StateFilter::Open,
        StateFilter::Answered,
        StateFilter::Skipped,
        StateFilter::Dismissed,
        StateFilter::All,
    ];

    /// Its name in the bar.
    pub fn label(self, texts: &Texts) -> &'static str {
        match self {
            StateFilter::Open => texts.q_filter_open,
            StateFilter::Answered => texts.q_filter_answered,
            StateFilter::Skipped => texts.q_filter_skipped,
            StateFilter::Dismissed => texts.q_filter_dismissed,
            StateFilter::All => texts.q_filter_all,
        }
    }

    fn closed_state(self) -> Option<QuestionState> {
        match self {
            StateFilter::Answered => Some(QuestionState::Answered),
            StateFilter::Skipped => Some(QuestionState::Skipped),
            StateFilter::Dismissed => Some(QuestionState::Dismissed),
            StateFilter::Open | StateFilter::All => None,
        }
    }
}

/// Where the listed questions come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OriginFilter {
    /// Both.
    #[default]
    Both,
    /// Collected before the show.
    Planned,
    /// Asked in the live comments.
    Live,
}

impl OriginFilter {
    /// Every filter, in the bar's order (keys 7–9).
    pub const ALL: [OriginFilter; 3] = [
        OriginFilter::Both,
        OriginFilter::Planned,
        OriginFilter::Live,
    ];

    /// Its name in the bar.
    pub fn label(self, texts: &Texts) -> &'static str {
        match self {
            OriginFilter::Both => texts.q_origin_both,
            OriginFilter::Planned => texts.q_origin_planned,
            OriginFilter::Live => texts.q_origin_live,
        }
    }

    fn admits(self, q: &Question) -> bool {
        match self {
            OriginFilter::Both => true,
            OriginFilter::Planned => q.is_planned(),
            OriginFilter::Live => !q.is_planned(),
        }
    }
}

/// A change to the panel itself (nothing journaled), from a key or a click.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PanelCommand {
    /// Select this question.
    Select(QuestionKey),
    /// Select the row below (`true`) or above.
    Step(bool),
    /// Show these states.
    Filter(StateFilter),
    /// Show questions from here.
    Origin(OriginFilter),
    /// Put the cursor in the search field.
    FocusSearch,
    /// Take in the questions that arrived while the list held still.
    ShowNew,
    /// Edit the selected question's wording.
    StartEdit,
    /// Start merging the selected question into another.
    StartMerge,
    /// Stop editing or merging; else clear the selection.
    Escape,
    /// The producer changed the queue from the panel: show the result at once.
    Refresh,
}

/// What the question panel remembers between frames.
#[derive(Debug, Default)]
pub struct PanelState {
    /// Which states are listed.
    pub filter: StateFilter,
    /// Where listed questions come from.
    pub origin: OriginFilter,
    /// Search text (question, wording, what each asker wrote, who asked).
    pub search: String,
    /// The question the actions apply to.
    pub selected: Option<QuestionKey>,
    /// The question being merged: it joins the one selected next.
    pub merging: Option<QuestionKey>,
    /// The question being reworded, and the text so far.
    pub editing: Option<(QuestionKey, String)>,
    /// Put the cursor in the search field next frame.
    pub focus_search: bool,
    /// Put the cursor in the wording field next frame.
    pub focus_edit: bool,
    /// Scroll the selected row into view next frame.
    pub scroll_to_selected: bool,
    /// The rows listed, in order: held still while the pointer is over the list.
    shown: Vec<QuestionKey>,
    /// Rows the filters admit now that are not listed yet.
    unseen: usize,
    refresh: bool,
    /// The pointer was over the list in the last frame.
    pub(super) pointer_over_list: bool,
    /// The list's scroll offset and height in the last frame, to scroll the selected
    /// row into view.
    pub(super) list_view: (f32, f32),
}

impl PanelState {
    /// The rows listed, top first.
    pub fn shown(&self) -> &[QuestionKey] {
        &self.shown
    }

    /// How many questions wait above the held list.
    pub fn unseen(&self) -> usize {
        self.unseen
    }

    /// Brings the list up to date, unless it must hold still: while the pointer is
    /// over it, or the producer is rewording or merging. Then new rows are counted,
    /// not inserted, and nothing moves.
    pub fn update(&mut self, queue: &Queue) {
        let fresh = rows(queue, self.filter, self.origin, &self.search);
        let hold = self.pointer_over_list || self.editing.is_some() || self.merging.is_some();
        if hold && !self.refresh {
            self.unseen = fresh.iter().filter(|k| !self.shown.contains(k)).count();
        } else {
            self.shown = fresh;
            self.unseen = 0;
        }
        self.refresh = false;
        // A selected question merged into another: follow it there.
        if let Some(key) = &self.selected
            && queue.find(key).is_some_and(|q| q.merged_into.is_some())
        {
            self.selected = queue.entry_of(key).map(|q| q.key.clone());
        }
    }

    /// Takes in what arrived on the next frame, whatever holds the list still.
    pub fn refresh(&mut self) {
        self.refresh = true;
    }

    /// Applies a panel command.
    pub fn apply(&mut self, command: PanelCommand, queue: &Queue) {
        match command {
            PanelCommand::Select(key) => {
                self.selected = Some(key);
            }
            PanelCommand::Step(down) => {
                let at = self
                    .selected
                    .as_ref()
                    .and_then(|k| self.shown.iter().position(|s| s == k));
                let next = match at {
                    None if down => Some(0),
                    None => self.shown.len().checked_sub(1),
                    Some(i) if down => Some((i + 1).min(self.shown.len().saturating_sub(1))),
                    Some(i) => Some(i.saturating_sub(1)),
                };
                if let Some(k) = next.and_then(|i| self.shown.get(i)) {
                    self.selected = Some(k.clone());
                    self.scroll_to_selected = true;
                }
            }
            PanelCommand::Filter(filter) => {
                self.filter = filter;
                self.refresh = true;
            }
            PanelCommand::Origin(origin) => {
                self.origin = origin;
                self.refresh = true;
            }
            PanelCommand::FocusSearch => self.focus_search = true,
            PanelCommand::ShowNew | PanelCommand::Refresh => self.refresh = true,
            PanelCommand::StartEdit => {
                self.merging = None;
                self.editing = self
                    .selected
                    .as_ref()
                    .and_then(|k| queue.find(k))
                    .map(|q| (q.key.clone(), q.display_text().to_owned()));
                self.focus_edit = self.editing.is_some();
            }
            PanelCommand::StartMerge => {
                self.editing = None;
                self.merging = self.selected.clone();
            }
            PanelCommand::Escape => {
                if self.editing.is_some() || self.merging.is_some() {
                    self.editing = None;
                    self.merging = None;
                } else {
                    self.selected = None;
                }
                self.refresh = true;
            }
        }
    }
}

/// The rows the filters admit, in the order the panel lists them: open questions in
/// the order the host will take them, then those waiting for their segment; closed
/// ones newest first.
pub fn rows(
    queue: &Queue,
    filter: StateFilter,
    origin: OriginFilter,
    search: &str,
) -> Vec<QuestionKey> {
    let mut list: Vec<&Question> = Vec::new();
    if matches!(filter, StateFilter::Open | StateFilter::All) {
        list.extend(queue.upcoming());
        list.extend(queue.held());
    }
    let mut closed: Vec<&Question> = queue
        .entries()
        .filter(|q| match filter.closed_state() {
            Some(state) => q.state == state,
            None => filter == StateFilter::All && !q.state.is_open(),
        })
        .collect();
    closed.sort_by_key(|q| std::cmp::Reverse(q.handled.map(|h| h.at_ms)));
    list.extend(closed);
    let needle = Needle::new(search);
    list.into_iter()
        .filter(|q| origin.admits(q) && needle.finds(q))
        .map(|q| q.key.clone())
        .collect()
}

/// Search text, normalised like comments (so 運費 finds 运费, case does not matter).
struct Needle {
    folded: String,
    lower: String,
}

impl Needle {
    fn new(search: &str) -> Self {
        let search = search.trim();
        Self {
            folded: normalize(search),
            lower: search.to_lowercase(),
        }
    }

    fn finds(&self, q: &Question) -> bool {
        if self.lower.is_empty() {
            return true;
        }
        let handle = bare_handle(&self.lower);
        std::iter::once(q.display_text())
            .chain(q.askings.iter().map(|a| a.text.as_str()))
            .any(|t| !self.folded.is_empty() && normalize(t).contains(&self.folded))
            || q.askers()
                .iter()
                .any(|a| !handle.is_empty() && bare_handle(a).to_lowercase().contains(handle))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::comments::{Comment, Verdict};
    use crate::plan::parse;
    use crate::session::{Event, Session, Stamp};

    const PLAN: &str = r#"(
    title: "Panel",
    goal: (kind: Sales, summary: "sell"),
    target: (min: "5m", max: "30m"),
    segments: [(id: "a", title: "A", kind: Content, duration: "10m")],
    questions: [(id: "s1", asker: "lin", text: "運費怎麼算？")],
)"#;

    fn stamp(ms: i64) -> Stamp {
        Stamp {
            ms,
            wall: chrono::DateTime::from_timestamp_millis(ms).unwrap(),
        }
    }

    fn session() -> Session {
        let mut s = Session::new(Arc::new(parse(PLAN, "t.ron").unwrap()));
        for (i, (user, text)) in [("amy", "Is it vegan?"), ("bo", "Ship to Japan?")]
            .into_iter()
            .enumerate()
        {
            let id = format!("c{i}");
            s.apply(&Event::CommentReceived {
                comment: Comment {
                    id: id.clone(),
                    user: user.into(),
                    text: text.into(),
                    ts: stamp(0).wall,
                    platform: None,
                },
                verdict: Verdict {
                    question: true,
                    ..Verdict::shown(&id)
                },
                at: stamp(i as i64 * 1000),
            });
        }
        s
    }

    fn ids(keys: &[QuestionKey]) -> Vec<&str> {
        keys.iter().map(QuestionKey::id).collect()
    }

    #[test]
    fn filters_and_search_pick_the_rows() {
        let mut s = session();
        let queue = s.questions();
        let all = rows(queue, StateFilter::Open, OriginFilter::Both, "");
        assert_eq!(ids(&all), ["s1", "c0", "c1"]);
        let live = rows(queue, StateFilter::Open, OriginFilter::Live, "");
        assert_eq!(ids(&live), ["c0", "c1"]);
        // Simplified finds Traditional; a handle finds its questions.
        assert_eq!(
            ids(&rows(queue, StateFilter::All, OriginFilter::Both, "运费")),
            ["s1"]
        );
        assert_eq!(
            ids(&rows(queue, StateFilter::All, OriginFilter::Both, "@BO")),
            ["c1"]
        );
        s.apply(&Event::QuestionStateChanged {
            question: QuestionKey::Comment("c0".into()),
            state: QuestionState::Answered,
            at: stamp(5_000),
        });
        let queue = s.questions();
        assert_eq!(
            ids(&rows(queue, StateFilter::Answered, OriginFilter::Both, "")),
            ["c0"]
        );
        assert_eq!(
            ids(&rows(queue, StateFilter::All, OriginFilter::Both, "")),
            ["s1", "c1", "c0"]
        );
    }

    #[test]
    fn the_list_holds_still_under_the_pointer_and_counts_what_arrived() {
        let mut s = session();
        let mut panel = PanelState::default();
        panel.update(s.questions());
        assert_eq!(ids(panel.shown()), ["s1", "c0", "c1"]);
        panel.pointer_over_list = true;
        // c1 is asked again (it would rise above c0) and a new question arrives.
        for (id, user, text, dup) in [
            ("c2", "cy", "Ship to Japan??", Some("c1")),
            ("c3", "dee", "Where is it made?", None),
        ] {
            s.apply(&Event::CommentReceived {
                comment: Comment {
                    id: id.into(),
                    user: user.into(),
                    text: text.into(),
                    ts: stamp(0).wall,
                    platform: None,
                },
                verdict: Verdict {
                    question: true,
                    duplicate_of: dup.map(str::to_owned),
                    ..Verdict::shown(id)
                },
                at: stamp(9_000),
            });
        }
        panel.update(s.questions());
        assert_eq!(ids(panel.shown()), ["s1", "c0", "c1"], "held still");
        assert_eq!(panel.unseen(), 1);
        panel.pointer_over_list = false;
        panel.update(s.questions());
        assert_eq!(ids(panel.shown()), ["c1", "s1", "c0", "c3"]);
        assert_eq!(panel.unseen(), 0);
        // Selecting steps through what is listed.
        let queue = s.questions();
        panel.apply(PanelCommand::Step(true), queue);
        panel.apply(PanelCommand::Step(true), queue);
        assert_eq!(panel.selected, Some(QuestionKey::Planned("s1".into())));
        panel.apply(PanelCommand::Step(false), queue);
        panel.apply(PanelCommand::Step(false), queue);
        assert_eq!(panel.selected, Some(QuestionKey::Comment("c1".into())));
    }
}
