//! What a Graph source follows: an Instagram account's live media or one Facebook live
//! video — how to check the broadcast, where its comments are, how to read them.

use chrono::{DateTime, Utc};
use reqwest::Url;
use serde_json::Value;

use super::client::Client;
use super::errors::GraphError;
use super::usage::Usage;
use crate::comments::Comment;
use crate::sources::is_valid_graph_id;
use crate::sources::token::Platform;

/// Fields asked of each Instagram comment.
pub(crate) const IG_COMMENT_FIELDS: &str = "id,text,timestamp,username,from,like_count";
/// Fields asked of each Facebook comment.
pub(crate) const FB_COMMENT_FIELDS: &str = "created_time,from,message,id";

/// Which broadcast a Graph source follows.
pub(crate) enum Target {
    /// The live media of an Instagram professional account (`instagram`).
    Instagram {
        user_id: String,
        /// The live media once found.
        media_id: Option<String>,
    },
    /// One Facebook live video by id (`facebook:LIVE_VIDEO_ID`).
    FacebookVideo {
        live_video_id: String,
        /// An unknown `status` was reported once already.
        told_unknown: bool,
    },
    /// The live video of a Facebook Page (`facebook` with a Page id), found like
    /// Instagram's live media: the Page's videos broadcasting now.
    FacebookPage {
        page_id: String,
        /// The live video once found.
        live_video_id: Option<String>,
    },
}

/// What a broadcast check found.
#[derive(Debug, PartialEq)]
pub(super) enum Broadcast {
    NotYet,
    Live,
    Over,
}

/// One broadcast check: the state, the usage headers, and something worth telling
/// the producer, if anything.
#[derive(Debug)]
pub(super) struct Check {
    pub(super) broadcast: Broadcast,
    pub(super) usage: Usage,
    pub(super) notice: Option<String>,
}

impl Target {
    /// A target that follows one live video.
    pub(crate) fn facebook_video(live_video_id: String) -> Self {
        Target::FacebookVideo {
            live_video_id,
            told_unknown: false,
        }
    }

    pub(super) fn platform(&self) -> Platform {
        match self {
            Target::Instagram { .. } => Platform::Instagram,
            Target::FacebookVideo { .. } | Target::FacebookPage { .. } => Platform::Facebook,
        }
    }

    /// Permissions the broadcast check needs, named when an error names none.
    pub(super) fn check_permissions(&self) -> &'static str {
        match self {
            Target::Instagram { .. } => "instagram_basic, pages_read_engagement",
            Target::FacebookVideo { .. } | Target::FacebookPage { .. } => "pages_read_engagement",
        }
    }

    /// Permissions reading comments needs, named when an error names none.
    pub(super) fn comment_permissions(&self) -> &'static str {
        match self {
            Target::Instagram { .. } => "instagram_manage_comments",
            Target::FacebookVideo { .. } | Target::FacebookPage { .. } => {
                "pages_read_engagement, pages_read_user_content"
            }
        }
    }

    pub(super) async fn check(&mut self, client: &Client) -> Result<Check, GraphError> {
        match self {
            Target::Instagram { user_id, media_id } => {
                let url = client.endpoint(
                    &[user_id, "live_media"],
                    &[("fields", "id,media_type,media_product_type,timestamp")],
                );
                let reply = client.get(url).await?;
                let data = reply
                    .body
                    .get("data")
                    .and_then(Value::as_array)
                    .ok_or_else(|| GraphError::other("live_media answer without `data`".into()))?;
                // Only media broadcasting now is listed: empty means not live.
                let ids = data
                    .iter()
                    .filter_map(|m| m.get("id").and_then(Value::as_str));
                Ok(Check {
                    broadcast: follow_listed(media_id, ids),
                    usage: reply.usage,
                    notice: None,
                })
            }
            Target::FacebookVideo {
                live_video_id,
                told_unknown,
            } => {
                let url = client.endpoint(&[live_video_id], &[("fields", "status")]);
                let reply = client.get(url).await?;
                let status = reply.body.get("status");
                let (broadcast, notice) = match status.and_then(facebook_status) {
                    Some(known) => (known, None),
                    // Counted as live, so a status Meta adds later never stops
                    // comments; said once, so the producer knows to end it by hand.
                    None => {
                        let notice = (!*told_unknown).then(|| unknown_status_notice(status));
                        *told_unknown = true;
                        (Broadcast::Live, notice)
                    }
                };
                Ok(Check {
                    broadcast,
                    usage: reply.usage,
                    notice,
                })
            }
            Target::FacebookPage {
                page_id,
                live_video_id,
            } => {
                let url = client.endpoint(
                    &[page_id, "live_videos"],
                    &[("broadcast_status", r#"["LIVE"]"#), ("fields", "id,status")],
                );
                let reply = client.get(url).await?;
                let data = reply
                    .body
                    .get("data")
                    .and_then(Value::as_array)
                    .ok_or_else(|| GraphError::other("live_videos answer without `data`".into()))?;
                // Asked for broadcasting videos only; one that says otherwise is not.
                let ids = data
                    .iter()
                    .filter(|v| {
                        v.get("status")
                            .and_then(facebook_status)
                            .is_none_or(|b| b == Broadcast::Live)
                    })
                    .filter_map(|v| v.get("id").and_then(Value::as_str));
                Ok(Check {
                    broadcast: follow_listed(live_video_id, ids),
                    usage: reply.usage,
                    notice: None,
                })
            }
        }
    }

    pub(super) fn comments_url(&self, client: &Client) -> Url {
        match self {
            Target::Instagram { media_id, .. } => client.endpoint(
                &[media_id.as_deref().unwrap_or(""), "comments"],
                &[("fields", IG_COMMENT_FIELDS), ("limit", "50")],
            ),
            Target::FacebookVideo { live_video_id, .. } => {
                facebook_comments_url(client, live_video_id)
            }
            Target::FacebookPage { live_video_id, .. } => {
                facebook_comments_url(client, live_video_id.as_deref().unwrap_or(""))
            }
        }
    }

    pub(super) fn parse_comment(&self, item: &Value) -> Result<Comment, String> {
        match self {
            Target::Instagram { .. } => instagram_comment(item),
            Target::FacebookVideo { .. } | Target::FacebookPage { .. } => facebook_comment(item),
        }
    }
}

/// Follows one broadcast in a list of those live now (Instagram's `live_media`, a
/// Page's `live_videos`): the first one listed once there is one, then live while it
/// is still listed. Gone (maybe replaced by a new broadcast) means it ended.
fn follow_listed<'a>(
    ours: &mut Option<String>,
    listed: impl Iterator<Item = &'a str>,
) -> Broadcast {
    let ids: Vec<&str> = listed.filter(|id| is_valid_graph_id(id)).collect();
    match (ours.as_deref(), ids.first()) {
        (None, None) => Broadcast::NotYet,
        (None, Some(first)) => {
            *ours = Some((*first).to_owned());
            Broadcast::Live
        }
        (Some(id), _) if ids.contains(&id) => Broadcast::Live,
        (Some(_), _) => Broadcast::Over,
    }
}

