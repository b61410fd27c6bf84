//! `livecue record`: a headless session, source → filter → journal, with a one-line
//! status every few seconds. Ends when the source ends, when `--duration` runs out, or
//! on Ctrl-C / SIGTERM, always closing the journal cleanly. `--resume` continues a
//! journal left by a crash without losing or repeating a comment.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::{SourceArgs, flag_wording};
use crate::comments::read_word_list;
use crate::runner::{ShowClock, ShowRunner, ShowSetup, plan_filter};
use crate::session::{JournalTarget, JournalView, read_journal, summarize};
use crate::sources::no_notify;

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
    /// Continue the journal in --out after a crash (a new one when there is none yet)
    #[arg(long)]
    pub resume: bool,
    /// More hidden words, one per line
    #[arg(long, value_name = "FILE")]
    pub hidden_words: Option<PathBuf>,
    /// Seconds between status lines
    #[arg(long, value_name = "SECS", default_value_t = 5)]
    pub status_every: u64,
    /// Serve the local API and web pages on ADDR (default 127.0.0.1:4090); prints the link
    #[arg(long, value_name = "ADDR", num_args = 0..=1,
          default_missing_value = crate::api::DEFAULT_ADDR)]
    pub serve: Option<std::net::SocketAddr>,
    /// Poll interval in milliseconds, for tests against a local server
    #[arg(long, value_name = "MS", hide = true)]
    pub poll_ms: Option<u64>,
}

/// How long one wait for the source may block before the loop looks around.
const WAIT: Duration = Duration::from_millis(200);

/// Runs a headless recording session.
pub fn run(args: RecordArgs) -> anyhow::Result<ExitCode> {
    let plan = Arc::new(super::load_checked(Some(&args.plan))?);
    let hidden_words = match &args.hidden_words {
        Some(path) => read_word_list(path)?,
        None => Vec::new(),
    };
    let settings = args.source.settings();
    let mut config = settings
        .config()
        .map_err(|e| anyhow::anyhow!(flag_wording(&e)))?;
    if let Some(ms) = args.poll_ms {
        let every = Duration::from_millis(ms.max(1));
        config.timing.comments_every = every;
        config.timing.waiting_every = every;
        config.timing.live_check_every = every;
        config.timing.retry_base = every;
        config.timing.rate_limit_base = every;
    }
    let setup = ShowSetup {
        classifier: plan_filter(plan.filter.clone(), hidden_words),
        plan,
        clock: ShowClock::Real,
        notify: no_notify(),
    };
    let journal_path = args.out.join("journal.jsonl");
    let mut runner = if journal_path.exists() {
        anyhow::ensure!(
            args.resume,
            "{} already holds a journal{}; pass --resume to continue it, or choose another --out",
            args.out.display(),
            read_journal(&journal_path)
                .map(|c| format!(" ({} events)", c.events.len()))
                .unwrap_or_default()
        );
        resume(setup, &journal_path)?
    } else {
        ShowRunner::new_show(setup, JournalTarget::Folder(args.out.clone()))?
    };
    if let Err(e) = runner.connect_configured(settings, config) {
        runner.sync_journal();
        return Err(e.into());
    }

    if let Some(addr) = args.serve {
        let pinned = super::open::pinned_link_token(&crate::api::KeychainLinkStore);
        match runner.serve(addr, pinned) {
            Ok(serving) => super::open::print_link(serving, ""),
            Err(e) => {
                runner.sync_journal();
                return Err(e.into());
            }
        }
    }

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
        runner.wait(WAIT);
        runner.tick();
        let now = Instant::now();
        if now >= next_status {
            println!("{}", status_line(&runner, started));
            next_status = now + status_every;
        }
        if runner.source_done() {
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
            runner.stop_source();
            break why;
        }
    };
    runner.sync_journal();
    println!("{}", status_line(&runner, started));
    let journal = runner
        .live()
        .journal_path()
        .map_or_else(|| "no journal".to_owned(), |p| p.display().to_string());
    println!("stopped: {why}; journal: {journal}");
    Ok(if runner.status().source_failed() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Continues a journal left by a crash, saying what was found.
fn resume(setup: ShowSetup, path: &std::path::Path) -> anyhow::Result<ShowRunner> {
    let runner = ShowRunner::resume(setup, path)?;
    if let Some(resumed) = runner.resumed() {
        if let Some(torn) = &resumed.torn_tail {
            eprintln!(
                "livecue: {}: cut a torn last line (line {}, {} bytes) left by the interruption",
                path.display(),
                torn.line,
                torn.bytes
            );
        }
        if resumed.other_plan {
            eprintln!(
                "livecue: warning: {} was recorded with a different version of the plan",
                path.display()
            );
        }
        println!(
            "resuming {}: {} events, {} comments already recorded",
            path.display(),
            resumed.events,
            resumed.comments
        );
    }
    Ok(runner)
}

/// `[02:35] instagram: live · 143 comments (12 hidden, 9 questions) · 38/min · journal 160 events`
fn status_line(runner: &ShowRunner, started: Instant) -> String {
    let secs = started.elapsed().as_secs();
    let status = runner.status();
    let counts = summarize(runner.live().session(), runner.live().now_ms()).comments;
    let name = status.current_source.as_deref().unwrap_or("no source");
    let state = status
        .current_state()
        .map_or_else(|| "starting".to_owned(), ToString::to_string);
    let journal = match &status.journal {
        JournalView::Writing(h) => match &h.error {
            Some(e) => format!("journal error: {e}"),
            None => format!("journal {} events", h.events_synced),
        },
        JournalView::Failed(e) => format!("journal error: {e}"),
        _ => "journal not started".to_owned(),
    };
    let mut line = format!(
        "[{:02}:{:02}] {name}: {state} · {} comments ({} hidden, {} questions) · {}/min · {journal}",
        secs / 60,
        secs % 60,
        counts.received,
        counts.hidden,
        counts.questions_detected,
        status.rate_per_min,
    );
    if status.backpressured {
        line.push_str(" · falling behind");
    }
    if let Some(notice) = &status.notice {
        line.push_str(" · ");
        line.push_str(notice);
    }
    line
}
