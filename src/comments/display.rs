//! Making an untrusted comment safe to draw.

use unicode_normalization::char::is_combining_mark;

use super::normalize::is_invisible;

/// The most characters of a comment the screen shows; longer ones end in `…`.
pub const DISPLAY_MAX_CHARS: usize = 500;

/// The most combining marks kept on one character: enough for Thai, Devanagari and
/// Vietnamese, too few for zalgo towers.
const MAX_MARKS: usize = 3;

/// A comment made safe to show: bidi controls and invisible characters removed (they
/// can reverse or hide text), line breaks and other controls turned into spaces,
/// stacked combining marks cut to three, surrounding whitespace trimmed and the length
/// bounded to [`DISPLAY_MAX_CHARS`] characters. Emoji sequences keep their joiners.
pub fn sanitize_for_display(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(DISPLAY_MAX_CHARS * 4));
    let mut count = 0usize;
    let mut marks = 0usize;
    let mut truncated = false;
    for c in text.chars() {
        let c = match c {
            '\n' | '\r' | '\t' => ' ',
            // Joiners hold emoji sequences (👩‍👩‍👧) and some scripts together: keep them.
            '\u{200C}' | '\u{200D}' => c,
            // Emoji presentation selectors are harmless and change how emoji look.
            '\u{FE0E}' | '\u{FE0F}' => c,
            c if is_invisible(c) => continue,
            c => c,
        };
        if is_combining_mark(c) {
            marks += 1;
            if marks > MAX_MARKS {
                continue;
            }
        } else {
            marks = 0;
        }
        if count == DISPLAY_MAX_CHARS {
            truncated = true;
            break;
        }
        out.push(c);
        count += 1;
    }
    let trimmed_len = out.trim_end().len();
    out.truncate(trimmed_len);
    let start = out.len() - out.trim_start().len();
    out.drain(..start);
    if truncated {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_and_invisible_characters_are_removed() {
        assert_eq!(sanitize_for_display("abc\u{202E}dlrow"), "abcdlrow");
        assert_eq!(sanitize_for_display("\u{2066}hi\u{2069}\u{200B}!"), "hi!");
        assert_eq!(sanitize_for_display("a\u{FEFF}b\u{00AD}c\u{3164}"), "abc");
        assert_eq!(
            sanitize_for_display("line\nbreak\u{7}bell"),
            "line breakbell"
        );
    }

    #[test]
    fn legitimate_text_is_untouched() {
        for s in [
            "請問運費怎麼算？",
            "Спасибо, й",
            "Kiitos, hyvää päivää",
            "สวัสดีครับ",
            "नमस्ते",
            "👩‍👩‍👧 ❤️",
        ] {
            assert_eq!(sanitize_for_display(s), s);
        }
    }

    #[test]
    fn zalgo_and_length_are_bounded() {
        let zalgo = format!("a{}", "\u{0301}".repeat(50));
        assert_eq!(sanitize_for_display(&zalgo).chars().count(), 1 + MAX_MARKS);
        let long = "x".repeat(DISPLAY_MAX_CHARS * 3);
        let shown = sanitize_for_display(&long);
        assert_eq!(shown.chars().count(), DISPLAY_MAX_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(
            sanitize_for_display(&"y".repeat(DISPLAY_MAX_CHARS))
                .chars()
                .count(),
            DISPLAY_MAX_CHARS
        );
    }
}
