//! `livecue [PLAN]`: opens the host screen.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;

use crate::comments::Filter;
use crate::session::JournalTarget;
use crate::show::RealClock;
use crate::sources::{SourceConfig, SourceSpec, Speed};
use crate::ui::{AppOptions, AudioChoice, FontDiscovery};

/// Opens the app with a plan and a comment source. Without a plan: the bundled example
/// plan with the bundled demo comments replayed, so a new user sees a living screen.
pub fn run(
    plan_path: Option<&Path>,
    data_dir: Option<PathBuf>,
    source: Option<super::SourceArgs>,
) -> anyhow::Result<ExitCode> {
    let plan = Arc::new(super::load_checked(plan_path)?);
    let plan_dir = match plan_path {
        Some(p) => p.parent().map(Path::to_path_buf),
        None => Some(bundled_plan_dir()),
    };
    let data_dir = match data_dir {
        Some(dir) => dir,
        None => directories::ProjectDirs::from("", "", "livecue")
            .map(|d| d.data_dir().to_path_buf())
            .context("no home folder to keep show journals in; pass --data-dir")?,
    };
    let source = match source {
        Some(args) => Some((args.source.clone(), args.config()?)),
        None if plan_path.is_none() => Some((
            SourceSpec::Replay {
                path: demo_comments(&data_dir)?,
                speed: Speed::Factor(1.0),
            },
            SourceConfig::default(),
        )),
        None => None,
    };
    let shows = data_dir.join("shows");
    let started = chrono::Local::now();
    let folder = shows.join(format!(
        "{}-{}",
        started.format("%Y-%m-%d_%H%M%S"),
        slug(&plan.title)
    ));
    let filter = Filter::new(&plan.filter).context("could not set up the comment filter")?;
    crate::ui::run_native(AppOptions {
        plan,
        plan_dir,
        clock: Arc::new(RealClock::new()),
        epoch: started.with_timezone(&chrono::Utc),
        journal: JournalTarget::Folder(folder),
        audio: AudioChoice::Device,
        fonts: FontDiscovery::System,
        classifier: Box::new(filter),
        source,
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The bundled demo comments: from the source checkout when there is one, otherwise
/// written out from the copy inside the binary.
fn demo_comments(data_dir: &Path) -> anyhow::Result<PathBuf> {
    let in_checkout = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/demo/comments.jsonl");
    if in_checkout.is_file() {
        return Ok(in_checkout);
    }
    let path = data_dir.join("demo-comments.jsonl");
    std::fs::create_dir_all(data_dir)
        .and_then(|()| std::fs::write(&path, crate::DEMO_COMMENTS))
        .with_context(|| format!("could not write the demo comments to {}", path.display()))?;
    Ok(path)
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
