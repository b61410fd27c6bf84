//! `livecue preflight`, run as the real binary against a loopback speed-test server, on a
//! machine with no notification service (the environment is emptied, so no session bus
//! or desktop tool is found): the JSON object, and the exit codes for go, no-go and a
//! test that could not run.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod speed_server;

use std::process::{Command, Output};

use serde_json::Value;

fn preflight(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_livecue"))
        .arg("preflight")
        .args(args)
        .env_clear()
        .current_dir(dir.path())
        .output()
        .expect("run livecue preflight")
}

fn server_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn json(out: &Output) -> Value {
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| {
        panic!(
            "not one JSON object ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn json_reports_every_figure_and_exit_code_follows_the_threshold() {
    let runtime = server_runtime();
    let server = runtime.block_on(speed_server::start(speed_server::Options::line(40.0)));
    let url = server.url();

    let out = preflight(&["--speed-server", &url, "--json"]);
    let v = json(&out);
    eprintln!("{v:#}");
    let mbps = |key: &str| v[key].as_f64().unwrap_or_else(|| panic!("{key} in {v}"));
    assert!((34.0..=46.0).contains(&mbps("download_mbps")), "{v}");
    assert!((34.0..=46.0).contains(&mbps("upload_mbps")), "{v}");
    assert!((15.0..=45.0).contains(&mbps("latency_ms")), "{v}");
    assert!(mbps("jitter_ms") >= 0.0);
    assert!(v["loaded_latency_ms"].as_f64().is_some(), "{v}");
    assert_eq!(v["min_upload_mbps"], 10.0);
    assert_eq!(v["server"], url.as_str());
    // No notification service here: unknown, with how it was looked for and why.
    assert_eq!(v["dnd"]["state"], "unknown", "{v}");
    assert_eq!(v["dnd"]["method"], "none", "{v}");
    assert!(
        v["dnd"]["detail"]
            .as_str()
            .unwrap()
            .contains("no notification service answered"),
        "{v}"
    );
    assert_eq!(v["pass"], true, "{v}");
    assert_eq!(out.status.code(), Some(0));

    // The same line against a higher bar is a no-go.
    let out = preflight(&["--speed-server", &url, "--json", "--min-upload", "80"]);
    let v = json(&out);
    assert_eq!(v["pass"], false, "{v}");
    assert_eq!(v["min_upload_mbps"], 80.0);
    assert!(
        v["upload_verdict"]
            .as_str()
            .unwrap()
            .contains("under the 80 Mbps"),
        "{v}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_server_that_cannot_be_reached_exits_2_with_the_reason() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let started = std::time::Instant::now();
    let out = preflight(&[
        "--speed-server",
        &format!("http://127.0.0.1:{port}"),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the speed test could not run: cannot reach the speed-test server"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn human_output_has_the_figures_the_reminders_and_the_verdict() {
    let runtime = server_runtime();
    let server = runtime.block_on(speed_server::start(speed_server::Options::line(20.0)));
    let out = preflight(&["--speed-server", &server.url()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}");
    assert!(stdout.contains("Upload "), "{stdout}");
    assert!(stdout.contains("is enough for Instagram Live"), "{stdout}");
    assert!(
        stdout.contains("Do-not-disturb on this computer: unknown"),
        "{stdout}"
    );
    // The bundled plan's checklist, with its own phone item (no second one added).
    assert!(stdout.contains("[ ] 手機開啟勿擾模式"), "{stdout}");
    assert!(!stdout.contains("Phone on do-not-disturb"), "{stdout}");
    assert!(stdout.contains("GO: "), "{stdout}");
    assert_eq!(out.status.code(), Some(0));
}
