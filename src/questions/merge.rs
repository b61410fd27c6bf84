//! Merging two entries into one and splitting them again.
//!
//! A merged entry stays in the queue, hidden, with `merged_into` naming the entry that
//! took its askings; each asking remembers the entry it was asked under (`part`), so a
//! split gives an entry back exactly what it brought, repeats that arrived since
//! included. A repeat the filter linked by mistake can be split off on its own too.

use super::undo::Undo;
use super::{QuestionKey, Queue};

impl Queue {
    /// Whether `from` can be merged into `into`: two different entries the producer sees.
    pub fn can_merge(&self, from: &QuestionKey, into: &QuestionKey) -> bool {
        from != into
            && [from, into]
                .iter()
                .all(|k| self.find(k).is_some_and(|q| q.merged_into.is_none()))
    }

    /// Whether `key` can be split off the entry it is in: an entry merged into another,
    /// or a repeat asked under an entry that is not its own.
    pub fn can_split(&self, key: &QuestionKey) -> bool {
        match self.find(key) {
            Some(q) => q.merged_into.is_some(),
            None => self.entry_of(key).is_some(),
        }
    }

    /// `from` joins `into`: its askings count there and it leaves the queue until split
    /// off again. By hand it can be undone; a merge the app made (a live question that
    /// repeats a pre-collected one) cannot.
    pub(crate) fn merge(&mut self, from: &QuestionKey, into: &QuestionKey, by_hand: bool) -> bool {
        if !self.can_merge(from, into) {
            return false;
        }
        self.merge_under(from, into);
        if by_hand {
            self.history.push(Undo::Merged { key: from.clone() });
        }
        true
    }

    /// Takes `key` out of the entry it is in (undoable).
    pub(crate) fn split(&mut self, key: &QuestionKey) -> bool {
        if let Some(under) = self.find(key).and_then(|q| q.merged_into.clone()) {
            self.split_entry(key);
            self.history.push(Undo::SplitOff {
                key: key.clone(),
                under,
            });
            return true;
        }
        let Some(root) = self.entry_of(key).map(|q| q.key.clone()) else {
            return false;
        };
        let Some(q) = self.find_mut(&root) else {
            return false;
        };
        let Some(i) = q.askings.iter().position(|a| &a.from == key) else {
            return false;
        };
        let mut asking = q.askings.remove(i);
        let part = std::mem::replace(&mut asking.part, key.clone());
        let seq = self.next_seq();
        self.rehome(&root);
        self.push_item(super::Question {
            key: key.clone(),
            text: asking.text.clone(),
            wording: None,
            priority: crate::plan::Priority::Normal,
            state: super::QuestionState::Queued,
            pinned: false,
            segment: None,
            handled: None,
            merged_into: None,
            arrived_ms: asking.at_ms,
            seq,
            up_next_seq: 0,
            pin_seq: 0,
            asked: 1,
            askings: vec![asking],
        });
        self.history.push(Undo::SplitAsking {
            key: key.clone(),
            under: root,
            part,
        });
        true
    }

    /// Moves `from`'s askings to the entry `under` is in, and records `under` as where
    /// `from` went.
    pub(crate) fn merge_under(&mut self, from: &QuestionKey, under: &QuestionKey) {
        let Some(root) = self.root_key(under) else {
            return;
        };
        let askings = match self.find_mut(from) {
            Some(q) => {
                q.merged_into = Some(under.clone());
                std::mem::take(&mut q.askings)
            }
            None => return,
        };
        if let Some(q) = self.find_mut(&root) {
            q.askings.extend(askings);
            Self::sort_askings(q);
        }
        self.rehome(from);
        self.rehome(&root);
    }

    /// Gives a merged entry back its askings (and those of entries merged into it).
    pub(crate) fn split_entry(&mut self, key: &QuestionKey) {
        let Some(root) = self.root_key(key) else {
            return;
        };
        // Every entry merged into `key`, directly or through another.
        let mut subtree = vec![key.clone()];
        let mut grew = true;
        while grew {
            grew = false;
            for q in &self.items {
                if let Some(up) = &q.merged_into
                    && subtree.contains(up)
                    && !subtree.contains(&q.key)
                {
                    subtree.push(q.key.clone());
                    grew = true;
                }
            }
        }
        let mut taken = Vec::new();
        if let Some(r) = self.find_mut(&root) {
            let (go, stay) = std::mem::take(&mut r.askings)
                .into_iter()
                .partition(|a| subtree.contains(&a.part));
            r.askings = stay;
            taken = go;
        }
        if let Some(q) = self.find_mut(key) {
            q.merged_into = None;
            q.askings.extend(taken);
            Self::sort_askings(q);
        }
        self.rehome(&root);
        self.rehome(key);
    }
}
