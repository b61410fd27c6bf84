//! The command line: `livecue [PLAN]`, `livecue check`, `livecue rundown`,
//! `livecue classify`, `livecue record`, `livecue preflight`, `livecue report`,
//! `livecue login`, `livecue accounts`, `livecue new`.

mod accounts;
mod check;
pub mod classify;
mod login;
mod new;
mod open;
mod preflight;
mod record;
mod report;
mod rundown;
mod source_args;

pub use source_args::{SourceArgs, flag_wording};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::plan::{self, Plan};

/// livecue: a calm second screen for a live-stream host.
#[derive(Debug, Parser)]
#[command(name = "livecue", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Plan to open (default: the bundled example plan)
    pub plan: Option<PathBuf>,
    /// Folder for the show folders, one per show with its journal (default: shows/ in
    /// the user's data folder)
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Comment source: replay:FILE[@SPEED], instagram, facebook (a Page's live), or
    /// facebook:LIVE_VIDEO_ID (default without a plan: the bundled demo comments)
    #[arg(long, value_name = "SRC")]
    pub source: Option<crate::sources::SourceSpec>,
    /// The Instagram professional account's user id (for --source instagram)
    #[arg(long, value_name = "ID")]
    pub ig_user_id: Option<String>,
    /// The Facebook Page's id (for --source facebook)
    #[arg(long, value_name = "ID")]
    pub fb_page_id: Option<String>,
    /// Graph API base URL with its version
    #[arg(long, value_name = "URL", default_value = crate::sources::DEFAULT_GRAPH_URL)]
    pub graph_url: String,
    /// Pre-flight speed-test server (default: the plan's, else https://speed.cloudflare.com)
    #[arg(long, value_name = "URL")]
    pub speed_server: Option<String>,
    /// Serve the local API and web pages (producer phone page, OBS overlay, timer) on
    /// ADDR (default 127.0.0.1:4090; a LAN address lets a phone in); prints the link
    #[arg(long, value_name = "ADDR", num_args = 0..=1,
          default_missing_value = crate::api::DEFAULT_ADDR)]
    pub serve: Option<std::net::SocketAddr>,
    /// What to do; without a command, livecue opens the plan
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate plan files; errors print as FILE:LINE:COL and exit 1
    Check {
        /// Plan files to check
        #[arg(required = true)]
        plans: Vec<PathBuf>,
    },
    /// Print a plan's running order as a table
    Rundown {
        /// Plan file (default: the bundled example plan)
        plan: Option<PathBuf>,
    },
    /// Classify comments (JSON Lines) into verdicts (JSON Lines on stdout)
    Classify {
        /// Plan whose filter settings to use (default: the default settings)
        #[arg(long)]
        plan: Option<PathBuf>,
        /// More hidden words, one per line (`#` starts a comment)
        #[arg(long, value_name = "FILE")]
        hidden_words: Option<PathBuf>,
        /// Comments to read (default: stdin)
        #[arg(long, value_name = "FILE")]
        input: Option<PathBuf>,
    },
    /// Record a show headless: source → filter → journal, with a status line
    Record(record::RecordArgs),
    /// Pre-flight in the terminal: speed test, do-not-disturb, checklist; exit 0 go,
    /// 1 no-go, 2 when the test could not run
    Preflight(preflight::PreflightArgs),
    /// Report on finished shows: CSV, JSON, a PNG chart and a Markdown summary
    Report(report::ReportArgs),
    /// Write a new plan from a template (product launch, expert Q&A, workshop, behind
    /// the scenes), in Traditional Chinese or English
    New(new::NewArgs),
    /// Store an access token in the OS keychain (read from stdin, not echoed)
    #[command(after_help = login::HELP)]
    Login {
        /// Which platform the token is for
        platform: LoginPlatform,
        /// facebook: store this Page's own token, looked up with the user token given
        #[arg(long, value_name = "PAGE_ID")]
        page: Option<String>,
        /// Graph API base URL with its version (for --page)
        #[arg(long, value_name = "URL", default_value = crate::sources::DEFAULT_GRAPH_URL)]
        graph_url: String,
    },
    /// List the Facebook Pages and Instagram accounts the stored token reaches, with
    /// their ids, and the permissions it has and lacks (never prints the token)
    Accounts(accounts::AccountsArgs),
}

/// The platforms `livecue login` stores tokens for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LoginPlatform {
    /// Instagram (Graph API with Facebook Login); LIVECUE_IG_TOKEN overrides it
    Instagram,
    /// Facebook Live; LIVECUE_FB_TOKEN overrides it
    Facebook,
}

impl From<LoginPlatform> for crate::sources::Platform {
    fn from(p: LoginPlatform) -> Self {
        match p {
            LoginPlatform::Instagram => Self::Instagram,
            LoginPlatform::Facebook => Self::Facebook,
        }
    }
}

/// Runs livecue with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("livecue: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check { plans }) => Ok(check::run(&plans)),
        Some(Command::Rundown { plan }) => rundown::run(plan.as_deref()),
        Some(Command::Classify {
            plan,
            hidden_words,
            input,
        }) => classify::run(plan.as_deref(), hidden_words.as_deref(), input.as_deref()),
        Some(Command::Record(args)) => record::run(args),
        Some(Command::Report(args)) => report::run(args),
        Some(Command::Login {
            platform,
            page,
            graph_url,
        }) => login::run(platform.into(), page.as_deref(), &graph_url),
        Some(Command::Accounts(args)) => accounts::run(args),
        Some(Command::New(args)) => new::run(args),
        Some(Command::Preflight(args)) => preflight::run(args),
        None => open::run(open::OpenArgs {
            plan: cli.plan,
            data_dir: cli.data_dir,
            source: cli.source,
            ig_user_id: cli.ig_user_id,
            fb_page_id: cli.fb_page_id,
            graph_url: cli.graph_url,
            speed_server: cli.speed_server,
            serve: cli.serve,
        }),
    }
}

/// Loads and validates a plan for a command that runs it: the named file, or the bundled
/// example. Errors stop here with every diagnostic; warnings are printed and let through.
pub fn load_checked(path: Option<&std::path::Path>) -> anyhow::Result<Plan> {
    let (plan, src, name, dir) = match path {
        Some(p) => {
            let (plan, src) = plan::load(p)?;
            (
                plan,
                src,
                p.display().to_string(),
                p.parent().map(PathBuf::from),
            )
        }
        None => {
            let plan = plan::parse(crate::EXAMPLE_PLAN, crate::EXAMPLE_PLAN_NAME)?;
            (
                plan,
                crate::EXAMPLE_PLAN.to_owned(),
                crate::EXAMPLE_PLAN_NAME.to_owned(),
                None,
            )
        }
    };
    let found = plan::validate(&plan, &src, &name, dir.as_deref());
    for d in &found {
        eprintln!("{d}");
    }
    let errors = found.iter().filter(|d| d.is_error()).count();
    anyhow::ensure!(
        errors == 0,
        "{name} has {errors} error(s); `livecue check` lists them"
    );
    Ok(plan)
}
