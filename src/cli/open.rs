//! `livecue [PLAN]`: opens the host screen.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;

use crate::session::{JournalTarget, ShowAll};
use crate::show::RealClock;
use crate::ui::{AppOptions, AudioChoice, FontDiscovery};

/// Opens the app with a plan (the bundled example when none is given).
pub fn run(plan_path: Option<&Path>, data_dir: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let plan = Arc::new(super::load_checked(plan_path)?);
    let plan_dir = match plan_path {
        Some(p) => p.parent().map(Path::to_path_buf),
        None => Some(bundled_plan_dir()),
    };
    let shows = match data_dir {
        Some(dir) => dir,
        None => directories::ProjectDirs::from("", "", "livecue")
            .map(|d| d.data_dir().to_path_buf())
            .context("no home folder to keep show journals in; pass --data-dir")?,
    }
    .join("shows");
    let started = chrono::Local::now();
    let folder = shows.join(format!(
        "{}-{}",
        started.format("%Y-%m-%d_%H%M%S"),
        slug(&plan.title)
    ));
    crate::ui::run_native(AppOptions {
        plan,
        plan_dir,
        clock: Arc::new(RealClock::new()),
        epoch: started.with_timezone(&chrono::Utc),
        journal: JournalTarget::Folder(folder),
        audio: AudioChoice::Device,
        fonts: FontDiscovery::System,
        classifier: Box::new(ShowAll),
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The bundled example's media: next to the example plan in a source checkout.
fn bundled_plan_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans")
}

/// A folder-name-safe version of a title (ASCII letters and digits, dashes).
fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "show".to_owned()
    } else {
        out.chars().take(40).collect()
    }
}
