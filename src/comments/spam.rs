//! Spam signals that are not word lists: links, capitals, emoji floods, and a user's
//! repeats and bursts.

use std::hash::BuildHasher;

use memchr::{memchr_iter, memchr2_iter, memchr3_iter};

use super::normalize::{is_alnum, is_letter};

/// A comment repeated by the same user within this long is a repeat.
pub const REPEAT_WINDOW_MS: i64 = 60_000;
/// A user's comment is a flood when the user already posted [`FLOOD_MAX`] comments in
/// the preceding [`FLOOD_WINDOW_MS`].
pub const FLOOD_WINDOW_MS: i64 = 10_000;
/// See [`FLOOD_WINDOW_MS`].
pub const FLOOD_MAX: usize = 5;
/// A comment is in capitals when at least this many cased letters ...
pub const CAPS_MIN_LETTERS: usize = 8;
/// ... and at least this share of them (percent) are capitals.
pub const CAPS_MIN_PERCENT: usize = 90;
/// An emoji flood is at least this many emoji and no letters or digits.
pub const EMOJI_FLOOD_MIN: usize = 6;

/// Top-level domains that mark a link in `name.tld` (written without spaces).
/// Two-letter ones that are also common words (`in`, `it`, `me`, `to`, `us`, `is`,
/// `no`, `so` ...) are left out: `love it.me too` is not a link.
const TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "io", "co", "ly", "gl", "gg", "tv", "cc", "ws", "xyz",
    "top", "shop", "store", "site", "online", "link", "click", "live", "app", "dev", "club", "vip",
    "pro", "icu", "buzz", "fun", "space", "website", "tech", "ru", "su", "ua", "kz", "fi", "se",
    "dk", "de", "fr", "es", "nl", "pl", "uk", "tw", "cn", "hk", "jp", "kr", "sg", "th", "vn", "ph",
    "au", "nz", "ca", "br", "mx", "ee", "lv", "lt", "ai", "eu", "ch", "at", "cz", "hu", "ro", "gr",
    "tr", "ae", "рф", "рус",
    // Reserved for documentation (RFC 2606): demo and test data use it.
    "example",
];

/// TLDs that are English words: a link only after a name of three or more characters
/// (`so.fun` is a typo, `gofast.fun` a link).
const WORD_TLDS: &[&str] = &[
    "top", "shop", "store", "site", "online", "link", "click", "live", "app", "club", "vip", "pro",
    "fun", "space", "website", "tech", "buzz", "example",
];

/// Link shorteners and chat links whose TLD is left out above.
const SHORT_HOSTS: &[&str] = &[
    "t.me",
    "wa.me",
    "line.me",
    "bit.ly",
    "youtu.be",
    "goo.gl",
    "lin.ee",
    "linktr.ee",
    "tinyurl.com",
];

/// Words people write instead of a dot to slip a link past a filter.
/// (點 is folded to 点 before this is read.)
const DOT_WORDS: &[&str] = &["dot", "(dot)", "[dot]", "{dot}", "<dot>", "点"];

/// Whether the text carries a link: a URL scheme, `www` followed by a dot (however
/// spaced or spelt), or `name.tld`, also spelt `name dot tld`. `@handle.tw` mentions
/// are not links.
/// `clean` is the comment cleaned and lower-cased ([`super::normalize::Normalized::lowered`]):
/// `www` and `dot` are looked for in lower case only.
pub(crate) fn has_link(clean: &str) -> bool {
    // memchr scans keep this cheap for the many comments with nothing link-like.
    let bytes = clean.as_bytes();
    // `://`, every place `www` starts (overlapping ones too: `wwww.`), a name dot a
    // top-level domain: one scan for the three bytes they start at.
    if memchr3_iter(b':', b'w', b'.', bytes).any(|at| match bytes[at] {
        b':' => bytes.get(at + 1..at + 3) == Some(b"//"),
        b'w' => bytes.get(at..at + 3) == Some(b"www") && www_at(clean, at),
        _ => is_domain(&clean[..at], &clean[at + 1..]),
    }) {
        return true;
    }
    // `dot`, or 点 (U+70B9, E7 82 B9: found by its first byte, rarer than the others).
    let spelt = memchr2_iter(b'd', 0xE7, bytes).any(|at| {
        let rest = bytes.get(at + 1..at + 3);
        rest == Some(b"ot") || rest == Some(&[0x82, 0xB9])
    });
    spelt && spelt_dot_link(clean)
}

