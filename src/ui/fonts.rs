//! CJK text: a system CJK font when the machine has one, then the bundled Noto Sans TC
//! subset, then the bundled WenQuanYi Micro Hei, so Chinese, Japanese, Korean and
//! Cyrillic always render.
//!
//! egui's bundled fonts cover Latin, Cyrillic and Greek only. Traditional Chinese comes
//! first for our audience, so Traditional-Chinese faces are preferred, and the bundled
//! Traditional face stands before WenQuanYi (whose forms follow mainland China's
//! standard: 「說」「青」「骨」 drawn the Simplified-area way) for what it covers. Colour
//! emoji come from [`emoji`](super::emoji), installed with the fonts.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The bundled fallback (Apache-2.0, see assets/fonts/README.md).
pub const BUNDLED_CJK: &[u8] = crate::BUNDLED_CJK_FONT;

/// The bundled Traditional Chinese face, ahead of the fallback (OFL-1.1, see
/// assets/fonts/README.md).
pub const BUNDLED_TC: &[u8] = crate::BUNDLED_TC_FONT;

/// Traditional Chinese faces among [`PREFERRED`]: only these go ahead of the bundled
/// Noto Sans TC subset; any other system CJK face draws what the subset lacks.
const TC_FACES: usize = 7;

/// Family names tried in order; Traditional Chinese first.
const PREFERRED: &[&str] = &[
    "Noto Sans CJK TC",
    "Noto Sans TC",
    "Source Han Sans TC",
    "PingFang TC",
    "Microsoft JhengHei UI",
    "Microsoft JhengHei",
    "Heiti TC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Hiragino Sans",
    "Yu Gothic UI",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
];

/// Characters a face must have to count as a CJK font.
const MUST_COVER: &[char] = &['中', '體', '貨', 'の'];

/// Which fonts render CJK text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FontReport {
    /// The system CJK font, if one was found.
    pub system: Option<String>,
    /// Whether that font is a Traditional Chinese face, and so goes first; any other
    /// goes behind the bundled Noto Sans TC subset, so Chinese keeps Taiwan's forms.
    pub system_first: bool,
    /// Whether the bundled fallback is installed behind it (always, for what the
    /// system font lacks, such as Hangul in Chinese-only faces).
    pub bundled_fallback: bool,
}

impl FontReport {
    /// One line for logs and the about box.
    pub fn describe(&self) -> String {
        match &self.system {
            Some(name) if self.system_first => format!(
                "CJK font: {name} (system), Noto Sans TC subset and WenQuanYi Micro Hei (bundled) behind it"
            ),
            Some(name) => format!(
                "CJK font: Noto Sans TC subset (bundled), then {name} (system, not a Traditional Chinese face), then WenQuanYi Micro Hei (bundled)"
            ),
            None => "CJK font: Noto Sans TC subset, WenQuanYi Micro Hei behind it (bundled; no system CJK font found)".to_owned(),
        }
    }
}

/// How to look for fonts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FontDiscovery {
    /// Search the system's fonts, then fall back to the bundled one.
    #[default]
    System,
    /// Use only the bundled font (deterministic tests and benchmarks).
    BundledOnly,
}

/// Installs CJK-capable fonts into `ctx` and reports which.
pub fn install(ctx: &egui::Context, discovery: FontDiscovery) -> FontReport {
    let system = match discovery {
        FontDiscovery::System => find_system_cjk(),
        FontDiscovery::BundledOnly => None,
    };
    let mut fonts = FontDefinitions::default();
    let mut fallbacks = Vec::new();
    let mut report = FontReport {
        system: None,
        system_first: false,
        bundled_fallback: true,
    };
    fonts.font_data.insert(
        "bundled-tc".into(),
        Arc::new(FontData::from_static(BUNDLED_TC)),
    );
    fallbacks.push("bundled-tc".to_owned());
    if let Some((name, data, traditional)) = system {
        fonts.font_data.insert("system-cjk".into(), Arc::new(data));
        if traditional {
            fallbacks.insert(0, "system-cjk".to_owned());
        } else {
            fallbacks.push("system-cjk".to_owned());
        }
        report.system = Some(name);
        report.system_first = traditional;
    }
    fonts.font_data.insert(
        "bundled-cjk".into(),
        Arc::new(FontData::from_static(BUNDLED_CJK)),
    );
    fallbacks.push("bundled-cjk".to_owned());
    fonts.font_data.insert(
        "bundled-marks".into(),
        Arc::new(FontData::from_static(crate::BUNDLED_MARKS_FONT)),
    );
    fallbacks.push("bundled-marks".to_owned());
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .extend(fallbacks.iter().cloned());
    }
    ctx.set_fonts(fonts);
    // Emoji are drawn from the bundled pictures, in front of every font.
    super::emoji::install(ctx);
    report
}

