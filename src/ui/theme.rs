//! Dark, high-contrast look, readable from a metre or two away.

use egui::{Color32, FontFamily, FontId, Visuals};

use crate::show::Phase;

/// Main text.
pub const TEXT: Color32 = Color32::from_rgb(0xF2, 0xF2, 0xF2);
/// Secondary text.
pub const DIM: Color32 = Color32::from_rgb(0xA8, 0xAC, 0xB4);
/// Hidden comments and inactive things.
pub const FAINT: Color32 = Color32::from_rgb(0x6A, 0x6E, 0x76);
/// Window background.
pub const BACKGROUND: Color32 = Color32::from_rgb(0x0E, 0x10, 0x14);
/// Panel background.
pub const PANEL: Color32 = Color32::from_rgb(0x17, 0x1A, 0x20);
/// Card background.
pub const CARD: Color32 = Color32::from_rgb(0x22, 0x26, 0x2E);
/// Warning phase and "behind plan".
pub const AMBER: Color32 = Color32::from_rgb(0xFF, 0xB0, 0x20);
/// Danger phase and overtime.
pub const RED: Color32 = Color32::from_rgb(0xFF, 0x4A, 0x4A);
/// "Ahead of plan" and healthy status.
pub const GREEN: Color32 = Color32::from_rgb(0x5C, 0xD6, 0x8A);
/// The selected row of a list.
pub const SELECTED_ROW: Color32 = Color32::from_rgb(0x2A, 0x34, 0x46);
/// Questions and links to act on.
pub const BLUE: Color32 = Color32::from_rgb(0x6E, 0xB6, 0xFF);
/// Guests and highlighted users.
pub const GOLD: Color32 = Color32::from_rgb(0xFF, 0xD8, 0x66);
/// Cue banner background (and its flash).
pub const CUE_BG: [Color32; 2] = [
    Color32::from_rgb(0x5A, 0x3A, 0x00),
    Color32::from_rgb(0x8A, 0x5A, 0x00),
];

/// Key hints on the cue banner: at least 4.5:1 against both flash colours (WCAG AA for
/// normal text), where the usual faint hint all but vanished on amber.
pub const CUE_KEY_HINT: Color32 = TEXT;

/// The WCAG 2 contrast ratio of two opaque colours, from 1 (none) to 21 (black on white).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG 2's relative luminance of an sRGB colour.
fn relative_luminance(c: Color32) -> f32 {
    let linear = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(c.r()) + 0.7152 * linear(c.g()) + 0.0722 * linear(c.b())
}

/// The countdown colour for a phase.
pub fn phase_color(phase: Phase) -> Color32 {
    match phase {
        Phase::Idle => DIM,
        Phase::Running => TEXT,
        Phase::Warning => AMBER,
        Phase::Danger | Phase::Overtime => RED,
    }
}

/// Proportional text of `size` points.
pub fn text(size: f32) -> FontId {
    FontId::new(size, FontFamily::Proportional)
}

/// Monospace text of `size` points (the clocks, so digits do not jitter).
pub fn mono(size: f32) -> FontId {
    FontId::new(size, FontFamily::Monospace)
}

/// Sizes that scale with the window, so 1280×720 and 1920×1080 both work.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    /// 1.0 at 1920×1080.
    pub k: f32,
}

impl Scale {
    /// The scale for a window of this size.
    pub fn for_size(size: egui::Vec2) -> Self {
        let k = (size.x / 1920.0).min(size.y / 1080.0).clamp(0.55, 2.0);
        Self { k }
    }

    /// A size in points at 1080p, scaled.
    pub fn pt(self, at_1080p: f32) -> f32 {
        (at_1080p * self.k).round()
    }
}

/// Installs the dark high-contrast visuals.
pub fn apply(ctx: &egui::Context) {
    let mut visuals = Visuals::dark();
    visuals.panel_fill = PANEL;
    visuals.window_fill = PANEL;
    visuals.extreme_bg_color = BACKGROUND;
    visuals.override_text_color = Some(TEXT);
    visuals.widgets.inactive.weak_bg_fill = CARD;
    visuals.widgets.inactive.bg_fill = CARD;
    ctx.set_visuals(visuals);
    ctx.global_style_mut(|style| {
        style.spacing.button_padding = egui::vec2(12.0, 6.0);
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        for (text_style, font) in [
            (egui::TextStyle::Body, text(18.0)),
            (egui::TextStyle::Button, text(18.0)),
            (egui::TextStyle::Small, text(14.0)),
            (egui::TextStyle::Heading, text(26.0)),
            (egui::TextStyle::Monospace, mono(18.0)),
        ] {
            style.text_styles.insert(text_style, font);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratio_matches_wcag_reference_values() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(RED, RED) - 1.0).abs() < 1e-6);
        // #777777 on white is WCAG's classic near miss: 4.48:1.
        let grey = Color32::from_rgb(0x77, 0x77, 0x77);
        assert!((contrast_ratio(grey, Color32::WHITE) - 4.48).abs() < 0.01);
    }

    #[test]
    fn the_cue_banner_key_hint_is_readable_on_both_flash_colours() {
        for bg in CUE_BG {
            let ratio = contrast_ratio(CUE_KEY_HINT, bg);
            assert!(ratio >= 4.5, "{ratio:.2}:1 on {bg:?}");
        }
        // The faint hint it replaces was not: the test tells the two apart.
        assert!(contrast_ratio(FAINT, CUE_BG[1]) < 4.5);
    }
}
