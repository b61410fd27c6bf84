//! The forms a listed offensive word takes in a comment, beyond the word as listed:
//! Russian obscenities built on a root with a prefix and any ending (`спиздить`,
//! `отъебись`), Finnish case endings and clitics (`kyrvän`, `idiootinkin`), and words
//! that insult only when aimed at a person (`you dick`, but `Dick from Ohio`).
//!
//! The automaton finds the letters; these rules, run only on what it found, decide
//! whether the word around them is that form (see `Lexicon::find`).

use std::collections::HashSet;
use std::sync::OnceLock;

/// Russian root entries and the prefixes that may stand before them, compiled in.
const RU_ROOTS: &str = include_str!("../../assets/offensive/ru_roots.txt");

/// The Russian prefixes (one per word) that may stand before an obscene root.
fn ru_prefixes() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        RU_ROOTS
            .lines()
            .filter_map(|l| l.trim().strip_prefix("prefix "))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// The obscene roots of `assets/offensive/ru_roots.txt`, as written there (lower case,
/// `ё` written `е`).
pub(crate) fn ru_roots() -> impl Iterator<Item = &'static str> {
    RU_ROOTS
        .lines()
        .filter_map(|l| l.trim().strip_prefix("root "))
        .flat_map(str::split_whitespace)
}

fn is_ru_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я')
}

/// Whether `before`, the part of a Cyrillic word in front of an obscene `root`, is
/// nothing or one prefix, with the hard or soft sign that links them. Russian spelling
/// puts `ъ` between a prefix ending in a consonant and a root starting with a vowel
/// (`съебать`, `отъебись`), so without it `себе`, `вебинар` are `с`, `в` + ordinary
/// letters; and a word that merely contains a root's letters (`потребляю`, `хлеб`,
/// `колебания`, `сухую`) has no prefix in front of them.
pub(crate) fn ru_prefix_ok(before: &str, root: &str) -> bool {
    if before.is_empty() {
        return true;
    }
    let (prefix, linked) = match before.strip_suffix(['ъ', 'ь']) {
        Some(p) => (p, true),
        None => (before, false),
    };
    if !ru_prefixes().contains(prefix) {
        return false;
    }
    let root_vowel = root.chars().next().is_some_and(is_ru_vowel);
    let prefix_vowel = prefix.chars().next_back().is_some_and(is_ru_vowel);
    match (root_vowel, prefix_vowel) {
        // `заебал`, `уебок`; `заъебал` is no spelling.
        (true, true) => !linked,
        // `съебать`, `подъебнуть`; never `себе`.
        (true, false) => linked,
        // `спиздить`, `нахуй`: no sign before a consonant.
        (false, _) => !linked,
    }
}

/// The stems a Finnish word is inflected on: the word itself (strong grade), its weak
/// grade (`kyrpä` → `kyrvä`, `idiootti` → `idiooti`, `mulkku` → `mulku`), and the
/// plural stems (`huora` → `huori`, `idiootti` → `idioottei`, `ääliö` → `ääliöi`) in
/// both grades. Case endings and clitics follow them (see [`fi_ending`]).
pub(crate) fn fi_stems(word: &str) -> Vec<String> {
    let mut stems = vec![word.to_owned()];
    // A verb's other stems are no noun's (`kusta` is not `Kusti`): the verbs of the
    // lists are matched as listed, with endings and clitics.
    if fi_looks_like_verb(word) {
        return stems;
    }
    let mut add = |s: String| {
        if !s.is_empty() && !stems.contains(&s) {
            stems.push(s);
        }
    };
    if let Some(weak) = fi_weak(word) {
        add(weak);
    }
    for plural in fi_plural(word) {
        if let Some(weak) = fi_weak(&plural) {
            add(weak);
        }
        add(plural);
    }
    stems
}

/// Whether a Finnish word ends like an infinitive (`kusta`, `nussia`, `runkata`,
/// `tumputtaa`).
fn fi_looks_like_verb(word: &str) -> bool {
    [
        "sta", "stä", "ata", "ätä", "ota", "uta", "ita", "itä", "eta", "etä", "ia", "iä", "ea",
        "eä", "oa", "ua", "yä", "da", "dä", "lla", "llä", "aa", "ää",
    ]
    .iter()
    .any(|e| word.ends_with(e))
}

/// The plural stems: `-a`/`-ä` becomes `-i` (`huoria`) or `-o` (`paskoja`), `-i`
/// becomes `-ei` or `-e` (`idiooteille`, `idiootteja`), other vowels take `-i`.
fn fi_plural(word: &str) -> Vec<String> {
    let Some(last) = word.chars().next_back() else {
        return Vec::new();
    };
    let body = &word[..word.len() - last.len_utf8()];
    match last {
        'a' => vec![format!("{body}i"), format!("{body}o")],
        'ä' => vec![format!("{body}i"), format!("{body}ö")],
        'i' => vec![format!("{body}ei"), format!("{body}e")],
        'e' | 'o' | 'ö' | 'u' | 'y' => vec![format!("{word}i")],
        _ => Vec::new(),
    }
}

