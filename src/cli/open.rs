//! `livecue [PLAN]`: opens the host screen.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;

use crate::runner::{Settings, ShowClock, ShowRunner, ShowSetup, plan_filter};
use crate::sources::{SourceSettings, SourceSpec, Speed, no_notify};
use crate::ui::{AppOptions, AudioChoice, FontDiscovery};

/// What `livecue [PLAN]` was given.
pub struct OpenArgs {
    /// The plan (none: the bundled example).
    pub plan: Option<PathBuf>,
    /// Where journals go.
    pub data_dir: Option<PathBuf>,
    /// `--source`, overriding the plan's.
    pub source: Option<SourceSpec>,
    /// `--ig-user-id`, overriding the plan's.
    pub ig_user_id: Option<String>,
    /// `--fb-page-id`, overriding the plan's.
    pub fb_page_id: Option<String>,
    /// `--graph-url`.
    pub graph_url: String,
    /// `--speed-server`, overriding the plan's.
    pub speed_server: Option<String>,
    /// `--serve`: where the local API listens, if at all.
    pub serve: Option<std::net::SocketAddr>,
}

/// Opens the app with a plan and a comment source: `--source`, else the plan's own,
/// else (without a plan) the bundled demo comments replayed, so a new user sees a
/// living screen. The show is the plan's unfinished one when the app stopped mid-show
/// (it goes on where it was), else a new one. A source that cannot connect (no token,
/// say) is shown in the status bar; the producer can pick another in the app.
pub fn run(args: OpenArgs) -> anyhow::Result<ExitCode> {
    let plan_path = args.plan.as_deref();
    let plan = Arc::new(super::load_checked(plan_path)?);
    let plan_dir = match plan_path {
        Some(p) => p.parent().map(Path::to_path_buf),
        None => Some(bundled_plan_dir()),
    };
    // `--data-dir DIR` is where the show folders go, directly; by default they go in
    // `shows/` under the user's data folder.
    let (data_dir, shows_dir) = match args.data_dir {
        Some(dir) => (dir.clone(), dir),
        None => {
            let data = directories::ProjectDirs::from("", "", "livecue")
                .map(|d| d.data_dir().to_path_buf())
                .context("no home folder to keep show journals in; pass --data-dir")?;
            (data.clone(), data.join("shows"))
        }
    };
    let ig_user_id = args.ig_user_id.or_else(|| plan.ig_user_id.clone());
    let fb_page_id = args.fb_page_id.or_else(|| plan.fb_page_id.clone());
    let spec = match (args.source, &plan.source, plan_path) {
        (Some(spec), _, _) => Some(spec),
        (None, Some(text), _) => {
            let spec: SourceSpec = text
                .parse()
                .with_context(|| format!("the plan's source `{text}`"))?;
            // A replay file named in the plan is relative to the plan.
            Some(match (spec, &plan_dir) {
                (SourceSpec::Replay { path, speed }, Some(dir)) if path.is_relative() => {
                    SourceSpec::Replay {
                        path: dir.join(path),
                        speed,
                    }
                }
                (spec, _) => spec,
            })
        }
        (None, None, None) => Some(SourceSpec::Replay {
            path: crate::runner::demo_comments_file(&data_dir).with_context(|| {
                format!(
                    "could not write the demo comments into {}",
                    data_dir.display()
                )
            })?,
            speed: Speed::Factor(1.0),
        }),
        (None, None, Some(_)) => None,
    };
    let source = spec.map(|spec| SourceSettings {
        spec,
        ig_user_id,
        fb_page_id,
        graph_url: args.graph_url,
    });
    let setup = ShowSetup {
        classifier: plan_filter(plan.filter.clone(), Vec::new()),
        plan,
        clock: ShowClock::Real,
        notify: no_notify(),
    };
    let mut runner = ShowRunner::open(setup, &shows_dir)?;
    if let Some(addr) = args.serve {
        // The one line with the secret link: the producer opens it (or scans the QR
        // code in the producer window).
        let pinned = pinned_link_token(&crate::api::KeychainLinkStore);
        print_link(runner.serve(addr, pinned)?, "livecue: ");
    }
    // The language chosen in the app before, else the OS's; a damaged settings file is
    // said and left alone (the app does not write over it).
    let settings_path = Settings::path_in(&data_dir);
    let settings = Settings::load(&settings_path).unwrap_or_else(|e| {
        eprintln!("livecue: warning: settings not read ({e}); using the system language");
        Settings::default()
    });
    let language = settings.language_or_os();
    if let Some(resumed) = runner.resumed() {
        eprintln!(
            "livecue: resuming the unfinished show in {} ({} events; nothing saved for {})",
            resumed.journal.display(),
            resumed.events,
            crate::plan::clock_text(resumed.down_ms)
        );
    }
    if let Some(why) = runner.not_resumed() {
        eprintln!(
            "livecue: warning: an unfinished show could not be continued ({why}); starting a new one"
        );
    }
    crate::ui::run_native(AppOptions {
        runner,
        plan_path: args.plan.clone(),
        plan_dir,
        audio: AudioChoice::Device,
        fonts: FontDiscovery::System,
        source,
        speed_server: args.speed_server,
        dnd: crate::preflight::dnd::detect,
        language,
        settings: Some(settings_path),
        serve_addr: crate::api::DEFAULT_ADDR
            .parse()
            .map_err(|e| anyhow::anyhow!("{}: {e}", crate::api::DEFAULT_ADDR))?,
        // `--serve` wins: it already serves where it was told.
        serve_at_start: settings.serve && args.serve.is_none(),
        serve_lan: settings.serve_lan,
        link_store: Arc::new(crate::api::KeychainLinkStore),
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The token "Keep this link" pinned, for `--serve`; a keychain that cannot be read is
/// said (without any secret) and the link is a new one.
pub(crate) fn pinned_link_token(store: &dyn crate::api::LinkStore) -> Option<crate::api::Token> {
    let (token, why) = crate::api::pinned_token(store);
    if let Some(why) = why {
        eprintln!("livecue: note: no kept link read from the keychain ({why}); using a new one");
    }
    token
}

/// The one line with the link (at the best address), then the same link at this
/// computer's other addresses when it listens on all of them.
pub(crate) fn print_link(serving: &crate::api::Serving, prefix: &str) {
    let mut urls = serving.urls().into_iter();
    println!(
        "{prefix}serving {}",
        urls.next().unwrap_or_else(|| serving.url())
    );
    for url in urls {
        println!("{prefix}also at {url}");
    }
}

/// The bundled example's media: next to the example plan in a source checkout.
fn bundled_plan_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans")
}
