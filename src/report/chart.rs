//! `chart.png`: comments per minute as bars (shown, and hidden stacked on top), over
//! coloured bands for the segments on air, each labelled with its title (or its number
//! when the band is too narrow, the titles then listed below the chart). Drawn with
//! the `image` crate and the bundled WenQuanYi Micro Hei font through `ab_glyph`, so
//! Chinese, Cyrillic and Latin labels render the same on every machine.

use std::path::Path;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use image::{Rgb, RgbImage};

use super::{Report, ReportError, show_time};

/// Width of `chart.png` in pixels.
pub const CHART_WIDTH: u32 = 1600;
/// Height of `chart.png` in pixels.
pub const CHART_HEIGHT: u32 = 640;

/// WenQuanYi Micro Hei (Apache-2.0, `assets/fonts/README.md`).
const FONT: &[u8] = crate::BUNDLED_CJK_FONT;

const LEFT: u32 = 80;
const RIGHT: u32 = 30;
const TOP: u32 = 96;
const BOTTOM: u32 = 150;

const BACKGROUND: Rgb<u8> = Rgb([255, 255, 255]);
const INK: Rgb<u8> = Rgb([33, 37, 41]);
const MUTED: Rgb<u8> = Rgb([108, 117, 125]);
const GRID: Rgb<u8> = Rgb([222, 226, 230]);
const SHOWN: Rgb<u8> = Rgb([37, 99, 176]);
const HIDDEN: Rgb<u8> = Rgb([173, 181, 189]);
const PEAK: Rgb<u8> = Rgb([200, 35, 51]);
const BANDS: [Rgb<u8>; 6] = [
    Rgb([255, 243, 205]),
    Rgb([209, 236, 241]),
    Rgb([212, 237, 218]),
    Rgb([248, 215, 218]),
    Rgb([226, 217, 243]),
    Rgb([255, 229, 208]),
];

struct Canvas {
    img: RgbImage,
    font: Option<FontRef<'static>>,
}

impl Canvas {
    fn fill(&mut self, x0: i64, y0: i64, x1: i64, y1: i64, color: Rgb<u8>) {
        let (w, h) = (i64::from(self.img.width()), i64::from(self.img.height()));
        for y in y0.max(0)..y1.min(h) {
            for x in x0.max(0)..x1.min(w) {
                self.img.put_pixel(x as u32, y as u32, color);
            }
        }
    }

    fn blend(&mut self, x: i64, y: i64, color: Rgb<u8>, coverage: f32) {
        if x < 0 || y < 0 || x >= i64::from(self.img.width()) || y >= i64::from(self.img.height()) {
            return;
        }
        let a = coverage.clamp(0.0, 1.0);
        let px = self.img.get_pixel_mut(x as u32, y as u32);
        for i in 0..3 {
            let mixed = f32::from(px.0[i]) * (1.0 - a) + f32::from(color.0[i]) * a;
            px.0[i] = mixed.round() as u8;
        }
    }

    /// Width of `text` at `size` pixels.
    fn text_width(&self, text: &str, size: f32) -> f32 {
        let Some(font) = &self.font else { return 0.0 };
        let scaled = font.as_scaled(PxScale::from(size));
        let mut width = 0.0;
        let mut previous = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if id.0 == 0 {
                continue;
            }
            if let Some(p) = previous {
                width += scaled.kern(p, id);
            }
            width += scaled.h_advance(id);
            previous = Some(id);
        }
        width
    }

    /// Draws `text` with its baseline at `y`; characters the font lacks (emoji) are
    /// left out rather than drawn as boxes. Returns the width drawn.
    fn text(&mut self, text: &str, x: f32, y: f32, size: f32, color: Rgb<u8>) -> f32 {
        let Some(font) = self.font.clone() else {
            return 0.0;
        };
        let scale = PxScale::from(size);
        let scaled = font.as_scaled(scale);
        let mut caret = x;
        let mut previous = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if id.0 == 0 {
                continue;
            }
            if let Some(p) = previous {
                caret += scaled.kern(p, id);
            }
            let glyph = id.with_scale_and_position(scale, point(caret, y));
            caret += scaled.h_advance(id);
            previous = Some(id);
            if let Some(outline) = font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                let (bx, by) = (bounds.min.x as i64, bounds.min.y as i64);
                outline.draw(|gx, gy, coverage| {
                    self.blend(bx + i64::from(gx), by + i64::from(gy), color, coverage);
                });
            }
        }
        caret - x
    }

    /// `text` cut with `…` to fit `max_width`.
    fn fit(&self, text: &str, size: f32, max_width: f32) -> Option<String> {
        if self.text_width(text, size) <= max_width {
            return Some(text.to_owned());
        }
        let chars: Vec<char> = text.chars().collect();
        for n in (1..chars.len()).rev() {
            let cut: String = chars[..n].iter().collect::<String>() + "…";
            if self.text_width(&cut, size) <= max_width {
                return Some(cut);
            }
        }
        None
    }
}

