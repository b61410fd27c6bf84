//! The report as files in one folder: `summary.json` (the whole [`Report`]), the CSV
//! tables, `chart.png` and `report.md`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::sheet::Sheet;
use super::{
    CommentRow, FollowupKind, Progress, Report, ReportError, ReportOptions, Zone, report_journal,
    show_time, write_chart, write_csv,
};
use crate::plan::{Plan, clock_text};
use crate::questions::QuestionState;

/// How the files are written.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// CSV files for Excel: a UTF-8 byte-order mark and CR LF line ends.
    pub excel: bool,
    /// The report's own options.
    pub report: ReportOptions,
}

/// Where each file of a report goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportFiles {
    /// The whole report as JSON.
    pub summary_json: PathBuf,
    /// Every comment.
    pub comments_csv: PathBuf,
    /// Comments minute by minute.
    pub per_minute_csv: PathBuf,
    /// Segments planned against actual.
    pub segments_csv: PathBuf,
    /// Every question.
    pub questions_csv: PathBuf,
    /// What to answer after the show.
    pub followups_csv: PathBuf,
    /// Comments per minute with segment bands.
    pub chart_png: PathBuf,
    /// A one-page summary with the chart.
    pub report_md: PathBuf,
}

impl ReportFiles {
    /// The files in `dir`.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            summary_json: dir.join("summary.json"),
            comments_csv: dir.join("comments.csv"),
            per_minute_csv: dir.join("per_minute.csv"),
            segments_csv: dir.join("segments.csv"),
            questions_csv: dir.join("questions.csv"),
            followups_csv: dir.join("followups.csv"),
            chart_png: dir.join("chart.png"),
            report_md: dir.join("report.md"),
        }
    }
}

/// Columns of `comments.csv`.
pub const COMMENT_COLUMNS: [&str; 14] = [
    "time",
    "show_time",
    "segment",
    "user",
    "text",
    "shown",
    "reasons",
    "matched",
    "question",
    "duplicate_of",
    "followup",
    "id",
    "platform",
    "posted",
];

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// Local times to the second, remembered for the next comment in the same second (a
/// busy show has dozens).
#[derive(Default)]
struct TimeText {
    second: Option<i64>,
    text: String,
}

impl TimeText {
    fn get(&mut self, zone: Zone, t: chrono::DateTime<chrono::Utc>) -> String {
        let second = t.timestamp();
        if self.second != Some(second) {
            self.second = Some(second);
            self.text = zone.format(t);
        }
        self.text.clone()
    }
}

fn comment_cells(row: &CommentRow<'_>, zone: Zone, times: &mut [TimeText; 2]) -> [String; 14] {
    let v = row.verdict;
    let c = row.comment;
    [
        times[0].get(zone, row.at.wall),
        row.show_ms.map(show_time).unwrap_or_default(),
        row.on_air.label().to_owned(),
        c.user.clone(),
        c.text.clone(),
        yes_no(v.shown),
        v.reasons
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        v.matched.clone().unwrap_or_default(),
        yes_no(v.shown && v.question),
        v.duplicate_of.clone().unwrap_or_default(),
        row.followup.unwrap_or_default().to_owned(),
        c.id.clone(),
        c.platform.clone().unwrap_or_default(),
        times[1].get(zone, c.ts),
    ]
}

/// Reads the journal once, writing `comments.csv` as it goes, then writes every other
/// file of the report into `out` (created if missing).
pub fn export_journal(
    journal: &Path,
    plan: Arc<Plan>,
    out: &Path,
    options: &ExportOptions,
    progress: impl FnMut(Progress),
) -> Result<(Report, ReportFiles), ReportError> {
    std::fs::create_dir_all(out).map_err(|source| ReportError::Write {
        path: out.to_owned(),
        source,
    })?;
    let files = ReportFiles::in_dir(out);
    let zone = options.report.zone.unwrap_or_else(|| Zone::of_plan(&plan));
    let mut sheet = Sheet::create(&files.comments_csv, &COMMENT_COLUMNS, options.excel)?;
    let mut times = [TimeText::default(), TimeText::default()];
    let report = report_journal(journal, plan, &options.report, progress, |row| {
        sheet.row(&comment_cells(row, zone, &mut times))
    })?;
    sheet.finish()?;
    write_report(&report, out, options)?;
    Ok((report, files))
}

