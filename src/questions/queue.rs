//! The entries of the queue, their askings and states, and the changes the session
//! folds into them.

use std::collections::HashMap;

use super::undo::Undo;
use super::{FollowUp, QuestionKey, QuestionState};
use crate::plan::{Plan, Priority, bare_handle};

/// One time someone asked a question: a live comment, or the plan's question itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asking {
    /// The comment that asked, or the plan's question for one collected before the show.
    pub from: QuestionKey,
    /// Who asked; `None` when a pre-collected question names nobody.
    pub user: Option<String>,
    /// As they wrote it.
    pub text: String,
    /// When it arrived (journal milliseconds); `None` for a pre-collected question.
    pub at_ms: Option<i64>,
    /// The entry it was asked under: splitting that entry off again takes it along.
    pub part: QuestionKey,
    /// Arrival order across the queue, for a stable order after merges.
    pub(crate) seq: u64,
}

/// When and where a question was answered, skipped or dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handled {
    /// Answered, skipped or dismissed.
    pub state: QuestionState,
    /// When (journal milliseconds).
    pub at_ms: i64,
    /// Show time then (since the show started); `None` before the start.
    pub show_ms: Option<i64>,
    /// The segment on air then, by index into the plan's segments.
    pub segment: Option<usize>,
}

/// One entry of the queue: a question and everyone who asked it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Identity: the first asking's comment, or the plan's question.
    pub key: QuestionKey,
    /// The question as first asked.
    pub text: String,
    /// The producer's wording for the host, when edited; `text` stays the original.
    pub wording: Option<String>,
    /// Every asking, in arrival order (pre-collected first), entries merged in included.
    pub askings: Vec<Asking>,
    /// How soon to take it (the plan's; live questions are normal).
    pub priority: Priority,
    /// Queued, up next, answered, skipped or dismissed.
    pub state: QuestionState,
    /// Kept at the top of the queue by the producer.
    pub pinned: bool,
    /// The plan's segment this question waits for, by index.
    pub segment: Option<usize>,
    /// When it was last answered, skipped or dismissed; `None` while open.
    pub handled: Option<Handled>,
    /// The entry this one was merged into; its askings are there meanwhile.
    pub merged_into: Option<QuestionKey>,
    /// When it arrived (journal milliseconds); `None` for a pre-collected question.
    pub arrived_ms: Option<i64>,
    /// Arrival order, for "oldest first".
    pub(crate) seq: u64,
    /// When it was put up next, for the order among questions up next.
    pub(crate) up_next_seq: u64,
    /// When it was pinned, for the order among pinned questions.
    pub(crate) pin_seq: u64,
    /// `times_asked`, counted when the askings change (the order compares it often).
    pub(crate) asked: usize,
}

/// A handle as compared when counting askers: no `@`, lower case.
fn asker_key(user: &str) -> String {
    bare_handle(user).to_lowercase()
}

impl Question {
    /// What the host reads: the producer's wording, else the question as asked.
    pub fn display_text(&self) -> &str {
        self.wording.as_deref().unwrap_or(&self.text)
    }

    /// Collected before the show (from the plan).
    pub fn is_planned(&self) -> bool {
        matches!(self.key, QuestionKey::Planned(_))
    }

    /// Still to be taken and not merged into another entry.
    pub fn is_open(&self) -> bool {
        self.state.is_open() && self.merged_into.is_none()
    }

    /// Who asked, each once, in the order they first asked (empty names left out).
    pub fn askers(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.askings
            .iter()
            .filter_map(|a| a.user.as_deref())
            .filter(|u| !bare_handle(u).is_empty())
            .filter(|u| seen.insert(asker_key(u)))
            .collect()
    }

    /// Who asked first, when known.
    pub fn asker(&self) -> Option<&str> {
        self.askers().into_iter().next()
    }

    /// How many people asked it: each named asker once however often they asked, and
    /// each asking without a name.
    pub fn times_asked(&self) -> usize {
        self.asked
    }

