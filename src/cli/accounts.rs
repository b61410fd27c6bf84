//! `livecue accounts`: the Facebook Pages and Instagram professional accounts the
//! stored token reaches, with the ids the sources take, and the permissions it has and
//! lacks for each source. Never prints a token.

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::sources::{
    Accounts, DEFAULT_GRAPH_URL, Platform, TokenOrigin, list_accounts_blocking, load_token,
    permissions_needed, reply_permission,
};

use super::LoginPlatform;

/// `livecue accounts` options.
#[derive(Debug, clap::Args)]
pub struct AccountsArgs {
    /// Whose stored token to ask with (default: Instagram's when there is one, else
    /// Facebook's); a user token lists Pages, a Page's own token cannot
    #[arg(long, value_name = "PLATFORM")]
    pub token: Option<LoginPlatform>,
    /// Graph API base URL with its version
    #[arg(long, value_name = "URL", default_value = DEFAULT_GRAPH_URL)]
    pub graph_url: String,
}

/// Lists the accounts; exit 1 when the token is missing or refused.
pub fn run(args: AccountsArgs) -> anyhow::Result<ExitCode> {
    let (platform, token, origin) = match args.token {
        Some(p) => {
            let platform = Platform::from(p);
            let (token, origin) = load_token(platform)?;
            (platform, token, origin)
        }
        None => match load_token(Platform::Instagram) {
            Ok((token, origin)) => (Platform::Instagram, token, origin),
            Err(_) => {
                let (token, origin) = load_token(Platform::Facebook)?;
                (Platform::Facebook, token, origin)
            }
        },
    };
    let accounts = list_accounts_blocking(args.graph_url, token)?;
    print!("{}", describe(&accounts, platform, origin));
    Ok(ExitCode::SUCCESS)
}

/// The listing as printed: plain text, ids a host can copy, no token.
pub fn describe(accounts: &Accounts, platform: Platform, origin: TokenOrigin) -> String {
    let mut out = String::new();
    let from = match origin {
        TokenOrigin::Env => platform.env_var().to_owned(),
        TokenOrigin::Keychain => "the OS keychain".to_owned(),
    };
    let whose = accounts
        .owner
        .as_deref()
        .map(|o| format!(", speaking for {o}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "Token: the {} token from {from}{whose}",
        platform.title()
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "Facebook Pages ({}):", accounts.pages.len());
    for page in &accounts.pages {
        let _ = writeln!(out, "  {}  Page id {}", page.name, page.id);
        match &page.instagram {
            Some(ig) => {
                let handle = ig
                    .username
                    .as_deref()
                    .map(|u| format!("@{u}"))
                    .unwrap_or_else(|| "(no username)".to_owned());
                let _ = writeln!(out, "    Instagram {handle}  user id {}", ig.id);
            }
            None => {
                let _ = writeln!(out, "    no Instagram professional account linked");
            }
        }
    }
    if let Some(why) = &accounts.pages_problem {
        let _ = writeln!(out, "  (the Pages could not all be listed: {why})");
    } else if accounts.pages.is_empty() {
        let _ = writeln!(
            out,
            "  none: the token's user manages no Page, or this is a Page's own token \
             (list with a user token: --token instagram)"
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "Permissions:");
    match &accounts.granted {
        None => {
            let _ = writeln!(out, "  could not be listed with this token");
        }
        Some(_) => {
            for (label, p) in [
                ("instagram source", Platform::Instagram),
                ("facebook source", Platform::Facebook),
            ] {
                let missing = accounts.missing_for(p);
                let line = if missing.is_empty() {
                    format!("has all it needs ({})", permissions_needed(p).join(", "))
                } else {
                    format!("missing {}", missing.join(", "))
                };
                let _ = writeln!(out, "  {label}: {line}");
            }
            for p in [Platform::Instagram, Platform::Facebook] {
                let needed = reply_permission(p);
                let has = accounts
                    .granted
                    .as_ref()
                    .is_some_and(|g| g.iter().any(|x| x == needed));
                let state = if has { "granted" } else { "missing" };
                let _ = writeln!(out, "  {} private replies: {needed} {state}", p.title());
            }
        }
    }
    if let Some(page) = accounts.pages.first() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Use them:");
        if let Some(ig) = accounts.pages.iter().find_map(|p| p.instagram.as_ref()) {
            let _ = writeln!(out, "  livecue --source instagram --ig-user-id {}", ig.id);
        }
        let _ = writeln!(out, "  livecue --source facebook --fb-page-id {}", page.id);
        let _ = writeln!(
            out,
            "  livecue login facebook --page {}   (stores that Page's own token)",
            page.id
        );
    }
    out
}