/// Meta: "The best practice for querying comments on a Live video is to continually
/// poll for comments in the reverse_chronological ordering mode." `no_filter`:
/// livecue's own filter greys comments out visibly, the platform's low-quality filter
/// would drop them unseen.
fn facebook_comments_url(client: &Client, live_video_id: &str) -> Url {
    client.endpoint(
        &[live_video_id, "comments"],
        &[
            ("fields", FB_COMMENT_FIELDS),
            ("order", "reverse_chronological"),
            ("filter", "toplevel"),
            ("live_filter", "no_filter"),
            ("limit", "50"),
        ],
    )
}

/// A live video's `status` → broadcast state; `None` when it is not one livecue knows.
/// Meta sends a string (`"LIVE"`); an object (a video's status, or a newer shape) is
/// read by its `status`, `live_status` or `video_status` member.
fn facebook_status(status: &Value) -> Option<Broadcast> {
    let text = match status {
        Value::String(s) => s.as_str(),
        Value::Object(o) => ["status", "live_status", "video_status"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str))?,
        _ => return None,
    };
    match text.trim().to_ascii_uppercase().as_str() {
        "LIVE" | "LIVE_NOW" => Some(Broadcast::Live),
        "UNPUBLISHED" | "SCHEDULED_UNPUBLISHED" | "SCHEDULED_LIVE" | "PREVIEW" => {
            Some(Broadcast::NotYet)
        }
        "LIVE_STOPPED" | "VOD" | "PROCESSING" | "SCHEDULED_CANCELED" | "SCHEDULED_EXPIRED" => {
            Some(Broadcast::Over)
        }
        _ => None,
    }
}

fn unknown_status_notice(status: Option<&Value>) -> String {
    let shown = match status {
        None | Some(Value::Null) => "no status".to_owned(),
        Some(v) => {
            let text = v.to_string();
            let mut cut: String = text.chars().take(80).collect();
            if cut.len() < text.len() {
                cut.push('…');
            }
            format!("status {cut}")
        }
    };
    format!(
        "Facebook reports the live video with {shown}, which livecue does not know: it \
         keeps reading comments as if live; stop the source when the broadcast is over"
    )
}

fn str_at<'a>(v: &'a Value, path: &str) -> Option<&'a str> {
    v.pointer(path)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// Graph timestamps: `2026-11-21T12:03:09+0000` (also RFC 3339).
pub(crate) fn parse_graph_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z")
        .or_else(|_| DateTime::parse_from_rfc3339(text))
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn comment_time(item: &Value, field: &str) -> DateTime<Utc> {
    // A comment without a readable time is still a comment: keep it, stamped now.
    item.get(field)
        .and_then(Value::as_str)
        .and_then(parse_graph_time)
        .unwrap_or_else(Utc::now)
}

/// An IG Comment: `username` may be absent without the comments permission; then
/// `from.username`, then `from.id`.
fn instagram_comment(item: &Value) -> Result<Comment, String> {
    let id = str_at(item, "/id").ok_or("comment without an id")?;
    let user = str_at(item, "/username")
        .or_else(|| str_at(item, "/from/username"))
        .or_else(|| str_at(item, "/from/id"))
        .unwrap_or("");
    Ok(Comment {
        id: id.to_owned(),
        user: user.to_owned(),
        text: str_at(item, "/text").unwrap_or("").to_owned(),
        ts: comment_time(item, "timestamp"),
        platform: Some(Platform::Instagram.as_str().to_owned()),
    })
}