    fn count_askers(&self) -> usize {
        let anonymous = self
            .askings
            .iter()
            .filter(|a| a.user.as_deref().is_none_or(|u| bare_handle(u).is_empty()))
            .count();
        (self.askers().len() + anonymous).max(1)
    }

    /// What can be split off this entry, oldest first: the entries merged into it, and
    /// each repeat the filter linked to it.
    pub fn parts(&self) -> Vec<&QuestionKey> {
        let mut parts: Vec<&QuestionKey> = Vec::new();
        for a in &self.askings {
            let part = if a.part == self.key { &a.from } else { &a.part };
            if part != &self.key && !parts.contains(&part) {
                parts.push(part);
            }
        }
        parts
    }
}

/// The queue of questions for the host: the fold of the session's question events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Queue {
    /// Every entry, in arrival order; merged ones stay (hidden) so a split restores them.
    pub(crate) items: Vec<Question>,
    pub(crate) seq: u64,
    /// Segments that have been on air, by index.
    pub(crate) started: Vec<usize>,
    /// The segment on air.
    pub(crate) current: Option<usize>,
    pub(crate) show_start_ms: Option<i64>,
    /// The producer's order (see `order.rs`), once anything was moved by hand.
    pub(crate) manual: Vec<QuestionKey>,
    /// Changes made by hand, newest last, for undo.
    pub(crate) history: Vec<Undo>,
    pub(crate) follow_ups: Vec<FollowUp>,
    /// Where each entry is in `items`.
    index: HashMap<QuestionKey, usize>,
    /// For each asking (by its comment or plan key), the entry whose askings hold it.
    holder: HashMap<QuestionKey, QuestionKey>,
}

impl Queue {
    /// A queue holding the plan's pre-collected questions.
    pub fn from_plan(plan: &Plan) -> Self {
        let mut queue = Self::default();
        for q in &plan.questions {
            let key = QuestionKey::Planned(q.id.clone());
            if queue.find(&key).is_some() {
                continue;
            }
            let seq = queue.next_seq();
            queue.push_item(Question {
                askings: vec![Asking {
                    from: key.clone(),
                    user: q.asker.clone(),
                    text: q.text.clone(),
                    at_ms: None,
                    part: key.clone(),
                    seq,
                }],
                key,
                text: q.text.clone(),
                wording: None,
                priority: q.priority,
                state: QuestionState::Queued,
                pinned: false,
                segment: q.segment.as_deref().and_then(|s| plan.segment_index(s)),
                handled: None,
                merged_into: None,
                arrived_ms: None,
                seq,
                up_next_seq: 0,
                pin_seq: 0,
                asked: 1,
            });
        }
        queue
    }

    /// Adds an entry, keeping the indexes.
    pub(crate) fn push_item(&mut self, q: Question) {
        let key = q.key.clone();
        self.index.insert(key.clone(), self.items.len());
        self.items.push(q);
        self.rehome(&key);
    }

    /// Removes an entry (undoing its arrival by hand), keeping the indexes.
    pub(crate) fn remove_item(&mut self, key: &QuestionKey) -> Option<Question> {
        let i = *self.index.get(key)?;
        let q = self.items.remove(i);
        self.index = self
            .items
            .iter()
            .enumerate()
            .map(|(i, q)| (q.key.clone(), i))
            .collect();
        for a in &q.askings {
            if self.holder.get(&a.from) == Some(key) {
                self.holder.remove(&a.from);
            }
        }
        self.manual.retain(|k| k != key);
        Some(q)
    }

    /// After `key`'s askings changed: they are held there, and counted again.
    pub(crate) fn rehome(&mut self, key: &QuestionKey) {
        let Some(&i) = self.index.get(key) else {
            return;
        };
        let q = &mut self.items[i];
        q.asked = q.count_askers();
        for a in &q.askings {
            self.holder.insert(a.from.clone(), key.clone());
        }
    }

    pub(crate) fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// Every entry in arrival order, merged ones included (see [`Question::merged_into`]).
    pub fn all(&self) -> &[Question] {
        &self.items
    }

    /// The entries the producer sees: every entry not merged into another.
    pub fn entries(&self) -> impl Iterator<Item = &Question> {
        self.items.iter().filter(|q| q.merged_into.is_none())
    }

