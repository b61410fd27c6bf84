//! Colour emoji: the bundled Twemoji pictures drawn in place of emoji, in every text.
//!
//! egui's fonts have no colour glyphs: 😍 came out as a white outline and 🇸🇬 as the
//! letters "S G". egui asks a *priority glyph rasterizer* about each grapheme cluster
//! before its fonts; ours answers for a cluster with emoji presentation whose picture is
//! bundled, with that picture scaled to the text as a colour glyph (never tinted with the
//! text colour). A flag, a skin-tone or ZWJ sequence and a keycap are each one cluster,
//! so each becomes one picture; comments, the question card and the feeds need no code
//! of their own, and wrapping and truncation work as for any glyph. Text-style symbols
//! (⚠ ♪ ▲ ©, digits) have no emoji presentation and stay with the fonts.
//!
//! The pictures come as pages of 16×16 emoji sharing one palette (`assets/emoji/`,
//! 2.2 MB for all 3,786): a page is decoded when an emoji on it is first drawn, and the
//! last few pages stay decoded, as palette indices (1 MB a page).

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::{Arc, LazyLock, Mutex};

use egui::{Color32, ColorImage, FontPriority, GlyphBitmap, GlyphRasterizer, RasterizedGlyph};

/// Side of one emoji on a page, in pixels.
const CELL: usize = 64;
/// Emoji per row of a page.
const PER_SIDE: usize = 16;
/// Pages kept decoded: the emoji of one show tend to share a page or two.
const PAGES_KEPT: usize = 3;
/// The picture's side, as a share of the font size (as browsers draw Twemoji: 1 em).
const SIZE_EM: f32 = 1.0;
/// How far the picture reaches below the baseline, as a share of its side, so it sits
/// on the text like a capital letter with a little descent.
const DESCENT: f32 = 0.15;
/// Room on each side of the picture, as a share of its side.
const SIDE_BEARING: f32 = 0.05;

/// `KEY<TAB>PAGE<TAB>SLOT` lines: see `assets/emoji/make_pack.py`.
const INDEX: &str = include_str!("../../assets/emoji/index.tsv");

/// The pages, in order (CC-BY 4.0, see assets/README.md).
const PAGES: [&[u8]; 15] = [
    include_bytes!("../../assets/emoji/page-00.png"),
    include_bytes!("../../assets/emoji/page-01.png"),
    include_bytes!("../../assets/emoji/page-02.png"),
    include_bytes!("../../assets/emoji/page-03.png"),
    include_bytes!("../../assets/emoji/page-04.png"),
    include_bytes!("../../assets/emoji/page-05.png"),
    include_bytes!("../../assets/emoji/page-06.png"),
    include_bytes!("../../assets/emoji/page-07.png"),
    include_bytes!("../../assets/emoji/page-08.png"),
    include_bytes!("../../assets/emoji/page-09.png"),
    include_bytes!("../../assets/emoji/page-10.png"),
    include_bytes!("../../assets/emoji/page-11.png"),
    include_bytes!("../../assets/emoji/page-12.png"),
    include_bytes!("../../assets/emoji/page-13.png"),
    include_bytes!("../../assets/emoji/page-14.png"),
];

/// The key egui knows our rasterizer by (installing it twice is a no-op).
const RASTERIZER_KEY: &str = "livecue::emoji";

/// Makes every text drawn in `ctx` show emoji as the bundled pictures.
pub fn install(ctx: &egui::Context) {
    ctx.add_glyph_rasterizer(
        GlyphRasterizer::new(RASTERIZER_KEY, |request| {
            rasterize(request.cluster, request.font_size_px)
        })
        .with_priority(FontPriority::Highest),
    );
}

/// The picture for `cluster` at a font size of `font_size_px` physical pixels, or `None`
/// to leave the cluster to the fonts.
fn rasterize(cluster: &str, font_size_px: f32) -> Option<RasterizedGlyph> {
    let (page, slot) = lookup(cluster)?;
    let side = (font_size_px * SIZE_EM)
        .round()
        .clamp(1.0, egui::MAX_GLYPH_SIZE as f32);
    let image = picture(page, slot, side as u32)?;
    Some(RasterizedGlyph {
        bitmap: GlyphBitmap {
            image,
            offset_px: egui::vec2(
                (side * SIDE_BEARING).round(),
                -(side * (1.0 - DESCENT)).round(),
            ),
            is_color: true,
        },
        advance_px: (side * (1.0 + 2.0 * SIDE_BEARING)).round(),
    })
}