/// A Facebook Comment: `from` is missing without a Page token; then the user is empty.
fn facebook_comment(item: &Value) -> Result<Comment, String> {
    let id = str_at(item, "/id").ok_or("comment without an id")?;
    let user = str_at(item, "/from/name")
        .or_else(|| str_at(item, "/from/id"))
        .unwrap_or("");
    Ok(Comment {
        id: id.to_owned(),
        user: user.to_owned(),
        text: str_at(item, "/message").unwrap_or("").to_owned(),
        ts: comment_time(item, "created_time"),
        platform: Some(Platform::Facebook.as_str().to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn graph_timestamps_parse() {
        let t = parse_graph_time("2026-11-21T12:03:09+0000").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-21T12:03:09+00:00");
        let t = parse_graph_time("2026-11-21T20:03:09+0800").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-21T12:03:09+00:00");
        assert!(parse_graph_time("2026-11-21T12:03:09.250+0000").is_some());
        assert!(parse_graph_time("2026-11-21T12:03:09Z").is_some());
        assert!(parse_graph_time("yesterday").is_none());
    }

    #[test]
    fn fixture_comments_map_to_the_contract() {
        let page2: Value = serde_json::from_str(
            r#"{"id":"18011000000000000","text":"第一次看直播～","timestamp":"2026-11-21T12:02:58+0000","from":{"id":"17841400000000000"},"like_count":0}"#,
        )
        .unwrap();
        let c = instagram_comment(&page2).unwrap();
        assert_eq!(c.user, "17841400000000000", "no username: from.id");
        assert_eq!(c.platform.as_deref(), Some("instagram"));
        assert_eq!(c.ts.to_rfc3339(), "2026-11-21T12:02:58+00:00");
        let from_only: Value = serde_json::from_str(
            r#"{"id":"1","text":"hi","timestamp":"2026-11-21T12:02:58+0000","from":{"id":"9","username":"mei.lin"}}"#,
        )
        .unwrap();
        assert_eq!(instagram_comment(&from_only).unwrap().user, "mei.lin");
        let fb: Value = serde_json::from_str(
            r#"{"created_time":"2026-11-21T12:05:11+0000","from":{"name":"Anna Virtanen","id":"100000000000001"},"message":"Paljonko toimitus maksaa Suomeen?","id":"1234567890_1111"}"#,
        )
        .unwrap();
        let c = facebook_comment(&fb).unwrap();
        assert_eq!(c.user, "Anna Virtanen");
        assert_eq!(c.text, "Paljonko toimitus maksaa Suomeen?");
        assert_eq!(c.id, "1234567890_1111");
        assert_eq!(c.platform.as_deref(), Some("facebook"));
        assert!(facebook_comment(&serde_json::json!({"message": "x"})).is_err());
    }

    #[test]
    fn facebook_status_as_string_or_object() {
        let status = |v: Value| facebook_status(&v);
        assert_eq!(status(json!("LIVE")), Some(Broadcast::Live));
        assert_eq!(
            status(json!("SCHEDULED_UNPUBLISHED")),
            Some(Broadcast::NotYet)
        );
        assert_eq!(status(json!("LIVE_STOPPED")), Some(Broadcast::Over));
        assert_eq!(status(json!("VOD")), Some(Broadcast::Over));
        assert_eq!(status(json!("SOMETHING_NEW")), None);
        assert_eq!(status(json!({"status": "LIVE"})), Some(Broadcast::Live));
        assert_eq!(
            status(json!({"video_status": "live_stopped", "processing_progress": 100})),
            Some(Broadcast::Over)
        );
        assert_eq!(
            status(json!({"live_status": "SCHEDULED_LIVE"})),
            Some(Broadcast::NotYet)
        );
        assert_eq!(status(json!({"video_status": "ready"})), None);
        assert_eq!(
            status(json!({"uploading_phase": {"status": "complete"}})),
            None
        );
        assert_eq!(status(json!(3)), None);
        let n = unknown_status_notice(Some(&json!({"video_status": "x".repeat(500)})));
        assert!(n.chars().count() < 300, "{n}");
        assert!(unknown_status_notice(None).contains("no status"));
    }

    #[test]
    fn a_listed_broadcast_is_followed_until_it_is_gone() {
        let mut ours = None;
        assert_eq!(follow_listed(&mut ours, [].into_iter()), Broadcast::NotYet);
        assert_eq!(
            follow_listed(&mut ours, ["../x", "42", "43"].into_iter()),
            Broadcast::Live
        );
        assert_eq!(ours.as_deref(), Some("42"));
        assert_eq!(
            follow_listed(&mut ours, ["43", "42"].into_iter()),
            Broadcast::Live
        );
        assert_eq!(
            follow_listed(&mut ours, ["43"].into_iter()),
            Broadcast::Over
        );
    }
}
