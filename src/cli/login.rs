//! `livecue login instagram|facebook`: store an access token in the OS keychain.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::Context;

use crate::sources::{
    KEYCHAIN_SERVICE, Platform, Token, is_valid_graph_id, list_accounts_blocking, store_token,
};

/// How a host gets the token livecue needs, shown after `livecue login --help`.
pub const HELP: &str = "\
Getting a token (once, about ten minutes):

livecue reads live comments through Meta's Graph API with a token from your own
Meta app: developers.facebook.com > My Apps > Create app (type Business), with
Facebook Login for Business. Make the token as the Facebook account that manages
the Page - and, for Instagram, the Instagram professional account linked to it.

1. Graph API Explorer (developers.facebook.com/tools/explorer): choose your app,
   Get User Access Token, and tick the permissions
     instagram:  instagram_basic, instagram_manage_comments, pages_show_list,
                 pages_read_engagement
     facebook:   pages_show_list, pages_read_engagement, pages_read_user_content
   (until Meta's App Review grants them, they work for people with a role on
   the app: add the host's account as a tester.)
2. Make it long-lived (60 days): in the Access Token Debugger, Extend Access
   Token.
3. instagram: store that long-lived user token (Meta's Instagram API takes a
   user's token); make a new one before its 60 days are up.
   facebook: pipe that user token into `livecue login facebook --page PAGE_ID`
   (`livecue accounts` lists your Pages and their ids), which stores the Page's
   own token from /me/accounts. Use the Page token: made from a long-lived user token
   it does not expire, so it cannot run out during a show; only a Page token
   shows who wrote each live comment; and its call budget grows with the
   Page's audience, where a user token gets a small hourly allowance (Meta's
   older guide: 200 calls an hour; livecue makes 2,000 to 4,000 an hour live).

Paste the token when asked, or pipe it in. LIVECUE_IG_TOKEN and
LIVECUE_FB_TOKEN override the keychain. livecue never prints a token.";

/// Reads a token from standard input (hidden when it is a terminal) and stores it; with
/// `page`, the token read is a user's, and the Page's own token is stored instead.
pub fn run(platform: Platform, page: Option<&str>, graph_url: &str) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        page.is_none() || platform == Platform::Facebook,
        "--page is for `livecue login facebook`: Instagram takes the user's token"
    );
    if let Some(id) = page {
        anyhow::ensure!(
            is_valid_graph_id(id),
            "--page `{id}` is not a Facebook Page id (digits; `livecue accounts` lists them)"
        );
    }
    let text = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!(
            "Paste the {} access token (input hidden), then Enter: ",
            platform.title()
        ))
        .context("cannot read the token from the terminal")?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read the token from standard input")?;
        line
    };
    let token = Token::new(&text).with_context(|| {
        format!(
            "no token given: paste the {} access token, or pipe it in",
            platform.title()
        )
    })?;
    let token = match page {
        Some(id) => page_token(token, id, graph_url)?,
        None => token,
    };
    store_token(platform, &token)?;
    if let Some(id) = page {
        eprintln!("livecue: the token of the Page {id} is the one stored.");
    }
    eprintln!(
        "livecue: {} token stored in the OS keychain (service `{KEYCHAIN_SERVICE}`, account `{}`); \
         {} overrides it when set.",
        platform.title(),
        platform.as_str(),
        platform.env_var()
    );
    Ok(ExitCode::SUCCESS)
}

/// The Page's own token from `/me/accounts`, asked with the user's token.
fn page_token(user_token: Token, page_id: &str, graph_url: &str) -> anyhow::Result<Token> {
    let accounts = list_accounts_blocking(graph_url.to_owned(), user_token)?;
    let listed: Vec<String> = accounts
        .pages
        .iter()
        .map(|p| format!("{} ({})", p.name, p.id))
        .collect();
    let Some(page) = accounts.pages.iter().find(|p| p.id == page_id) else {
        let why = accounts.pages_problem.as_deref().unwrap_or("");
        anyhow::bail!(
            "the token's user does not manage the Page {page_id}; its Pages: {}{}",
            if listed.is_empty() {
                "none".to_owned()
            } else {
                listed.join(", ")
            },
            if why.is_empty() {
                String::new()
            } else {
                format!(" ({why})")
            }
        );
    };
    page.page_token().cloned().with_context(|| {
        format!(
            "Facebook gave no token for the Page {} ({page_id}): the user needs a role on \
             the Page that may create content, and the token pages_show_list",
            page.name
        )
    })
}
