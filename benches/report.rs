//! The report of a 1,000,000-comment show: how long `livecue report`'s fold takes
//! (`report_journal`) and the whole export with every file (`export_journal`), and the
//! peak memory of one report.
//!
//! `cargo bench --bench report`. The journal is generated once (the bundled example
//! plan, its segments run one after the other, a million comments over an hour from
//! 40,000 viewers and some link spammers, with the real filter's verdicts, answered
//! and promoted questions) and written with the
//! journal's own types. Peak memory is the process's high-water mark (`VmHWM` in
//! `/proc/self/status`, Linux) reset just before one report (`/proc/self/clear_refs`),
//! printed beside the resident size before it. `LIVECUE_REPORT_JOURNAL=FILE` keeps the
//! generated journal in FILE.

use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use cpu_time::{ProcessTime, ThreadTime};
use criterion::{Criterion, criterion_group, criterion_main};
use livecue::comments::{Comment, Filter};
use livecue::plan::{self, Plan};
use livecue::questions::{QuestionKey, QuestionState};
use livecue::report::{ExportOptions, ReportOptions, export_journal, report_journal};
use livecue::session::{Event, JournalHeader, Stamp};

// Only the comments: the hidden words are the classify benchmark's.
#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

/// Comments in the generated journal.
const COMMENTS: usize = 1_000_000;

fn plan() -> Arc<Plan> {
    match plan::parse(livecue::EXAMPLE_PLAN, "example") {
        Ok(p) => Arc::new(p),
        Err(e) => panic!("the bundled plan should parse: {e}"),
    }
}

/// Writes the journal of a one-hour show with `COMMENTS` comments.
fn generate(path: &Path, plan: &Plan) -> std::io::Result<()> {
    let epoch: DateTime<Utc> = "2026-11-28T12:00:00Z".parse().unwrap_or_default();
    let stamp = |ms: i64| Stamp {
        ms,
        wall: epoch + TimeDelta::milliseconds(ms),
    };
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    let mut line = |e: &dyn erased::Line| -> std::io::Result<()> {
        e.write(&mut out)?;
        Ok(())
    };
    let header = JournalHeader::new(
        plan::hash(plan).unwrap_or_default(),
        plan.title.clone(),
        epoch,
    );
    line(&header)?;
    let start = 60_000;
    line(&Event::ShowStarted { at: stamp(start) })?;
    let mut segment_starts = Vec::new();
    let mut at = start;
    for s in &plan.segments {
        segment_starts.push(at);
        at += s.duration.ms();
    }
    let end = at;
    let texts = corpus::corpus();
    let mut filter = match Filter::new(&plan.filter) {
        Ok(f) => f,
        Err(e) => panic!("the plan's filter should build: {e}"),
    };
    let every = (end - start) as f64 / COMMENTS as f64;
    let mut next_segment = 1;
    let mut questions = Vec::new();
    for i in 0..COMMENTS {
        let ms = start + (i as f64 * every) as i64;
        while next_segment < segment_starts.len() && segment_starts[next_segment] <= ms {
            line(&Event::SegmentStarted {
                index: next_segment,
                auto: false,
                resume: false,
                at: stamp(segment_starts[next_segment]),
            })?;
            next_segment += 1;
        }
        // One comment in forty from a handful of link spammers, which the filter hides.
        let (user, text) = if i % 40 == 0 {
            (
                format!("promo.bot{}", i % 25),
                format!("free followers at bit.ly/x{}", i % 3),
            )
        } else {
            (
                format!("viewer{}", (i * 7919) % 40_000),
                texts[i % texts.len()].text.clone(),
            )
        };
        let comment = Comment {
            id: format!("17{i:012}"),
            user,
            text,
            ts: stamp(ms).wall,
            platform: Some("instagram".into()),
        };
        let verdict = filter.classify(&comment);
        if verdict.question && verdict.duplicate_of.is_none() {
            questions.push(comment.id.clone());
        }
        line(&Event::CommentReceived {
            comment,
            verdict,
            at: stamp(ms),
        })?;
        if i % 50_000 == 49_999 {
            // The producer promotes a comment and the host answers a question.
            line(&Event::QuestionAdded {
                comment_id: format!("17{:012}", i - 10_000),
                at: stamp(ms),
            })?;
            if let Some(q) = questions.pop() {
                line(&Event::QuestionStateChanged {
                    question: QuestionKey::Comment(q),
                    state: QuestionState::Answered,
                    at: stamp(ms),
                })?;
            }
        }
    }
    line(&Event::ShowEnded { at: stamp(end) })?;
    out.flush()
}

