//! The interface language: 繁體中文 (Taiwan) or English, from the OS locale on first
//! start, then as the user last chose it (see [`crate::runner::Settings`]).

use serde::{Deserialize, Serialize};

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Traditional Chinese as written in Taiwan.
    ZhTw,
}

impl Language {
    /// Both languages, in the order the switch goes through them.
    pub const ALL: [Language; 2] = [Language::ZhTw, Language::En];

    /// The other language (the switch toggles between the two).
    pub fn other(self) -> Language {
        match self {
            Language::En => Language::ZhTw,
            Language::ZhTw => Language::En,
        }
    }

    /// The language for a locale tag, BCP 47 (`zh-TW`, `zh-Hant-HK`) or POSIX
    /// (`zh_TW.UTF-8`): Traditional Chinese for Taiwan, Hong Kong, Macau and any
    /// `Hant` script; English for everything else, Simplified Chinese included (there is
    /// no Simplified catalogue, and Traditional is not what those readers expect).
    pub fn from_locale(tag: &str) -> Language {
        // `zh_TW.UTF-8@euro` → `zh-tw`.
        let tag = tag
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .replace('_', "-")
            .to_ascii_lowercase();
        let mut parts = tag.split('-');
        if parts.next() != Some("zh") {
            return Language::En;
        }
        if parts.any(|p| matches!(p, "tw" | "hk" | "mo" | "hant")) {
            Language::ZhTw
        } else {
            Language::En
        }
    }

    /// The OS's language: on Linux the `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// variables in the order the C library reads them, elsewhere the system setting.
    pub fn from_os() -> Language {
        sys_locale::get_locale().map_or(Language::En, |tag| Language::from_locale(&tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taiwan_hong_kong_and_hant_are_traditional_chinese() {
        for tag in [
            "zh_TW.UTF-8",
            "zh-TW",
            "zh_HK",
            "zh-Hant",
            "zh-Hant-TW",
            "zh_MO.UTF-8@x",
        ] {
            assert_eq!(Language::from_locale(tag), Language::ZhTw, "{tag}");
        }
        for tag in [
            "en_US.UTF-8",
            "C",
            "POSIX",
            "",
            "zh_CN.UTF-8",
            "zh-Hans",
            "fi-FI",
            "tw",
        ] {
            assert_eq!(Language::from_locale(tag), Language::En, "{tag}");
        }
    }
}
