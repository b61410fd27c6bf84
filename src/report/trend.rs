//! Several shows side by side, oldest first: which slots and formats draw comments.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::export::md;
use super::{Report, ReportError, show_time, write_csv};
use crate::plan::clock_text;

/// One show in the trend table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrendRow {
    /// The show's folder (or journal) name.
    pub show: String,
    /// The plan's title.
    pub title: String,
    /// Local weekday of the start.
    pub weekday: String,
    /// Local start, `2026-11-28 20:00`.
    pub start: String,
    /// Running time.
    pub running_ms: i64,
    /// Comments received.
    pub comments: usize,
    /// Distinct commenters.
    pub commenters: usize,
    /// Questions detected in comments.
    pub questions: usize,
    /// Comments per minute on air.
    pub rate_per_min: f64,
    /// Comments in the busiest minute.
    pub peak_comments: usize,
    /// Show minute of the busiest minute.
    pub peak_minute: Option<i64>,
    /// The segment on air in the busiest minute.
    pub peak_segment: String,
}

/// The trend rows of `(name, report)` pairs, by start time (shows never started last).
pub fn trend_rows<'a>(reports: impl IntoIterator<Item = (&'a str, &'a Report)>) -> Vec<TrendRow> {
    let mut rows: Vec<(Option<chrono::DateTime<chrono::Utc>>, TrendRow)> = reports
        .into_iter()
        .map(|(name, r)| {
            let peak = r.comments.peak.as_ref();
            (
                r.show.started_at,
                TrendRow {
                    show: name.to_owned(),
                    title: r.show.title.clone(),
                    weekday: r.show.weekday.clone().unwrap_or_default(),
                    start: r.show.local_start.clone().unwrap_or_default(),
                    running_ms: r.show.running_ms,
                    comments: r.comments.received,
                    commenters: r.commenters.unique,
                    questions: r.comments.questions_detected,
                    rate_per_min: r.comments.rate_per_min,
                    peak_comments: peak.map_or(0, |p| p.comments),
                    peak_minute: peak.map(|p| p.minute),
                    peak_segment: peak.and_then(|p| p.segment.clone()).unwrap_or_default(),
                },
            )
        })
        .collect();
    rows.sort_by_key(|(start, _)| (start.is_none(), *start));
    rows.into_iter().map(|(_, row)| row).collect()
}

/// Writes the trend table as CSV.
pub fn write_trend_csv(path: &Path, rows: &[TrendRow], excel: bool) -> Result<(), ReportError> {
    write_csv(
        path,
        &[
            "show",
            "title",
            "weekday",
            "start",
            "running_time",
            "comments",
            "commenters",
            "questions",
            "comments_per_min",
            "peak_comments",
            "peak_at",
            "peak_segment",
        ],
        rows.iter().map(|r| {
            [
                r.show.clone(),
                r.title.clone(),
                r.weekday.clone(),
                r.start.clone(),
                show_time(r.running_ms),
                r.comments.to_string(),
                r.commenters.to_string(),
                r.questions.to_string(),
                format!("{:.1}", r.rate_per_min),
                r.peak_comments.to_string(),
                r.peak_minute
                    .map(|m| show_time(m * 60_000))
                    .unwrap_or_default(),
                r.peak_segment.clone(),
            ]
        }),
        excel,
    )
}

/// The trend table in Markdown.
pub fn trend_markdown(rows: &[TrendRow]) -> String {
    let mut o = String::from(
        "| show | weekday | start | running time | comments | commenters | questions | per min | busiest minute |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        let peak = match r.peak_minute {
            Some(m) if r.peak_segment.is_empty() => {
                format!("{} at {}", r.peak_comments, show_time(m * 60_000))
            }
            Some(m) => format!(
                "{} at {} ({})",
                r.peak_comments,
                show_time(m * 60_000),
                md(&r.peak_segment)
            ),
            None => String::new(),
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {:.1} | {} |",
            md(&r.show),
            r.weekday,
            r.start,
            clock_text(r.running_ms),
            r.comments,
            r.commenters,
            r.questions,
            r.rate_per_min,
            peak
        );
    }
    o
}