/// Whether the comment hides a link written backwards after a right-to-left override
/// (U+202E), which shows it the right way round: `\u{202E}moc.elpmaxe\u{202C}` reads
/// `example.com` on screen. Cleaning drops the override, so [`has_link`] alone sees
/// `moc.elpmaxe`.
pub(crate) fn has_reversed_link(text: &str) -> bool {
    const RLO: char = '\u{202E}';
    // U+202E is E2 80 AE: look for its first byte, rarer than its last in most scripts.
    let find_rlo = |s: &str| {
        let bytes = s.as_bytes();
        memchr_iter(0xE2, bytes).find(|&at| bytes.get(at + 1..at + 3) == Some(&[0x80, 0xAE]))
    };
    let mut rest = text;
    while let Some(at) = find_rlo(rest) {
        let after = &rest[at + RLO.len_utf8()..];
        // The override lasts until a pop (U+202C), another override, or the line's end.
        let end = after
            .find(['\u{202C}', '\u{202D}', RLO, '\n'])
            .unwrap_or(after.len());
        let shown: String = after[..end]
            .chars()
            .rev()
            .flat_map(char::to_lowercase)
            .collect();
        if has_link(&shown) {
            return true;
        }
        rest = &after[end..];
    }
    false
}

/// The name before a dot: letters, digits and hyphens of any script.
fn label_before(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_alnum(c) || c == '-' || c == '_')
        .last()
        .map_or(before.len(), |(i, _)| i);
    &before[start..]
}

/// The letters after a dot, if a word ends there.
fn tld_after(after: &str) -> Option<&str> {
    let end = after
        .char_indices()
        .find(|&(_, c)| !is_letter(c))
        .map_or(after.len(), |(i, _)| i);
    let tld = &after[..end];
    let next = after[end..].chars().next();
    if next.is_some_and(is_alnum) || tld.chars().count() < 2 {
        return None;
    }
    Some(tld)
}

fn tld_is(tld: &str, list: &[&str]) -> bool {
    if tld.is_ascii() {
        list.iter().any(|t| t.eq_ignore_ascii_case(tld))
    } else {
        let lower = tld.to_lowercase();
        list.iter().any(|t| *t == lower)
    }
}

fn is_domain(before: &str, after: &str) -> bool {
    let label = label_before(before);
    if label.is_empty() {
        return false;
    }
    let Some(tld) = tld_after(after) else {
        return false;
    };
    // Skip `@handle.tw` mentions: walk back over the whole dotted name.
    let mut name_start = before.len() - label.len();
    loop {
        let head = &before[..name_start];
        if let Some(rest) = head.strip_suffix('.') {
            let l = label_before(rest);
            if l.is_empty() {
                break;
            }
            name_start = rest.len() - l.len();
        } else {
            break;
        }
    }
    if let Some(head) = before[..name_start].strip_suffix('@')
        && head.chars().next_back().is_none_or(char::is_whitespace)
    {
        return false;
    }
    let short_host = SHORT_HOSTS.iter().any(|host| {
        host.split_once('.')
            .is_some_and(|(l, t)| l.eq_ignore_ascii_case(label) && t.eq_ignore_ascii_case(tld))
    });
    if short_host {
        return true;
    }
    if !tld_is(tld, TLDS) {
        return false;
    }
    !tld_is(tld, WORD_TLDS) || label.chars().count() >= 3
}

