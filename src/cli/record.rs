//! `livecue record`: a headless session, source → filter → journal, with a one-line
//! status every few seconds. Ends when the source ends, when `--duration` runs out, or
//! on Ctrl-C / SIGTERM, always closing the journal cleanly. `--resume` continues a
//! journal left by a crash without losing or repeating a comment.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use super::SourceArgs;
use crate::comments::{Filter, read_word_list};
use crate::session::{JournalTarget, JournalWriter, Live, SourceState, read_journal};
use crate::show::RealClock;
use crate::sources::{Feed, no_notify};

/// Options of `livecue record`.
#[derive(Debug, clap::Args)]
pub struct RecordArgs {
    /// The show's plan (filter settings, title)
    #[arg(long, value_name = "PLAN")]
    pub plan: PathBuf,
    /// The comment source and its options
    #[command(flatten)]
    pub source: SourceArgs,
    /// Folder for the journal (journal.jsonl)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Stop after this many seconds
    #[arg(long, value_name = "SECS")]
    pub duration: Option<u64>,
    /// Continue the journal in --out after a crash
    #[arg(long)]
    pub resume: bool,
    /// More hidden words, one per line
    #[arg(long, value_name = "FILE")]
    pub hidden_words: Option<PathBuf>,
    /// Seconds between status lines
    #[arg(long, value_name = "SECS", default_value_t = 5)]
    pub status_every: u64,
    /// Poll interval in milliseconds, for tests against a local server
    #[arg(long, value_name = "MS", hide = true)]
    pub poll_ms: Option<u64>,
}

/// How long one wait for the source may block before the loop looks around.
const WAIT: Duration = Duration::from_millis(200);