/// Where the picture for this grapheme cluster is, when it shows as an emoji (`©` or
/// `❤` alone are text) and the bundled set has one.
fn lookup(cluster: &str) -> Option<(usize, usize)> {
    if !egui::has_emoji_presentation(cluster) {
        return None;
    }
    INDEXED.get(&key(cluster)).copied()
}

/// The index key of a cluster: its code points in lower-case hex joined by `-`, without
/// U+FE0F, so `❤️` and `❤` spelled with or without the selector meet one picture.
fn key(cluster: &str) -> String {
    let mut out = String::with_capacity(cluster.len() * 3);
    for c in cluster.chars().filter(|&c| c != '\u{FE0F}') {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&format!("{:x}", u32::from(c)));
    }
    out
}

/// Emoji key → (page, slot), read from the bundled index on first use.
static INDEXED: LazyLock<HashMap<String, (usize, usize)>> = LazyLock::new(|| {
    INDEX
        .lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let key = parts.next()?;
            let page = parts.next()?.parse().ok()?;
            let slot = parts.next()?.parse().ok()?;
            Some((key.to_owned(), (page, slot)))
        })
        .collect()
});

/// One page, decoded: palette indices and the palette as premultiplied colours.
struct Page {
    width: usize,
    indices: Vec<u8>,
    palette: Vec<Color32>,
}

/// Pages by number, newest last.
type KeptPages = Vec<(usize, Arc<Page>)>;

/// The pages decoded lately.
static DECODED: LazyLock<Mutex<KeptPages>> = LazyLock::new(Mutex::default);

/// The emoji at `slot` of `page`, `side` pixels square.
fn picture(page: usize, slot: usize, side: u32) -> Option<ColorImage> {
    let decoded = decoded_page(page)?;
    let (col, row) = (slot % PER_SIDE, slot / PER_SIDE);
    let mut cell = image::RgbaImage::new(CELL as u32, CELL as u32);
    for (y, line) in cell.rows_mut().enumerate() {
        let start = (row * CELL + y) * decoded.width + col * CELL;
        let indices = decoded.indices.get(start..start + CELL)?;
        for (pixel, &i) in line.zip(indices) {
            let c = decoded.palette.get(usize::from(i)).copied()?;
            *pixel = image::Rgba(c.to_array());
        }
    }
    // Premultiplied before resampling, so transparent pixels lend no colour to the edge.
    let cell = if side as usize == CELL {
        cell
    } else {
        image::imageops::resize(&cell, side, side, image::imageops::FilterType::Triangle)
    };
    let pixels = cell
        .pixels()
        .map(|p| Color32::from_rgba_premultiplied(p[0], p[1], p[2], p[3]))
        .collect();
    Some(ColorImage::new([side as usize, side as usize], pixels))
}

/// Page `n`, decoded now or taken from the pages kept.
fn decoded_page(n: usize) -> Option<Arc<Page>> {
    // A poisoned lock only means another thread panicked mid-update; the list is
    // still a valid cache.
    let mut kept = DECODED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(at) = kept.iter().position(|(k, _)| *k == n) {
        let entry = kept.remove(at);
        let page = Arc::clone(&entry.1);
        kept.push(entry);
        return Some(page);
    }
    let page = Arc::new(decode_page(PAGES.get(n)?)?);
    if kept.len() == PAGES_KEPT {
        kept.remove(0);
    }
    kept.push((n, Arc::clone(&page)));
    Some(page)
}

