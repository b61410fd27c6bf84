//! The question queue: questions collected before the show and questions detected in
//! live comments, with repeats merged into the question they repeat.

use serde::{Deserialize, Serialize};

use crate::plan::{Plan, Priority};

/// Where a queued question came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "from", content = "id", rename_all = "snake_case")]
pub enum QuestionKey {
    /// A question in the plan, by its id.
    Planned(String),
    /// A live comment, by its comment id.
    Comment(String),
}

/// What has happened to a question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionState {
    /// Waiting to be taken.
    #[default]
    Queued,
    /// The host answered it.
    Answered,
    /// The host passed on it.
    Skipped,
}

/// One question in the queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Identity.
    pub key: QuestionKey,
    /// The question as first asked.
    pub text: String,
    /// Who asked first.
    pub asker: Option<String>,
    /// Everyone else who asked the same thing, in order.
    pub also_asked_by: Vec<String>,
    /// How soon to take it.
    pub priority: Priority,
    /// Queued, answered or skipped.
    pub state: QuestionState,
}

impl Question {
    /// How many people asked it.
    pub fn times_asked(&self) -> usize {
        1 + self.also_asked_by.len()
    }
}

/// The queue of questions for the host.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Queue {
    items: Vec<Question>,
}

impl Queue {
    /// A queue holding the plan's pre-collected questions.
    pub fn from_plan(plan: &Plan) -> Self {
        let items = plan
            .questions
            .iter()
            .map(|q| Question {
                key: QuestionKey::Planned(q.id.clone()),
                text: q.text.clone(),
                asker: q.asker.clone(),
                also_asked_by: Vec::new(),
                priority: q.priority,
                state: QuestionState::Queued,
            })
            .collect();
        Self { items }
    }

    /// All questions in arrival order.
    pub fn all(&self) -> &[Question] {
        &self.items
    }

    /// Adds a live question; ignored when the key is already queued.
    pub fn add(&mut self, key: QuestionKey, text: &str, asker: Option<&str>) {
        if self.find(&key).is_some() {
            return;
        }
        self.items.push(Question {
            key,
            text: text.to_owned(),
            asker: asker.map(str::to_owned),
            also_asked_by: Vec::new(),
            priority: Priority::Normal,
            state: QuestionState::Queued,
        });
    }

    /// Records that `asker` asked the question `into` again. Returns false when `into`
    /// is not in the queue.
    pub fn merge(&mut self, into: &QuestionKey, asker: &str) -> bool {
        match self.items.iter_mut().find(|q| &q.key == into) {
            Some(q) => {
                q.also_asked_by.push(asker.to_owned());
                true
            }
            None => false,
        }
    }

    /// Sets a question's state. Returns false when it is not in the queue.
    pub fn set_state(&mut self, key: &QuestionKey, state: QuestionState) -> bool {
        match self.items.iter_mut().find(|q| &q.key == key) {
            Some(q) => {
                q.state = state;
                true
            }
            None => false,
        }
    }

    /// The question with this key.
    pub fn find(&self, key: &QuestionKey) -> Option<&Question> {
        self.items.iter().find(|q| &q.key == key)
    }

    /// Queued questions in the order the host should take them: by priority, then by
    /// how many people asked, then by arrival.
    pub fn upcoming(&self) -> Vec<&Question> {
        let mut queued: Vec<(usize, &Question)> = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, q)| q.state == QuestionState::Queued)
            .collect();
        queued.sort_by_key(|(i, q)| (q.priority, std::cmp::Reverse(q.times_asked()), *i));
        queued.into_iter().map(|(_, q)| q).collect()
    }

    /// The question the host should take next.
    pub fn next(&self) -> Option<&Question> {
        self.upcoming().into_iter().next()
    }
}
