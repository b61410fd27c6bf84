//! Plan problems in 繁體中文 (Taiwan), for the plan editor. Validation says each kind in
//! English for `livecue check`; here the same facts are worded with the editor's own
//! terms (企劃, 段落, 提示, 來賓, 商品, 提問), full-width punctuation, and the plan's
//! field names in backticks as they are written in the file.

use crate::plan::{Problem, ReplyTextProblem, clock_text};
use crate::source_spec::SpecError;

/// A plan problem in the plan's own English: the words `livecue check` prints.
pub fn in_english(problem: &Problem) -> String {
    problem.to_string()
}

/// A plan problem in 繁體中文.
pub fn in_zh_tw(problem: &Problem) -> String {
    let c = |ms: &i64| clock_text(*ms);
    match problem {
        // RON's own errors and a field's text: worded where they were found.
        Problem::Syntax(text) => text.clone(),
        Problem::NoSegments => "企劃裡沒有任何段落".to_owned(),
        Problem::ZeroLength { segment, title } => {
            format!("第 {segment} 段「{title}」的長度是零")
        }
        Problem::WarningLongerThanSegment {
            segment,
            title,
            warning_ms,
            duration_ms,
        } => format!(
            "第 {segment} 段「{title}」：黃色在剩 {} 時出現，比整段（{}）還長",
            c(warning_ms),
            c(duration_ms)
        ),
        Problem::DangerBeforeWarning {
            segment,
            title,
            danger_ms,
            warning_ms,
        } => format!(
            "第 {segment} 段「{title}」：紅色（剩 {}）比黃色（剩 {}）還早出現",
            c(danger_ms),
            c(warning_ms)
        ),
        Problem::DuplicateSegmentId { id, first, second } => {
            format!("段落代號「{id}」重複了（第 {first} 段和第 {second} 段）")
        }
        Problem::SegmentGuestUnknown { segment, handle } => {
            format!("第 {segment} 段的來賓「{handle}」不在 `guests` 裡")
        }
        Problem::SegmentProductUnknown { segment, id } => {
            format!("第 {segment} 段的商品「{id}」不在 `products` 裡")
        }
        Problem::TargetInverted { min_ms, max_ms } => format!(
            "目標長度的下限 {} 比上限 {} 還長",
            c(min_ms),
            c(max_ms)
        ),
        Problem::OutsideWindow {
            total_ms,
            min_ms,
            max_ms,
        } => {
            let (by, side) = if total_ms < min_ms {
                (min_ms - total_ms, "還差")
            } else {
                (total_ms - max_ms, "多了")
            };
            format!(
                "預定總長 {}，不在目標 {}–{} 內：{side} {}",
                c(total_ms),
                c(min_ms),
                c(max_ms),
                clock_text(by)
            )
        }
        Problem::UnknownTimeZone { zone } => {
            format!("不認得的時區「{zone}」：請用 IANA 的名稱，例如「Asia/Taipei」")
        }
        Problem::NonexistentLocalTime => {
            "這個當地時間在那一天不存在（日光節約時間切換）".to_owned()
        }
        Problem::CueAfterEnd {
            cue,
            at_ms,
            total_ms,
        } => format!(
            "提示 {cue} 在 {}，已經過了節目預定的結尾（{}）",
            c(at_ms),
            c(total_ms)
        ),
        Problem::CueSegmentUnknown { cue, name } => {
            format!("提示 {cue} 指定的段落「{name}」既不是段落代號，也不是段落標題")
        }
        Problem::CueOutsideSegment {
            cue,
            offset_ms,
            title,
            duration_ms,
        } => format!(
            "提示 {cue} 在「{title}」開始後 {}，超出這一段的長度（{}）",
            c(offset_ms),
            c(duration_ms)
        ),
        Problem::UnknownGuest { cue, handle } => {
            format!("提示 {cue} 邀請的 @{handle} 不在 `guests` 裡")
        }
        Problem::UnknownMedia { cue, id } => {
            format!("提示 {cue} 分享的媒體「{id}」不在 `media` 裡")
        }
        Problem::UnknownProduct { cue, id } => {
            format!("提示 {cue} 介紹的商品「{id}」不在 `products` 裡")
        }
        Problem::DuplicateQuestionId { id, first, second } => {
            format!("提問代號「{id}」重複了（第 {first} 題和第 {second} 題）")
        }
        Problem::EmptyQuestion { id } => format!("提問「{id}」沒有內容"),
        Problem::QuestionSegmentUnknown { id, segment, known } => {
            let known = if known.is_empty() {
                "沒有任何段落設了代號".to_owned()
            } else {
                let ids: Vec<String> = known.iter().map(|id| format!("「{id}」")).collect();
                format!("段落代號有：{}", ids.join("、"))
            };
            format!("提問「{id}」要等的段落「{segment}」不是段落代號（{known}）")
        }
        Problem::BadSpeedServer { url } => {
            format!("`speed_server` 的「{url}」必須是 http:// 或 https:// 開頭的網址")
        }
        Problem::BadMinUpload { mbps } => {
            format!("`min_upload_mbps` 是 {mbps}；請填直播需要的上傳速度，例如 10.0")
        }
        Problem::EmptyFollowUpWord { word } => format!("第 {word} 個追蹤關鍵詞是空的"),
        Problem::RepeatedFollowUpWord {
            word,
            first,
            first_word,
        } => format!("追蹤關鍵詞「{word}」和第 {first} 個（「{first_word}」）重複了"),
        Problem::ReplyWithoutId { reply } => format!("第 {reply} 則預存回覆沒有代號"),
        Problem::DuplicateReplyId { id, first, second } => {
            format!("預存回覆代號「{id}」重複了（第 {first} 則和第 {second} 則）")
        }
        Problem::ReplyText { id, problem } => match problem {
            ReplyTextProblem::Empty => format!("預存回覆「{id}」沒有內容"),
            ReplyTextProblem::Unclosed => {
                format!("預存回覆「{id}」有一個沒有關上的「{{」；能用的替換欄位只有 {{user}}")
            }
            ReplyTextProblem::UnknownPlaceholder(name) => format!(
                "預存回覆「{id}」用了 livecue 不認得的替換欄位 {{{name}}}；能用的只有 {{user}}"
            ),
        },
        Problem::BadIgUserId { id } => {
            format!("`ig_user_id`「{id}」不是 Instagram 使用者 ID（只能是數字）")
        }
        Problem::BadFbPageId { id } => {
            format!("`fb_page_id`「{id}」不是 Facebook 粉絲專頁 ID（只能是數字）")
        }
        Problem::BadSource(e) => source_words(e),
        Problem::InstagramNeedsUserId => {
            "`instagram` 來源需要 `ig_user_id`（帳號的 Instagram 使用者 ID）".to_owned()
        }
        Problem::FacebookNeedsPageId => {
            "`facebook` 來源需要 `fb_page_id`（粉絲專頁 ID），或指定一場直播：`facebook:LIVE_VIDEO_ID`"
                .to_owned()
        }
        Problem::MissingReplayFile { path } => format!("找不到重播檔案「{path}」"),
        Problem::DuplicateGuest { handle } => format!("來賓 @{handle} 列了兩次"),
        Problem::DuplicateProductId { id } => format!("商品代號「{id}」重複了"),
        Problem::DuplicateMediaId { id } => format!("媒體代號「{id}」重複了"),
        Problem::MissingMediaFile { path } => format!("找不到媒體檔案「{path}」"),
    }
}