mod erased {
    /// Anything written as one journal line.
    pub trait Line {
        fn write(&self, out: &mut dyn std::io::Write) -> std::io::Result<()>;
    }

    impl<T: serde::Serialize> Line for T {
        fn write(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
            serde_json::to_writer(&mut *out, self)?;
            out.write_all(b"\n")
        }
    }
}

/// A field of `/proc/self/status` in kB (Linux), or 0.
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn bench(c: &mut Criterion) {
    let plan = plan();
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("no temporary folder: {e}"),
    };
    // LIVECUE_REPORT_JOURNAL=FILE keeps the journal there, to try `livecue report` on it.
    let journal = std::env::var_os("LIVECUE_REPORT_JOURNAL").map_or_else(
        || dir.path().join("journal.jsonl"),
        std::path::PathBuf::from,
    );
    let started = Instant::now();
    if let Err(e) = generate(&journal, &plan) {
        panic!("could not write the journal: {e}");
    }
    let bytes = std::fs::metadata(&journal).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "journal: {COMMENTS} comments, {:.0} MB, generated in {:.1} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // One report, on its own, for its peak memory and a look at its figures.
    let options = ReportOptions::default();
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let rss_before = status_kb("VmRSS:");
    let started = Instant::now();
    let (process, thread) = (ProcessTime::now(), ThreadTime::now());
    let report = report_journal(&journal, Arc::clone(&plan), &options, |_| {}, |_| Ok(()));
    let took = started.elapsed();
    let (cpu, fold_cpu) = (process.elapsed(), thread.elapsed());
    let peak = status_kb("VmHWM:");
    match &report {
        Ok(r) => eprintln!(
            "report: {:.2} s; {} comments ({} hidden), {} commenters, {} questions in the queue, \
             peak {}/min; resident before {} MB, peak during the report {} MB (+{} MB)",
            took.as_secs_f64(),
            r.comments.received,
            r.comments.hidden,
            r.commenters.unique,
            r.questions.total,
            r.comments.peak.as_ref().map_or(0, |p| p.comments),
            rss_before / 1024,
            peak / 1024,
            peak.saturating_sub(rss_before) / 1024
        ),
        Err(e) => panic!("the report failed: {e}"),
    }
    // On a machine busy with other work the wall-clock time says little; the CPU time
    // of each thread says what two idle cores would take (about the larger of the two).
    eprintln!(
        "report CPU time: {:.2} s in all; folding thread {:.2} s, reading thread {:.2} s",
        cpu.as_secs_f64(),
        fold_cpu.as_secs_f64(),
        cpu.saturating_sub(fold_cpu).as_secs_f64()
    );
    drop(report);

    let mut group = c.benchmark_group("report_1m_comments");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("fold", |b| {
        b.iter(|| {
            black_box(report_journal(
                &journal,
                Arc::clone(&plan),
                &options,
                |_| {},
                |_| Ok(()),
            ))
        })
    });
    let out = dir.path().join("report");
    let export = ExportOptions::default();
    group.bench_function("export_all_files", |b| {
        b.iter(|| {
            black_box(export_journal(
                &journal,
                Arc::clone(&plan),
                &out,
                &export,
                |_| {},
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
