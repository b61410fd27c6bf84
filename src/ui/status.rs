//! The status bar's model: the runner's status summary and the audio state as
//! coloured items, left to right.

use egui::Color32;

use super::text::{Texts, fill};
use super::theme;
use crate::audio::{Audio, AudioState};
use crate::runner::StatusSummary;
use crate::session::JournalView;
use crate::sources::SourceState;

/// Status bar items, left to right: each source, falling behind, the source's notice,
/// the journal, the audio.
pub fn status_items(
    status: &StatusSummary,
    audio: &Audio,
    texts: &Texts,
) -> Vec<(String, Color32)> {
    let mut items = Vec::new();
    if status.sources.is_empty() {
        items.push((texts.source_none.to_owned(), theme::DIM));
    }
    for (name, state) in &status.sources {
        items.push(source_line(&short_source_name(name), state, texts));
    }
    if status.backpressured {
        items.push((texts.source_behind.to_owned(), theme::AMBER));
    }
    if let Some(notice) = &status.notice {
        items.push((super::sanitize_for_display(notice), theme::DIM));
    }
    items.push(match &status.journal {
        JournalView::Off => (texts.journal_off.to_owned(), theme::DIM),
        JournalView::Waiting => (texts.journal_waiting.to_owned(), theme::DIM),
        JournalView::Writing(health) => match &health.error {
            Some(e) => (fill(texts.journal_failed, &[e]), theme::RED),
            None => (
                fill(texts.journal_saved, &[&health.events_synced.to_string()]),
                theme::GREEN,
            ),
        },
        JournalView::Failed(e) => (fill(texts.journal_failed, &[e]), theme::RED),
    });
    items.push(if audio.muted() {
        (texts.audio_muted.to_owned(), theme::AMBER)
    } else {
        match audio.state() {
            AudioState::Ready => (texts.audio_ok.to_owned(), theme::GREEN),
            AudioState::Starting => (texts.audio_starting.to_owned(), theme::DIM),
            AudioState::Unavailable(why) => (fill(texts.audio_off, &[&why]), theme::AMBER),
        }
    });
    items
}

/// `replay:/long/path/comments.jsonl@10` → `replay:comments.jsonl@10`.
fn short_source_name(name: &str) -> String {
    match name.strip_prefix("replay:") {
        Some(rest) => {
            let file = rest.rsplit(['/', '\\']).next().unwrap_or(rest);
            format!("replay:{file}")
        }
        None => name.to_owned(),
    }
}

fn source_line(name: &str, state: &SourceState, texts: &Texts) -> (String, Color32) {
    match state {
        SourceState::Connecting => (fill(texts.source_connecting, &[name]), theme::DIM),
        SourceState::Live => (
            format!("● {}", fill(texts.source_live, &[name])),
            theme::GREEN,
        ),
        SourceState::WaitingForBroadcast => (fill(texts.source_waiting, &[name]), theme::AMBER),
        SourceState::RateLimited { until } => (
            fill(
                texts.source_rate_limited,
                &[
                    name,
                    &until
                        .with_timezone(&chrono::Local)
                        .format("%H:%M")
                        .to_string(),
                ],
            ),
            theme::AMBER,
        ),
        SourceState::Reconnecting { attempt, reason } => (
            fill(
                texts.source_reconnecting,
                &[name, &attempt.to_string(), reason],
            ),
            theme::AMBER,
        ),
        SourceState::TokenExpired => (fill(texts.source_token_expired, &[name]), theme::RED),
        SourceState::PermissionMissing { permission } => (
            fill(texts.source_permission, &[name, permission]),
            theme::RED,
        ),
        SourceState::Ended => (fill(texts.source_ended, &[name]), theme::DIM),
        SourceState::Failed { reason } => (fill(texts.source_failed, &[name, reason]), theme::RED),
    }
}
