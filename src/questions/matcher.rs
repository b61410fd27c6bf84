//! Live questions that repeat a question collected before the show.
//!
//! The filter links a live question to the first live comment asking the same; it never
//! sees the plan's questions. [`PlannedMatcher`] runs the same near-duplicate rules
//! with the plan's questions asked first, so "运费怎么算" in the comments joins the
//! sticker question "運費怎麼算？". The session's writer asks it about each new live
//! question and journals a match as `question_merged`.

use crate::comments::SameQuestion;
use crate::plan::Plan;

/// Finds the pre-collected question a new live question repeats.
#[derive(Debug, Default)]
pub struct PlannedMatcher {
    same: SameQuestion,
}

const PLANNED: &str = "p:";
const COMMENT: &str = "c:";

impl PlannedMatcher {
    /// A matcher holding the plan's questions.
    pub fn new(plan: &Plan) -> Self {
        let mut same = SameQuestion::new();
        for q in &plan.questions {
            let _ = same.link(&format!("{PLANNED}{}", q.id), &q.text);
        }
        Self { same }
    }

    /// The id of the plan's question that the live question `comment_id` repeats.
    /// Remembers the comment, so call it once per new live question, in arrival order.
    pub fn planned_for(&mut self, comment_id: &str, text: &str) -> Option<String> {
        let first = self.same.link(&format!("{COMMENT}{comment_id}"), text)?;
        first.strip_prefix(PLANNED).map(str::to_owned)
    }
}
