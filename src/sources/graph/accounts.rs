//! The host's accounts as a token sees them: the Facebook Pages it manages, the
//! Instagram professional account linked to each, and which permissions it has and
//! lacks for each source — so no one has to find an id by hand.
//!
//! One call does the listing, `/me/accounts` with
//! `fields=id,name,access_token,instagram_business_account{id,username}` (Meta's
//! "Page access tokens" and "Instagram API with Facebook Login" guides); it also gives
//! each Page's own token, which `livecue login facebook --page` stores. Then
//! `/me/permissions`. Page tokens stay inside [`PageAccount`], whose `Debug` hides them.

use std::fmt;

use serde_json::Value;

use super::client::Client;
use super::errors::{ErrorKind, GraphError};
use super::health::{FACEBOOK_NEEDS, INSTAGRAM_NEEDS};
use crate::sources::token::{Platform, Token};
use crate::sources::{PollTiming, SourceError};

/// Pages followed through `paging.next` at most: a host manages a handful.
const MAX_PAGES: usize = 20;

/// An Instagram professional account linked to a Page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstagramAccount {
    /// Its Instagram user id (what `--ig-user-id` takes).
    pub id: String,
    /// Its handle, without `@`, when Meta gave it.
    pub username: Option<String>,
}

/// A Facebook Page the token's user manages.
#[derive(Clone, PartialEq, Eq)]
pub struct PageAccount {
    /// The Page id (what `--fb-page-id` takes).
    pub id: String,
    /// The Page's name.
    pub name: String,
    /// The Instagram professional account linked to it, if any.
    pub instagram: Option<InstagramAccount>,
    /// The Page's own token, when the user may act for the Page.
    token: Option<Token>,
}

impl PageAccount {
    /// The Page's access token, for storing in the keychain.
    pub fn page_token(&self) -> Option<&Token> {
        self.token.as_ref()
    }
}

impl fmt::Debug for PageAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PageAccount")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("instagram", &self.instagram)
            .field("token", &self.token.as_ref().map(|_| "REDACTED"))
            .finish()
    }
}

/// What `/me/accounts` and `/me/permissions` said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accounts {
    /// Whose token it is (`/me`'s name), when it answered.
    pub owner: Option<String>,
    /// The Pages, in Meta's order.
    pub pages: Vec<PageAccount>,
    /// Granted permissions, when they could be listed.
    pub granted: Option<Vec<String>>,
    /// Why the Pages could not be listed (a Page's own token cannot list Pages).
    pub pages_problem: Option<String>,
}

impl Accounts {
    /// The permissions a source of `platform` needs and the token lacks (empty when
    /// the permissions could not be listed).
    pub fn missing_for(&self, platform: Platform) -> Vec<&'static str> {
        let Some(granted) = &self.granted else {
            return Vec::new();
        };
        needs(platform)
            .iter()
            .copied()
            .filter(|p| !granted.iter().any(|g| g == p))
            .collect()
    }
}

/// What a source of `platform` needs.
pub fn needs(platform: Platform) -> &'static [&'static str] {
    match platform {
        Platform::Instagram => INSTAGRAM_NEEDS,
        Platform::Facebook => FACEBOOK_NEEDS,
    }
}

/// Why the accounts could not be listed at all.
#[derive(Debug, thiserror::Error)]
pub enum AccountsError {
    /// A bad Graph URL or no HTTP client.
    #[error(transparent)]
    Setup(#[from] SourceError),
    /// The platform refused the token, or could not be asked.
    #[error("{0}")]
    Refused(String),
}

/// Lists the Pages the token's user manages with their linked Instagram accounts, and
/// the token's permissions.
pub async fn list_accounts(graph_url: String, token: Token) -> Result<Accounts, AccountsError> {
    let client = Client::new(&graph_url, token, &PollTiming::default())?;
    let owner = match client
        .get(client.endpoint(&["me"], &[("fields", "id,name")]))
        .await
    {
        Ok(reply) => reply
            .body
            .get("name")
            .or_else(|| reply.body.get("id"))
            .and_then(Value::as_str)
            .map(clip),
        Err(e) => return Err(refused(e)),
    };
    let mut pages = Vec::new();
    let mut pages_problem = None;
    let mut url = client.endpoint(
        &["me", "accounts"],
        &[(
            "fields",
            "id,name,access_token,instagram_business_account{id,username}",
        )],
    );
    for _ in 0..MAX_PAGES {
        match client.get(url.clone()).await {
            Ok(reply) => {
                pages.extend(
                    reply
                        .body
                        .get("data")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(page),
                );
                match reply.body.pointer("/paging/next").and_then(Value::as_str) {
                    Some(next) => match client.follow(next) {
                        Ok(next) => url = next,
                        Err(why) => {
                            pages_problem = Some(why);
                            break;
                        }
                    },
                    None => break,
                }
            }
            Err(e) => {
                if matches!(e.kind, ErrorKind::Token(_) | ErrorKind::RateLimited) {
                    return Err(refused(e));
                }
                pages_problem = Some(e.message);
                break;
            }
        }
    }
    let granted = client
        .get(client.endpoint(&["me", "permissions"], &[]))
        .await
        .ok()
        .map(|reply| super::health::granted(&reply.body));
    Ok(Accounts {
        owner,
        pages,
        granted,
        pages_problem,
    })
}

/// [`list_accounts`] for code without a runtime (the command line).
pub fn list_accounts_blocking(graph_url: String, token: Token) -> Result<Accounts, AccountsError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| SourceError::Http(format!("cannot start: {e}")))?;
    runtime.block_on(list_accounts(graph_url, token))
}

fn refused(e: GraphError) -> AccountsError {
    let text = match e.kind {
        ErrorKind::Token(problem) => {
            format!("the token was refused: {} ({})", problem.cause(), e.message)
        }
        ErrorKind::RateLimited => format!("Meta is throttling this token: {}", e.message),
        _ => e.message,
    };
    AccountsError::Refused(text)
}

/// One entry of `/me/accounts`' `data`.
fn page(entry: &Value) -> Option<PageAccount> {
    let id = entry.get("id").and_then(Value::as_str)?;
    if !crate::sources::is_valid_graph_id(id) {
        return None;
    }
    let instagram = entry.get("instagram_business_account").and_then(|ig| {
        let id = ig.get("id").and_then(Value::as_str)?;
        crate::sources::is_valid_graph_id(id).then(|| InstagramAccount {
            id: id.to_owned(),
            username: ig.get("username").and_then(Value::as_str).map(clip),
        })
    });
    Some(PageAccount {
        id: id.to_owned(),
        name: entry
            .get("name")
            .and_then(Value::as_str)
            .map(clip)
            .unwrap_or_default(),
        instagram,
        token: entry
            .get("access_token")
            .and_then(Value::as_str)
            .and_then(Token::new),
    })
}

/// Text from the platform, bounded and without control characters (it goes to a
/// terminal).
fn clip(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(100).collect()
}
