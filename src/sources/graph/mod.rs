//! Instagram and Facebook Live comments over the Graph API, by polling.
//!
//! One loop serves both platforms (`polling`):
//! 1. check the broadcast (`targets`: Instagram `/{ig-user-id}/live_media`, a Facebook
//!    Page's `/{page-id}/live_videos?broadcast_status=["LIVE"]`, or one Facebook live
//!    video's `status`) until it is live — `WaitingForBroadcast`;
//! 2. every `comments_every` (≈2 s), fetch the comments edge newest first and follow
//!    `paging.next` until a page holds only comments already seen (the first poll, and
//!    the poll after an interrupted one, read every page, up to Meta's cursor limit).
//!    Comments are deduplicated by id, sorted by timestamp within a poll and sent;
//!    order is never assumed;
//! 3. every `live_check_every`, check the broadcast again; once it is over, `Ended`.
//!
//! Every response's `X-App-Usage` / `X-Business-Use-Case-Usage` stretches the next
//! interval as usage rises, at most five-fold (`usage`). Errors are classified by Graph
//! error code, never by HTTP status alone (`errors`): throttling → `RateLimited`, then
//! resume; anything else that may pass — downtime, network, an unknown code — →
//! `Reconnecting` with jittered exponential back-off; a refused token (190/102, by
//! subcode) or a missing permission (10, 200–299) stops the source with what to do.
//! `health` checks a token before the show; `accounts` lists the Pages and Instagram
//! accounts a token reaches; `replies` answers a viewer privately or hides a comment.

mod accounts;
mod client;
mod errors;
mod health;
mod polling;
mod replies;
mod targets;
mod usage;

pub use accounts::{
    Accounts, AccountsError, InstagramAccount, PageAccount, list_accounts, list_accounts_blocking,
    needs,
};
pub(crate) use client::Client;
pub use errors::TokenProblem;
pub use health::{
    OwnerKind, ReadCheck, TokenCheckProblem, TokenHealth, TokenOwner, check_token,
    check_token_blocking,
};
pub(crate) use polling::run;
pub use replies::{
    HIDE_PERMISSION, ReplyAccount, ReplyError, hide_comment, reply_permission, send_private_reply,
};
pub(crate) use targets::Target;