/// Writes every file but `comments.csv` (which needs the journal: see
/// [`export_journal`]) from a report.
pub fn write_report(
    report: &Report,
    out: &Path,
    options: &ExportOptions,
) -> Result<ReportFiles, ReportError> {
    let write_err = |path: &Path| {
        let path = path.to_owned();
        move |source| ReportError::Write { path, source }
    };
    std::fs::create_dir_all(out).map_err(write_err(out))?;
    let files = ReportFiles::in_dir(out);
    let zone = Zone::from_name(&report.show.time_zone);
    let excel = options.excel;

    let json = serde_json::to_vec_pretty(report).map_err(|e| ReportError::Write {
        path: files.summary_json.clone(),
        source: e.into(),
    })?;
    std::fs::write(&files.summary_json, json).map_err(write_err(&files.summary_json))?;

    let title = |i: Option<usize>| {
        i.and_then(|i| report.segments.get(i))
            .map(|s| s.title.clone())
            .unwrap_or_default()
    };
    write_csv(
        &files.per_minute_csv,
        &[
            "minute",
            "start",
            "received",
            "shown",
            "hidden",
            "questions",
            "segment",
        ],
        report.per_minute.iter().map(|m| {
            [
                m.minute.to_string(),
                zone.format(m.start),
                m.received.to_string(),
                m.shown.to_string(),
                m.hidden.to_string(),
                m.questions.to_string(),
                title(m.segment),
            ]
        }),
        excel,
    )?;

    let secs = |ms: i64| ms.div_euclid(1000).to_string();
    write_csv(
        &files.segments_csv,
        &[
            "number",
            "title",
            "kind",
            "planned_s",
            "actual_s",
            "adjusted_s",
            "over_s",
            "runs",
            "skipped",
            "first_start",
            "comments",
            "questions",
            "comments_per_min",
            "peak_minute",
            "peak_comments",
        ],
        report.segments.iter().map(|s| {
            [
                (s.index + 1).to_string(),
                s.title.clone(),
                s.kind.clone(),
                secs(s.planned_ms),
                secs(s.actual_ms),
                secs(s.adjusted_ms),
                secs(s.over_ms),
                s.runs.to_string(),
                yes_no(s.skipped),
                s.first_start_ms.map(show_time).unwrap_or_default(),
                s.comments.to_string(),
                s.questions.to_string(),
                format!("{:.1}", s.rate_per_min),
                s.peak_minute.map(|m| m.to_string()).unwrap_or_default(),
                s.peak_comments.to_string(),
            ]
        }),
        excel,
    )?;

    write_csv(
        &files.questions_csv,
        &[
            "from",
            "id",
            "state",
            "text",
            "asker",
            "times_asked",
            "also_asked_by",
            "asked_at",
            "show_time",
            "segment",
            "handled_at",
        ],
        report.questions.list.iter().map(|q| {
            [
                q.from.clone(),
                q.id.clone(),
                state_name(q.state).to_owned(),
                q.text.clone(),
                q.asker.clone().unwrap_or_default(),
                (1 + q.also_asked_by.len()).to_string(),
                q.also_asked_by.join(";"),
                q.asked_at.map(|t| zone.format(t)).unwrap_or_default(),
                q.asked_show_ms.map(show_time).unwrap_or_default(),
                q.segment.clone().unwrap_or_default(),
                q.handled_at.map(|t| zone.format(t)).unwrap_or_default(),
            ]
        }),
        excel,
    )?;

    write_csv(
        &files.followups_csv,
        &[
            "kind",
            "time",
            "show_time",
            "segment",
            "user",
            "text",
            "matched",
            "times_asked",
            "id",
        ],
        report.followups.iter().map(|f| {
            [
                f.kind.as_str().to_owned(),
                f.at.map(|t| zone.format(t)).unwrap_or_default(),
                f.show_ms.map(show_time).unwrap_or_default(),
                f.segment.clone().unwrap_or_default(),
                f.user.clone(),
                f.text.clone(),
                f.matched.clone().unwrap_or_default(),
                if f.kind == FollowupKind::UnansweredQuestion {
                    f.times_asked.to_string()
                } else {
                    String::new()
                },
                f.id.clone(),
            ]
        }),
        excel,
    )?;

    write_chart(report, &files.chart_png)?;
    std::fs::write(&files.report_md, markdown(report, zone))
        .map_err(write_err(&files.report_md))?;
    Ok(files)
}