/// `www.`, `www .`, `www dot`, `ＷＷＷ。` ... starting at byte `at`.
fn www_at(clean: &str, at: usize) -> bool {
    let bytes = clean.as_bytes();
    if !bytes
        .get(at..at + 3)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
    {
        return false;
    }
    // `awww. so cute` is not a link: `www` must start a word ...
    if clean[..at].chars().next_back().is_some_and(is_alnum) {
        return false;
    }
    let rest = clean[at + 3..].trim_start();
    let dot_len = if rest.starts_with(['.', '．', '。']) {
        rest.chars().next().map_or(0, char::len_utf8)
    } else if let Some(d) = DOT_WORDS.iter().find(|d| starts_with_ci(rest, d)) {
        d.len()
    } else {
        return false;
    };
    // ... and a name must follow the dot.
    rest[dot_len..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(is_alnum)
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// `growfast dot com`, `growfast[dot]com`, `growfast點com`.
fn spelt_dot_link(clean: &str) -> bool {
    let words: Vec<&str> = clean
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    // Separate words: NAME dot TLD.
    for w in words.windows(3) {
        if DOT_WORDS.iter().any(|d| w[1].eq_ignore_ascii_case(d)) {
            let label = label_before(w[0]);
            if label.chars().count() >= 2
                && w[0].ends_with(label)
                && tld_after(w[2]).is_some_and(is_spelt_tld)
            {
                return true;
            }
        }
    }
    // Glued: NAME[dot]TLD, NAME點TLD (spaces around the dot word allowed).
    for d in DOT_WORDS.iter().skip(1) {
        let mut from = 0;
        while let Some(pos) = find_ci(&clean[from..], d) {
            let at = from + pos;
            let before = clean[..at].trim_end();
            let after = clean[at + d.len()..].trim_start();
            let label = label_before(before);
            if label.chars().count() >= 2 && tld_after(after).is_some_and(is_spelt_tld) {
                return true;
            }
            from = at + d.len();
        }
    }
    false
}

/// After a spelt-out dot, `me` is a link too (`name dot me`).
fn is_spelt_tld(tld: &str) -> bool {
    tld_is(tld, TLDS) || tld.eq_ignore_ascii_case("me")
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.char_indices()
        .map(|(i, _)| i)
        .find(|&i| starts_with_ci(&hay[i..], needle))
}

/// Whether the comment is written in capitals.
pub(crate) fn is_all_caps(clean: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    if clean.is_ascii() {
        for b in clean.bytes() {
            upper += usize::from(b.is_ascii_uppercase());
            lower += usize::from(b.is_ascii_lowercase());
        }
        return upper >= CAPS_MIN_LETTERS && upper * 100 >= (upper + lower) * CAPS_MIN_PERCENT;
    }
    for c in clean.chars() {
        // Chinese, Japanese and Korean have no case: skip the case tables.
        if matches!(c as u32, 0x3000..=0x9FFF | 0xAC00..=0xD7A3) {
            continue;
        }
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper >= CAPS_MIN_LETTERS && upper * 100 >= (upper + lower) * CAPS_MIN_PERCENT
}

/// Emoji and pictographs (flags, symbols drawn as emoji).
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(
        c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF | 0x3030 | 0x303D | 0x3297 | 0x3299
    )
}

/// Whether the comment is nothing but a flood of emoji.
pub(crate) fn is_emoji_flood(clean: &str) -> bool {
    let mut emoji = 0usize;
    for c in clean.chars() {
        if is_alnum(c) {
            return false;
        }
        if is_emoji(c) {
            emoji += 1;
        }
    }
    emoji >= EMOJI_FLOOD_MIN
}

/// A fingerprint of what a comment says, to compare it with the same user's recent
/// comments: an exact hash and a 256-bit set of byte pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    exact: u64,
    pairs: [u64; 4],
    chars: u32,
}

impl Fingerprint {
    /// Fingerprints the normalised words, or the cleaned text when it has none (emoji).
    #[inline(never)]
    pub(crate) fn of(skel: &str, clean: &str) -> Fingerprint {
        if skel.len() <= 1 {
            let squeezed: Vec<u8> = clean.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
            Self::of_bytes(&squeezed)
        } else {
            // Words are separated by single spaces, with one at each end.
            let bytes = skel.as_bytes();
            let from = bytes.iter().position(|&b| b != b' ').unwrap_or(bytes.len());
            let to = bytes.iter().rposition(|&b| b != b' ').map_or(from, |at| at + 1);
            Self::of_bytes(&bytes[from..to])
        }
    }

    /// Works on UTF-8 bytes: pairs of bytes compare as well as pairs of characters for
    /// this, without decoding. Pairs across a space count too (`w|o`, `o| `, ` |r`).
    fn of_bytes(bytes: &[u8]) -> Fingerprint {
        let exact = foldhash::quality::FixedState::with_seed(0x5EED).hash_one(bytes);
        let mut pairs = [0u64; 4];
        let mut set = |key: u64| {
            let bit = ((key as u32).wrapping_mul(0x9E37_79B1) >> 24) as usize;
            pairs[bit >> 6] |= 1 << (bit & 63);
        };
        // Eight pairs from each nine bytes, read eight at a time.
        let mut chunks = bytes.windows(9).step_by(8);
        let mut done = 0;
        for chunk in &mut chunks {
            let mut eight = [0; 8];
            eight.copy_from_slice(&chunk[..8]);
            let w = u64::from_le_bytes(eight);
            for k in 0..7 {
                set((w >> (8 * k)) & 0xFFFF);
            }
            set(w >> 56 | u64::from(chunk[8]) << 8);
            done += 8;
        }
        for pair in bytes[done..].windows(2) {
            set(u64::from(pair[0]) | u64::from(pair[1]) << 8);
        }
        Fingerprint {
            exact,
            pairs,
            chars: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
        }
    }

    /// Whether two comments say the same thing: identical once normalised, or (for
    /// longer ones) sharing at least 70% of their byte pairs.
    pub(crate) fn similar(&self, other: &Fingerprint) -> bool {
        if self.exact == other.exact && self.chars == other.chars {
            return true;
        }
        if self.chars < 8 || other.chars < 8 {
            return false;
        }
        let (mut both, mut either) = (0u32, 0u32);
        for (a, b) in self.pairs.iter().zip(&other.pairs) {
            both += (a & b).count_ones();
            either += (a | b).count_ones();
        }
        either > 0 && both * 10 >= either * 7
    }
}

/// How many of a user's comments are remembered: enough for [`FLOOD_MAX`] and for
/// repeats within [`REPEAT_WINDOW_MS`] at any sane pace.
const REMEMBERED: usize = 8;

/// What one user did recently: their last comments, in a ring.
#[derive(Debug, Default)]
pub(crate) struct UserWindow {
    said: [(i64, Fingerprint); REMEMBERED],
    len: usize,
    next: usize,
    pub(crate) last_ms: i64,
}

impl UserWindow {
    /// Records a comment at `at_ms`; returns (repeat, flood).
    pub(crate) fn record(&mut self, at_ms: i64, fp: Fingerprint) -> (bool, bool) {
        let earlier = &self.said[..self.len];
        let repeat = earlier
            .iter()
            .any(|(t, f)| at_ms.abs_diff(*t) <= REPEAT_WINDOW_MS.unsigned_abs() && f.similar(&fp));
        let flood = earlier
            .iter()
            .filter(|&&(t, _)| t <= at_ms && at_ms.abs_diff(t) <= FLOOD_WINDOW_MS.unsigned_abs())
            .count()
            >= FLOOD_MAX;
        self.said[self.next] = (at_ms, fp);
        self.next = (self.next + 1) % REMEMBERED;
        self.len = (self.len + 1).min(REMEMBERED);
        self.last_ms = at_ms;
        (repeat, flood)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::normalize::{Normalized, Normalizer};

    fn has_link(s: &str) -> bool {
        let mut n = Normalized::default();
        Normalizer::default().run(s, false, &mut n);
        super::has_link(&n.lowered)
    }

    #[test]
    fn a_link_written_backwards_under_an_override_is_a_link() {
        let text = "free gift for first 100 viewers 👉 \u{202E}moc.elpmaxe.tfig-eerf\u{202C}";
        assert!(!has_link(text), "cleaned, it reads backwards");
        assert!(has_reversed_link(text));
        assert!(has_reversed_link("\u{202E}MOC.POHS"));
        // Right-to-left text that is not a link, and an override with nothing in it.
        assert!(!has_reversed_link("\u{202E}olleh dlrow\u{202C} nice"));
        assert!(!has_reversed_link("trailing \u{202E}"));
        assert!(!has_reversed_link("www.example.com without an override"));
    }

    #[test]
    fn links_in_their_usual_disguises() {
        for s in [
            "visit www.cheap-followers.example now",
            "free followers at growfast dot com",
            "growfast[dot]com",
            "growfast (dot) com",
            "go to WWW . shop",
            "(www.example.org)",
            "www dot shop",
            "https://x.y/z",
            "buy at cheapstuff.com!",
            "Бесплатные подписчики тут 👉 podpischiki-free.example",
            "ＷＷＷ．ＳＨＯＰ．ＣＯＭ",
            "t.me/cheapfollowers",
            "mail me: a@mail.com",
            "加我 shop點com",
            "пример.рф",
            "bit.ly/abc",
        ] {
            assert!(has_link(s), "{s:?}");
        }
    }

    #[test]
    fn ordinary_text_is_not_a_link() {
        for s in [
            "love it.me too",
            "e.g. the blue one",
            "it costs 1.5k",
            "so.fun",
            "awww. so cute",
            "wwwwww.",
            "@amy.tw hi!",
            "polka dots on the dress",
            "Mr. Smith",
            "3.14",
            "what's the dot on the logo",
            "好看。真的",
            "Ihana väri. Kiitos",
        ] {
            assert!(!has_link(s), "{s:?}");
        }
    }

    #[test]
    fn caps_and_emoji_floods() {
        assert!(is_all_caps("THIS IS THE BEST LIVE EVER EVER EVER"));
        assert!(!is_all_caps("OMG LOL"));
        assert!(!is_all_caps("This is great"));
        assert!(!is_all_caps("好好看"));
        assert!(is_emoji_flood("😍😍😍😍😍😍😍"));
        assert!(is_emoji_flood("😍 😍 😍 🔥🔥🔥!!"));
        assert!(!is_emoji_flood("😍😍😍"));
        assert!(!is_emoji_flood("love 😍😍😍😍😍😍😍"));
    }

    #[test]
    fn fingerprints_compare_what_was_said() {
        let fp = |s: &str| Fingerprint::of(s, s);
        assert!(fp(" buy now ").similar(&fp(" buy now ")));
        assert!(fp(" this serum is amazing ").similar(&fp(" this serum is amazin ")));
        assert!(!fp(" this serum is amazing ").similar(&fp(" where do you ship ")));
        assert!(!fp(" hi ").similar(&fp(" ho ")));
        assert!(Fingerprint::of(" ", "❤️").similar(&Fingerprint::of(" ", "❤️")));
    }

    #[test]
    fn windows_follow_the_comment_timestamps() {
        let fp = |s: &str| Fingerprint::of(s, s);
        let mut w = UserWindow::default();
        assert_eq!(w.record(0, fp(" same thing ")), (false, false));
        assert_eq!(w.record(59_000, fp(" same thing ")), (true, false));
        assert_eq!(w.record(200_000, fp(" same thing ")), (false, false));
        let mut w = UserWindow::default();
        for i in 0..5 {
            assert!(!w.record(i * 1000, fp(&format!(" message {i}x "))).1);
        }
        assert!(w.record(5000, fp(" another one ")).1);
        assert!(!w.record(30_000, fp(" much later ")).1);
    }
}