/// A `source` that does not read; the forms to type stay in backticks as typed.
fn source_words(e: &SpecError) -> String {
    match e {
        SpecError::Unknown(text) => format!(
            "不認得的來源「{text}」：請用 `replay:FILE[@SPEED]`、`instagram`、`facebook`（粉絲專頁的直播）或 `facebook:LIVE_VIDEO_ID`"
        ),
        SpecError::MissingFile => {
            "`replay:` 後面要接檔案：`replay:comments.jsonl` 或 `replay:comments.jsonl@10`"
                .to_owned()
        }
        SpecError::BadSpeed(text) => {
            format!("重播速度「{text}」不是數字：請寫 `@10`（快十倍）、`@0.5` 或 `@max`")
        }
        SpecError::BadLiveVideoId(text) => format!(
            "`facebook:` 後面要接直播影片 ID（數字，例如 `facebook:1234567890`），這裡寫的是「{text}」"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{KINDS, kind_number, problem_examples};

    /// Latin words a Chinese problem may hold: names (livecue, Instagram, Facebook,
    /// IANA's and its example zone's), the address schemes to type, Meta's "ID" as the
    /// rest of the interface says it, and the reply placeholder `{user}`.
    const ALLOWED: &[&str] = &[
        "livecue",
        "Instagram",
        "Facebook",
        "IANA",
        "Asia",
        "Taipei",
        "http",
        "https",
        "ID",
        "user",
    ];

    /// `text` without its backticked spans: the plan's field names and the forms to
    /// type, kept as written.
    fn outside_backticks(text: &str) -> String {
        text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn every_kind_has_chinese_words_with_no_english_but_names() {
        let mut seen = [false; KINDS];
        for (problem, english) in problem_examples() {
            seen[kind_number(&problem)] = true;
            let zh = in_zh_tw(&problem);
            assert_eq!(in_english(&problem), english);
            if matches!(problem, Problem::Syntax(_)) {
                // Worded where it was found, shown as it is.
                assert_eq!(zh, english);
                continue;
            }
            let left: Vec<String> = outside_backticks(&zh)
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty() && !ALLOWED.contains(w))
                .map(str::to_owned)
                .collect();
            assert!(left.is_empty(), "English in {zh:?}: {left:?}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh:?}"
            );
            // Chinese sentences take full-width punctuation: no ASCII `,` `:` `;` `(`
            // right after a Chinese character.
            let chars: Vec<char> = zh.chars().collect();
            for pair in chars.windows(2) {
                let cjk = ('\u{4e00}'..='\u{9fff}').contains(&pair[0]);
                assert!(
                    !(cjk && [',', ':', ';', '(', '?', '!'].contains(&pair[1])),
                    "half-width punctuation in {zh:?}"
                );
            }
        }
        assert!(seen.iter().all(|&s| s), "a kind has no example");
    }

    #[test]
    fn the_running_time_outside_its_window_says_short_or_over() {
        let short = Problem::OutsideWindow {
            total_ms: 2_400_000,
            min_ms: 3_300_000,
            max_ms: 4_500_000,
        };
        assert_eq!(
            in_zh_tw(&short),
            "預定總長 40:00，不在目標 55:00–75:00 內：還差 15:00"
        );
        let over = Problem::OutsideWindow {
            total_ms: 4_800_000,
            min_ms: 3_300_000,
            max_ms: 4_500_000,
        };
        assert_eq!(
            in_zh_tw(&over),
            "預定總長 80:00，不在目標 55:00–75:00 內：多了 5:00"
        );
    }
}