    /// The entry with this key, merged or not.
    pub fn find(&self, key: &QuestionKey) -> Option<&Question> {
        self.index.get(key).and_then(|&i| self.items.get(i))
    }

    pub(crate) fn find_mut(&mut self, key: &QuestionKey) -> Option<&mut Question> {
        self.index.get(key).and_then(|&i| self.items.get_mut(i))
    }

    /// The entry the producer sees for `key`: the entry itself, the one it was merged
    /// into, or the one holding it as an asking (a repeat).
    pub fn entry_of(&self, key: &QuestionKey) -> Option<&Question> {
        let held_by = match self.find(key) {
            Some(q) => &q.key,
            None => self.holder.get(key)?,
        };
        self.find(&self.root_key(held_by)?)
    }

    /// The entry `key` is (eventually) merged into, or `key` itself.
    pub(crate) fn root_key(&self, key: &QuestionKey) -> Option<QuestionKey> {
        let mut at = self.find(key)?;
        // Merges form a tree; the bound only guards against a malformed cycle.
        for _ in 0..=self.items.len() {
            match &at.merged_into {
                None => return Some(at.key.clone()),
                Some(up) => at = self.find(up)?,
            }
        }
        None
    }

    /// Whether a comment is in the queue, as an entry or a repeat.
    pub fn has_comment(&self, comment_id: &str) -> bool {
        let key = QuestionKey::Comment(comment_id.to_owned());
        self.entry_of(&key).is_some()
    }

    /// Whether a question waits for its segment: tied to a segment that has not been on
    /// air yet, still queued and not pinned.
    pub fn is_held(&self, q: &Question) -> bool {
        q.state == QuestionState::Queued
            && !q.pinned
            && q.segment.is_some_and(|s| !self.started.contains(&s))
    }

    /// The segment on air, as the queue last heard.
    pub fn current_segment(&self) -> Option<usize> {
        self.current
    }

    /// The key of the question whose change by hand an undo would take back.
    pub fn undoable(&self) -> Option<&QuestionKey> {
        self.history.last().map(Undo::key)
    }

    // ---- Changes, called by `Session::apply`. Each returns whether it changed
    // anything; events that no longer apply are ignored, so replay is always safe.

    /// The timeline moved: `segment` is on air now (or none), the show started at
    /// `show_start_ms`. Questions tied to a segment surface when it first goes on air.
    pub(crate) fn on_air(&mut self, segment: Option<usize>, show_start_ms: Option<i64>) {
        self.current = segment;
        self.show_start_ms = show_start_ms;
        if let Some(s) = segment
            && !self.started.contains(&s)
        {
            self.started.push(s);
        }
    }

    /// A live question, new: an entry of its own. False when the comment is already in
    /// the queue.
    pub(crate) fn add(&mut self, comment_id: &str, user: &str, text: &str, at_ms: i64) -> bool {
        if self.has_comment(comment_id) {
            return false;
        }
        let key = QuestionKey::Comment(comment_id.to_owned());
        let seq = self.next_seq();
        self.push_item(Question {
            askings: vec![Asking {
                from: key.clone(),
                user: Some(user.to_owned()),
                text: text.to_owned(),
                at_ms: Some(at_ms),
                part: key.clone(),
                seq,
            }],
            key,
            text: text.to_owned(),
            wording: None,
            priority: Priority::Normal,
            state: QuestionState::Queued,
            pinned: false,
            segment: None,
            handled: None,
            merged_into: None,
            arrived_ms: Some(at_ms),
            seq,
            up_next_seq: 0,
            pin_seq: 0,
            asked: 1,
        });
        true
    }

    /// A comment put into the queue by hand (undoable).
    pub(crate) fn promote(&mut self, comment_id: &str, user: &str, text: &str, at_ms: i64) -> bool {
        let added = self.add(comment_id, user, text, at_ms);
        if added {
            self.history.push(Undo::Added {
                key: QuestionKey::Comment(comment_id.to_owned()),
            });
        }
        added
    }