fn state_name(state: QuestionState) -> &'static str {
    match state {
        QuestionState::Queued => "left",
        QuestionState::UpNext => "up_next",
        QuestionState::Answered => "answered",
        QuestionState::Skipped => "skipped",
        QuestionState::Dismissed => "dismissed",
    }
}

/// Viewer text made inert for Markdown: one line, no markup, bounded.
pub(crate) fn md(text: &str) -> String {
    let clean = crate::comments::sanitize_for_display(text);
    let mut out = String::new();
    for (n, c) in clean.chars().enumerate() {
        if n >= 200 {
            out.push('…');
            break;
        }
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '{' | '}'
            | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn over_under(ms: i64) -> String {
    match ms.cmp(&0) {
        std::cmp::Ordering::Greater => format!("{} over", clock_text(ms)),
        std::cmp::Ordering::Less => format!("{} under", clock_text(-ms)),
        std::cmp::Ordering::Equal => "on time".to_owned(),
    }
}

/// `report.md`: one page a producer can paste into notes.
pub fn markdown(report: &Report, zone: Zone) -> String {
    let mut o = String::new();
    let s = &report.show;
    let _ = writeln!(o, "# {} — show report\n", md(&s.title));
    match (&s.weekday, &s.local_start) {
        (Some(day), Some(start)) => {
            let _ = write!(o, "{day} {start} ({}) · ", s.time_zone);
        }
        _ => o.push_str("The show was never started · "),
    }
    let _ = writeln!(
        o,
        "running time {} against {} planned ({}; target {}–{}, {}){}\n",
        clock_text(s.running_ms),
        clock_text(s.planned_ms),
        over_under(s.over_ms),
        clock_text(s.target_min_ms),
        clock_text(s.target_max_ms),
        s.window,
        if s.state == "running" {
            " · the journal ends without \"End show\""
        } else {
            ""
        }
    );
    o.push_str("![Comments per minute](chart.png)\n\n");

    let c = &report.comments;
    let _ = writeln!(
        o,
        "**Comments:** {} received ({} before the show, {} after it), {} shown, {} hidden; \
         {:.1} a minute on air; {} questions ({} repeats). **Commenters:** {}.",
        c.received,
        c.before_show,
        c.after_show,
        c.shown,
        c.hidden,
        c.rate_per_min,
        c.questions_detected,
        c.questions_repeated,
        report.commenters.unique
    );
    if let Some(peak) = &c.peak {
        let _ = writeln!(
            o,
            "**Busiest minute:** {} comments at {}{}.",
            peak.comments,
            show_time(peak.minute * 60_000),
            peak.segment
                .as_deref()
                .map(|t| format!(", during {}", md(t)))
                .unwrap_or_default()
        );
    }
    let hidden: Vec<String> = c
        .hidden_by_reason
        .iter()
        .filter(|r| r.comments > 0)
        .map(|r| format!("{} {}", r.reason.as_str(), r.comments))
        .collect();
    if !hidden.is_empty() {
        let _ = write!(o, "**Hidden:** {}", hidden.join(", "));
        if !c.top_matched.is_empty() {
            let words: Vec<String> = c
                .top_matched
                .iter()
                .take(8)
                .map(|w| format!("{} ({})", md(&w.text), w.count))
                .collect();
            let _ = write!(o, "; words: {}", words.join(", "));
        }
        o.push_str(".\n");
    }
    if !report.commenters.top.is_empty() {
        let top: Vec<String> = report
            .commenters
            .top
            .iter()
            .take(5)
            .map(|u| format!("{} ({})", md(&u.user), u.comments))
            .collect();
        let _ = writeln!(o, "**Most active:** {}.", top.join(", "));
    }

    if let Some(pf) = &report.preflight {
        o.push_str("\n## Pre-flight\n\n");
        match (&pf.speed, &pf.speed_error) {
            (Some(r), _) => {
                let _ = writeln!(
                    o,
                    "- Speed test: upload {:.1} Mbps (needed {:.0}), download {:.1} Mbps, latency {:.0} ms, jitter {:.0} ms",
                    r.upload_mbps, pf.min_upload_mbps, r.download_mbps, r.latency_ms, r.jitter_ms
                );
            }
            (None, Some(e)) => {
                let _ = writeln!(o, "- Speed test failed: {}", md(e));
            }
            (None, None) => o.push_str("- Speed test: not run\n"),
        }
        if let Some(d) = &pf.dnd {
            let state = if pf.dnd_by_hand {
                "on (confirmed by hand)".to_owned()
            } else {
                format!("{:?} ({})", d.state, d.method).to_lowercase()
            };
            let _ = writeln!(o, "- Do-not-disturb on this computer: {state}");
        }
        let ticked = pf.checklist.iter().filter(|c| c.ticked).count();
        let _ = writeln!(o, "- Checklist: {ticked} of {} ticked", pf.checklist.len());
        for c in pf.checklist.iter().filter(|c| !c.ticked) {
            let _ = writeln!(o, "  - not ticked: {}", md(&c.item));
        }
        match pf.went_live.as_deref() {
            Some("anyway") => {
                let _ = writeln!(
                    o,
                    "- Went live **anyway**, with open: {}",
                    pf.open_at_go
                        .iter()
                        .map(|s| md(s))
                        .collect::<Vec<_>>()
                        .join("; ")
                );
            }
            Some(_) => o.push_str("- Went live with every check passed\n"),
            None => {}
        }
    }

    o.push_str("\n## Segments\n\n| # | segment | planned | actual | over/under | comments | per min | busiest minute |\n|---|---|---|---|---|---|---|---|\n");
    for seg in &report.segments {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {:.1} | {} |",
            seg.index + 1,
            md(&seg.title),
            clock_text(seg.planned_ms),
            if seg.skipped {
                "skipped".to_owned()
            } else {
                clock_text(seg.actual_ms)
            },
            over_under(seg.over_ms),
            seg.comments,
            seg.rate_per_min,
            seg.peak_minute
                .map(|m| format!("{} ({})", show_time(m * 60_000), seg.peak_comments))
                .unwrap_or_default()
        );
    }

    let q = &report.questions;
    let _ = writeln!(
        o,
        "\n## Questions\n\n{} in the queue ({} planned, {} from comments; {} more people asked one \
         again): {} answered, {} skipped, {} left.",
        q.total, q.planned, q.live, q.merged, q.answered, q.skipped, q.left
    );
    let cues = &report.cues;
    let _ = writeln!(
        o,
        "Cues: {} of {} fired, {} on time, {} late.",
        cues.fired, cues.planned, cues.on_time, cues.late
    );

    let _ = writeln!(o, "\n## Follow up ({})\n", report.followups.len());
    for f in report.followups.iter().take(15) {
        let when =
            f.at.map(|t| zone.local(t).format("%H:%M").to_string())
                .unwrap_or_else(|| "planned".to_owned());
        let why = match (&f.kind, &f.matched) {
            (FollowupKind::Marked, _) => "marked by the producer".to_owned(),
            (FollowupKind::Complaint, Some(w)) => format!("complaint: {}", md(w)),
            _ if f.times_asked > 1 => format!("unanswered, asked ×{}", f.times_asked),
            _ => "unanswered".to_owned(),
        };
        let user = if f.user.is_empty() {
            String::new()
        } else {
            format!(" @{}", md(&f.user))
        };
        let _ = writeln!(o, "- {when}{user} — {} ({why})", md(&f.text));
    }
    if report.followups.len() > 15 {
        let _ = writeln!(
            o,
            "- … {} more in followups.csv",
            report.followups.len() - 15
        );
    }

    let words = |list: &[super::Count]| {
        list.iter()
            .take(15)
            .map(|w| format!("{} ({})", md(&w.text), w.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(
        o,
        "\n## What they talked about\n\nWords: {}\n\nPhrases: {}",
        words(&report.words.words),
        words(&report.words.phrases)
    );
    o
}
