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

/// The bytes repeats are judged on: the normalised words, or the cleaned text without
/// white space when it has no words (emoji), gathered in `squeezed`.
pub(crate) fn repeat_text<'a>(skel: &'a str, clean: &str, squeezed: &'a mut Vec<u8>) -> &'a [u8] {
    if skel.len() <= 1 {
        squeezed.clear();
        squeezed.extend(clean.bytes().filter(|b| !b.is_ascii_whitespace()));
        squeezed
    } else {
        // Words are separated by single spaces, with one at each end.
        skel.trim_matches(' ').as_bytes()
    }
}

/// A 256-bit set of the byte pairs of a text.
type Pairs = [u64; 4];

/// Texts shorter than this (in bytes) are only ever compared exactly.
const PAIRS_MIN: u32 = 8;

/// A fingerprint of what a comment says, to compare it with the same user's recent
/// comments: an exact hash, and its byte pairs once a comparison needs them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    exact: u64,
    chars: u32,
    pairs: Option<Pairs>,
}

impl Fingerprint {
    /// Fingerprints `text` (see [`repeat_text`]), without its pairs yet.
    pub(crate) fn of(text: &[u8]) -> Fingerprint {
        Fingerprint {
            exact: foldhash::quality::FixedState::with_seed(0x5EED).hash_one(text),
            chars: u32::try_from(text.len()).unwrap_or(u32::MAX),
            pairs: None,
        }
    }

    /// Identical once normalised.
    fn same_text(&self, other: &Fingerprint) -> bool {
        self.exact == other.exact && self.chars == other.chars
    }

    /// Whether both are long enough to compare by their byte pairs.
    fn comparable(&self, other: &Fingerprint) -> bool {
        self.chars >= PAIRS_MIN && other.chars >= PAIRS_MIN
    }
}