/// The first preferred CJK face the system has, and whether it is a Traditional
/// Chinese one.
fn find_system_cjk() -> Option<(String, FontData, bool)> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    for (i, name) in PREFERRED.iter().enumerate() {
        let query = fontdb::Query {
            families: &[fontdb::Family::Name(name)],
            weight: fontdb::Weight::NORMAL,
            ..fontdb::Query::default()
        };
        let Some(id) = db.query(&query) else {
            continue;
        };
        let found = db.with_face_data(id, |bytes, index| {
            covers_cjk(bytes, index).then(|| FontData {
                index,
                ..FontData::from_owned(bytes.to_vec())
            })
        });
        if let Some(Some(data)) = found {
            return Some(((*name).to_owned(), data, i < TC_FACES));
        }
    }
    None
}

/// Whether the face at `index` has glyphs for the characters every CJK face needs.
pub fn covers_cjk(bytes: &[u8], index: u32) -> bool {
    ttf_parser::Face::parse(bytes, index)
        .is_ok_and(|face| MUST_COVER.iter().all(|&c| face.glyph_index(c).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_covers_every_script_we_promise() {
        let face = ttf_parser::Face::parse(BUNDLED_CJK, 0).unwrap();
        for c in "請問運費怎麼算假货垃圾こんにちはカタカナ안녕하세요한국어Очень красиво".chars()
        {
            if !c.is_whitespace() {
                assert!(face.glyph_index(c).is_some(), "{c:?} missing");
            }
        }
        assert!(covers_cjk(BUNDLED_CJK, 0));
    }

    #[test]
    fn installed_fonts_have_glyphs_for_cjk_and_cyrillic() {
        let ctx = egui::Context::default();
        let report = install(&ctx, FontDiscovery::BundledOnly);
        assert_eq!(report.system, None);
        // Fonts are built on the first pass.
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        ctx.fonts_mut(|f| {
            for c in "假貨假货こんにちは한국어ОченьäöЁ".chars() {
                assert!(f.has_glyph(&egui::FontId::proportional(18.0), c), "{c:?}");
                assert!(f.has_glyph(&egui::FontId::monospace(18.0), c), "{c:?}");
            }
        });
    }
}

#[cfg(test)]
mod tc_tests {
    use super::*;

    #[test]
    fn the_preferred_list_starts_with_exactly_the_traditional_faces() {
        assert!(
            PREFERRED[..TC_FACES]
                .iter()
                .all(|n| n.contains("TC") || n.contains("JhengHei"))
        );
        assert!(
            PREFERRED[TC_FACES..]
                .iter()
                .all(|n| !n.contains("TC") && !n.contains("JhengHei"))
        );
    }

    #[test]
    fn every_chinese_character_of_the_interface_has_a_taiwan_form_bundled() {
        let face = ttf_parser::Face::parse(BUNDLED_TC, 0).unwrap();
        let all = format!("{:?}", crate::ui::text::ZH_TW);
        let missing: Vec<char> = all
            .chars()
            .filter(|c| {
                ('\u{4E00}'..='\u{9FFF}').contains(c) || ('\u{3000}'..='\u{303F}').contains(c)
            })
            .filter(|c| face.glyph_index(*c).is_none())
            .collect();
        assert!(missing.is_empty(), "not in the TC subset: {missing:?}");
        // Bopomofo and full-width punctuation come whole.
        for c in "ㄅㄆㄇㄈㄦ，。：；！？（）「」".chars() {
            assert!(face.glyph_index(c).is_some(), "{c:?}");
        }
    }
}

#[cfg(test)]
mod glyph_tests {
    use super::*;

    #[test]
    fn every_ui_string_and_symbol_has_a_glyph() {
        let ctx = egui::Context::default();
        install(&ctx, FontDiscovery::BundledOnly);
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        // Every catalogue string, plus the symbols the views draw themselves.
        let all = format!(
            "{:?}{:?}⚠♪▲▼•—…",
            crate::ui::text::EN,
            crate::ui::text::ZH_TW
        );
        let missing: Vec<char> = ctx.fonts_mut(|f| {
            all.chars()
                .filter(|c| {
                    !c.is_whitespace() && !f.has_glyph(&egui::FontId::proportional(18.0), *c)
                })
                .collect()
        });
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }
}
