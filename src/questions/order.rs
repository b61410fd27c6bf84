//! The order the host takes questions in.
//!
//! Open questions fall into bands — pinned, up next, tied to the segment on air, the
//! rest. Pinned and up next questions keep the order they were put there in; the others
//! go by the plan's priority, then by how many people asked, then oldest first. Questions tied to a
//! segment wait until it first goes on air.
//!
//! The producer can move a question up or down past its neighbour. The first move
//! writes the order down as it stands (`manual`) and swaps the two; from then on the
//! questions in that list keep their order among themselves, and they fill the places
//! questions in the list would take by the rules above. A question arriving later is
//! placed by the rules, so a question many people ask still rises; the ones arranged by
//! hand never swap places behind the producer's back.

use std::cmp::{Ordering, Reverse};
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::undo::Undo;
use super::{Question, QuestionKey, QuestionState, Queue};

/// Which band of the order a question is in, first band first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Pinned by the producer.
    Pinned,
    /// Put up next.
    UpNext,
    /// Tied to the segment on air.
    ThisSegment,
    /// Everything else.
    Queued,
}

/// Where a moved question goes: right above or right below another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// Right above this question.
    Above(QuestionKey),
    /// Right below this question.
    Below(QuestionKey),
}

impl Placement {
    /// The question it is placed next to.
    pub fn other(&self) -> &QuestionKey {
        match self {
            Placement::Above(k) | Placement::Below(k) => k,
        }
    }
}

impl Queue {
    /// The band an open question is in.
    pub fn band(&self, q: &Question) -> Band {
        if q.pinned {
            Band::Pinned
        } else if q.state == QuestionState::UpNext {
            Band::UpNext
        } else if q.segment.is_some() && q.segment == self.current {
            Band::ThisSegment
        } else {
            Band::Queued
        }
    }

    fn by_rules(&self, a: &Question, b: &Question) -> Ordering {
        let (band_a, band_b) = (self.band(a), self.band(b));
        band_a.cmp(&band_b).then_with(|| match band_a {
            Band::Pinned => a.pin_seq.cmp(&b.pin_seq),
            Band::UpNext => a.up_next_seq.cmp(&b.up_next_seq),
            Band::ThisSegment | Band::Queued => (a.priority, Reverse(a.times_asked()), a.seq)
                .cmp(&(b.priority, Reverse(b.times_asked()), b.seq)),
        })
    }

    /// Open questions in the order the host should take them (questions waiting for
    /// their segment left out).
    pub fn upcoming(&self) -> Vec<&Question> {
        let mut open: Vec<&Question> = self
            .items
            .iter()
            .filter(|q| q.is_open() && !self.is_held(q))
            .collect();
        open.sort_by(|a, b| self.by_rules(a, b));
        if self.manual.is_empty() {
            return open;
        }
        let rank: HashMap<&QuestionKey, usize> = self
            .manual
            .iter()
            .enumerate()
            .map(|(i, k)| (k, i))
            .collect();
        let mut start = 0;
        while start < open.len() {
            let band = self.band(open[start]);
            let end = open[start..]
                .iter()
                .position(|q| self.band(q) != band)
                .map_or(open.len(), |n| start + n);
            let slots: Vec<usize> = (start..end)
                .filter(|&i| rank.contains_key(&open[i].key))
                .collect();
            let mut members: Vec<&Question> = slots.iter().map(|&i| open[i]).collect();
            members.sort_by_key(|q| rank.get(&q.key).copied());
            for (slot, q) in slots.into_iter().zip(members) {
                open[slot] = q;
            }
            start = end;
        }
        open
    }

    /// The question the host should take next.
    pub fn next(&self) -> Option<&Question> {
        self.upcoming().into_iter().next()
    }

    /// Questions waiting for their segment, in plan order.
    pub fn held(&self) -> Vec<&Question> {
        self.items
            .iter()
            .filter(|q| q.merged_into.is_none() && self.is_held(q))
            .collect()
    }

    /// Where `key` would go moved one place up (`up`) or down: next to its neighbour in
    /// the same band. `None` at the edge of its band or when it is not open.
    pub fn neighbour(&self, key: &QuestionKey, up: bool) -> Option<Placement> {
        let order = self.upcoming();
        let i = order.iter().position(|q| &q.key == key)?;
        let j = if up { i.checked_sub(1)? } else { i + 1 };
        let other = order.get(j)?;
        if self.band(other) != self.band(order[i]) {
            return None;
        }
        Some(if up {
            Placement::Above(other.key.clone())
        } else {
            Placement::Below(other.key.clone())
        })
    }

    /// Moves `key` right above or below another open question (undoable).
    pub(crate) fn place(&mut self, key: &QuestionKey, placement: &Placement) -> bool {
        let other = placement.other();
        if key == other {
            return false;
        }
        let mut order: Vec<QuestionKey> = self.upcoming().iter().map(|q| q.key.clone()).collect();
        if !order.contains(key) || !order.contains(other) {
            return false;
        }
        order.retain(|k| k != key);
        let Some(at) = order.iter().position(|k| k == other) else {
            return false;
        };
        let at = match placement {
            Placement::Above(_) => at,
            Placement::Below(_) => at + 1,
        };
        order.insert(at, key.clone());
        // Questions arranged earlier and closed since keep their place in the list, in
        // case they are queued again.
        for k in &self.manual {
            if !order.contains(k) {
                order.push(k.clone());
            }
        }
        let before = std::mem::replace(&mut self.manual, order);
        self.history.push(Undo::Moved {
            key: key.clone(),
            manual: before,
        });
        true
    }
}
