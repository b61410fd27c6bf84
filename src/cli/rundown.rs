//! `livecue rundown PLAN`: the running order as a table, for checking a plan by eye. It
//! is read by people, so it follows the locale like the app (繁體中文 or English); the
//! CLI's other messages stay English for scripts.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use unicode_width::UnicodeWidthStr;

use crate::locale::Language;
use crate::plan::{CueTime, GoalKind, Plan, SegmentKind, clock_text};
use crate::ui::{Texts, fill, texts};

/// Prints the rundown of a plan (the bundled example when none is given), in the OS
/// locale's language.
pub fn run(path: Option<&Path>) -> anyhow::Result<ExitCode> {
    let plan = super::load_checked(path)?;
    print!("{}", render(&plan, texts(Language::from_os())));
    Ok(ExitCode::SUCCESS)
}

/// The rundown as text, in the words of `t`.
pub fn render(plan: &Plan, t: &Texts) -> String {
    let mut out = String::new();
    let goal = match &plan.goal.kind {
        GoalKind::Engagement => t.rundown_goal_kinds[0].to_owned(),
        GoalKind::Sales => t.rundown_goal_kinds[1].to_owned(),
        GoalKind::Credibility => t.rundown_goal_kinds[2].to_owned(),
        GoalKind::Custom(name) => name.clone(),
    };
    let _ = writeln!(out, "{}", plan.title);
    if plan.goal.summary.is_empty() {
        let _ = writeln!(out, "{}", fill(t.rundown_goal, &[&goal]));
    } else {
        let _ = writeln!(
            out,
            "{}",
            fill(t.rundown_goal_summary, &[&goal, &plan.goal.summary])
        );
    }
    if let Some(s) = &plan.scheduled_start {
        let _ = writeln!(
            out,
            "{}",
            fill(
                t.rundown_scheduled,
                &[
                    &s.date.to_string(),
                    &s.time.0.format("%H:%M").to_string(),
                    &s.time_zone
                ]
            )
        );
    }
    let _ = writeln!(
        out,
        "{}\n",
        fill(
            t.rundown_planned,
            &[
                &clock_text(plan.planned_total().ms()),
                &clock_text(plan.target.min.ms()),
                &clock_text(plan.target.max.ms())
            ]
        )
    );

    let mut rows = vec![t.rundown_columns.map(str::to_owned)];
    let starts = plan.planned_starts();
    let last = plan.segments.len().saturating_sub(1);
    for (i, seg) in plan.segments.iter().enumerate() {
        let start = starts[i];
        let end = start + seg.duration;
        let mut cues: Vec<(i64, String)> = plan
            .cues
            .iter()
            .filter_map(|cue| {
                let at = plan.planned_cue_time(cue)?;
                let here = match &cue.at {
                    CueTime::Segment(name, _) => plan.segment_index(name) == Some(i),
                    CueTime::Show(_) => at >= start && (at < end || i == last),
                };
                let sound = if cue.sound { " ♪" } else { "" };
                here.then(|| {
                    (
                        at.ms(),
                        format!(
                            "{} {}{sound}",
                            clock_text(at.ms()),
                            t.rundown_cue(&cue.what, plan)
                        ),
                    )
                })
            })
            .collect();
        cues.sort_by_key(|(at, _)| *at);
        let mut cue_lines = cues.into_iter().map(|(_, text)| text);
        let mut title = seg.title.clone();
        if let Some(p) = seg.product.as_deref().and_then(|id| plan.product(id)) {
            let _ = write!(title, " [{} {}]", p.name, p.price);
        }
        if let Some(g) = seg.guest.as_deref() {
            let _ = write!(title, " [@{}]", crate::plan::bare_handle(g));
        }
        rows.push([
            (i + 1).to_string(),
            clock_text(start.ms()),
            clock_text(seg.duration.ms()),
            kind_name(t, seg.kind).to_owned(),
            title,
            cue_lines.next().unwrap_or_default(),
        ]);
        for more in cue_lines {
            rows.push([
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                more,
            ]);
        }
    }
    let right_aligned = [true, true, true, false, false, false];
    let mut widths = [0usize; 6];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    for row in &rows {
        let mut line = String::new();
        for (col, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[col] - cell.width());
            if col > 0 {
                line.push_str("  ");
            }
            if right_aligned[col] {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if col + 1 < row.len() {
                    line.push_str(&pad);
                }
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }

    let _ = writeln!(out);
    if !plan.questions.is_empty() {
        let count = plan.questions.len().to_string();
        let _ = writeln!(out, "{}", fill(t.rundown_questions, &[&count]));
    }
    for g in &plan.guests {
        let topics = if g.topics.is_empty() {
            String::new()
        } else {
            fill(t.rundown_topics, &[&g.topics.join(t.list_separator)])
        };
        let handle = crate::plan::bare_handle(&g.handle);
        let _ = writeln!(
            out,
            "{}",
            fill(t.rundown_guest, &[handle, &g.name, &topics])
        );
    }
    for p in &plan.products {
        let code = p
            .discount_code
            .as_deref()
            .map(|c| fill(t.rundown_code, &[c]))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}",
            fill(t.rundown_product, &[&p.name, &p.price, &code])
        );
    }
    let items = plan.checklist.len().to_string();
    let _ = writeln!(out, "{}", fill(t.rundown_checklist, &[&items]));
    out
}

fn kind_name(t: &Texts, kind: SegmentKind) -> &'static str {
    let i = match kind {
        SegmentKind::WarmUp => 0,
        SegmentKind::Content => 1,
        SegmentKind::QAndA => 2,
        SegmentKind::Guest => 3,
        SegmentKind::Product => 4,
        SegmentKind::Closing => 5,
    };
    t.rundown_kinds[i]
}
