//! The status both front ends show: the source's state, the comment rate, and how
//! the journal is doing. Cheap enough for every frame; counts over every comment are
//! `session::summarize`'s.

use super::feed::Feed;
use crate::session::{JournalView, Live};
use crate::sources::SourceState;

/// What the status bar (app) and the status line (`record`) report.
#[derive(Clone, Debug)]
pub struct StatusSummary {
    /// Every source the show has heard from, with its latest state.
    pub sources: Vec<(String, SourceState)>,
    /// The source connected now, by name.
    pub current_source: Option<String>,
    /// True while the source waits because livecue is falling behind.
    pub backpressured: bool,
    /// The source's last notice (a skipped line, why a token was refused).
    pub notice: Option<String>,
    /// Comments received in the last minute.
    pub rate_per_min: usize,
    /// The journal.
    pub journal: JournalView,
}

impl StatusSummary {
    pub(super) fn new(live: &Live, feed: Option<&Feed>) -> Self {
        Self {
            sources: live.session().sources().to_vec(),
            current_source: feed.map(|f| f.name().to_owned()),
            backpressured: feed.is_some_and(Feed::is_backpressured),
            notice: feed.and_then(|f| f.notice().map(str::to_owned)),
            rate_per_min: live.comments_per_min(),
            journal: live.journal_view(),
        }
    }

    /// The state of the source connected now.
    pub fn current_state(&self) -> Option<&SourceState> {
        let name = self.current_source.as_deref()?;
        self.sources
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, state)| state)
    }

    /// True when a source stopped for good (no token, a permission, a failure).
    pub fn source_failed(&self) -> bool {
        self.sources.iter().any(|(_, s)| {
            matches!(
                s,
                SourceState::TokenExpired
                    | SourceState::PermissionMissing { .. }
                    | SourceState::Failed { .. }
            )
        })
    }
}