/// Runs a headless recording session.
pub fn run(args: RecordArgs) -> anyhow::Result<ExitCode> {
    let plan = Arc::new(super::load_checked(Some(&args.plan))?);
    let mut filter_words = Vec::new();
    if let Some(path) = &args.hidden_words {
        filter_words = read_word_list(path)?;
    }
    let filter = Filter::with_hidden_words(&plan.filter, filter_words)
        .context("could not set up the comment filter")?;
    let journal_path = args.out.join("journal.jsonl");
    let mut live = if args.resume {
        resume(&plan, &journal_path, Box::new(filter))?
    } else {
        if journal_path.exists() {
            let events = read_journal(&journal_path).map(|c| c.events.len()).ok();
            anyhow::bail!(
                "{} already holds a journal{}; pass --resume to continue it, or choose another --out",
                args.out.display(),
                events.map(|n| format!(" ({n} events)")).unwrap_or_default()
            );
        }
        let started = chrono::Utc::now();
        Live::new(
            Arc::clone(&plan),
            Arc::new(RealClock::new()),
            started,
            JournalTarget::Folder(args.out.clone()),
            Box::new(filter),
        )
    };

    let mut config = args.source.config()?;
    config.seen_ids = live.session().comment_ids();
    if let Some(ms) = args.poll_ms {
        let every = Duration::from_millis(ms.max(1));
        config.timing.comments_every = every;
        config.timing.waiting_every = every;
        config.timing.live_check_every = every;
        config.timing.retry_base = every;
        config.timing.rate_limit_base = every;
    }
    let source_name = args.source.source.to_string();
    let mut feed = match Feed::start(args.source.source.clone(), config, no_notify()) {
        Ok(feed) => feed,
        Err(e) => {
            live.source_status(
                &source_name,
                SourceState::Failed {
                    reason: e.to_string(),
                },
            );
            live.sync_journal();
            return Err(e.into());
        }
    };

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        // Without a handler the default (stop at once) still leaves an intact journal
        // up to the last 100 ms; with it, everything is synced first.
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }

    let started = Instant::now();
    let deadline = args.duration.map(|s| started + Duration::from_secs(s));
    let status_every = Duration::from_secs(args.status_every.max(1));
    let mut next_status = started + status_every;
    let why = loop {
        feed.wait(&mut live, WAIT);
        live.tick();
        let now = Instant::now();
        if now >= next_status {
            println!("{}", status_line(&live, &feed, started));
            next_status = now + status_every;
        }
        if feed.is_done() {
            break "the source ended";
        }
        let stopped_by = if deadline.is_some_and(|d| now >= d) {
            Some("--duration ran out")
        } else if stop.load(Ordering::SeqCst) {
            Some("interrupted")
        } else {
            None
        };
        if let Some(why) = stopped_by {
            feed.stop();
            feed.pump(&mut live, usize::MAX);
            break why;
        }
    };
    live.sync_journal();
    println!("{}", status_line(&live, &feed, started));
    let journal = live
        .journal_path()
        .map_or_else(|| "no journal".to_owned(), |p| p.display().to_string());
    println!("stopped: {why}; journal: {journal}");
    let failed = live.session().sources().iter().any(|(_, s)| {
        matches!(
            s,
            SourceState::TokenExpired
                | SourceState::PermissionMissing { .. }
                | SourceState::Failed { .. }
        )
    });
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Reopens a journal: folds what is intact, cuts a torn last line, continues the clock.
fn resume(
    plan: &Arc<crate::plan::Plan>,
    path: &Path,
    classifier: Box<Filter>,
) -> anyhow::Result<Live> {
    let (writer, contents) = JournalWriter::resume(path)
        .with_context(|| format!("could not resume {}", path.display()))?;
    if let Some(torn) = &contents.torn_tail {
        eprintln!(
            "livecue: {}: cut a torn last line (line {}, {} bytes) left by the interruption",
            path.display(),
            torn.line,
            torn.bytes
        );
    }
    let hash = crate::plan::hash(plan)?;
    if contents.header.plan_hash != hash {
        eprintln!(
            "livecue: warning: {} was recorded with a different version of the plan",
            path.display()
        );
    }
    // Milliseconds continue from the journal's epoch, so old and new events share one
    // monotonic scale.
    let epoch = contents.header.epoch;
    let since_epoch = (chrono::Utc::now() - epoch)
        .to_std()
        .unwrap_or(Duration::ZERO);
    let clock_epoch = Instant::now()
        .checked_sub(since_epoch)
        .unwrap_or_else(Instant::now);
    let comments = contents
        .events
        .iter()
        .filter(|e| matches!(e, crate::session::Event::CommentReceived { .. }))
        .count();
    println!(
        "resuming {}: {} events, {} comments already recorded",
        path.display(),
        contents.events.len(),
        comments
    );
    Ok(Live::resume(
        Arc::clone(plan),
        Arc::new(RealClock::since(clock_epoch)),
        epoch,
        writer,
        &contents.events,
        classifier,
    ))
}

/// `[02:35] instagram: live · 143 comments (12 hidden, 9 questions) · 38/min · journal 160 events`
fn status_line(live: &Live, feed: &Feed, started: Instant) -> String {
    let secs = started.elapsed().as_secs();
    let comments = live.session().comments();
    let hidden = comments.iter().filter(|c| !c.verdict.shown).count();
    let questions = comments.iter().filter(|c| c.verdict.question).count();
    let rate = live.comments_per_min();
    let state = live
        .session()
        .sources()
        .iter()
        .find(|(name, _)| name == feed.name())
        .map_or_else(|| "starting".to_owned(), |(_, s)| s.to_string());
    let journal = match live.journal_view() {
        crate::session::JournalView::Writing(h) => match h.error {
            Some(e) => format!("journal error: {e}"),
            None => format!("journal {} events", h.events_synced),
        },
        crate::session::JournalView::Failed(e) => format!("journal error: {e}"),
        _ => "journal not started".to_owned(),
    };
    let mut line = format!(
        "[{:02}:{:02}] {}: {state} · {} comments ({hidden} hidden, {questions} questions) · {rate}/min · {journal}",
        secs / 60,
        secs % 60,
        feed.name(),
        comments.len(),
    );
    if feed.is_backpressured() {
        line.push_str(" · falling behind");
    }
    if let Some(notice) = feed.notice() {
        line.push_str(" · ");
        line.push_str(notice);
    }
    line
}