/// An 8-bit palette PNG as indices and premultiplied colours (`None` for anything else:
/// the bundled pages are all of that kind, which a test checks).
fn decode_page(bytes: &[u8]) -> Option<Page> {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::IDENTITY);
    let mut reader = decoder.read_info().ok()?;
    let info = reader.info();
    if info.color_type != png::ColorType::Indexed || info.bit_depth != png::BitDepth::Eight {
        return None;
    }
    let width = info.width as usize;
    let rgb = info.palette.as_deref()?;
    let alpha = info.trns.as_deref().unwrap_or(&[]);
    let palette = rgb
        .chunks_exact(3)
        .enumerate()
        .map(|(i, c)| {
            let a = alpha.get(i).copied().unwrap_or(u8::MAX);
            Color32::from_rgba_unmultiplied(c[0], c[1], c[2], a)
        })
        .collect();
    let mut indices = vec![0; reader.output_buffer_size()?];
    reader.next_frame(&mut indices).ok()?;
    Some(Page {
        width,
        indices,
        palette,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_decodes_and_every_index_entry_is_on_a_page() {
        let pages: Vec<Page> = PAGES
            .iter()
            .map(|bytes| decode_page(bytes).expect("an 8-bit palette PNG"))
            .collect();
        assert_eq!(INDEXED.len(), INDEX.lines().count(), "one line per emoji");
        assert!(INDEXED.len() > 3_700, "{} emoji", INDEXED.len());
        for (key, &(page, slot)) in INDEXED.iter() {
            let page = pages.get(page).unwrap_or_else(|| panic!("{key}: no page"));
            let rows = page.indices.len() / page.width / CELL;
            assert!(slot / PER_SIDE < rows, "{key}: slot {slot} past the page");
        }
    }

    #[test]
    fn sequences_become_one_picture_and_text_symbols_stay_text() {
        for cluster in [
            "😍",
            "🇸🇬",
            "🇹🇼",
            "👍🏽",
            "👩\u{200D}💻",
            "❤\u{FE0F}",
            "#\u{FE0F}\u{20E3}",
            "🏳\u{FE0F}\u{200D}🌈",
        ] {
            assert!(lookup(cluster).is_some(), "{cluster:?} has no picture");
        }
        for cluster in ["⚠", "♪", "▲", "©", "1", "a", "中", "❤\u{FE0E}"] {
            assert!(lookup(cluster).is_none(), "{cluster:?} must stay text");
        }
    }

    #[test]
    fn a_picture_is_in_colour_and_at_the_text_size() {
        let glyph = rasterize("😍", 24.0).expect("a picture for 😍");
        assert!(glyph.bitmap.is_color);
        assert_eq!(glyph.bitmap.image.size, [24, 24]);
        // Twemoji's face is yellow and its eyes red: both must be there.
        let pixels = &glyph.bitmap.image.pixels;
        let yellow = pixels
            .iter()
            .any(|c| c.r() > 200 && c.g() > 150 && c.b() < 100 && c.a() == 255);
        let red = pixels
            .iter()
            .any(|c| c.r() > 180 && c.g() < 90 && c.b() < 110 && c.a() == 255);
        assert!(yellow && red, "not the heart-eyes face in colour");
        // Corners are outside the round face.
        assert_eq!(pixels[0].a(), 0);
    }

    /// A comment laid out as the feed lays it out: 😍 and the flag of Singapore must be
    /// colour pictures in the font atlas, not outline glyphs tinted with the text colour
    /// (😍 as a white blob) or a pair of letters (🇸🇬 as "S G").
    #[test]
    fn a_comment_lays_out_with_its_emoji_as_pictures() {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx, crate::ui::FontDiscovery::BundledOnly);
        // Fonts (and rasterizers) take effect on the first pass.
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                "好可愛 😍 from 🇸🇬!".to_owned(),
                egui::FontId::proportional(24.0),
                Color32::WHITE,
            )
        });
        let glyphs: Vec<&egui::epaint::text::Glyph> = galley
            .rows
            .iter()
            .flat_map(|r| r.row.glyphs.iter())
            .collect();
        let atlas = ctx.fonts(|f| f.image());
        let colours_at = |g: &egui::epaint::text::Glyph| {
            let [x0, y0] = g.uv_rect.min.map(usize::from);
            let [x1, y1] = g.uv_rect.max.map(usize::from);
            (y0..y1)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .map(|(x, y)| atlas[(x, y)])
                .filter(|c| c.a() == 255 && (c.r() != c.g() || c.g() != c.b()))
                .count()
        };

        let heart = glyphs.iter().find(|g| g.chr == '😍').expect("😍 laid out");
        assert!(
            heart.is_color,
            "😍 is a picture, not a glyph tinted by the text"
        );
        assert!(!heart.uv_rect.is_nothing());
        assert!(colours_at(heart) > 50, "😍 has colour pixels in the atlas");
        assert!(
            heart.advance_width >= 24.0,
            "at text size: {}",
            heart.advance_width
        );

        let flag: Vec<_> = glyphs
            .iter()
            .filter(|g| ('\u{1F1E6}'..='\u{1F1FF}').contains(&g.chr))
            .collect();
        assert_eq!(
            flag.len(),
            2,
            "one glyph per code point, as egui counts them"
        );
        assert!(
            flag[0].is_color && colours_at(flag[0]) > 50,
            "🇸🇬 is one picture"
        );
        assert!(flag[0].advance_width >= 24.0);
        assert_eq!(
            flag[1].advance_width, 0.0,
            "the second letter takes no room"
        );
        assert!(flag[1].uv_rect.is_nothing(), "and draws nothing");

        let letter = glyphs.iter().find(|g| g.chr == 'f').expect("text laid out");
        assert!(!letter.is_color, "ordinary text stays with the fonts");
        let chinese = glyphs.iter().find(|g| g.chr == '好').expect("CJK laid out");
        assert!(!chinese.is_color && !chinese.uv_rect.is_nothing());
    }
}
