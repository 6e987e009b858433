//! The HTML report: one self-contained page (inline CSS, inline SVG, no script, no external
//! asset), so it opens offline and can be mailed as one file. One section per indicator and
//! period; per unit a table of every cell and an SVG bar chart per disaggregation. A hidden
//! cell is drawn as a hatched bar labelled "ẩn" (hidden), never as a zero bar.

use std::fmt::Write as _;

use treem::indicator::definition::Dimension;
use treem::indicator::table::{Cell, Table};

use super::indicators::{blocks, by_code, figure, heading, place, value_text, Context};
use super::labels::Labels;

/// The page's style sheet.
const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1f24;padding:0 1rem}\
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2.5rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}\
h3{font-size:1rem;margin:1.2rem 0 .4rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}\
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}\
td.n{text-align:right;font-variant-numeric:tabular-nums}tr.total td{font-weight:600}.hidden{color:#8a5a00;font-style:italic}\
figure{margin:.5rem 0 1rem}figcaption{font-size:.85rem;color:#57606a}.note{color:#57606a;font-size:.85rem}\
@media print{body{margin:0}}";

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// The figure a bar shows: the value when there is one, else the numerator.
fn bar_figure(cell: &Cell) -> Option<f64> {
    cell.value
        .or_else(|| cell.numerator.as_ref().and_then(serde_json::Number::as_f64))
}

/// An SVG bar chart of the categories of one dimension.
fn chart(dimension: Dimension, cells: &[&Cell], l: &Labels) -> String {
    const ROW: usize = 26;
    const LABEL: usize = 260;
    const BARS: f64 = 300.0;
    let width = LABEL + 300 + 90;
    let height = ROW * cells.len() + 8;
    let max = cells
        .iter()
        .filter(|c| !c.suppressed)
        .filter_map(|c| bar_figure(c))
        .fold(0.0_f64, f64::max);
    let title = l.dimension(dimension);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-size=\"12\" aria-label=\"{}\">\
<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f6f0e0\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c9a227\" stroke-width=\"2\"/></pattern></defs>",
        esc(title)
    );
    for (i, cell) in cells.iter().enumerate() {
        let y = 4 + i * ROW;
        let category = match (cell.dimension, &cell.category) {
            (Some(d), Some(c)) => l.category(d, c),
            _ => String::new(),
        };
        let category = treem::privacy::truncate(&category, 40);
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 6,
            y + 16,
            esc(&category)
        );
        let text = value_text(cell, l);
        if cell.suppressed {
            // Hidden: a hatched bar of fixed length, labelled, so it never reads as zero.
            let _ = write!(
                svg,
                "<rect x=\"{LABEL}\" y=\"{}\" width=\"60\" height=\"18\" fill=\"url(#hatch)\" stroke=\"#c9a227\"><title>{}</title></rect>\
<text x=\"{}\" y=\"{}\" fill=\"#8a5a00\" font-style=\"italic\">{}</text>",
                y + 2,
                esc(l.pick("ô bị ẩn (số nhỏ)", "hidden cell (small count)")),
                LABEL + 66,
                y + 16,
                esc(&text)
            );
            continue;
        }
        let length = match bar_figure(cell) {
            Some(v) if max > 0.0 => (v / max * BARS).max(0.0),
            _ => 0.0,
        };
        let _ = write!(
            svg,
            "<rect x=\"{LABEL}\" y=\"{}\" width=\"{length:.1}\" height=\"18\" fill=\"#2f6fb0\"/>\
<text x=\"{:.1}\" y=\"{}\">{}</text>",
            y + 2,
            LABEL as f64 + length + 6.0,
            y + 16,
            esc(&text)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The whole page.
pub(crate) fn report(table: &Table, context: &Context) -> String {
    let l = Labels::new(context.lang);
    let title = l.pick(
        "Báo cáo chỉ tiêu thống kê về trẻ em",
        "Statistical indicators on children",
    );
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>{}</title><style>{STYLE}</style></head><body>\n<h1>{}</h1>\n<p class=\"note\">{}</p>\n<dl>",
        l.lang.as_str(),
        esc(title),
        esc(title),
        esc(l.pick(
            "Chỉ tiêu theo Thông tư 13/2021/TT-BLĐTBXH (và chỉ tiêu riêng của treem, ghi rõ). Ô có số đếm nhỏ được ẩn để bảo vệ trẻ em: \"ẩn\" không có nghĩa là 0.",
            "Indicators of Circular 13/2021/TT-BLĐTBXH (and treem's own, marked). Cells with small counts are hidden to protect children: \"hidden\" does not mean 0."
        ))
    );
    for (name, value) in heading(context, table, &l) {
        let _ = write!(html, "<dt>{}</dt><dd>{}</dd>", esc(&name), esc(&value));
    }
    html.push_str("</dl>\n");
    if table.cells.is_empty() {
        let _ = writeln!(
            html,
            "<p>{}</p>",
            esc(l.pick("Không có ô nào trong bảng.", "The table has no cell."))
        );
    }
    for (head, units) in blocks(table) {
        let Some(first) = units.first().and_then(|(_, cells)| cells.first()) else {
            continue;
        };
        let period = head.rsplit('|').next().unwrap_or_default();
        let _ = writeln!(
            html,
            "<section><h2>{} · {} <small>({} {})</small></h2>",
            esc(&first.indicator.to_string()),
            esc(&l.indicator(&first.indicator)),
            esc(l.pick("kỳ", "period")),
            esc(period)
        );
        for (unit, cells) in &units {
            let _ = write!(
                html,
                "<h3>{}</h3><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
                esc(&l.unit(unit)),
                esc(l.pick("Phân tổ", "Breakdown")),
                esc(l.pick("Tử số", "Numerator")),
                esc(l.pick("Mẫu số", "Denominator")),
                esc(l.pick("Giá trị", "Value"))
            );
            for cell in cells {
                let (class, label) = match (cell.dimension, &cell.category) {
                    (Some(d), Some(c)) => ("", format!("{}: {}", l.dimension(d), l.category(d, c))),
                    _ => (" class=\"total\"", l.pick("Tổng", "Total").to_owned()),
                };
                let hidden = if cell.suppressed { " hidden" } else { "" };
                let _ = write!(
                    html,
                    "<tr{class}><td>{}</td><td class=\"n{hidden}\">{}</td><td class=\"n{hidden}\">{}</td><td class=\"n{hidden}\">{}</td></tr>",
                    esc(&label),
                    esc(&figure(cell, cell.numerator.as_ref(), &l)),
                    esc(&figure(cell, cell.denominator.as_ref(), &l)),
                    esc(&value_text(cell, &l))
                );
            }
            html.push_str("</tbody></table>\n");
            // One chart per disaggregation, categories in table order.
            let mut dimensions: Vec<Dimension> = Vec::new();
            for cell in cells {
                if let Some(d) = cell.dimension {
                    if !dimensions.contains(&d) {
                        dimensions.push(d);
                    }
                }
            }
            for d in dimensions {
                let of: Vec<&Cell> = cells
                    .iter()
                    .copied()
                    .filter(|c| c.dimension == Some(d))
                    .collect();
                let _ = writeln!(
                    html,
                    "<figure>{}<figcaption>{} — {}</figcaption></figure>",
                    chart(d, &of, &l),
                    esc(l.dimension(d)),
                    esc(&l.unit(unit))
                );
            }
        }
        html.push_str("</section>\n");
    }
    if !context.problems.is_empty() {
        let _ = write!(
            html,
            "<section><h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(l.pick("Vấn đề với dữ liệu", "Problems with the data")),
            esc(l.pick("Mã", "Code")),
            esc(l.pick("Mức", "Severity")),
            esc(l.pick("Số lượng", "Count"))
        );
        for (code, severity, n) in by_code(&context.problems) {
            let severity = match severity {
                treem::Severity::Error => l.pick("lỗi", "error"),
                treem::Severity::Warning => l.pick("cảnh báo", "warning"),
            };
            let _ = write!(
                html,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{n}</td></tr>",
                esc(&code),
                esc(severity)
            );
        }
        html.push_str("</tbody></table><ul>");
        for p in &context.problems {
            let _ = write!(
                html,
                "<li>{}: {}</li>",
                esc(&place(p, &l)),
                esc(&p.issue.message)
            );
        }
        html.push_str("</ul></section>\n");
    }
    html.push_str("</body></html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
