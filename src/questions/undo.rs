//! Undo: every change the producer or host makes by hand is remembered with what it
//! replaced, newest last, and `question_undone` takes back the newest. The history is
//! part of the fold, so a restarted app can still undo what was done before the crash.

use super::{FollowUp, FollowUpItem, Handled, QuestionKey, QuestionState, Queue};

/// A change made by hand and what it replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Undo {
    /// A comment was put into the queue by hand.
    Added { key: QuestionKey },
    /// The state changed from this.
    State {
        key: QuestionKey,
        state: QuestionState,
        handled: Option<Handled>,
        up_next_seq: u64,
    },
    /// Pinned was this.
    Pinned {
        key: QuestionKey,
        pinned: bool,
        pin_seq: u64,
    },
    /// Moved; the producer's order was this.
    Moved {
        key: QuestionKey,
        manual: Vec<QuestionKey>,
    },
    /// The wording was this.
    Reworded {
        key: QuestionKey,
        wording: Option<String>,
    },
    /// `key` was merged into another entry.
    Merged { key: QuestionKey },
    /// The merged entry `key` was split off `under`.
    SplitOff {
        key: QuestionKey,
        under: QuestionKey,
    },
    /// The repeat `key` was split off the entry `under`, where it was asked under `part`.
    SplitAsking {
        key: QuestionKey,
        under: QuestionKey,
        part: QuestionKey,
    },
    /// The follow-up mark on a question was this (with its place in the list).
    FollowUp {
        key: QuestionKey,
        before: Option<(usize, FollowUp)>,
    },
}

impl Undo {
    /// The question the change was made to.
    pub(crate) fn key(&self) -> &QuestionKey {
        match self {
            Undo::Added { key }
            | Undo::State { key, .. }
            | Undo::Pinned { key, .. }
            | Undo::Moved { key, .. }
            | Undo::Reworded { key, .. }
            | Undo::Merged { key }
            | Undo::SplitOff { key, .. }
            | Undo::SplitAsking { key, .. }
            | Undo::FollowUp { key, .. } => key,
        }
    }
}

impl Queue {
    /// Puts back what `change` replaced.
    pub(crate) fn revert(&mut self, change: Undo) {
        match change {
            Undo::Added { key } => {
                self.remove_item(&key);
            }
            Undo::State {
                key,
                state,
                handled,
                up_next_seq,
            } => {
                if let Some(q) = self.find_mut(&key) {
                    q.state = state;
                    q.handled = handled;
                    q.up_next_seq = up_next_seq;
                }
            }
            Undo::Pinned {
                key,
                pinned,
                pin_seq,
            } => {
                if let Some(q) = self.find_mut(&key) {
                    q.pinned = pinned;
                    q.pin_seq = pin_seq;
                }
            }
            Undo::Moved { manual, .. } => self.manual = manual,
            Undo::Reworded { key, wording } => {
                if let Some(q) = self.find_mut(&key) {
                    q.wording = wording;
                }
            }
            Undo::Merged { key } => self.split_entry(&key),
            Undo::SplitOff { key, under } => self.merge_under(&key, &under),
            Undo::SplitAsking { key, under, part } => {
                let Some(taken) = self.remove_item(&key) else {
                    return;
                };
                let Some(root) = self.root_key(&under) else {
                    return;
                };
                if let Some(q) = self.find_mut(&root) {
                    q.askings.extend(taken.askings.into_iter().map(|mut a| {
                        if a.from == key {
                            a.part = part.clone();
                        }
                        a
                    }));
                    Self::sort_askings(q);
                }
                self.rehome(&root);
            }
            Undo::FollowUp { key, before } => {
                let item = FollowUpItem::Question(key);
                self.follow_ups.retain(|f| f.item != item);
                if let Some((i, mark)) = before {
                    let i = i.min(self.follow_ups.len());
                    self.follow_ups.insert(i, mark);
                }
            }
        }
    }
}