/// Consonant gradation of the last syllable: the weak grade of `word`, if it has one.
fn fi_weak(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    // The consonants before the final vowel (or vowel + i of a plural stem).
    let mut end = n;
    while end > 0 && is_fi_vowel(chars[end - 1]) {
        end -= 1;
    }
    if end == n || end < 2 {
        return None;
    }
    let mut start = end;
    while start > 0 && !is_fi_vowel(chars[start - 1]) {
        start -= 1;
    }
    if start == 0 {
        return None;
    }
    let cluster: String = chars[start..end].iter().collect();
    // The consonants that alternate are the last of the cluster (`mulkku` → `mulku`).
    let (strong, weak) = match cluster.as_str() {
        "p" => ("p", "v"),
        "t" => ("t", "d"),
        c => [
            ("kk", "k"),
            ("pp", "p"),
            ("tt", "t"),
            ("nk", "ng"),
            ("mp", "mm"),
            ("lt", "ll"),
            ("nt", "nn"),
            ("rt", "rr"),
            ("ht", "hd"),
            ("rp", "rv"),
            ("lp", "lv"),
        ]
        .into_iter()
        .find(|(strong, _)| c.ends_with(strong))?,
    };
    let cluster = format!("{}{weak}", &cluster[..cluster.len() - strong.len()]);
    let mut out: String = chars[..start].iter().collect();
    out.push_str(&cluster);
    out.extend(&chars[end..]);
    Some(out)
}

fn is_fi_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö')
}

/// Finnish case endings (both vowel harmonies), in singular and plural use.
const FI_CASES: &[&str] = &[
    "", "n", "t", "a", "ä", "ta", "tä", "na", "nä", "ssa", "ssä", "sta", "stä", "lla", "llä",
    "lta", "ltä", "lle", "ksi", "tta", "ttä", "ne", "en", "den", "tten", "iden", "itten", "in",
    "hin", "han", "hän", "hen", "hon", "hun", "hyn", "hön", "seen", "siin", "an", "än", "on", "un",
    "yn", "ön", "ja", "jä", "ita", "itä", "ia", "iä", "jen", "ihin", "ille", "illa", "illä",
    "ilta", "iltä", "issa", "issä", "ista", "istä", "iksi", "ina", "inä", "ine",
];

/// Possessive suffixes (`idioottisi`, "your idiot").
const FI_POSSESSIVE: &[&str] = &["ni", "si", "nsa", "nsä", "mme", "nne", "an", "än", "en"];

/// Clitics (`-kin`, `-kaan`, `-ko`, `-han`, `-pa`, `-s`), one or two.
const FI_CLITICS: &[&str] = &[
    "kin", "kaan", "kään", "ko", "kö", "han", "hän", "pa", "pä", "s",
];

/// Whether `rest`, what follows a Finnish stem in a word, is a case ending, possibly a
/// possessive suffix, and up to two clitics.
pub(crate) fn fi_ending(rest: &str) -> bool {
    if rest.len() > 16 {
        return false;
    }
    let mut forms = vec![rest];
    // Up to two clitics (`vitunkohan`), then a possessive suffix.
    for _ in 0..2 {
        let more: Vec<&str> = forms
            .iter()
            .flat_map(|f| FI_CLITICS.iter().filter_map(move |c| f.strip_suffix(c)))
            .collect();
        forms.extend(more);
    }
    let more: Vec<&str> = forms
        .iter()
        .flat_map(|f| FI_POSSESSIVE.iter().filter_map(move |p| f.strip_suffix(p)))
        .collect();
    forms.extend(more);
    forms.iter().any(|f| FI_CASES.contains(f))
}

/// Words that point an insult at someone when they come just before it (normalised:
/// lower case, apostrophes dropped): `you dick`, `what a dick`, `ты тупой`,
/// `senkin idiootti`.
const AT_PERSON: &[&str] = &[
    "you", "u", "ya", "ye", "yall", "ur", "youre", "thou", "what", "such", "he", "she", "hes",
    "shes", "they", "theyre", "ты", "вы", "тебя", "тебе", "вас", "сам", "сама", "sinä", "sä",
    "sie", "te", "oot", "olet", "ootte", "olette", "senkin",
];

