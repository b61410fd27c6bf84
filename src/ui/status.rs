//! The status bar: the runner's status summary and the audio state as coloured items,
//! and the bar that shows them at the foot of the host screen and the producer's view.

use egui::{Align, Color32, Layout, RichText};

use super::text::{Texts, fill};
use super::{View, theme};
use crate::audio::{Audio, AudioState};
use crate::runner::StatusSummary;
use crate::session::JournalView;
use crate::sources::SourceState;

/// Status bar items, left to right: the source connected now (or, with none, each one
/// tried, so a failure stays in sight until another source connects), falling behind,
/// the source's notice, the journal, the audio.
pub fn status_items(
    status: &StatusSummary,
    audio: &Audio,
    texts: &Texts,
) -> Vec<(String, Color32)> {
    let mut items = Vec::new();
    if status.sources.is_empty() {
        items.push((texts.source_none.to_owned(), theme::DIM));
    }
    let current = status.current_source.as_deref();
    for (name, state) in &status.sources {
        if current.is_none_or(|c| c == name) {
            items.push(source_line(&short_source_name(name), state, texts));
        }
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
            AudioState::NoDevice(why) => (
                fill(texts.audio_off, &[&fill(texts.audio_no_device, &[&why])]),
                theme::AMBER,
            ),
            AudioState::Unavailable(why) if why.is_empty() => {
                (fill(texts.audio_off, &[texts.audio_silent]), theme::AMBER)
            }
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

/// How many items at the end of [`status_items`] always show: the journal and the audio.
const ALWAYS_SHOWN: usize = 2;

/// The status bar as a panel at the bottom of `ui`.
pub fn status_bar_panel(ui: &mut egui::Ui, frame: &View<'_>) {
    egui::Panel::bottom("status-bar")
        .exact_size(frame.scale.pt(40.0).max(28.0))
        .frame(
            egui::Frame::NONE
                .fill(theme::BACKGROUND)
                .inner_margin(egui::Margin::symmetric(12, 4)),
        )
        .show(ui, |ui| status_bar_ui(ui, frame));
}

/// The journal and the audio sit at the right and are never pushed off; the sources,
/// notices and then the key hints take what is left, shortened when they must be.
fn status_bar_ui(ui: &mut egui::Ui, frame: &View<'_>) {
    let font = theme::text(frame.scale.pt(18.0).max(13.0));
    let items = &frame.status_items;
    let (rest, fixed) = items.split_at(items.len().saturating_sub(ALWAYS_SHOWN));
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        for (text, color) in fixed.iter().rev() {
            ui.label(RichText::new(text).font(font.clone()).color(*color));
            ui.add_space(14.0);
        }
        ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
            for (text, color) in rest {
                ui.add(
                    egui::Label::new(RichText::new(text).font(font.clone()).color(*color))
                        .truncate(),
                );
                ui.add_space(14.0);
            }
            ui.add(
                egui::Label::new(
                    RichText::new(frame.texts.key_hints)
                        .font(font.clone())
                        .color(theme::FAINT),
                )
                .truncate(),
            );
        });
    });
}
