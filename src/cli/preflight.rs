//! `livecue preflight`: the speed test and do-not-disturb check in the terminal, the
//! checklist as a reminder, and a verdict as the exit code (0 go, 1 no-go, 2 the test
//! could not run). With `--json`, one object on stdout for scripts.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::watch;

use crate::preflight::checklist;
use crate::preflight::dnd::{self, DndReport, DndState};
use crate::preflight::speed::{self, Mark, Progress, SpeedConfig, SpeedResult, upload_advice};

/// `livecue preflight`'s options.
#[derive(Debug, clap::Args)]
pub struct PreflightArgs {
    /// Speed-test server speaking Cloudflare's protocol (default: the plan's, else
    /// https://speed.cloudflare.com)
    #[arg(long, value_name = "URL")]
    pub speed_server: Option<String>,
    /// Upload in Mbps below which it is a no-go (default: the plan's, else 10)
    #[arg(long, value_name = "MBPS")]
    pub min_upload: Option<f64>,
    /// Plan whose settings and checklist to use (default: the bundled example plan)
    #[arg(long)]
    pub plan: Option<PathBuf>,
    /// Print one JSON object on stdout instead of sentences
    #[arg(long)]
    pub json: bool,
}

/// The `--json` object.
#[derive(Debug, Serialize)]
struct Report<'a> {
    pass: bool,
    server: &'a str,
    download_mbps: f64,
    upload_mbps: f64,
    latency_ms: f64,
    jitter_ms: f64,
    loaded_latency_ms: Option<f64>,
    min_upload_mbps: f64,
    upload_verdict: &'a str,
    dnd: &'a DndReport,
    checklist: &'a [String],
}

/// Runs the checks and prints the verdict.
pub fn run(args: PreflightArgs) -> anyhow::Result<ExitCode> {
    let plan = super::load_checked(args.plan.as_deref())?;
    let server = args
        .speed_server
        .or_else(|| plan.preflight.speed_server.clone())
        .unwrap_or_else(|| speed::DEFAULT_SERVER.to_owned());
    let min_upload = args
        .min_upload
        .unwrap_or_else(|| crate::preflight::min_upload_mbps(&plan));
    anyhow::ensure!(
        min_upload.is_finite() && min_upload > 0.0,
        "--min-upload must be a number of Mbps above 0, e.g. 10"
    );
    // Read do-not-disturb while the speed test runs: it may wait on desktop tools.
    let dnd = std::thread::spawn(dnd::detect);
    let result = speed_test(&server, !args.json);
    let dnd = dnd.join().unwrap_or_else(|_| DndReport {
        state: DndState::Unknown,
        method: "none".into(),
        detail: "the do-not-disturb check stopped before it could answer".into(),
    });
    let items = checklist::items(&plan);
    let result = match result {
        Ok(result) => result,
        Err(e) => {
            eprintln!("livecue: the speed test could not run: {e}");
            if !args.json {
                print_dnd(&dnd);
            }
            return Ok(ExitCode::from(2));
        }
    };
    let advice = upload_advice(&result, min_upload);
    let upload_ok = advice.mark != Mark::Bad;
    let pass = upload_ok && dnd.state != DndState::Off;
    if args.json {
        let report = Report {
            pass,
            server: &result.server,
            download_mbps: round1(result.download_mbps),
            upload_mbps: round1(result.upload_mbps),
            latency_ms: round1(result.latency_ms),
            jitter_ms: round1(result.jitter_ms),
            loaded_latency_ms: result.loaded_latency_ms.map(round1),
            min_upload_mbps: min_upload,
            upload_verdict: &advice.message,
            dnd: &dnd,
            checklist: &items,
        };
        println!("{}", serde_json::to_string(&report)?);
    } else {
        print_human(&result, &advice.message, upload_ok, &dnd, &items, pass);
    }
    Ok(if pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Runs the speed test on its own runtime; Ctrl-C cancels it. With `show`, a progress
/// line on stderr.
fn speed_test(server: &str, show: bool) -> anyhow::Result<SpeedResult> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let config = SpeedConfig {
        server: server.to_owned(),
        ..SpeedConfig::default()
    };
    let (progress_tx, mut progress_rx) = watch::channel(Progress::default());
    let (cancel_tx, cancel_rx) = watch::channel(false);
    // A second Ctrl-C (or one before the handler is set) ends the process as usual.
    let _ = ctrlc::set_handler(move || {
        let _ = cancel_tx.send(true);
    });
    let outcome = runtime.block_on(async move {
        let test = tokio::spawn(speed::run(config, progress_tx, cancel_rx));
        if show {
            while progress_rx.changed().await.is_ok() {
                let p = progress_rx.borrow_and_update().clone();
                eprint!("\r\x1b[2K{}", progress_line(&p));
                let _ = std::io::stderr().flush();
            }
            eprint!("\r\x1b[2K");
        }
        test.await
    });
    runtime.shutdown_timeout(Duration::from_secs(1));
    Ok(outcome??)
}

fn progress_line(p: &Progress) -> String {
    let mut line = format!("{} {:>3.0}%", p.phase, p.fraction * 100.0);
    if let Some(mbps) = p.live_mbps {
        line.push_str(&format!(" · {mbps:.1} Mbps"));
    }
    line
}

fn print_dnd(dnd: &DndReport) {
    let state = match dnd.state {
        DndState::On => "on",
        DndState::Off => "OFF",
        DndState::Unknown => "unknown",
    };
    println!(
        "Do-not-disturb on this computer: {state} ({}): {}",
        dnd.method, dnd.detail
    );
    match dnd.state {
        DndState::Off => println!("  Turn it on, or notifications will pop up during the live."),
        DndState::Unknown => println!("  Turn it on yourself and check by hand."),
        DndState::On => {}
    }
}

fn print_human(
    r: &SpeedResult,
    advice: &str,
    upload_ok: bool,
    dnd: &DndReport,
    items: &[String],
    pass: bool,
) {
    println!("Speed test against {}", r.server);
    println!(
        "  Upload {:.1} Mbps · download {:.1} Mbps · latency {:.0} ms · jitter {:.0} ms{}",
        r.upload_mbps,
        r.download_mbps,
        r.latency_ms,
        r.jitter_ms,
        r.loaded_latency_ms
            .map(|ms| format!(" · under load {ms:.0} ms"))
            .unwrap_or_default()
    );
    println!("  {}{advice}", if upload_ok { "" } else { "NOT ENOUGH: " });
    print_dnd(dnd);
    println!("Before you go live, tick these by hand (the app keeps the ticks):");
    for item in items {
        println!("  [ ] {item}");
    }
    println!(
        "{}",
        if pass {
            "GO: the network and this computer are ready."
        } else {
            "NO-GO: fix what is marked above, then run livecue preflight again."
        }
    );
}
