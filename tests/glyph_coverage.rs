//! Every character livecue is given to show — the demo comments, the plans and the test
//! fixtures (comments, Graph API pages, word lists) — has a glyph in the bundled fonts
//! alone: egui's own, the Noto Sans TC subset, WenQuanYi Micro Hei and the combining
//! marks. No system font is asked, so a machine without CJK fonts shows no boxes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};

use livecue::comments::sanitize_for_display;
use livecue::ui::{FontDiscovery, fonts};

/// Emoji are drawn as images by other means, not from these fonts: pictographs,
/// dingbats and symbols with emoji presentation, their modifiers, joiners, keycaps,
/// tags and presentation selectors.
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{200D}'
        | '\u{20E3}'
        | '\u{E0020}'..='\u{E007F}')
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every string a file holds as the app would show it: JSON strings decoded (escapes
/// such as `\u202e` are characters on screen), other text as it is.
fn texts_of(path: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new(); // not text
    };
    let mut out = Vec::new();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "json" || ext == "jsonl" {
        let mut values: Vec<serde_json::Value> = Vec::new();
        match serde_json::from_str(&text) {
            Ok(v) => values.push(v),
            Err(_) => values.extend(text.lines().filter_map(|l| serde_json::from_str(l).ok())),
        }
        while let Some(v) = values.pop() {
            match v {
                serde_json::Value::String(s) => out.push(s),
                serde_json::Value::Array(a) => values.extend(a),
                serde_json::Value::Object(o) => {
                    out.extend(o.keys().cloned());
                    values.extend(o.into_iter().map(|(_, v)| v));
                }
                _ => {}
            }
        }
    }
    out.push(text);
    out
}

#[test]
fn bundled_fonts_draw_every_character_of_the_demo_plans_and_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("assets/demo/comments.jsonl")];
    files_under(&root.join("plans"), &mut files);
    files_under(&root.join("tests/fixtures"), &mut files);
    files.retain(|p| {
        !matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("png" | "jpg" | "jpeg" | "ttf" | "otf" | "ttc")
        )
    });

    let ctx = egui::Context::default();
    let report = fonts::install(&ctx, FontDiscovery::BundledOnly);
    assert_eq!(report.system, None);
    // Fonts are built on the first pass.
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();

    let mut checked = std::collections::BTreeSet::new();
    let mut missing = std::collections::BTreeMap::<char, String>::new();
    let font = egui::FontId::proportional(18.0);
    ctx.fonts_mut(|f| {
        for path in &files {
            for text in texts_of(path) {
                for c in sanitize_for_display(&text).chars() {
                    if c.is_whitespace() || is_emoji(c) || !checked.insert(c) {
                        continue;
                    }
                    if !f.has_glyph(&font, c) {
                        let name = path.strip_prefix(root).unwrap_or(path).display();
                        missing.insert(c, name.to_string());
                    }
                }
            }
        }
    });
    // Sanity: the corpus really is multilingual, or this test proves nothing.
    for c in ['請', '货', 'の', '한', 'ж', 'ä'] {
        assert!(checked.contains(&c), "{c:?} not in the corpus");
    }
    assert!(checked.len() > 500, "{} characters", checked.len());
    assert!(missing.is_empty(), "no glyph for {missing:?}");
}

#[test]
fn the_taiwan_face_stands_before_wenquanyi() {
    // The same character must come from the TC subset, not from WenQuanYi: their
    // outlines differ, so the rendered width of a line of Chinese tells them apart
    // only weakly; the cmap of the subset is the direct check.
    let face = ttf_parser::Face::parse(livecue::BUNDLED_TC_FONT, 0).unwrap();
    for c in "請問運費怎麼算直播留言節目段落骨說青".chars() {
        assert!(face.glyph_index(c).is_some(), "{c:?}");
    }
    let ctx = egui::Context::default();
    fonts::install(&ctx, FontDiscovery::BundledOnly);
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let families = ctx.fonts(|f| f.definitions().families.clone());
    let order = &families[&egui::FontFamily::Proportional];
    let tc = order.iter().position(|n| n == "bundled-tc").unwrap();
    let wqy = order.iter().position(|n| n == "bundled-cjk").unwrap();
    assert!(tc < wqy, "{order:?}");
}

#[test]
fn the_taiwan_face_has_every_ideograph_of_the_interface_catalogue() {
    // What livecue says itself in 繁體中文 (the catalogue, the editor's words, plan
    // problems) is drawn with Taiwan's glyph forms, never WenQuanYi's: the subset
    // script takes these files as its corpus, and this says when it must be run again.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("src/ui/text"), &mut files);
    let face = ttf_parser::Face::parse(livecue::BUNDLED_TC_FONT, 0).unwrap();
    let mut checked = std::collections::BTreeSet::new();
    let mut missing = std::collections::BTreeMap::<char, String>::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let han = text.chars().filter(|c| {
            matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
        });
        for c in han {
            if checked.insert(c) && face.glyph_index(c).is_none() {
                let name = path.strip_prefix(root).unwrap_or(path).display();
                missing.insert(c, name.to_string());
            }
        }
    }
    // Sanity: the editor's words and the plan problems' are in what was read.
    for c in ['劃', '賓', '裡'] {
        assert!(checked.contains(&c), "{c:?} not in the catalogue");
    }
    assert!(checked.len() > 400, "{} characters", checked.len());
    assert!(missing.is_empty(), "not in the TC subset: {missing:?}");
}