/// A round step for about `target` gridlines up to `max`.
fn nice_step(max: usize, target: usize) -> usize {
    let raw = (max.max(1) as f64 / target as f64).max(1.0);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    step as usize
}

/// Draws the chart of a report.
pub fn render_chart(report: &Report) -> RgbImage {
    let mut c = Canvas {
        img: RgbImage::from_pixel(CHART_WIDTH, CHART_HEIGHT, BACKGROUND),
        font: FontRef::try_from_slice_and_index(FONT, 0).ok(),
    };
    let (w, h) = (CHART_WIDTH as f32, CHART_HEIGHT as f32);
    let (plot_x0, plot_x1) = (LEFT as f32, w - RIGHT as f32);
    let (plot_y0, plot_y1) = (TOP as f32, h - BOTTOM as f32);

    let title = format!("{} — comments per minute", report.show.title);
    let title = c.fit(&title, 26.0, w - 40.0).unwrap_or_default();
    c.text(&title, 20.0, 36.0, 26.0, INK);
    let mut subtitle = match (&report.show.local_start, &report.show.weekday) {
        (Some(start), Some(day)) => format!("{day} {start} ({})", report.show.time_zone),
        _ => "the show did not start".to_owned(),
    };
    subtitle.push_str(&format!(
        " · {} comments · running time {}",
        report.comments.received,
        show_time(report.show.running_ms)
    ));
    c.text(&subtitle, 20.0, 64.0, 17.0, MUTED);

    let minutes = &report.per_minute;
    let n = minutes.len().max(1);
    let bar_w = (plot_x1 - plot_x0) / n as f32;
    let x_of = |i: usize| plot_x0 + i as f32 * bar_w;

    // Segment bands: consecutive minutes with the same segment on air.
    let mut bands: Vec<(usize, usize, usize)> = Vec::new();
    for (i, m) in minutes.iter().enumerate() {
        let Some(seg) = m.segment else { continue };
        match bands.last_mut() {
            Some((s, _, end)) if *s == seg && *end == i => *end = i + 1,
            _ => bands.push((seg, i, i + 1)),
        }
    }
    let mut listed = Vec::new();
    for &(seg, from, to) in &bands {
        let color = BANDS[seg % BANDS.len()];
        c.fill(
            x_of(from) as i64,
            plot_y0 as i64 - 26,
            x_of(to) as i64,
            plot_y1 as i64,
            color,
        );
    }
    // Labels after all bands, so a long one is not painted over by the next band.
    for &(seg, from, to) in &bands {
        let title = report
            .segments
            .get(seg)
            .map_or_else(String::new, |s| s.title.clone());
        let width = x_of(to) - x_of(from) - 6.0;
        let number = format!("{}", seg + 1);
        let full = format!("{number} {title}");
        let label = if c.text_width(&full, 15.0) <= width {
            Some(full)
        } else {
            if !listed.contains(&seg) {
                listed.push(seg);
            }
            c.fit(&full, 15.0, width)
                .filter(|l| l.chars().count() >= number.chars().count() + 4)
                .or_else(|| c.fit(&number, 15.0, width))
        };
        if let Some(label) = label {
            c.text(&label, x_of(from) + 3.0, plot_y0 - 8.0, 15.0, INK);
        }
    }

    // Grid and y axis.
    let max = minutes.iter().map(|m| m.received).max().unwrap_or(0).max(1);
    let step = nice_step(max, 5);
    let top = max.div_ceil(step) * step;
    let y_of = |v: usize| plot_y1 - (v as f32 / top as f32) * (plot_y1 - plot_y0 - 4.0);
    let mut v = 0;
    while v <= top {
        let y = y_of(v);
        c.fill(plot_x0 as i64, y as i64, plot_x1 as i64, y as i64 + 1, GRID);
        let label = v.to_string();
        let lw = c.text_width(&label, 14.0);
        c.text(&label, plot_x0 - 8.0 - lw, y + 5.0, 14.0, MUTED);
        v += step;
    }

    // Bars: shown at the bottom, hidden stacked on top.
    let gap = if bar_w >= 4.0 { 1.0 } else { 0.0 };
    for (i, m) in minutes.iter().enumerate() {
        let (x0, x1) = (x_of(i) + gap, x_of(i + 1) - gap);
        let (x0, x1) = (x0 as i64, (x1 as i64).max(x0 as i64 + 1));
        c.fill(x0, y_of(m.shown) as i64, x1, plot_y1 as i64, SHOWN);
        c.fill(
            x0,
            y_of(m.received) as i64,
            x1,
            y_of(m.shown) as i64,
            HIDDEN,
        );
    }
    c.fill(
        plot_x0 as i64,
        plot_y1 as i64,
        plot_x1 as i64,
        plot_y1 as i64 + 2,
        INK,
    );

    // X axis: show time, every so many minutes.
    let every = [1, 2, 5, 10, 15, 30, 60]
        .into_iter()
        .find(|k| bar_w * *k as f32 >= 64.0)
        .unwrap_or(120);
    for (i, m) in minutes.iter().enumerate() {
        if m.minute.rem_euclid(every) != 0 {
            continue;
        }
        let x = x_of(i);
        c.fill(
            x as i64,
            plot_y1 as i64,
            x as i64 + 1,
            plot_y1 as i64 + 7,
            INK,
        );
        let label = show_time(m.minute * 60_000);
        let label = label.strip_suffix(":00").unwrap_or(&label).to_owned();
        let lw = c.text_width(&label, 14.0);
        c.text(&label, x - lw / 2.0, plot_y1 + 24.0, 14.0, MUTED);
    }
    c.text(
        "show time (h:mm)",
        plot_x1 - 120.0,
        plot_y1 + 46.0,
        13.0,
        MUTED,
    );

    // The peak.
    if let Some(peak) = &report.comments.peak
        && let Some(i) = minutes.iter().position(|m| m.minute == peak.minute)
    {
        let x = x_of(i) + bar_w / 2.0;
        let y = y_of(peak.comments);
        let label = format!(
            "peak {}/min at {}{}",
            peak.comments,
            show_time(peak.minute * 60_000),
            peak.segment
                .as_deref()
                .map(|s| format!(" · {s}"))
                .unwrap_or_default()
        );
        let label = c.fit(&label, 15.0, w / 2.0).unwrap_or_default();
        let lw = c.text_width(&label, 15.0);
        let lx = (x - lw / 2.0).clamp(plot_x0, plot_x1 - lw);
        c.fill(
            x as i64 - 3,
            y as i64 - 10,
            x as i64 + 3,
            y as i64 - 4,
            PEAK,
        );
        c.text(&label, lx, (y - 14.0).max(plot_y0 + 14.0), 15.0, PEAK);
    }

    // Legend: colours, then the titles the bands had no room for.
    let mut lx = plot_x0;
    let ly = plot_y1 + 74.0;
    for (color, name) in [
        (SHOWN, "comments shown, per minute"),
        (HIDDEN, "hidden by the filter"),
    ] {
        c.fill(
            lx as i64,
            ly as i64 - 12,
            lx as i64 + 14,
            ly as i64 + 2,
            color,
        );
        lx += 20.0 + c.text(name, lx + 20.0, ly, 14.0, INK) + 20.0;
    }
    let mut line_y = ly + 26.0;
    let mut x = plot_x0;
    listed.sort_unstable();
    for seg in listed {
        let Some(s) = report.segments.get(seg) else {
            continue;
        };
        let entry = format!("{} {}", seg + 1, s.title);
        let ew = c.text_width(&entry, 14.0) + 28.0;
        if x + ew > plot_x1 && x > plot_x0 {
            x = plot_x0;
            line_y += 22.0;
        }
        if line_y > h - 6.0 {
            break;
        }
        c.fill(
            x as i64,
            line_y as i64 - 12,
            x as i64 + 14,
            line_y as i64 + 2,
            BANDS[seg % BANDS.len()],
        );
        c.text(&entry, x + 20.0, line_y, 14.0, INK);
        x += ew;
    }
    c.img
}

/// Draws the chart and saves it as PNG.
pub fn write_chart(report: &Report, path: &Path) -> Result<(), ReportError> {
    render_chart(report)
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| ReportError::Chart(format!("{}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(1, 5), 1);
        assert_eq!(nice_step(7, 5), 2);
        assert_eq!(nice_step(42, 5), 10);
        assert_eq!(nice_step(180, 5), 50);
        assert_eq!(nice_step(1200, 5), 500);
    }

    #[test]
    fn the_bundled_font_has_chinese_and_cyrillic() {
        let font = FontRef::try_from_slice_and_index(FONT, 0).unwrap();
        for c in ['暖', '場', 'Ж', 'ä', 'A'] {
            assert_ne!(font.glyph_id(c).0, 0, "{c}");
        }
    }
}