    /// Someone asked the question whose first asking was comment `first` again: one
    /// more asking of the entry holding it. False when `first` is not in the queue.
    pub(crate) fn ask_again(
        &mut self,
        first: &str,
        comment_id: &str,
        user: &str,
        text: &str,
        at_ms: i64,
    ) -> bool {
        let first_key = QuestionKey::Comment(first.to_owned());
        let Some(root) = self.entry_of(&first_key).map(|q| q.key.clone()) else {
            return false;
        };
        if self.has_comment(comment_id) {
            return true;
        }
        // Tagged with the entry it repeats, so splitting that entry off takes it along.
        let part = if self.find(&first_key).is_some() {
            first_key
        } else {
            root.clone()
        };
        let seq = self.next_seq();
        if let Some(q) = self.find_mut(&root) {
            q.askings.push(Asking {
                from: QuestionKey::Comment(comment_id.to_owned()),
                user: Some(user.to_owned()),
                text: text.to_owned(),
                at_ms: Some(at_ms),
                part,
                seq,
            });
        }
        self.rehome(&root);
        true
    }

    /// Up next, answered, skipped, dismissed or queued again (undoable). Only entries
    /// the producer sees change state.
    pub(crate) fn set_state(
        &mut self,
        key: &QuestionKey,
        state: QuestionState,
        at_ms: i64,
    ) -> bool {
        let Some(q) = self.find(key) else {
            return false;
        };
        if q.merged_into.is_some() || q.state == state {
            return false;
        }
        let undo = Undo::State {
            key: key.clone(),
            state: q.state,
            handled: q.handled,
            up_next_seq: q.up_next_seq,
        };
        let handled = (!state.is_open()).then_some(Handled {
            state,
            at_ms,
            show_ms: self.show_start_ms.map(|start| at_ms - start),
            segment: self.current,
        });
        let up_next_seq = (state == QuestionState::UpNext).then(|| self.next_seq());
        if let Some(q) = self.find_mut(key) {
            q.state = state;
            q.handled = handled;
            if let Some(seq) = up_next_seq {
                q.up_next_seq = seq;
            }
        }
        self.history.push(undo);
        true
    }

    /// Pinned to the top, or unpinned (undoable).
    pub(crate) fn set_pinned(&mut self, key: &QuestionKey, pinned: bool) -> bool {
        let Some(q) = self.find(key) else {
            return false;
        };
        if q.merged_into.is_some() || q.pinned == pinned {
            return false;
        }
        let undo = Undo::Pinned {
            key: key.clone(),
            pinned: q.pinned,
            pin_seq: q.pin_seq,
        };
        let seq = self.next_seq();
        if let Some(q) = self.find_mut(key) {
            q.pinned = pinned;
            q.pin_seq = seq;
        }
        self.history.push(undo);
        true
    }

    /// The producer's wording for the host, or back to the original with `None`
    /// (undoable). A wording equal to the original is no wording.
    pub(crate) fn reword(&mut self, key: &QuestionKey, wording: Option<&str>) -> bool {
        let Some(q) = self.find_mut(key) else {
            return false;
        };
        let wording = wording
            .map(str::trim)
            .filter(|w| !w.is_empty() && *w != q.text)
            .map(str::to_owned);
        if q.merged_into.is_some() || q.wording == wording {
            return false;
        }
        let before = std::mem::replace(&mut q.wording, wording);
        self.history.push(Undo::Reworded {
            key: key.clone(),
            wording: before,
        });
        true
    }

    /// Takes back the newest change made by hand, which must be to `key`.
    pub(crate) fn undo(&mut self, key: &QuestionKey) -> bool {
        if self.undoable() != Some(key) {
            return false;
        }
        match self.history.pop() {
            Some(change) => {
                self.revert(change);
                true
            }
            None => false,
        }
    }

    /// Askings in arrival order (pre-collected first).
    pub(crate) fn sort_askings(q: &mut Question) {
        q.askings
            .sort_by_key(|a| (a.at_ms.unwrap_or(i64::MIN), a.seq));
    }
}
