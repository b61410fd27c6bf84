//! Comments per minute as bars, coloured by the segment on air, with a line where each
//! segment started (the same picture as `chart.png`, interactive).

use egui::Color32;
use egui_plot::{Bar, BarChart, Legend, Plot, VLine};

use crate::report::Report;
use crate::ui::text::Texts;
use crate::ui::theme;

/// Colours the segments take in turn.
const SEGMENT_COLOURS: [Color32; 4] = [theme::BLUE, theme::GREEN, theme::GOLD, theme::AMBER];

/// The chart, about a quarter of the screen high.
pub fn chart_ui(ui: &mut egui::Ui, texts: &Texts, report: &Report) {
    let bars: Vec<Bar> = report
        .per_minute
        .iter()
        .map(|m| {
            let colour = m
                .segment
                .map_or(theme::DIM, |i| SEGMENT_COLOURS[i % SEGMENT_COLOURS.len()]);
            Bar::new(m.minute as f64 + 0.5, m.received as f64)
                .width(0.9)
                .fill(colour)
                .name(
                    m.segment
                        .and_then(|i| report.segments.get(i))
                        .map_or(String::new(), |s| s.title.clone()),
                )
        })
        .collect();
    let height = (ui.available_height() * 0.32).clamp(160.0, 320.0);
    Plot::new("report-per-minute")
        .height(height)
        .legend(Legend::default())
        .allow_scroll(false)
        .x_axis_label(texts.report_minute_axis)
        .y_axis_label(texts.report_comments_axis)
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(texts.report_comments_axis, bars));
            for segment in &report.segments {
                if let Some(start) = segment.first_start_ms {
                    plot.vline(
                        VLine::new(&segment.title, start as f64 / 60_000.0).color(theme::FAINT),
                    );
                }
            }
        });
}
