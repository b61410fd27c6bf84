//! "Follow up after the show": marks on questions and on any comment, in the order they
//! were made, for the report's follow-up list.

use serde::{Deserialize, Serialize};

use super::undo::Undo;
use super::{QuestionKey, Queue};

/// What a follow-up mark is on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpItem {
    /// A question of the queue (merged entries keep their own mark).
    Question(QuestionKey),
    /// Any comment, question or not, by its id.
    Comment(String),
}

/// A follow-up mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUp {
    /// What it is on.
    pub item: FollowUpItem,
    /// When it was marked (journal milliseconds).
    pub at_ms: i64,
}

impl Queue {
    /// Every follow-up mark, oldest first.
    pub fn follow_ups(&self) -> &[FollowUp] {
        &self.follow_ups
    }

    /// Whether this question or comment is marked for a follow-up.
    pub fn is_marked(&self, item: &FollowUpItem) -> bool {
        self.follow_ups.iter().any(|f| &f.item == item)
    }

    /// Marks or unmarks. A mark on a question can be undone like its other changes; a
    /// mark on a comment is taken back by unmarking it. False when nothing changes.
    pub(crate) fn mark_follow_up(&mut self, item: &FollowUpItem, marked: bool, at_ms: i64) -> bool {
        if let FollowUpItem::Question(key) = item
            && self.find(key).is_none()
        {
            return false;
        }
        let before = self
            .follow_ups
            .iter()
            .position(|f| &f.item == item)
            .map(|i| (i, self.follow_ups[i].clone()));
        if before.is_some() == marked {
            return false;
        }
        match &before {
            Some((i, _)) => {
                self.follow_ups.remove(*i);
            }
            None => self.follow_ups.push(FollowUp {
                item: item.clone(),
                at_ms,
            }),
        }
        if let FollowUpItem::Question(key) = item {
            self.history.push(Undo::FollowUp {
                key: key.clone(),
                before,
            });
        }
        true
    }
}
