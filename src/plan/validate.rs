//! Checks a parsed plan for what the types cannot express.

use std::collections::HashMap;
use std::path::Path;

use super::locate::{Step, locate};
use super::{CueAction, CueTime, Diagnostic, Plan, Problem, Severity, bare_handle};

/// Checks a plan; `src` is its text (for positions), `plan_dir` the folder media paths
/// are relative to. Returns errors and warnings in file order.
pub fn validate(plan: &Plan, src: &str, file: &str, plan_dir: Option<&Path>) -> Vec<Diagnostic> {
    let mut out = Checker {
        src,
        file,
        found: Vec::new(),
    };
    out.segments(plan);
    out.timing(plan);
    out.cues(plan);
    out.questions(plan);
    out.references(plan, plan_dir);
    out.source(plan, plan_dir);
    out.preflight(plan);
    out.followup_words(plan);
    out.saved_replies(plan);
    let mut found = out.found;
    found.sort_by_key(|d| d.position.unwrap_or((usize::MAX, 0)));
    found
}

/// `[Field("cues"), Index(2), Field("what")]` → `cues[2].what`.
fn path_text(path: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

struct Checker<'a> {
    src: &'a str,
    file: &'a str,
    found: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn push(&mut self, severity: Severity, path: &[Step<'_>], problem: Problem) {
        // When the exact value is defaulted, point at the closest thing that is written.
        let position = (0..=path.len())
            .rev()
            .find_map(|n| locate(self.src, &path[..n]));
        self.found.push(Diagnostic {
            file: self.file.to_owned(),
            position,
            severity,
            problem,
            path: path_text(path),
        });
    }

    fn error(&mut self, path: &[Step<'_>], problem: Problem) {
        self.push(Severity::Error, path, problem);
    }

    fn warning(&mut self, path: &[Step<'_>], problem: Problem) {
        self.push(Severity::Warning, path, problem);
    }

    fn segments(&mut self, plan: &Plan) {
        use Step::{Field, Index};
        if plan.segments.is_empty() {
            self.error(&[Field("segments")], Problem::NoSegments);
        }
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, seg) in plan.segments.iter().enumerate() {
            let n = i + 1;
            if seg.duration.is_zero() {
                self.error(
                    &[Field("segments"), Index(i), Field("duration")],
                    Problem::ZeroLength {
                        segment: n,
                        title: seg.title.clone(),
                    },
                );
                continue;
            }
            if seg.warning_at() > seg.duration {
                self.warning(
                    &[Field("segments"), Index(i), Field("warning")],
                    Problem::WarningLongerThanSegment {
                        segment: n,
                        title: seg.title.clone(),
                        warning_ms: seg.warning_at().ms(),
                        duration_ms: seg.duration.ms(),
                    },
                );
            }
            if seg.danger_at() > seg.warning_at() {
                self.warning(
                    &[Field("segments"), Index(i), Field("danger")],
                    Problem::DangerBeforeWarning {
                        segment: n,
                        title: seg.title.clone(),
                        danger_ms: seg.danger_at().ms(),
                        warning_ms: seg.warning_at().ms(),
                    },
                );
            }
            if let Some(id) = seg.id.as_deref()
                && let Some(first) = ids.insert(id, i)
            {
                self.error(
                    &[Field("segments"), Index(i), Field("id")],
                    Problem::DuplicateSegmentId {
                        id: id.to_owned(),
                        first: first + 1,
                        second: n,
                    },
                );
            }
            if let Some(handle) = seg.guest.as_deref()
                && plan.guest(handle).is_none()
            {
                self.error(
                    &[Field("segments"), Index(i), Field("guest")],
                    Problem::SegmentGuestUnknown {
                        segment: n,
                        handle: handle.to_owned(),
                    },
                );
            }
            if let Some(id) = seg.product.as_deref()
                && plan.product(id).is_none()
            {
                self.error(
                    &[Field("segments"), Index(i), Field("product")],
                    Problem::SegmentProductUnknown {
                        segment: n,
                        id: id.to_owned(),
                    },
                );
            }
        }
    }

    fn timing(&mut self, plan: &Plan) {
        use Step::Field;
        let target = plan.target;
        if target.min > target.max {
            self.error(
                &[Field("target")],
                Problem::TargetInverted {
                    min_ms: target.min.ms(),
                    max_ms: target.max.ms(),
                },
            );
            return;
        }
        let total = plan.planned_total();
        if plan.segments.is_empty() {
            return;
        }
        if total < target.min || total > target.max {
            self.error(
                &[Field("segments")],
                Problem::OutsideWindow {
                    total_ms: total.ms(),
                    min_ms: target.min.ms(),
                    max_ms: target.max.ms(),
                },
            );
        }
        if let Some(start) = &plan.scheduled_start {
            if start.time_zone.parse::<chrono_tz::Tz>().is_err() {
                self.error(
                    &[Field("scheduled_start"), Field("time_zone")],
                    Problem::UnknownTimeZone {
                        zone: start.time_zone.clone(),
                    },
                );
            } else if start.to_utc().is_none() {
                self.error(
                    &[Field("scheduled_start"), Field("time")],
                    Problem::NonexistentLocalTime,
                );
            }
        }
    }

    fn cues(&mut self, plan: &Plan) {
        use Step::{Field, Index};
        let total = plan.planned_total();
        for (i, cue) in plan.cues.iter().enumerate() {
            let n = i + 1;
            match &cue.at {
                CueTime::Show(at) => {
                    if *at > total {
                        self.error(
                            &[Field("cues"), Index(i), Field("at")],
                            Problem::CueAfterEnd {
                                cue: n,
                                at_ms: at.ms(),
                                total_ms: total.ms(),
                            },
                        );
                    }
                }
                CueTime::Segment(name, offset) => match plan.segment_index(name) {
                    None => self.error(
                        &[Field("cues"), Index(i), Field("at"), Index(0)],
                        Problem::CueSegmentUnknown {
                            cue: n,
                            name: name.clone(),
                        },
                    ),
                    Some(s) => {
                        let seg = &plan.segments[s];
                        if *offset > seg.duration {
                            self.error(
                                &[Field("cues"), Index(i), Field("at"), Index(1)],
                                Problem::CueOutsideSegment {
                                    cue: n,
                                    offset_ms: offset.ms(),
                                    title: seg.title.clone(),
                                    duration_ms: seg.duration.ms(),
                                },
                            );
                        }
                    }
                },
            }
            let what = [Field("cues"), Index(i), Field("what"), Index(0)];
            match &cue.what {
                CueAction::InviteGuest(handle) if plan.guest(handle).is_none() => self.error(
                    &what,
                    Problem::UnknownGuest {
                        cue: n,
                        handle: bare_handle(handle).to_owned(),
                    },
                ),
                CueAction::ShareMedia(id) if plan.media_item(id).is_none() => self.error(
                    &what,
                    Problem::UnknownMedia {
                        cue: n,
                        id: id.clone(),
                    },
                ),
                CueAction::MentionOffer(id) if plan.product(id).is_none() => self.error(
                    &what,
                    Problem::UnknownProduct {
                        cue: n,
                        id: id.clone(),
                    },
                ),
                _ => {}
            }
        }
    }

    fn questions(&mut self, plan: &Plan) {
        use Step::{Field, Index};
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, q) in plan.questions.iter().enumerate() {
            if let Some(first) = ids.insert(q.id.as_str(), i) {
                self.error(
                    &[Field("questions"), Index(i), Field("id")],
                    Problem::DuplicateQuestionId {
                        id: q.id.clone(),
                        first: first + 1,
                        second: i + 1,
                    },
                );
            }
            if q.text.trim().is_empty() {
                self.warning(
                    &[Field("questions"), Index(i), Field("text")],
                    Problem::EmptyQuestion { id: q.id.clone() },
                );
            }
            if let Some(segment) = q.segment.as_deref()
                && !plan
                    .segments
                    .iter()
                    .any(|s| s.id.as_deref() == Some(segment))
            {
                let known = plan.segments.iter().filter_map(|s| s.id.clone()).collect();
                self.error(
                    &[Field("questions"), Index(i), Field("segment")],
                    Problem::QuestionSegmentUnknown {
                        id: q.id.clone(),
                        segment: segment.to_owned(),
                        known,
                    },
                );
            }
        }
    }

    fn preflight(&mut self, plan: &Plan) {
        use Step::Field;
        let settings = &plan.preflight;
        if let Some(url) = &settings.speed_server
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            self.error(
                &[Field("preflight"), Field("speed_server")],
                Problem::BadSpeedServer { url: url.clone() },
            );
        }
        if let Some(mbps) = settings.min_upload_mbps
            && !(mbps.is_finite() && mbps > 0.0 && mbps <= 1000.0)
        {
            self.error(
                &[Field("preflight"), Field("min_upload_mbps")],
                Problem::BadMinUpload { mbps },
            );
        }
    }

    fn followup_words(&mut self, plan: &Plan) {
        use Step::{Field, Index};
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, word) in plan.followup_words.iter().enumerate() {
            let bare = word.trim().trim_end_matches('*').trim();
            if bare.is_empty() {
                self.error(
                    &[Field("followup_words"), Index(i)],
                    Problem::EmptyFollowUpWord { word: i + 1 },
                );
                continue;
            }
            let key = format!(
                "{}{}",
                crate::comments::normalize(bare),
                word.trim().ends_with('*')
            );
            if let Some(first) = seen.insert(key, i) {
                self.warning(
                    &[Field("followup_words"), Index(i)],
                    Problem::RepeatedFollowUpWord {
                        word: word.clone(),
                        first: first + 1,
                        first_word: plan.followup_words[first].clone(),
                    },
                );
            }
        }
    }

    fn saved_replies(&mut self, plan: &Plan) {
        use Step::{Field, Index};
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, reply) in plan.saved_replies.iter().enumerate() {
            if reply.id.trim().is_empty() {
                self.error(
                    &[Field("saved_replies"), Index(i), Field("id")],
                    Problem::ReplyWithoutId { reply: i + 1 },
                );
            } else if let Some(first) = ids.insert(reply.id.as_str(), i) {
                self.error(
                    &[Field("saved_replies"), Index(i), Field("id")],
                    Problem::DuplicateReplyId {
                        id: reply.id.clone(),
                        first: first + 1,
                        second: i + 1,
                    },
                );
            }
            if let Some(problem) = super::reply_text_problem(&reply.text) {
                self.error(
                    &[Field("saved_replies"), Index(i), Field("text")],
                    Problem::ReplyText {
                        id: reply.id.clone(),
                        problem,
                    },
                );
            }
        }
    }

    fn source(&mut self, plan: &Plan, plan_dir: Option<&Path>) {
        use crate::source_spec::{SourceSpec, is_valid_graph_id};
        use Step::Field;
        if let Some(id) = plan.ig_user_id.as_deref()
            && !is_valid_graph_id(id)
        {
            self.error(
                &[Field("ig_user_id")],
                Problem::BadIgUserId { id: id.to_owned() },
            );
        }
        if let Some(id) = plan.fb_page_id.as_deref()
            && !is_valid_graph_id(id)
        {
            self.error(
                &[Field("fb_page_id")],
                Problem::BadFbPageId { id: id.to_owned() },
            );
        }
        let Some(text) = plan.source.as_deref() else {
            return;
        };
        match text.parse::<SourceSpec>() {
            Err(e) => self.error(&[Field("source")], Problem::BadSource(e)),
            Ok(SourceSpec::Instagram) if plan.ig_user_id.is_none() => {
                self.error(&[Field("source")], Problem::InstagramNeedsUserId)
            }
            Ok(SourceSpec::FacebookPage) if plan.fb_page_id.is_none() => {
                self.error(&[Field("source")], Problem::FacebookNeedsPageId)
            }
            Ok(SourceSpec::Replay { path, .. }) => {
                if let Some(dir) = plan_dir
                    && !dir.join(&path).is_file()
                {
                    self.warning(
                        &[Field("source")],
                        Problem::MissingReplayFile {
                            path: path.display().to_string(),
                        },
                    );
                }
            }
            Ok(_) => {}
        }
    }

    fn references(&mut self, plan: &Plan, plan_dir: Option<&Path>) {
        use Step::{Field, Index};
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, g) in plan.guests.iter().enumerate() {
            if seen.insert(bare_handle(&g.handle), i).is_some() {
                self.error(
                    &[Field("guests"), Index(i), Field("handle")],
                    Problem::DuplicateGuest {
                        handle: bare_handle(&g.handle).to_owned(),
                    },
                );
            }
        }
        seen.clear();
        for (i, p) in plan.products.iter().enumerate() {
            if seen.insert(p.id.as_str(), i).is_some() {
                self.error(
                    &[Field("products"), Index(i), Field("id")],
                    Problem::DuplicateProductId { id: p.id.clone() },
                );
            }
        }
        seen.clear();
        for (i, m) in plan.media.iter().enumerate() {
            if seen.insert(m.id.as_str(), i).is_some() {
                self.error(
                    &[Field("media"), Index(i), Field("id")],
                    Problem::DuplicateMediaId { id: m.id.clone() },
                );
            }
            if let Some(dir) = plan_dir {
                let path = dir.join(&m.path);
                if !path.is_file() {
                    self.warning(
                        &[Field("media"), Index(i), Field("path")],
                        Problem::MissingMediaFile {
                            path: m.path.clone(),
                        },
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::parse;

    fn check(src: &str) -> Vec<String> {
        let plan = parse(src, "t.ron").unwrap();
        validate(&plan, src, "t.ron", None)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    const BASE: &str = r#"(
    title: "T",
    goal: (kind: Sales, summary: "sell"),
    segments: [
        (id: "warm", title: "Warm", kind: WarmUp, duration: "5m"),
        (id: "main", title: "Main", kind: Content, duration: "50m"),
        (title: "Bye", kind: Closing, duration: "5m"),
    ],
    guests: [(handle: "@chen", name: "Chen")],
    cues: [
        (at: Show("25:00"), what: InviteGuest("chen")),
    ],
    questions: [(id: "q1", text: "How?"), (id: "q2", text: "Why?")],
)"#;

    #[test]
    fn each_problem_names_the_field_it_is_about() {
        let src = BASE.replace("InviteGuest(\"chen\")", "InviteGuest(\"nobody\")");
        let plan = parse(&src, "t.ron").unwrap();
        let found = validate(&plan, &src, "t.ron", None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "cues[0].what[0]");
        assert!(found[0].is_under("cues[0]") && found[0].is_under("cues"));
        assert!(!found[0].is_under("cues[1]") && !found[0].is_under("cue"));
        // The path needs no source text: an editor checks a plan it holds, not a file.
        let found = validate(&plan, "", "t.ron", None);
        assert_eq!(found[0].path, "cues[0].what[0]");
    }

    #[test]
    fn base_plan_is_clean() {
        assert_eq!(check(BASE), Vec::<String>::new());
    }

    #[test]
    fn short_plan_names_total_and_window() {
        let src = BASE.replace("\"50m\"", "\"30m\"");
        assert_eq!(
            check(&src),
            vec![
                "t.ron:4:15: error: planned running time is 40:00, outside the target window 55:00–75:00: 15:00 short"
            ]
        );
    }

    #[test]
    fn zero_segment_and_bad_cues_are_located() {
        let src = BASE
            .replace("kind: Closing, duration: \"5m\"", "kind: Closing, duration: \"0s\"")
            .replace("(at: Show(\"25:00\"), what: InviteGuest(\"chen\"))",
                "(at: Show(\"25:00\"), what: InviteGuest(\"nobody\")),\n        (at: Segment(\"main\", \"51m\"), what: Custom(\"x\"))");
        let found = check(&src);
        assert!(
            found
                .iter()
                .any(|d| d.starts_with("t.ron:7:49: error: segment 3 \"Bye\" has zero length")),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|d| d.contains("t.ron:11:47: error: cue 1 invites @nobody")),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|d| d.contains("error: cue 2 at 51:00 into \"Main\" is outside the segment")),
            "{found:#?}"
        );
    }

    #[test]
    fn preflight_settings_are_checked() {
        let with =
            |extra: &str| check(&BASE.replace("    segments:", &format!("{extra}\n    segments:")));
        assert_eq!(
            with(
                "    preflight: (speed_server: \"https://speed.example\", min_upload_mbps: 12.5),"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            with("    preflight: (speed_server: \"speed.example\"),"),
            vec![
                "t.ron:4:31: error: speed_server `speed.example` must be an http:// or https:// address"
            ]
        );
        assert_eq!(
            with("    preflight: (min_upload_mbps: 0.0),"),
            vec![
                "t.ron:4:34: error: min_upload_mbps is 0; give the upload the live needs, e.g. 10.0"
            ]
        );
    }

    #[test]
    fn default_source_is_checked() {
        let with =
            |extra: &str| check(&BASE.replace("    segments:", &format!("{extra}\n    segments:")));
        assert_eq!(with("    source: \"facebook:123\","), Vec::<String>::new());
        assert_eq!(
            with("    source: \"twitch\","),
            vec![
                "t.ron:4:13: error: unknown source `twitch`: use `replay:FILE[@SPEED]`, `instagram`, `facebook` (a Page's live) or `facebook:LIVE_VIDEO_ID`"
            ]
        );
        assert_eq!(
            with("    source: \"instagram\","),
            vec![
                "t.ron:4:13: error: the instagram source needs `ig_user_id` (the account's Instagram user id)"
            ]
        );
        assert_eq!(
            with("    source: \"instagram\", ig_user_id: \"17841400008460056\","),
            Vec::<String>::new()
        );
        assert_eq!(
            with("    source: \"facebook\","),
            vec![
                "t.ron:4:13: error: the facebook source needs `fb_page_id` (the Facebook Page's id), or one live video: \"facebook:LIVE_VIDEO_ID\""
            ]
        );
        assert_eq!(
            with("    source: \"facebook\", fb_page_id: \"104000000000001\","),
            Vec::<String>::new()
        );
        assert_eq!(
            with("    source: \"facebook\", fb_page_id: \"my page\","),
            vec![
                "t.ron:4:37: error: fb_page_id \"my page\" is not a Facebook Page id (digits only)"
            ]
        );
    }

    #[test]
    fn saved_replies_are_checked() {
        let with =
            |extra: &str| check(&BASE.replace("    segments:", &format!("{extra}\n    segments:")));
        assert_eq!(
            with("    saved_replies: [(id: \"ship\", text: \"Hi {user}!\")],"),
            Vec::<String>::new()
        );
        assert_eq!(
            with(
                "    saved_replies: [(id: \"ship\", text: \"Hi {usr}\"), (id: \"ship\", text: \" \")],"
            ),
            vec![
                "t.ron:4:40: error: saved reply \"ship\" uses the placeholder {usr}, which livecue \
                 does not know; placeholders are {user}",
                "t.ron:4:58: error: saved reply id \"ship\" is used twice (saved replies 1 and 2)",
                "t.ron:4:72: error: saved reply \"ship\" has no text",
            ]
        );
    }

    #[test]
    fn duplicate_question_id() {
        let src = BASE.replace("(id: \"q2\"", "(id: \"q1\"");
        let found = check(&src);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains("question id \"q1\" is used twice"));
    }

    #[test]
    fn followup_words_are_checked() {
        let with =
            |extra: &str| check(&BASE.replace("    segments:", &format!("{extra}\n    segments:")));
        assert_eq!(
            with("    followup_words: [\"沒收到\", \"late*\"],"),
            Vec::<String>::new()
        );
        assert_eq!(
            with("    followup_words: [\"沒收到\", \" \", \"没收到\"],"),
            vec![
                "t.ron:4:29: error: follow-up word 2 is empty",
                "t.ron:4:34: warning: follow-up word \"没收到\" repeats word 1 (\"沒收到\")",
            ]
        );
    }

    #[test]
    fn a_question_tied_to_a_segment_names_its_id() {
        let src = BASE.replace(
            "(id: \"q2\", text: \"Why?\")",
            "(id: \"q2\", text: \"Why?\", segment: \"main\"),\n        (id: \"q3\", text: \"When?\", segment: \"Bye\")",
        );
        assert_eq!(
            check(&src),
            vec![
                "t.ron:14:44: error: question \"q3\" waits for segment \"Bye\", which is not a segment id (segment ids: \"warm\", \"main\")"
            ]
        );
    }

    #[test]
    fn inverted_target_window() {
        let src = BASE.replace(
            "    segments:",
            "    target: (min: \"80m\", max: \"60m\"),\n    segments:",
        );
        let found = check(&src);
        assert_eq!(
            found,
            vec!["t.ron:4:13: error: target minimum 80:00 is longer than the maximum 60:00"]
        );
    }
}