/// Words that may stand between the pointer and the insult: articles, copulas,
/// intensifiers (`you are a total dick`, `ты просто тупой`, `sä oot ihan tyhmä`).
const BETWEEN: &[&str] = &[
    "a",
    "an",
    "are",
    "is",
    "was",
    "be",
    "so",
    "total",
    "complete",
    "absolute",
    "real",
    "big",
    "little",
    "fat",
    "old",
    "fucking",
    "stupid",
    "dumb",
    "ugly",
    "such",
    "и",
    "же",
    "просто",
    "реально",
    "полный",
    "конченый",
    "настоящий",
    "тупой",
    "тупая",
    "старый",
    "ещё",
    "еще",
    "ihan",
    "täys",
    "täysi",
    "aika",
    "tosi",
    "niin",
    "ja",
];

/// Whether the word starting at byte `start` of a normalised text (at its leading
/// space) is aimed at a person: a pointer (`you`, `what a`, `ты`, `sä oot`) among the
/// three words before it, with only articles, copulas and intensifiers in between. A
/// word that is also a name or an ordinary word (`Dick from Ohio`, `Moby Dick`,
/// `cock-a-doodle`, `тупой нож`) is left alone.
pub(crate) fn aimed_at_person(skel: &str, start: usize) -> bool {
    // The normalised text keeps a doubled letter once (`oot` is `ot`): so do the lists.
    static LISTS: OnceLock<(HashSet<String>, HashSet<String>)> = OnceLock::new();
    let (at_person, between) = LISTS.get_or_init(|| {
        let collapsed = |words: &[&str]| -> HashSet<String> {
            words
                .iter()
                .map(|w| {
                    let mut out = String::new();
                    for c in w.chars() {
                        if !out.ends_with(c) {
                            out.push(c);
                        }
                    }
                    out
                })
                .collect()
        };
        (collapsed(AT_PERSON), collapsed(BETWEEN))
    });
    let before = skel.get(..start).unwrap_or_default();
    let mut words = before.split(' ').rev().filter(|w| !w.is_empty());
    for _ in 0..4 {
        let Some(w) = words.next() else {
            return false;
        };
        if at_person.contains(w) {
            return true;
        }
        if !between.contains(w) {
            return false;
        }
    }
    false
}

/// Expands a normalised word (one letter per run) back to its letters: a letter
/// written twice is twice, a longer run (emphasis) once.
pub(crate) fn expand_runs(word: impl Iterator<Item = (char, u8)>, out: &mut String) {
    out.clear();
    for (c, run) in word {
        out.push(c);
        if run == 2 {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_prefixes_follow_the_spelling_rules() {
        for (before, root) in [
            ("", "еб"),
            ("за", "еб"),
            ("съ", "еб"),
            ("отъ", "еб"),
            ("с", "пизд"),
            ("рас", "пизд"),
            ("на", "хуй"),
            ("о", "хуе"),
            ("долбо", "еб"),
        ] {
            assert!(ru_prefix_ok(before, root), "{before}+{root}");
        }
        for (before, root) in [
            ("с", "еб"),
            ("в", "еб"),
            ("т", "еб"),
            ("хл", "еб"),
            ("кол", "еб"),
            ("потре", "бля"),
            ("оскор", "бля"),
            ("су", "хую"),
            ("пси", "хуй"),
            ("заъ", "еб"),
        ] {
            assert!(!ru_prefix_ok(before, root), "{before}+{root}");
        }
    }

    #[test]
    fn finnish_stems_and_endings() {
        assert_eq!(
            fi_stems("kyrpä"),
            ["kyrpä", "kyrvä", "kyrvi", "kyrpi", "kyrvö", "kyrpö"]
        );
        assert!(fi_stems("idiootti").contains(&"idiooti".to_owned()));
        assert!(fi_stems("idiootti").contains(&"idiootei".to_owned()));
        assert!(fi_stems("mulkku").contains(&"mulku".to_owned()));
        assert!(fi_stems("huora").contains(&"huori".to_owned()));
        for ending in [
            "", "n", "a", "ä", "kin", "nkin", "lle", "ssakaan", "ko", "nsa", "ksi",
        ] {
            assert!(fi_ending(ending), "{ending:?}");
        }
        for ending in ["tos", "sto", "llinen", "mainen", "x"] {
            assert!(!fi_ending(ending), "{ending:?}");
        }
    }

    #[test]
    fn insults_aimed_at_a_person() {
        let at = |s: &str, word: &str| {
            let skel = format!(" {s} ");
            let start = skel.find(&format!(" {word} ")).unwrap();
            aimed_at_person(&skel, start)
        };
        assert!(at("you dick", "dick"));
        assert!(at("what a dick", "dick"));
        assert!(at("you are a total dick", "dick"));
        assert!(at("ты тупой урод", "тупой"));
        assert!(
            at("sä ot ihan tyhmä", "tyhmä"),
            "as normalised: `oot` is `ot`"
        );
        assert!(!at("dick from ohio says hi", "dick"));
        assert!(!at("moby dick", "dick"));
        assert!(!at("hi dick", "dick"));
        assert!(!at("тупой нож", "тупой"));
        assert!(!at("какой тупой вопрос", "тупой"));
    }
}