/// The byte pairs of `bytes`. Works on UTF-8 bytes: pairs of bytes compare as well as
/// pairs of characters for this, without decoding. Pairs across a space count too
/// (`w|o`, `o| `, ` |r`).
#[inline(never)]
fn pairs_of(bytes: &[u8]) -> Pairs {
    let mut pairs = [0u64; 4];
    let mut set = |key: u64| {
        let bit = ((key as u32).wrapping_mul(0x9E37_79B1) >> 24) as usize;
        pairs[bit >> 6] |= 1 << (bit & 63);
    };
    // Eight pairs from each nine bytes, read eight at a time.
    let mut done = 0;
    for chunk in bytes.windows(9).step_by(8) {
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
    pairs
}

/// Whether two texts share at least 70% of their byte pairs.
fn pairs_overlap(a: &Pairs, b: &Pairs) -> bool {
    let (mut both, mut either) = (0u32, 0u32);
    for (a, b) in a.iter().zip(b) {
        both += (a & b).count_ones();
        either += (a | b).count_ones();
    }
    either > 0 && both * 10 >= either * 7
}

/// How many of a user's comments are remembered: enough for [`FLOOD_MAX`] and for
/// repeats within [`REPEAT_WINDOW_MS`] at any sane pace.
const REMEMBERED: usize = 8;

/// Texts up to this long (in bytes) wait in a [`UserWindow`] for their pairs to be
/// needed; longer ones have them worked out at once.
const KEPT_TEXT: usize = 128;

/// What one user did recently: their last comments, in a ring.
///
/// Byte pairs cost more than the rest of a fingerprint, and most comments are never
/// compared by them, so they are worked out when first needed: the newest comment's
/// text is kept until the next comment, which works out the pairs of both when it
/// compares with it, and keeps the older one's when later comments still may.
///
/// Laid out field by field rather than comment by comment, the fields every comment
/// reads first: most comments find nothing of the user's within the window, and then
/// only the first 24 bytes are read.
#[derive(Debug)]
#[repr(C)]
pub(crate) struct UserWindow {
    /// The latest of `times`.
    latest: i64,
    pub(crate) last_ms: i64,
    len: u8,
    next: u8,
    /// Bit `i`: `pairs[i]` holds the pairs of comment `i`.
    has_pairs: u8,
    newest_len: u8,
    /// When each remembered comment was posted.
    times: [i64; REMEMBERED],
    /// [`Fingerprint::exact`] and [`Fingerprint::chars`] of each remembered comment.
    exact: [u64; REMEMBERED],
    chars: [u32; REMEMBERED],
    /// The text of the newest comment, when it waits for its pairs.
    newest: [u8; KEPT_TEXT],
    pairs: [Pairs; REMEMBERED],
}

const _: () = assert!(
    REMEMBERED <= 8 && KEPT_TEXT <= u8::MAX as usize && FLOOD_WINDOW_MS <= REPEAT_WINDOW_MS
);

impl Default for UserWindow {
    fn default() -> Self {
        Self {
            latest: 0,
            last_ms: 0,
            len: 0,
            next: 0,
            has_pairs: 0,
            newest_len: 0,
            times: [0; REMEMBERED],
            exact: [0; REMEMBERED],
            chars: [0; REMEMBERED],
            newest: [0; KEPT_TEXT],
            pairs: [[0; 4]; REMEMBERED],
        }
    }
}

impl UserWindow {
    /// The fingerprint of remembered comment `i`.
    fn said(&self, i: usize) -> Fingerprint {
        Fingerprint {
            exact: self.exact[i],
            chars: self.chars[i],
            pairs: (self.has_pairs & 1 << i != 0).then(|| self.pairs[i]),
        }
    }

    fn set_pairs(&mut self, i: usize, pairs: Pairs) {
        self.pairs[i] = pairs;
        self.has_pairs |= 1 << i;
    }

    /// Records a comment with `text` (see [`repeat_text`]) at `at_ms`; returns
    /// (repeat, flood).
    ///
    /// A repeat is a comment similar to one of the user's comments within
    /// [`REPEAT_WINDOW_MS`] of it. Comments are expected in about the order they were
    /// posted: one that arrives more than that window earlier than the user's newest
    /// is compared with the older ones only when identical.
    pub(crate) fn record(&mut self, at_ms: i64, text: &[u8]) -> (bool, bool) {
        let window = REPEAT_WINDOW_MS.unsigned_abs();
        let len = usize::from(self.len);
        let newest = (len > 0).then(|| (usize::from(self.next) + REMEMBERED - 1) % REMEMBERED);
        let mut fp = Fingerprint::of(text);
        let mut repeat = false;
        let mut flood = false;
        // Most comments come long after the user's latest one: then no remembered
        // comment is within either window, and none needs a look.
        let near = len > 0 && at_ms.saturating_sub(self.latest) <= REPEAT_WINDOW_MS;
        for i in 0..if near { len } else { 0 } {
            if at_ms.abs_diff(self.times[i]) > window {
                continue;
            }
            let earlier = self.said(i);
            if earlier.same_text(&fp) {
                repeat = true;
                break;
            }
            if !earlier.comparable(&fp) {
                continue;
            }
            let theirs = match earlier.pairs {
                Some(pairs) => pairs,
                None if Some(i) == newest => {
                    let pairs = pairs_of(&self.newest[..usize::from(self.newest_len)]);
                    self.set_pairs(i, pairs);
                    pairs
                }
                // Dropped: a later comment came more than the window after it.
                None => continue,
            };
            let mine = *fp.pairs.get_or_insert_with(|| pairs_of(text));
            if pairs_overlap(&theirs, &mine) {
                repeat = true;
                break;
            }
        }
        // (The flood window is within the repeat window.)
        if near {
            flood = self.times[..len]
                .iter()
                .filter(|&&t| t <= at_ms && at_ms.abs_diff(t) <= FLOOD_WINDOW_MS.unsigned_abs())
                .count()
                >= FLOOD_MAX;
        }
        // The newest comment gives up its text: work out its pairs if comments still to
        // come, no earlier than this one, may fall within its window.
        if let Some(i) = newest
            && self.has_pairs & 1 << i == 0
            && self.chars[i] >= PAIRS_MIN
            && at_ms <= self.times[i].saturating_add(REPEAT_WINDOW_MS)
        {
            self.set_pairs(i, pairs_of(&self.newest[..usize::from(self.newest_len)]));
        }
        match self.newest.get_mut(..text.len()) {
            Some(kept) => {
                kept.copy_from_slice(text);
                self.newest_len = text.len() as u8;
            }
            None => {
                fp.pairs.get_or_insert_with(|| pairs_of(text));
            }
        }
        let next = usize::from(self.next);
        let replaced = std::mem::replace(&mut self.times[next], at_ms);
        self.exact[next] = fp.exact;
        self.chars[next] = fp.chars;
        match fp.pairs {
            Some(pairs) => self.set_pairs(next, pairs),
            None => self.has_pairs &= !(1 << next),
        }
        self.next = ((next + 1) % REMEMBERED) as u8;
        self.len = (len + 1).min(REMEMBERED) as u8;
        if len == 0 || at_ms >= self.latest {
            self.latest = at_ms;
        } else if len == REMEMBERED && replaced == self.latest {
            // Out of order, and the latest was the one forgotten.
            self.latest = self.times.iter().copied().max().unwrap_or(at_ms);
        }
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
        let similar = |a: &str, b: &str| {
            let mut w = UserWindow::default();
            w.record(0, a.as_bytes());
            w.record(1000, b.as_bytes()).0
        };
        assert!(similar("buy now", "buy now"));
        assert!(similar("this serum is amazing", "this serum is amazin"));
        assert!(!similar("this serum is amazing", "where do you ship"));
        assert!(!similar("hi", "ho"));
        let mut squeezed = Vec::new();
        assert_eq!(repeat_text(" ", "❤️ ❤️", &mut squeezed), "❤️❤️".as_bytes());
        assert_eq!(
            repeat_text(" buy now ", "Buy now!", &mut squeezed),
            b"buy now"
        );
    }

    #[test]
    fn a_remembered_user_takes_at_most_600_bytes() {
        // As `Filter` keeps them: what its limits on users say of memory rests on this.
        assert!(size_of::<(u128, UserWindow)>() <= 600);
    }

    #[test]
    fn windows_follow_the_comment_timestamps() {
        let mut w = UserWindow::default();
        assert_eq!(w.record(0, b"same thing"), (false, false));
        assert_eq!(w.record(59_000, b"same thing"), (true, false));
        assert_eq!(w.record(200_000, b"same thing"), (false, false));
        let mut w = UserWindow::default();
        for i in 0..5 {
            assert!(!w.record(i * 1000, format!("message {i}x").as_bytes()).1);
        }
        assert!(w.record(5000, b"another one").1);
        assert!(!w.record(30_000, b"much later").1);
        // Out of order: a comment between two remembered ones still finds the one
        // within the window.
        let mut w = UserWindow::default();
        assert_eq!(w.record(0, b"same thing"), (false, false));
        assert_eq!(w.record(200_000, b"other words"), (false, false));
        assert_eq!(w.record(30_000, b"same thing"), (true, false));
    }

    #[test]
    fn pairs_worked_out_late_still_find_repeats() {
        // The first comment's pairs are worked out when the second compares with it ...
        let mut w = UserWindow::default();
        assert_eq!(w.record(0, b"this serum is amazing"), (false, false));
        assert_eq!(w.record(1000, b"where do you ship to"), (false, false));
        assert!(w.record(2000, b"this serum is amazin").0);
        // ... or, when the second is too short to compare, as it takes its place.
        let mut w = UserWindow::default();
        assert_eq!(w.record(0, b"this serum is amazing"), (false, false));
        assert_eq!(w.record(1000, b"wow"), (false, false));
        assert!(w.record(2000, b"this serum is amazin").0);
        // Past the window the older comments no longer count.
        assert!(!w.record(70_000, b"this serum is amazing").0);
        assert!(w.record(71_000, b"this serum is amazing!!").0);
    }
}
