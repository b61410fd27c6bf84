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
    Instagram {
        user_id: String,
        /// The live media once found.
        media_id: Option<String>,
    },
    Facebook {
        live_video_id: String,
    },
}

/// What a broadcast check found.
#[derive(Debug, PartialEq)]
pub(super) enum Broadcast {
    NotYet,
    Live,
    Over,
}

impl Target {
    pub(super) fn platform(&self) -> Platform {
        match self {
            Target::Instagram { .. } => Platform::Instagram,
            Target::Facebook { .. } => Platform::Facebook,
        }
    }

    /// Permissions the broadcast check needs, named when an error names none.
    pub(super) fn check_permissions(&self) -> &'static str {
        match self {
            Target::Instagram { .. } => "instagram_basic, pages_read_engagement",
            Target::Facebook { .. } => "pages_read_engagement",
        }
    }

    /// Permissions reading comments needs, named when an error names none.
    pub(super) fn comment_permissions(&self) -> &'static str {
        match self {
            Target::Instagram { .. } => "instagram_manage_comments",
            Target::Facebook { .. } => "pages_read_engagement, pages_read_user_content",
        }
    }

    pub(super) async fn check(
        &mut self,
        client: &Client,
    ) -> Result<(Broadcast, Usage), GraphError> {
        match self {
            Target::Instagram { user_id, media_id } => {
                let url = client.endpoint(
                    &[user_id, "live_media"],
                    &[("fields", "id,media_type,media_product_type,timestamp")],
                );
                let reply = client.get(url).await?;
                let ids: Vec<&str> = reply
                    .body
                    .get("data")
                    .and_then(Value::as_array)
                    .ok_or_else(|| GraphError::other("live_media answer without `data`".into()))?
                    .iter()
                    .filter_map(|m| m.get("id").and_then(Value::as_str))
                    .filter(|id| is_valid_graph_id(id))
                    .collect();
                let state = match (media_id.as_deref(), ids.first()) {
                    // Only media broadcasting now is listed: empty means not live.
                    (None, None) => Broadcast::NotYet,
                    (None, Some(first)) => {
                        *media_id = Some((*first).to_owned());
                        Broadcast::Live
                    }
                    // Ours is gone (maybe replaced by a new broadcast): it ended.
                    (Some(ours), _) if ids.contains(&ours) => Broadcast::Live,
                    (Some(_), _) => Broadcast::Over,
                };
                Ok((state, reply.usage))
            }
            Target::Facebook { live_video_id } => {
                let url = client.endpoint(&[live_video_id], &[("fields", "status")]);
                let reply = client.get(url).await?;
                let status = reply
                    .body
                    .get("status")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                Ok((facebook_broadcast(status), reply.usage))
            }
        }
    }

    pub(super) fn comments_url(&self, client: &Client) -> Url {
        match self {
            Target::Instagram { media_id, .. } => client.endpoint(
                &[media_id.as_deref().unwrap_or(""), "comments"],
                &[("fields", IG_COMMENT_FIELDS), ("limit", "50")],
            ),
            // Meta: "The best practice for querying comments on a Live video is to
            // continually poll for comments in the reverse_chronological ordering
            // mode." `no_filter`: livecue's own filter greys comments out visibly,
            // the platform's low-quality filter would drop them unseen.
            Target::Facebook { live_video_id } => client.endpoint(
                &[live_video_id, "comments"],
                &[
                    ("fields", FB_COMMENT_FIELDS),
                    ("order", "reverse_chronological"),
                    ("filter", "toplevel"),
                    ("live_filter", "no_filter"),
                    ("limit", "50"),
                ],
            ),
        }
    }

    pub(super) fn parse_comment(&self, item: &Value) -> Result<Comment, String> {
        match self {
            Target::Instagram { .. } => instagram_comment(item),
            Target::Facebook { .. } => facebook_comment(item),
        }
    }
}

/// A live video's `status` → broadcast state. Unknown values count as live, so a
/// status Meta adds later never stops comments.
fn facebook_broadcast(status: &str) -> Broadcast {
    match status {
        "UNPUBLISHED" | "SCHEDULED_UNPUBLISHED" | "SCHEDULED_LIVE" | "PREVIEW" => Broadcast::NotYet,
        "LIVE_STOPPED" | "VOD" | "PROCESSING" | "SCHEDULED_CANCELED" | "SCHEDULED_EXPIRED" => {
            Broadcast::Over
        }
        _ => Broadcast::Live,
    }
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
    fn facebook_status_values() {
        assert_eq!(facebook_broadcast("LIVE"), Broadcast::Live);
        assert_eq!(
            facebook_broadcast("SCHEDULED_UNPUBLISHED"),
            Broadcast::NotYet
        );
        assert_eq!(facebook_broadcast("LIVE_STOPPED"), Broadcast::Over);
        assert_eq!(facebook_broadcast("VOD"), Broadcast::Over);
        assert_eq!(facebook_broadcast("SOMETHING_NEW"), Broadcast::Live);
    }
}
