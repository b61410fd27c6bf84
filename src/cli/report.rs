//! `livecue report`: the files a producer takes away after a show, from its journal.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::plan::{self, Plan};
use crate::report::{
    ExportOptions, Progress, Report, export_journal, show_time, trend_markdown, trend_rows,
    write_trend_csv,
};
use crate::session::JournalReader;

/// Options of `livecue report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Show folders (each holding journal.jsonl) or journal files
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Where to write (default: DIR/report; with several DIRs, OUT/<show> for each and
    /// the trend table in OUT)
    #[arg(long, value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// CSV files for Excel: UTF-8 with a byte-order mark, CR LF line ends
    #[arg(long)]
    pub excel: bool,
    /// The plan the show ran; repeat for shows of several plans. Each journal takes the
    /// plan with its hash from these, the *.ron files in its folder and the bundled
    /// example plan
    #[arg(long, value_name = "PLAN")]
    pub plan: Vec<PathBuf>,
}

/// Journals at least this big say how far the report has read.
const PROGRESS_FROM_BYTES: u64 = 16 * 1024 * 1024;

/// A plan the report may use, with the hash journals name it by.
struct Candidate {
    name: String,
    plan: Arc<Plan>,
    hash: String,
}

fn candidate(path: &Path) -> anyhow::Result<Candidate> {
    let (plan, _) = plan::load(path)?;
    let hash = plan::hash(&plan)?;
    Ok(Candidate {
        name: path.display().to_string(),
        plan: Arc::new(plan),
        hash,
    })
}

/// Runs `livecue report`.
pub fn run(args: ReportArgs) -> anyhow::Result<ExitCode> {
    let given: Vec<Candidate> = args
        .plan
        .iter()
        .map(|p| candidate(p))
        .collect::<anyhow::Result<_>>()?;
    let bundled = plan::parse(crate::EXAMPLE_PLAN, crate::EXAMPLE_PLAN_NAME)?;
    let bundled = Candidate {
        name: crate::EXAMPLE_PLAN_NAME.to_owned(),
        hash: plan::hash(&bundled)?,
        plan: Arc::new(bundled),
    };
    let several = args.dirs.len() > 1;
    let mut names: Vec<String> = Vec::new();
    let mut reports: Vec<(String, Report)> = Vec::new();
    let mut failed = false;
    for dir in &args.dirs {
        let journal = if dir.is_file() {
            dir.clone()
        } else {
            dir.join("journal.jsonl")
        };
        let folder = journal
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_owned();
        let mut name = folder
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "show".to_owned());
        if names.contains(&name) {
            let mut n = 2;
            while names.contains(&format!("{name}-{n}")) {
                n += 1;
            }
            name = format!("{name}-{n}");
        }
        names.push(name.clone());
        let out = match (&args.out, several) {
            (Some(out), false) => out.clone(),
            (Some(out), true) => out.join(&name),
            (None, _) => folder.join("report"),
        };
        match report_one(&journal, &folder, &out, &given, &bundled, args.excel) {
            Ok(report) => {
                println!("{}", one_line(&report, &out));
                reports.push((name, report));
            }
            Err(e) => {
                eprintln!("livecue: error: {}: {e:#}", dir.display());
                failed = true;
            }
        }
    }
    if several && !reports.is_empty() {
        let rows = trend_rows(reports.iter().map(|(n, r)| (n.as_str(), r)));
        let table = trend_markdown(&rows);
        println!("\n{table}");
        if let Some(out) = &args.out {
            write_trend_csv(&out.join("trend.csv"), &rows, args.excel)?;
            std::fs::write(out.join("trend.md"), format!("# Shows compared\n\n{table}"))
                .with_context(|| format!("{}", out.join("trend.md").display()))?;
            println!("trend table: {}", out.join("trend.csv").display());
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn report_one(
    journal: &Path,
    folder: &Path,
    out: &Path,
    given: &[Candidate],
    bundled: &Candidate,
    excel: bool,
) -> anyhow::Result<Report> {
    let header = JournalReader::open(journal)?.header().clone();
    let in_folder: Vec<Candidate> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .filter_map(|p| candidate(&p).ok())
                .collect()
        })
        .unwrap_or_default();
    let all = given
        .iter()
        .chain(&in_folder)
        .chain(std::iter::once(bundled));
    let chosen = match all.clone().find(|c| c.hash == header.plan_hash) {
        Some(c) => c,
        None if given.len() == 1 => {
            eprintln!(
                "livecue: warning: {} was recorded with another version of the plan than {}; \
                 segments and cues are matched by position",
                journal.display(),
                given[0].name
            );
            &given[0]
        }
        None => anyhow::bail!(
            "{} was recorded with the plan \"{}\" ({}), and no plan given has that hash: \
             pass the plan with --plan PLAN.ron",
            journal.display(),
            header.plan_title,
            header.plan_hash
        ),
    };
    let size = std::fs::metadata(journal).map(|m| m.len()).unwrap_or(0);
    let started = Instant::now();
    let mut next_line = started + Duration::from_secs(1);
    let terminal = std::io::stderr().is_terminal();
    // A line a second once the first second has passed, and the end once, when
    // anything was shown before it.
    let (mut shown, mut finished) = (false, false);
    let progress = |p: Progress| {
        let now = Instant::now();
        let done = p.bytes_read >= p.total_bytes;
        let due = now >= next_line || (done && shown);
        if size < PROGRESS_FROM_BYTES || !due || finished {
            return;
        }
        next_line = now + Duration::from_secs(1);
        shown = true;
        finished = done;
        let percent = p.bytes_read * 100 / p.total_bytes.max(1);
        let line = format!(
            "livecue: {}: {percent}% read, {} events",
            journal.display(),
            p.events
        );
        if terminal {
            eprint!("\r{line}");
            if done {
                eprintln!();
            }
        } else {
            eprintln!("{line}");
        }
    };
    let options = ExportOptions {
        excel,
        ..ExportOptions::default()
    };
    let (report, _) = export_journal(journal, Arc::clone(&chosen.plan), out, &options, progress)?;
    if report.show.torn_tail {
        eprintln!(
            "livecue: {}: the last line was torn (the app stopped mid-write) and is left out",
            journal.display()
        );
    }
    Ok(report)
}

/// `show: 1,234 comments, 310 commenters, 45 questions, busiest minute 52 at 0:23:00 → DIR`
fn one_line(report: &Report, out: &Path) -> String {
    let c = &report.comments;
    let peak = c
        .peak
        .as_ref()
        .map(|p| {
            format!(
                ", busiest minute {} at {}",
                p.comments,
                show_time(p.minute * 60_000)
            )
        })
        .unwrap_or_default();
    format!(
        "{}: {} comments, {} commenters, {} questions, {} to follow up{peak} → {}",
        report.show.title,
        c.received,
        report.commenters.unique,
        c.questions_detected,
        report.followups.len(),
        out.display()
    )
}
